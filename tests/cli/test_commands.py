"""``get``, ``list``, ``delete``, the global options and the exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from customer_profiles_typed.__main__ import build_parser as module_parser
from customer_profiles_typed.cli import build_parser, main
from customer_profiles_typed.testing import Emulator

from .helpers import Runner, flow_uri, s3_spec, write_json


@pytest.fixture
def applied(cli: Runner, emulator: Emulator, tmp_path: Path) -> list[str]:
    """A domain ``d1`` holding one applied S3 integration; returns the endpoint options."""
    emulator.client().create_domain(DomainName="d1", DefaultExpirationDays=30)
    url = ["--endpoint-url", emulator.endpoint_url]
    assert cli("apply", write_json(tmp_path / "s.json", s3_spec("d1", tags={"team": "crm"})), "--yes", *url).code == 0
    return url


def test_get_shows_an_integration(cli: Runner, applied: list[str]) -> None:
    text = cli("get", "--domain", "d1", "--uri", flow_uri("d1-flow"), *applied)
    assert text.code == 0
    assert f"Uri             {flow_uri('d1-flow')}" in text.out.splitlines()
    data = cli("get", "--domain", "d1", "--uri", flow_uri("d1-flow"), "--output", "json", *applied).json()
    assert data["ObjectTypeName"] == "CustomerCsv" and data["Tags"]["team"] == "crm"
    assert data["CreatedAt"].endswith("+00:00")
    missing = cli("get", "--domain", "d1", "--uri", "arn:aws:appflow:us-east-1:1:flow/none", *applied)
    assert missing.code == 1 and "ResourceNotFoundException" in missing.err


def test_list_shows_a_domains_integrations(cli: Runner, applied: list[str]) -> None:
    text = cli("list", "--domain", "d1", *applied)
    assert text.code == 0
    assert text.out.splitlines()[0].split() == ["URI", "OBJECT", "TYPE", "LAST", "UPDATED"]
    assert flow_uri("d1-flow") in text.out and "1 integration in domain d1." in text.out
    data = cli("list", "--domain", "d1", "--output", "json", *applied).json()
    assert [item["Uri"] for item in data] == [flow_uri("d1-flow")]
    assert cli("list", "--domain", "nope", *applied).code == 1


def test_delete_asks_unless_yes(
    cli: Runner, applied: list[str], emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    refused = cli("delete", "--domain", "d1", "--uri", flow_uri("d1-flow"), *applied)
    assert refused.code == 2 and emulator.integrations("d1") != []
    deleted = cli("delete", "--domain", "d1", "--uri", flow_uri("d1-flow"), "--yes", *applied)
    assert deleted.code == 0 and emulator.integrations("d1") == []
    again = cli("delete", "--domain", "d1", "--uri", flow_uri("d1-flow"), "--yes", *applied)
    assert again.code == 1 and "ResourceNotFoundException" in again.err


def test_global_options_go_before_or_after_the_command(cli: Runner, applied: list[str]) -> None:
    before = cli("--output", "json", *applied, "list", "--domain", "d1")
    after = cli("list", "--domain", "d1", "--output", "json", *applied)
    assert before.code == after.code == 0
    assert before.json() == after.json()


def test_a_missing_region_is_a_usage_error(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    result = cli("plan", write_json(tmp_path / "s.json", s3_spec("d1")))
    assert result.code == 2
    assert "--region" in result.err


def test_bad_arguments_exit_2() -> None:
    for argv in (["apply"], ["plan", "x.json", "--concurrency", "0"], ["nope"], ["get", "--domain", "d"]):
        with pytest.raises(SystemExit) as raised:
            main(argv)
        assert raised.value.code == 2


def test_the_help_documents_the_exit_codes() -> None:
    text = build_parser().format_help()
    assert "exit codes:" in text and "130" in text
    assert module_parser().prog == "python -m customer_profiles_typed"
    usage = build_parser().format_usage()
    assert "COMMAND" in usage
    listed = build_parser().format_help().split("COMMAND", 2)[2]
    assert [name for name in ("apply", "delete", "demo", "emulator", "get", "list", "plan", "validate") if f"    {name} " in listed] == ["apply", "delete", "demo", "emulator", "get", "list", "plan", "validate"]
