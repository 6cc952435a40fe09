"""``plan`` and ``apply`` against the emulator: diffs, idempotence, confirmation, failures."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed import PutIntegrationRequest
from customer_profiles_typed.cli import FLOW_HASH_TAG
from customer_profiles_typed.testing import Emulator

from .helpers import ACCOUNT, Runner, flow_uri, s3_spec, write_json


def _domains(emulator: Emulator, *names: str) -> None:
    client = emulator.client()
    for name in names:
        client.create_domain(DomainName=name, DefaultExpirationDays=30)


def test_plan_shows_creates_then_apply_twice_changes_nothing_the_second_time(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1", "d2")
    spec = write_json(tmp_path / "s.json", [s3_spec("d1", tags={"team": "crm"}), s3_spec("d2")])
    url = ["--endpoint-url", emulator.endpoint_url]

    plan = cli("plan", spec, *url)
    assert plan.code == 1  # changes pending
    assert f"+ create integration {spec}[0] (domain d1): new flow d1-flow" in plan.out
    assert '    + Tags.team: "crm"' in plan.out
    assert "Plan: 2 to create, 0 to update, 0 unchanged, 0 failed." in plan.out
    assert emulator.request_count("PutIntegration") == 0

    first = cli("apply", spec, "--yes", *url)
    assert first.code == 0, first.out + first.err
    assert emulator.request_count("PutIntegration") == 2
    assert "Applied 2 items: 2 created, 0 updated, 0 unchanged, 0 failed." in first.out
    stored = emulator.integrations("d1")
    assert [i.uri for i in stored] == [flow_uri("d1-flow")]
    assert stored[0].tags is not None and stored[0].tags["team"] == "crm"
    assert len(stored[0].tags[FLOW_HASH_TAG]) == 64

    second = cli("apply", spec, "--yes", *url)
    assert second.code == 0
    assert emulator.request_count("PutIntegration") == 2  # nothing put the second time
    assert "Applied 2 items: 0 created, 0 updated, 2 unchanged, 0 failed." in second.out

    again = cli("plan", spec, *url)
    assert again.code == 0
    assert "Plan: 0 to create, 0 to update, 2 unchanged, 0 failed." in again.out


def test_plan_shows_field_level_changes_and_apply_puts_only_those(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1", "d2")
    url = ["--endpoint-url", emulator.endpoint_url]
    # Tags of an existing integration change only through TagResource/UntagResource:
    # a re-put adds and replaces tags, it never removes one, so v2 keeps every key of v1.
    before = [s3_spec("d1", tags={"team": "crm"}), s3_spec("d2")]
    assert cli("apply", write_json(tmp_path / "v1.json", before), "--yes", *url).code == 0
    after = [
        s3_spec("d1", tags={"team": "sales", "new": "y"}, object_type="CustomerV2"),
        s3_spec("d2", fields=("customer_id", "email", "phone")),
    ]
    spec = write_json(tmp_path / "v2.json", after)
    plan = cli("plan", spec, *url)
    assert plan.code == 1
    lines = plan.out.splitlines()
    assert f"~ update integration {spec}[0] (domain d1): {flow_uri('d1-flow')}" in lines
    assert '    ~ ObjectTypeName: "CustomerCsv" -> "CustomerV2"' in lines
    assert '    + Tags.new: "y"' in lines
    assert not any(line.startswith("    - Tags.") for line in lines)
    assert '    ~ Tags.team: "crm" -> "sales"' in lines
    assert any(line.startswith("    ~ FlowDefinition: sha256:") for line in lines)
    puts = emulator.request_count("PutIntegration")
    applied = cli("apply", spec, "--yes", "--output", "json", *url)
    assert applied.code == 0
    assert [item["result"] for item in applied.json()["items"]] == ["updated", "updated"]
    assert emulator.request_count("PutIntegration") == puts + 2
    (stored,) = emulator.integrations("d1")
    assert stored.object_type_name == "CustomerV2"
    assert stored.tags is not None and {k: v for k, v in stored.tags.items() if k != FLOW_HASH_TAG} == {
        "team": "sales",
        "new": "y",
    }


def test_a_flow_put_by_other_tools_is_reported_as_not_recorded(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1")
    spec = s3_spec("d1")
    emulator.client().put_integration(**spec)  # no hash tag
    path = write_json(tmp_path / "s.json", spec)
    plan = cli("plan", path, "--endpoint-url", emulator.endpoint_url)
    assert plan.code == 1
    assert "    ~ FlowDefinition: (not recorded) -> sha256:" in plan.out
    assert cli("apply", path, "--yes", "--endpoint-url", emulator.endpoint_url).code == 0
    assert cli("plan", path, "--endpoint-url", emulator.endpoint_url).code == 0


def test_with_an_account_id_plan_reads_with_get_integration(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1")
    path = write_json(tmp_path / "s.json", s3_spec("d1"))
    url = ["--endpoint-url", emulator.endpoint_url]
    plan = cli("plan", path, "--account-id", ACCOUNT, *url)
    assert f"+ create integration {path} (domain d1): {flow_uri('d1-flow')}" in plan.out
    assert emulator.request_count("GetIntegration") == 1
    assert emulator.request_count("ListIntegrations") == 0
    assert cli("apply", path, "--yes", "--account-id", ACCOUNT, *url).code == 0
    assert cli("plan", path, "--account-id", ACCOUNT, *url).code == 0
    assert emulator.request_count("ListIntegrations") == 0


def test_the_credentials_account_is_used_when_known(
    cli: Runner, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCOUNT_ID", ACCOUNT)
    _domains(emulator, "d1")
    path = write_json(tmp_path / "s.json", s3_spec("d1"))
    cli("plan", path, "--endpoint-url", emulator.endpoint_url)
    assert emulator.request_count("GetIntegration") == 1
    assert emulator.request_count("ListIntegrations") == 0


def test_without_an_account_one_list_call_serves_every_spec_of_a_domain(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1")
    specs = [s3_spec("d1", f"flow-{n}") for n in range(5)]
    path = write_json(tmp_path / "s.json", specs)
    cli("plan", path, "--concurrency", "5", "--endpoint-url", emulator.endpoint_url)
    assert emulator.request_count("ListIntegrations") == 1
    assert emulator.request_count("GetIntegration") == 0


def test_a_uri_integration_is_read_with_get_integration(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1")
    uri = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
    path = write_json(tmp_path / "ctr.json", {"DomainName": "d1", "Uri": uri, "ObjectTypeName": "CTR"})
    url = ["--endpoint-url", emulator.endpoint_url]
    assert f"+ create integration {path} (domain d1): {uri}" in cli("plan", path, *url).out
    assert cli("apply", path, "--yes", *url).code == 0
    assert [i.uri for i in emulator.integrations("d1")] == [uri]
    assert emulator.integrations("d1")[0].tags is None  # no flow, no hash tag
    assert cli("plan", path, *url).code == 0


def test_one_failing_item_does_not_stop_the_others(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1", "d3")
    path = write_json(tmp_path / "s.json", [s3_spec("d1"), s3_spec("missing"), s3_spec("d3")])
    result = cli("apply", path, "--yes", "--output", "json", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 1
    report = result.json()
    assert report["succeeded"] is False
    assert [(i["location"], i["result"]) for i in report["items"]] == [
        (f"{path}[0]", "created"),
        (f"{path}[1]", "failed"),
        (f"{path}[2]", "created"),
    ]
    assert report["items"][1]["error"].startswith("ResourceNotFoundException")
    assert [i.uri for i in emulator.integrations("d3")] == [flow_uri("d3-flow")]


def test_a_put_refused_by_the_service_fails_only_its_item(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    _domains(emulator, "d1", "d2")
    path = write_json(tmp_path / "s.json", [s3_spec("d1"), s3_spec("d2")])
    emulator.inject_fault("PutIntegration", error_code="BadRequestException", message="nope", times=1)
    result = cli("apply", path, "--yes", "--concurrency", "1", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 1
    assert "BadRequestException: nope" in result.out
    assert "Applied 2 items: 1 created, 0 updated, 0 unchanged, 1 failed." in result.out
    retry = cli("apply", path, "--yes", "--endpoint-url", emulator.endpoint_url)
    assert retry.code == 0
    assert "Applied 2 items: 1 created, 0 updated, 1 unchanged, 0 failed." in retry.out


def test_invalid_specs_stop_apply_before_any_call(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    bad = s3_spec("d1")
    del bad["FlowDefinition"]["KmsArn"]
    path = write_json(tmp_path / "s.json", [s3_spec("d2"), bad])
    result = cli("apply", path, "--yes", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 1
    assert f"{path}: [1].FlowDefinition.KmsArn:" in result.out
    assert "nothing was read or changed" in result.err
    assert emulator.request_count() == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_apply_without_yes_asks_on_a_terminal(
    cli: Runner, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _domains(emulator, "d1")
    path = write_json(tmp_path / "s.json", s3_spec("d1"))
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    declined = cli("apply", path, "--endpoint-url", emulator.endpoint_url)
    assert declined.code == 1
    assert "Apply 1 change? [y/N]" in declined.err and "Nothing was applied." in declined.err
    assert emulator.request_count("PutIntegration") == 0
    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    accepted = cli("apply", path, "--endpoint-url", emulator.endpoint_url)
    assert accepted.code == 0
    assert emulator.request_count("PutIntegration") == 1


def test_apply_without_yes_and_without_a_terminal_refuses(
    cli: Runner, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _domains(emulator, "d1")
    path = write_json(tmp_path / "s.json", s3_spec("d1"))
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    result = cli("apply", path, "--endpoint-url", emulator.endpoint_url)
    assert result.code == 2
    assert "refusing to change anything without --yes" in result.err
    assert emulator.request_count("PutIntegration") == 0


def test_nothing_to_apply_needs_no_confirmation(
    cli: Runner, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _domains(emulator, "d1")
    path = write_json(tmp_path / "s.json", s3_spec("d1"))
    assert cli("apply", path, "--yes", "--endpoint-url", emulator.endpoint_url).code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = cli("apply", path, "--endpoint-url", emulator.endpoint_url)
    assert result.code == 0
    assert "Applied 1 item: 0 created, 0 updated, 1 unchanged, 0 failed." in result.out


def test_progress_is_shown_on_request(cli: Runner, emulator: Emulator, tmp_path: Path) -> None:
    _domains(emulator, "d1", "d2")
    path = write_json(tmp_path / "s.json", [s3_spec("d1"), s3_spec("d2")])
    url = ["--endpoint-url", emulator.endpoint_url]
    quiet = cli("apply", path, "--yes", *url)
    assert "[" not in quiet.err
    shown = cli("plan", path, "--progress", *url)
    assert sorted(line.split(":")[0] for line in shown.err.splitlines()) == [
        "[1/2] reading",
        "[2/2] reading",
    ]


def test_each_request_is_turned_into_its_wire_dict_once(
    cli: Runner, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The diff and the flow's hash share one to_boto3() of the spec's request;
    # the request put (the spec's with the hash tag) is another object.
    _domains(emulator, "d1", "d2")
    spec = write_json(tmp_path / "s.json", [s3_spec("d1", tags={"team": "crm"}), s3_spec("d2")])
    calls: dict[int, tuple[PutIntegrationRequest, int]] = {}
    lock = threading.Lock()
    to_boto3 = PutIntegrationRequest.to_boto3

    def counted(self: PutIntegrationRequest) -> Any:
        with lock:  # apply works on a thread pool
            _, count = calls.get(id(self), (self, 0))
            calls[id(self)] = (self, count + 1)  # the object kept: its id is not reused
        return to_boto3(self)

    monkeypatch.setattr(PutIntegrationRequest, "to_boto3", counted)
    url = ["--endpoint-url", emulator.endpoint_url]
    for argv in (["plan", spec], ["apply", spec, "--yes"], ["apply", spec, "--yes"]):
        calls.clear()
        result = cli(*argv, *url)
        assert result.code in (0, 1), result.err
        assert calls, argv
        assert max(count for _, count in calls.values()) == 1, argv
    assert emulator.request_count("PutIntegration") == 2
    stored = emulator.integrations("d1")[0].tags
    assert stored is not None and len(stored[FLOW_HASH_TAG]) == 64
