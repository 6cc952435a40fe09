"""A whole setup as code against the emulator: domains, object types, triggers and integrations.

The spec directory ``specs/setup`` holds a domain the specs create
(``setup-retail``: its object type, event trigger and integration) and one
they only reference (``setup-outlet``: an object type and an integration).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed.testing import Emulator

from .helpers import ACCOUNT, KMS_KEY, Runner, assert_golden

SETUP = "specs/setup"
FILES = [f"{SETUP}/retail.yaml", f"{SETUP}/outlet-object-type.json", f"{SETUP}/outlet-integration.json"]


@pytest.fixture
def url(emulator: Emulator, in_cli_folder: Path) -> list[str]:
    """The connection options, with the referenced domain created beforehand."""
    emulator.client().create_domain(
        DomainName="setup-outlet", DefaultExpirationDays=30, DefaultEncryptionKey=KMS_KEY
    )
    return ["--endpoint-url", emulator.endpoint_url]


def _writes(emulator: Emulator) -> int:
    operations = (
        "CreateDomain",
        "UpdateDomain",
        "PutProfileObjectType",
        "CreateEventTrigger",
        "UpdateEventTrigger",
        "PutIntegration",
        "TagResource",
        "DeleteIntegration",
        "DeleteEventTrigger",
        "DeleteProfileObjectType",
    )
    return sum(emulator.request_count(operation) for operation in operations)


def _copy_setup(tmp_path: Path) -> list[str]:
    """The setup's files, copied where a test may change them."""
    copies = []
    for file in FILES:
        target = tmp_path / Path(file).name
        target.write_text(Path(file).read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(str(target))
    return copies


def test_plan_orders_creation_by_dependency_and_sends_nothing(
    cli: Runner, emulator: Emulator, url: list[str]
) -> None:
    before = _writes(emulator)
    result = cli("plan", *FILES, *url)
    assert result.code == 1, result.err
    assert_golden("plan_setup_create.txt", result.out)
    heads = [line.split(" (domain")[0] for line in result.out.splitlines() if line.startswith("+")]
    assert [head.split()[2] for head in heads] == [
        "domain",
        "object-type",
        "object-type",
        "event-trigger",
        "integration",
        "integration",
    ]
    assert _writes(emulator) == before


def test_apply_creates_everything_then_a_second_apply_changes_nothing(
    cli: Runner, emulator: Emulator, url: list[str]
) -> None:
    first = cli("apply", *FILES, "--yes", *url)
    assert first.code == 0, first.out + first.err
    assert "Applied 6 items: 6 created, 0 updated, 0 unchanged, 0 failed." in first.out
    client = emulator.client()
    retail = client.get_profile_object_type(DomainName="setup-retail", ObjectTypeName="ShopCustomer")
    assert retail["AllowProfileCreation"] is True
    assert sorted(retail["Fields"]) == [
        "customer_id", "email", "first_name", "last_name", "lifetime_value", "phone"
    ]
    trigger = client.get_event_trigger(DomainName="setup-retail", EventTriggerName="big-spender")
    assert trigger["ObjectTypeName"] == "ShopCustomer"
    integrations = client.list_integrations(DomainName="setup-retail")["Items"]
    assert [i["EventTriggerNames"] for i in integrations] == [["big-spender"]]
    written = _writes(emulator)

    second = cli("apply", *FILES, "--yes", *url)
    assert second.code == 0, second.out
    assert "Applied 6 items: 0 created, 0 updated, 6 unchanged, 0 failed." in second.out
    assert _writes(emulator) == written
    again = cli("plan", *FILES, *url)
    assert again.code == 0, again.out
    assert_golden("plan_setup_no_change.txt", again.out)


def test_plan_shows_every_field_that_changed_and_apply_converges(
    cli: Runner, emulator: Emulator, url: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("apply", *FILES, "--yes", *url).code == 0
    retail, outlet_type, outlet_flow = _copy_setup(tmp_path)
    text = Path(retail).read_text(encoding="utf-8")
    text = text.replace("Customers of the web shop, from its CSV exports", "Web shop customers")
    text = text.replace("A customer whose lifetime value passes 1000", "Big spenders")
    text = text.replace("Target: _profile.PhoneNumber", "Target: _profile.MobilePhoneNumber")
    Path(retail).write_text(text, encoding="utf-8")
    outlet = json.loads(Path(outlet_type).read_text(encoding="utf-8"))
    outlet["PutProfileObjectType"]["Tags"]["cost-center"] = "outlet"
    del outlet["PutProfileObjectType"]["AllowProfileCreation"]
    Path(outlet_type).write_text(json.dumps(outlet), encoding="utf-8")
    files = [retail, outlet_type, outlet_flow]

    def changed(plan: Any) -> dict[tuple[str, str], list[tuple[str, str]]]:
        return {
            (item["kind"], item["domain"]): [(c["field"], c["change"]) for c in item["changes"]]
            for item in plan["items"]
            if item["action"] == "update"
        }

    # The AWS model marks Description, Fields, Keys and trigger conditions
    # sensitive: by default the plan says they change, not to what.
    hidden = cli("plan", *files, *url, "--output", "json")
    assert hidden.code == 1
    assert changed(hidden.json()) == {
        ("object-type", "setup-retail"): [("Description", "change"), ("Fields", "change")],
        ("event-trigger", "setup-retail"): [("Description", "change")],
        ("object-type", "setup-outlet"): [("AllowProfileCreation", "remove"), ("Tags.cost-center", "add")],
    }
    text = cli("plan", *files, *url).out
    assert "    ~ Fields: 1 value (not shown: sensitive)" in text
    for value in ("Web shop customers", "Big spenders", "MobilePhoneNumber", "phone"):
        assert value not in text + hidden.out

    monkeypatch.setenv("CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE", "1")  # the documented switch
    shown = cli("plan", *files, *url, "--output", "json")
    monkeypatch.delenv("CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE")
    assert changed(shown.json()) == {
        ("object-type", "setup-retail"): [
            ("Description", "change"),
            ("Fields.phone.Target", "change"),
        ],
        ("event-trigger", "setup-retail"): [("Description", "change")],
        ("object-type", "setup-outlet"): [
            ("AllowProfileCreation", "remove"),
            ("Tags.cost-center", "add"),
        ],
    }

    applied = cli("apply", *files, "--yes", "--account-id", ACCOUNT, *url)
    assert applied.code == 0, applied.out
    client = emulator.client()
    trigger = client.get_event_trigger(DomainName="setup-retail", EventTriggerName="big-spender")
    assert trigger["Description"] == "Big spenders"
    assert cli("plan", *files, *url).code == 0


def test_a_broken_link_is_shown_before_anything_is_sent(
    cli: Runner, emulator: Emulator, url: list[str], tmp_path: Path
) -> None:
    retail, outlet_type, outlet_flow = _copy_setup(tmp_path)
    text = Path(retail).read_text(encoding="utf-8")
    Path(retail).write_text(text.replace("- big-spender", "- big-spendr"), encoding="utf-8")
    flow = json.loads(Path(outlet_flow).read_text(encoding="utf-8"))
    flow["ObjectTypeName"] = "OutletCustomer"
    Path(outlet_flow).write_text(json.dumps(flow), encoding="utf-8")

    before = _writes(emulator)
    plan = cli("plan", retail, outlet_type, outlet_flow, *url)
    assert plan.code == 1
    lines = plan.out.splitlines()
    assert any(
        f"{retail}: [3].PutIntegration.EventTriggerNames[0]: warning: no event trigger 'big-spendr'" in line
        and line.endswith("(X4)")
        for line in lines
    ), plan.out
    assert any(
        f"{outlet_flow}: ObjectTypeName: warning: 'OutletCustomer' is neither" in line
        and line.endswith("(X1)")
        for line in lines
    ), plan.out
    assert _writes(emulator) == before


def test_a_map_destination_no_field_reads_is_an_x6_warning_at_its_task(
    cli: Runner, emulator: Emulator, url: list[str], tmp_path: Path
) -> None:
    retail, outlet_type, outlet_flow = _copy_setup(tmp_path)
    outlet = json.loads(Path(outlet_type).read_text(encoding="utf-8"))
    del outlet["PutProfileObjectType"]["Fields"]["lifetime_value"]
    Path(outlet_type).write_text(json.dumps(outlet), encoding="utf-8")
    plan = cli("plan", outlet_type, outlet_flow, *url, "--output", "json")
    warnings = [
        (w["file"], w["path"], w["rule"])
        for item in plan.json()["items"]
        for w in item["warnings"]
    ]
    flow = json.loads(Path(outlet_flow).read_text(encoding="utf-8"))
    position = next(
        i for i, task in enumerate(flow["FlowDefinition"]["Tasks"])
        if task.get("DestinationField") == "lifetime_value"
    )
    assert (outlet_flow, f"FlowDefinition.Tasks[{position}].DestinationField", "X6") in warnings


def test_a_failure_stops_only_what_depends_on_it(
    cli: Runner, emulator: Emulator, url: list[str]
) -> None:
    emulator.inject_fault("CreateEventTrigger", error_code="BadRequestException", message="no", times=1)
    result = cli("apply", *FILES, "--yes", "--output", "json", *url)
    assert result.code == 1
    results = {(i["kind"], i["domain"]): (i["result"], i["error"]) for i in result.json()["items"]}
    assert results[("event-trigger", "setup-retail")] == ("failed", "BadRequestException: no")
    assert results[("integration", "setup-retail")] == (
        "not applied",
        "needs event-trigger big-spender (domain setup-retail), which failed",
    )
    for unrelated in (
        ("domain", "setup-retail"),
        ("object-type", "setup-retail"),
        ("object-type", "setup-outlet"),
        ("integration", "setup-outlet"),
    ):
        assert results[unrelated][0] == "created"
    assert emulator.integrations("setup-retail") == []

    rerun = cli("apply", *FILES, "--yes", *url)
    assert rerun.code == 0, rerun.out
    assert "Applied 6 items: 2 created, 0 updated, 4 unchanged, 0 failed." in rerun.out


def _extras(emulator: Emulator) -> dict[str, Any]:
    """Resources of the outlet domain that no spec lists, made behind the specs' back."""
    client = emulator.client()
    client.put_profile_object_type(
        DomainName="setup-outlet",
        ObjectTypeName="Legacy",
        Description="An object type nobody maintains",
        Fields={"id": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
        Keys={"id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
    )
    client.create_event_trigger(
        DomainName="setup-outlet",
        EventTriggerName="legacy-trigger",
        ObjectTypeName="Legacy",
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [
                    {"ObjectAttributes": [{"FieldName": "id", "ComparisonOperator": "EQUAL", "Values": ["1"]}]}
                ],
                "LogicalOperator": "ANY",
            }
        ],
    )
    uri = f"arn:aws:sqs:us-east-1:{ACCOUNT}:legacy-queue"
    client.put_integration(
        DomainName="setup-outlet", Uri=uri, ObjectTypeName="Legacy", EventTriggerNames=["legacy-trigger"]
    )
    return {"uri": uri}


def test_prune_deletes_what_no_spec_lists_once_confirmed(
    cli: Runner, emulator: Emulator, url: list[str]
) -> None:
    assert cli("apply", *FILES, "--yes", *url).code == 0
    extras = _extras(emulator)

    assert cli("plan", *FILES, *url).code == 0  # without --prune, extras are left alone
    plan = cli("plan", *FILES, "--prune", *url)
    assert plan.code == 1
    deletions = [line for line in plan.out.splitlines() if line.startswith("- delete")]
    assert deletions == [
        f"- delete integration (domain setup-outlet): {extras['uri']}",
        "- delete event-trigger (domain setup-outlet): legacy-trigger",
        "- delete object-type (domain setup-outlet): Legacy",
    ]
    assert "Plan: 0 to create, 0 to update, 3 to delete, 6 unchanged, 0 failed." in plan.out

    refused = cli("apply", *FILES, "--prune", *url)  # no terminal, no --yes
    assert refused.code == 2
    assert _writes_of(emulator, "Delete") == 0

    applied = cli("apply", *FILES, "--prune", "--yes", *url)
    assert applied.code == 0, applied.out
    assert "Applied 9 items: 0 created, 0 updated, 3 deleted, 6 unchanged, 0 failed." in applied.out
    client = emulator.client()
    assert [t["ObjectTypeName"] for t in client.list_profile_object_types(DomainName="setup-outlet")["Items"]] == [
        "ShopCustomer"
    ]
    assert client.list_event_triggers(DomainName="setup-outlet")["Items"] == []
    assert cli("plan", *FILES, "--prune", *url).code == 0
    assert [d["DomainName"] for d in client.list_domains()["Items"]] == ["setup-outlet", "setup-retail"]


def _writes_of(emulator: Emulator, prefix: str) -> int:
    return sum(
        emulator.request_count(operation)
        for operation in ("DeleteIntegration", "DeleteEventTrigger", "DeleteProfileObjectType")
        if operation.startswith(prefix)
    )


def test_an_item_of_a_domain_that_neither_exists_nor_is_created_fails_saying_how_to_fix_it(
    cli: Runner, emulator: Emulator, in_cli_folder: Path
) -> None:
    # No domain exists: setup-retail is created by its spec, setup-outlet is only referenced.
    result = cli("plan", *FILES, "--endpoint-url", emulator.endpoint_url, "--output", "json")
    items = {(i["kind"], i["domain"]): (i["action"], i["error"]) for i in result.json()["items"]}
    assert items[("object-type", "setup-retail")] == ("create", None)
    for kind in ("object-type", "integration"):
        action, error = items[(kind, "setup-outlet")]
        assert action == "failed"
        assert error.startswith("ResourceNotFoundException: domain setup-outlet does not exist")
        assert '{"CreateDomain": {"DomainName": "setup-outlet", ...}}' in error


def test_plan_reads_only_what_its_checks_use(cli: Runner, emulator: Emulator, url: list[str]) -> None:
    integration_only = [f"{SETUP}/outlet-integration.json"]
    assert cli("plan", *integration_only, *url).code == 1
    assert emulator.request_count("ListEventTriggers") == 0  # it names no trigger
    assert emulator.request_count("GetDomain") == 1  # X10: the flow's key against the domain's
    # X1 (does ShopCustomer exist?) and X6-X8 (its fields against the flow's):
    # one name, read by itself; a missing one answers ResourceNotFoundException.
    assert emulator.request_count("GetProfileObjectType") == 1
    assert emulator.request_count("ListProfileObjectTypes") == 0
    assert emulator.request_count("ListProfileObjectTypeTemplates") == 1  # X1: it may be a template

    assert cli("plan", *integration_only, "--skip-rule", "all", *url).code == 1
    assert emulator.request_count("GetDomain") == 1
    assert emulator.request_count("GetProfileObjectType") == 1
    assert emulator.request_count("ListProfileObjectTypeTemplates") == 1


def test_an_object_type_the_specs_define_is_not_read_for_the_integrations_checks(
    cli: Runner, emulator: Emulator, url: list[str]
) -> None:
    outlet = [f"{SETUP}/outlet-object-type.json", f"{SETUP}/outlet-integration.json"]
    assert cli("plan", *outlet, *url).code == 1
    # The object type spec's own read; X1 and X6-X8 use the spec.
    assert emulator.request_count("GetProfileObjectType") == 1
    assert emulator.request_count("ListProfileObjectTypes") == 1  # O48: the domain's quota
    assert emulator.request_count("ListProfileObjectTypeTemplates") == 0
