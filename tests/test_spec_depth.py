"""Spec documents nested absurdly deep are a located problem, never a ``RecursionError``."""

from __future__ import annotations

from pathlib import Path

import pytest

from customer_profiles_typed.cli import main
from customer_profiles_typed.specs import MAX_DEPTH, parse_spec_text


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1_100, 100_000])
def test_deep_json_is_one_problem(depth: int) -> None:
    result = parse_spec_text("[" * depth + "]" * depth)
    assert [problem.rule for problem in result.problems] == ["shape"]
    assert "nest more than" in result.problems[0].message
    assert result.specs == ()


def test_deep_yaml_is_one_problem() -> None:
    result = parse_spec_text("a:\n" + "- " * 1_200 + "x\n", format="yaml")
    assert [problem.rule for problem in result.problems] == ["shape"]


def test_nesting_within_the_limit_is_judged_as_a_request() -> None:
    depth = MAX_DEPTH - 1
    result = parse_spec_text("[" * depth + "]" * depth)
    assert result.problems
    assert all("nest more than" not in problem.message for problem in result.problems)


def test_the_command_line_reports_it_and_the_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5_000 + "]" * 5_000)
    other = tmp_path / "other.json"
    other.write_text("{}")
    code = main(["validate", str(deep), str(other)])
    out, err = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in out + err
    assert "deep.json" in out + err and "nest more than" in out + err
    assert "other.json" in out + err
