"""``apply`` over 200 domains with 16 threads and injected throttling: nothing lost or duplicated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed.testing import Emulator, Quotas

from .helpers import Runner, flow_uri, s3_spec, write_json

DOMAINS = 200
THROTTLED_PUTS = 24
THROTTLED_LISTS = 8


@pytest.fixture
def emulator_options() -> dict[str, Any]:
    """Room for every domain the tests here create."""
    return {"store_options": {"quotas": Quotas(domains=DOMAINS)}}


def test_apply_across_200_domains_survives_throttling(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    client = emulator.client()
    names = [f"tenant-{n:03d}" for n in range(DOMAINS)]
    for name in names:
        client.create_domain(DomainName=name, DefaultExpirationDays=30)
    # Four files of 50 requests each.
    files = [
        write_json(tmp_path / f"part-{part}.json", [s3_spec(name, tags={"n": name}) for name in names[part::4]])
        for part in range(4)
    ]
    emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=THROTTLED_PUTS)
    emulator.inject_fault("ListIntegrations", error_code="ThrottlingException", times=THROTTLED_LISTS)
    argv = [
        "apply", *files, "--yes", "--concurrency", "16", "--output", "json",
        "--retry-mode", "standard", "--max-attempts", str(THROTTLED_PUTS + 1),
        "--endpoint-url", emulator.endpoint_url,
    ]  # fmt: skip
    result = cli(*argv)
    assert result.code == 0, result.out
    report = result.json()
    assert report["succeeded"] is True
    locations = [item["location"] for item in report["items"]]
    assert len(locations) == DOMAINS == len(set(locations))
    assert locations == [f"{file}[{n}]" for file in files for n in range(50)]
    assert {item["result"] for item in report["items"]} == {"created"}
    assert report["summary"]["created"] == DOMAINS

    assert emulator.pending_faults("PutIntegration") == 0
    # Every throttled call was retried; a throttled call has no effect, so
    # exactly one put per domain took effect.
    assert emulator.request_count("PutIntegration") == DOMAINS + THROTTLED_PUTS
    for name in names:
        (stored,) = emulator.integrations(name)
        assert stored.uri == flow_uri(f"{name}-flow")
        assert stored.tags is not None and stored.tags["n"] == name

    puts = emulator.request_count("PutIntegration")
    second = cli(*argv)
    assert second.code == 0
    assert second.json()["summary"]["unchanged"] == DOMAINS
    assert emulator.request_count("PutIntegration") == puts


def test_a_throttled_item_that_runs_out_of_attempts_fails_alone(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    client = emulator.client()
    for name in ("a", "b", "c"):
        client.create_domain(DomainName=name, DefaultExpirationDays=30)
    path = write_json(tmp_path / "s.json", [s3_spec(name) for name in ("a", "b", "c")])
    emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=2)
    result = cli(
        "apply", path, "--yes", "--concurrency", "1", "--max-attempts", "2", "--item-attempts", "1",
        "--output", "json", "--endpoint-url", emulator.endpoint_url,
    )  # fmt: skip
    assert result.code == 1
    items = result.json()["items"]
    assert [i["result"] for i in items] == ["failed", "created", "created"]
    assert items[0]["error"].startswith("ThrottlingException")
    assert emulator.integrations("a") == []
