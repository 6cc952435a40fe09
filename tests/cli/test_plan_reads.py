"""The calls ``plan`` and ``apply`` make, counted by operation: reads once per domain, never per item."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import botocore.session
import pytest

from customer_profiles_typed.testing import Emulator

from .helpers import ACCOUNT, KMS_KEY, Runner, s3_spec, write_json

DOMAINS = 4
PER_DOMAIN = 3
FIELDS = ("customer_id", "email")

OPERATIONS = tuple(
    botocore.session.get_session().get_service_model("customer-profiles").operation_names
)
WRITES = ("Put", "Create", "Update", "Delete", "Tag", "Untag")
"""How the names of the operations that change something start."""


def _counts(emulator: Emulator) -> collections.Counter[str]:
    return collections.Counter({op: n for op in OPERATIONS if (n := emulator.request_count(op))})


def _writes(calls: collections.Counter[str]) -> dict[str, int]:
    return {op: n for op, n in calls.items() if op.startswith(WRITES)}


def _object_type(emulator: Emulator, domain: str, fields: tuple[str, ...] = FIELDS) -> None:
    emulator.client().put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="CustomerCsv",
        Description="Customers from CSV exports",
        Fields={
            name: {"Source": f"_source.{name}", "Target": f"_profile.Attributes.{name}"}
            for name in fields
        },
        Keys={"customer_id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["customer_id"]}]},
    )


@pytest.fixture
def setup(emulator: Emulator, tmp_path: Path) -> str:
    """``DOMAINS`` domains holding the object type, and a spec file of ``PER_DOMAIN`` integrations each."""
    client = emulator.client()
    specs = []
    for d in range(DOMAINS):
        domain = f"reads-{d}"
        client.create_domain(DomainName=domain, DefaultExpirationDays=30, DefaultEncryptionKey=KMS_KEY)
        _object_type(emulator, domain)
        specs += [s3_spec(domain, f"{domain}-flow-{n}", fields=FIELDS) for n in range(PER_DOMAIN)]
    return write_json(tmp_path / "specs.json", specs)


def _apply(cli: Runner, emulator: Emulator, spec: str, *extra: str) -> tuple[collections.Counter[str], list[str]]:
    """The calls one ``apply --yes`` makes, by operation, and each item's result."""
    before = _counts(emulator)
    result = cli(
        "apply", spec, "--yes", "--output", "json", "--concurrency", "4",
        "--endpoint-url", emulator.endpoint_url, *extra,
    )  # fmt: skip
    assert result.code == 0, result.out + result.err
    report = result.json()
    return _counts(emulator) - before, [item["result"] for item in report["items"]]


def test_apply_reads_each_domain_once_and_a_second_apply_writes_nothing(
    cli: Runner, emulator: Emulator, setup: str
) -> None:
    first, results = _apply(cli, emulator, setup)
    assert results == ["created"] * (DOMAINS * PER_DOMAIN)
    reads = {
        "ListIntegrations": DOMAINS,  # the state: once per domain, whatever its items
        "GetDomain": DOMAINS,  # X10: the flows' key against the domain's
        "GetProfileObjectType": DOMAINS,  # X1 and X6-X8: the one object type the items name
        "ListProfileObjectTypeTemplates": 1,  # once per run
    }
    assert first == collections.Counter({**reads, "PutIntegration": DOMAINS * PER_DOMAIN})

    second, results = _apply(cli, emulator, setup)
    assert results == ["unchanged"] * (DOMAINS * PER_DOMAIN)
    assert _writes(second) == {}
    assert second == collections.Counter(reads)


def test_skipped_checks_skip_their_reads(cli: Runner, emulator: Emulator, setup: str) -> None:
    calls, _ = _apply(cli, emulator, setup, "--skip-rule", "X1", "--skip-rule", "X10")
    assert calls == collections.Counter(
        {
            "ListIntegrations": DOMAINS,
            "GetProfileObjectType": DOMAINS,  # X6-X8 still compare the flows with it
            "ListProfileObjectTypeTemplates": 1,
            "PutIntegration": DOMAINS * PER_DOMAIN,
        }
    )
    again, results = _apply(cli, emulator, setup, "--skip-rule", "all")
    assert set(results) == {"unchanged"}
    assert again == collections.Counter({"ListIntegrations": DOMAINS})


def test_with_an_account_id_several_items_of_a_domain_share_one_list(
    cli: Runner, emulator: Emulator, setup: str
) -> None:
    calls, _ = _apply(cli, emulator, setup, "--account-id", ACCOUNT, "--skip-rule", "all")
    assert calls == collections.Counter(
        {"ListIntegrations": DOMAINS, "PutIntegration": DOMAINS * PER_DOMAIN}
    )


def test_the_object_type_read_once_per_domain_feeds_the_flow_checks(
    cli: Runner, emulator: Emulator, setup: str
) -> None:
    _object_type(emulator, "reads-1", fields=("customer_id",))  # email no longer read: X6
    plan = cli("plan", setup, "--output", "json", "--endpoint-url", emulator.endpoint_url)
    warned = collections.Counter(
        (item["domain"], warning["rule"]) for item in plan.json()["items"] for warning in item["warnings"]
    )
    assert warned == {("reads-1", "X6"): PER_DOMAIN}
    assert emulator.request_count("GetProfileObjectType") == DOMAINS


def test_an_object_type_no_domain_has_is_a_warning_from_the_same_reads(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    client = emulator.client()
    specs = []
    for d in range(DOMAINS):
        client.create_domain(DomainName=f"bare-{d}", DefaultExpirationDays=30)
        specs += [s3_spec(f"bare-{d}", f"bare-{d}-flow-{n}") for n in range(PER_DOMAIN)]
    path = write_json(tmp_path / "specs.json", specs)
    plan = cli("plan", path, "--output", "json", "--endpoint-url", emulator.endpoint_url)
    rules = [w["rule"] for item in plan.json()["items"] for w in item["warnings"]]
    assert rules == ["X1"] * (DOMAINS * PER_DOMAIN)
    assert emulator.request_count("GetProfileObjectType") == DOMAINS
    assert emulator.request_count("ListProfileObjectTypes") == 0
    assert emulator.request_count("GetProfileObjectTypeTemplate") == 0  # CustomerCsv is no template


def test_several_names_only_x1_checks_are_listed_once(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    client = emulator.client()
    client.create_domain(DomainName="ctr", DefaultExpirationDays=30)
    instance = f"arn:aws:connect:us-east-1:{ACCOUNT}:instance/"
    specs = [
        {"DomainName": "ctr", "Uri": f"{instance}{n:08d}-2222-3333-4444-555555555555", "ObjectTypeName": f"Type{n}"}
        for n in range(3)
    ]
    path = write_json(tmp_path / "specs.json", specs)
    plan = cli("plan", path, "--output", "json", "--endpoint-url", emulator.endpoint_url)
    assert [w["rule"] for item in plan.json()["items"] for w in item["warnings"]] == ["X1"] * 3
    # No flow: X6-X8 compare nothing, so one list answers X1 for the three names.
    assert emulator.request_count("ListProfileObjectTypes") == 1
    assert emulator.request_count("GetProfileObjectType") == 0
    assert json.loads(plan.out)["summary"]["create"] == 3


def test_a_throttled_link_read_is_retried_not_dropped(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    other_key = KMS_KEY.replace("1111aaaa", "9999ffff")
    emulator.client().create_domain(DomainName="keyed", DefaultExpirationDays=30, DefaultEncryptionKey=other_key)
    path = write_json(tmp_path / "one.json", s3_spec("keyed"))
    emulator.inject_fault("GetDomain", error_code="ThrottlingException", times=2)
    plan = cli(
        "plan", path, "--output", "json", "--max-attempts", "1",
        "--endpoint-url", emulator.endpoint_url,
    )  # fmt: skip
    # botocore gives up at once; the plan's own retries get the key, and X10 is checked.
    assert [w["rule"] for item in plan.json()["items"] for w in item["warnings"]] == ["X1", "X10"]
    assert emulator.request_count("GetDomain") == 3
