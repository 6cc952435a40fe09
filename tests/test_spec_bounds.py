"""Spec input is bounded: aliases, duplicate keys, timestamps, long integers, file size and kind.

Each bound is a located problem of its file (``SpecFile.problems``), never an
exception, a hang or memory spent on the expansion; on the command line one
bad file never hides the report of the others.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from customer_profiles_typed import PutIntegrationRequest
from customer_profiles_typed.cli import main
from customer_profiles_typed.specs import (
    MAX_ALIAS_NODES,
    MAX_FILE_BYTES,
    SpecProblem,
    parse_spec_file,
    parse_spec_text,
)

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"

SCHEDULED = f"""DomainName: retail
ObjectTypeName: Shop
FlowDefinition:
  FlowName: shop-flow
  KmsArn: {KMS_KEY}
  SourceFlowConfig:
    ConnectorType: S3
    SourceConnectorProperties: {{S3: {{BucketName: example-exports}}}}
  Tasks: [{{TaskType: Filter, SourceFields: [a], ConnectorOperator: {{S3: PROJECTION}}}}]
  TriggerConfig:
    TriggerType: Scheduled
    TriggerProperties:
      Scheduled:
        ScheduleExpression: rate(1hours)
        ScheduleStartTime: {{start}}
"""
"""A valid scheduled S3 integration in YAML, its start time left to fill in (unquoted)."""


def scheduled(start: str) -> str:
    """``SCHEDULED`` starting at ``start``, written as is."""
    return SCHEDULED.replace("{start}", start)

START = "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleStartTime"


def rules(problems: tuple[SpecProblem, ...] | list[SpecProblem]) -> list[str]:
    return [problem.rule for problem in problems]


# --- YAML aliases -------------------------------------------------------------------


def alias_bomb(levels: int) -> str:
    """Each level a list of ten aliases of the level below: 10 ** levels leaves in 60 bytes a level."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [5, 9])
def test_an_alias_bomb_is_refused_at_the_alias_that_crosses_the_bound(levels: int) -> None:
    result = parse_spec_text(alias_bomb(levels), format="yaml")
    (problem,) = result.problems
    assert problem.rule == "shape"
    assert f"aliases add more than {MAX_ALIAS_NODES} nodes" in problem.message
    assert problem.line == 4  # l3 is the first level that adds more than 10,000 nodes
    assert result.count == 0 and result.specs == ()


def test_many_uses_of_one_anchor_are_refused_too() -> None:
    text = "base: &b [" + ", ".join(["x"] * 100) + "]\nuses: [" + ", ".join(["*b"] * 200) + "]\n"
    (problem,) = parse_spec_text(text, format="yaml").problems
    assert problem.rule == "shape" and problem.line == 2


def test_an_alias_inside_the_node_it_names_is_refused() -> None:
    (problem,) = parse_spec_text("a: &a [1, *a]\n", format="yaml").problems
    assert (problem.rule, problem.line, problem.column) == ("shape", 1, 11)
    assert "inside the node it names" in problem.message


def test_small_anchors_are_read_as_ever() -> None:
    text = "DomainName: &name retail\nObjectTypeName: *name\nTags: &tags {team: data}\n"
    result = parse_spec_text(text, format="yaml")
    assert result.problems == ()
    (spec,) = result.specs
    assert isinstance(spec.request, PutIntegrationRequest)
    assert spec.request.object_type_name == "retail"


# --- YAML duplicate keys -------------------------------------------------------------


def test_a_yaml_key_written_twice_is_a_syntax_error_at_the_second() -> None:
    text = "DomainName: retail\nTags:\n  team: data\n  team: sales\n"
    (problem,) = parse_spec_text(text, format="yaml").problems
    assert (problem.rule, problem.line, problem.column) == ("syntax", 4, 3)
    assert "the key 'team' appears twice in one object" in problem.message


def test_json_and_yaml_refuse_the_same_duplicate() -> None:
    json_problems = parse_spec_text('{"DomainName": "a", "DomainName": "b"}').problems
    yaml_problems = parse_spec_text("DomainName: a\nDomainName: b\n", format="yaml").problems
    assert rules(json_problems) == rules(yaml_problems) == ["syntax"]
    assert json_problems[0].message in yaml_problems[0].message


def test_a_merge_key_may_still_be_overridden() -> None:
    text = "base: &base {a: 1, b: 2}\nmerged:\n  <<: *base\n  b: 3\n"
    result = parse_spec_text(text, format="yaml")
    assert "syntax" not in rules(result.problems)


# --- timestamps ------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["0000-01-01", "0001-01-01 00:00:00+05:00", "9999-12-31 23:00:00-05:00"])
def test_a_yaml_timestamp_out_of_range_is_a_problem_at_its_field(start: str) -> None:
    result = parse_spec_text(scheduled(start), format="yaml")
    assert [(problem.path, problem.rule) for problem in result.problems] == [(START, "type")]


def test_a_yaml_timestamp_in_range_is_the_instant_it_names() -> None:
    unquoted = parse_spec_text(scheduled("2030-01-01 00:00:00Z"), format="yaml")
    quoted = parse_spec_text(scheduled('"2030-01-01T00:00:00Z"'), format="yaml")
    assert unquoted.problems == quoted.problems == ()
    assert unquoted.specs[0].request == quoted.specs[0].request


def test_a_timestamp_shaped_tag_value_is_the_string_written() -> None:
    (spec,) = parse_spec_text("DomainName: retail\nTags: {since: 2030-01-01}\n", format="yaml").specs
    assert spec.request.tags == {"since": "2030-01-01"}


# --- long integers and unreadable scalars -------------------------------------------------


def test_a_5000_digit_integer_in_json_is_a_problem_at_its_place() -> None:
    text = json.dumps([{"DomainName": "retail"}, {"DomainName": "x", "Tags": {"a": 0}}])
    text = text.replace('"a": 0', '"a": ' + "7" * 5_000)
    (problem,) = parse_spec_text(text).problems
    assert (problem.item, problem.path, problem.rule) == (1, "Tags.a", "syntax")
    assert "an integer of 5000 digits" in problem.message


def test_a_5000_digit_integer_in_yaml_is_a_problem_at_its_line() -> None:
    (problem,) = parse_spec_text("DomainName: retail\nTags:\n  a: " + "7" * 5_000 + "\n", format="yaml").problems
    assert (problem.line, problem.column, problem.rule) == (3, 6, "syntax")
    assert "an integer of 5000 digits" in problem.message


@pytest.mark.parametrize("scalar", ["!!int abc", "!!int ''", "!!float abc", "!!bool maybe"])
def test_a_scalar_that_cannot_be_its_tagged_type_is_a_syntax_problem(scalar: str) -> None:
    (problem,) = parse_spec_text(f"DomainName: retail\nTags: {{a: {scalar}}}\n", format="yaml").problems
    assert (problem.line, problem.rule) == (2, "syntax")


# --- file size and kind ------------------------------------------------------------------


@pytest.fixture
def released_fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO; should a reader ever open it, a writer opens and closes it so that the read ends."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform has no FIFOs")
    fifo = tmp_path / "spec.json"
    os.mkfifo(fifo)
    done = threading.Event()

    def release() -> None:
        while not done.wait(0.01):
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # no reader has it open
                continue

    writer = threading.Thread(target=release, daemon=True)
    writer.start()
    yield fifo
    done.set()
    writer.join()


def test_a_fifo_is_a_file_problem_and_is_never_opened(released_fifo: Path) -> None:
    (problem,) = parse_spec_file(released_fifo).problems
    assert problem.rule == "file" and problem.file == str(released_fifo)
    assert "a FIFO, not a regular file" in problem.message


def test_a_link_to_a_device_is_a_file_problem(tmp_path: Path) -> None:
    device = Path(os.devnull)
    if not device.is_char_device():
        pytest.skip("this platform's null device is no character device")
    link = tmp_path / "spec.json"
    link.symlink_to(device)  # /dev/zero would never end: the kind is checked before reading
    (problem,) = parse_spec_file(link).problems
    assert problem.rule == "file" and "a character device, not a regular file" in problem.message


def test_a_directory_is_a_file_problem(tmp_path: Path) -> None:
    folder = tmp_path / "spec.json"
    folder.mkdir()
    (problem,) = parse_spec_file(folder).problems
    assert problem.rule == "file" and "a directory" in problem.message


def test_a_file_over_the_cap_is_a_file_problem(tmp_path: Path) -> None:
    large = tmp_path / "large.json"
    with large.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    (problem,) = parse_spec_file(large).problems
    assert problem.rule == "file" and "larger than 10 MiB" in problem.message


def test_a_file_at_the_cap_is_read(tmp_path: Path) -> None:
    spec = '{"DomainName": "retail"}'
    padded = tmp_path / "padded.json"
    padded.write_text(spec + " " * (MAX_FILE_BYTES - len(spec)))
    result = parse_spec_file(padded)
    assert result.problems == () and len(result.specs) == 1


def test_the_command_line_reports_every_bad_file_and_the_good_one(
    tmp_path: Path, released_fifo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(9))
    duplicate = tmp_path / "duplicate.yaml"
    duplicate.write_text("DomainName: a\nDomainName: b\n")
    year0 = tmp_path / "year0.yaml"
    year0.write_text(scheduled("0000-01-01"))
    digits = tmp_path / "digits.json"
    digits.write_text('{"DomainName": ' + "7" * 5_000 + "}")
    good = tmp_path / "good.json"
    good.write_text('{"DomainName": "retail"}')
    files = [released_fifo, bomb, duplicate, year0, digits, good]
    code = main(["validate", "--output", "json", *map(str, files)])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "Traceback" not in err
    report = json.loads(out)
    by_file = {entry["file"]: entry for entry in report["files"]}
    assert list(by_file) == [str(file) for file in files]
    assert [problem["rule"] for problem in by_file[str(released_fifo)]["problems"]] == ["file"]
    assert [problem["rule"] for problem in by_file[str(bomb)]["problems"]] == ["shape"]
    assert [problem["rule"] for problem in by_file[str(duplicate)]["problems"]] == ["syntax"]
    assert [problem["path"] for problem in by_file[str(year0)]["problems"]] == [START]
    assert [problem["rule"] for problem in by_file[str(digits)]["problems"]] == ["syntax"]
    assert by_file[str(good)]["problems"] == []
