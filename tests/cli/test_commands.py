"""``get``, ``list``, ``delete``, the global options and the exit codes."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest

from customer_profiles_typed.__main__ import build_parser as module_parser
from customer_profiles_typed.cli import FLOW_HASH_TAG, build_parser, main
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
    lines = text.out.splitlines()
    assert f"Uri                {flow_uri('d1-flow')}" in lines
    assert "EventTriggerNames  []" in lines
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


GET = ["get", "--domain", "d1", "--uri", flow_uri("d1-flow")]
LIST = ["list", "--domain", "d1"]
DELETE = ["delete", "--domain", "d1", "--uri", flow_uri("d1-flow"), "--yes"]


# A list answer whose body is not JSON is no empty page: the list fails too.
@pytest.mark.parametrize(
    ("command", "operation", "fault"),
    [
        (GET, "GetIntegration", "drop_connection"),
        (GET, "GetIntegration", "malformed_body"),
        (LIST, "ListIntegrations", "drop_connection"),
        (LIST, "ListIntegrations", "malformed_body"),
        (DELETE, "DeleteIntegration", "drop_connection"),
        (DELETE, "DeleteIntegration", "malformed_body"),
    ],
)
def test_no_usable_answer_is_one_line_and_exit_1(
    cli: Runner, applied: list[str], emulator: Emulator, command: list[str], operation: str, fault: str
) -> None:
    if fault == "drop_connection":
        emulator.inject_fault(operation, drop_connection=True)
    else:
        emulator.inject_fault(operation, malformed_body=True)
    result = cli(*command, *applied, "--max-attempts", "1")
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("error: TransportError: ")
    assert len(result.err.splitlines()) == 1
    assert emulator.pending_faults(operation) == 0


def test_a_refused_connection_is_one_line_and_exit_1(cli: Runner) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # nothing listens there once it is closed
    url = f"http://127.0.0.1:{port}"
    for command in (["get", "--uri", "u"], ["list"], ["delete", "--uri", "u", "--yes"]):
        result = cli(command[0], "--domain", "d", *command[1:], "--endpoint-url", url, "--max-attempts", "1")
        assert result.code == 1, command
        assert result.err.startswith("error: TransportError: ") and "EndpointConnectionError" in result.err
        assert len(result.err.splitlines()) == 1


def test_the_emulator_on_a_taken_port_is_one_line_and_exit_1(cli: Runner) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("emulator", "--port", str(port))
    assert result.code == 1
    assert result.err.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.err.splitlines()) == 1


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
    for argv in (
        ["apply"],
        ["plan", "x.json", "--concurrency", "0"],
        ["nope"],
        ["get", "--domain", "d"],
        ["emulator", "--port", "70000"],
    ):
        with pytest.raises(SystemExit) as raised:
            main(argv)
        assert raised.value.code == 2


@pytest.mark.parametrize("command", ["plan", "apply"])
def test_the_help_says_what_the_flow_hash_tag_discloses(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main([command, "--help"])
    assert raised.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert (
        f"apply stores an unsalted SHA-256 of each FlowDefinition in the tag {FLOW_HASH_TAG}, "
        "so anyone who can read the integration's tags can confirm a guess of the flow's content"
    ) in text


def test_the_help_documents_the_exit_codes() -> None:
    text = build_parser().format_help()
    assert "exit codes:" in text and "130" in text
    assert module_parser().prog == "python -m customer_profiles_typed"
    usage = build_parser().format_usage()
    assert "COMMAND" in usage
    listed = build_parser().format_help().split("COMMAND", 2)[2]
    assert [name for name in ("apply", "delete", "demo", "emulator", "get", "list", "plan", "validate") if f"    {name} " in listed] == ["apply", "delete", "demo", "emulator", "get", "list", "plan", "validate"]
