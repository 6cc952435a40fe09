"""``get``, ``list`` and ``delete`` with a bad argument: the option, the rule and the fix, exit 2."""

from __future__ import annotations

import io

import pytest

from customer_profiles_typed.testing import Emulator

from .helpers import Runner


def test_get_names_the_option_the_rule_and_what_the_value_must_be(
    cli: Runner, emulator: Emulator
) -> None:
    result = cli("get", "--domain", "bad domain!", "--uri", "u", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        "error: invalid arguments of GetIntegration: 1 problem",
        "  --domain (DomainName): must match the pattern '^[a-zA-Z0-9_-]+$', got 'bad domain!' (pattern)",
    ]
    assert emulator.request_count() == 0


def test_list_reports_a_name_too_long(cli: Runner, emulator: Emulator) -> None:
    result = cli("list", "--domain", "d" * 65, "--endpoint-url", emulator.endpoint_url)
    assert result.code == 2
    assert "  --domain (DomainName): must be at most 64 characters, is 65 (max)" in result.err.splitlines()


def test_delete_reports_every_problem_before_asking(
    cli: Runner, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No --yes and no terminal: the arguments are refused before the question is.
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = cli("delete", "--domain", "", "--uri", "", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0] == "error: invalid arguments of DeleteIntegration: 3 problems"
    assert "  --domain (DomainName): must be at least 1 characters, is 0 (min)" in lines
    assert "  --uri (Uri): must be at least 1 characters, is 0 (min)" in lines
    assert "refusing" not in result.err
    assert emulator.request_count() == 0
