"""``apply`` finishes a heavily throttled run: item-level retries beyond botocore's per-client quota."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed.cli._retry import Retrier, retryable
from customer_profiles_typed.errors import BadRequestError, InternalServerError, ServiceError, ThrottlingError
from customer_profiles_typed.testing import Emulator, Quotas

from .helpers import Runner, s3_spec, write_json


@pytest.fixture
def emulator_options() -> dict[str, Any]:
    """Room for 200 integrations in one domain."""
    return {"store_options": {"quotas": Quotas(integrations_per_domain=200)}}


def test_two_hundred_items_with_150_throttles_are_all_applied_once(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    emulator.client().create_domain(DomainName="busy", DefaultExpirationDays=30)
    specs = [s3_spec("busy", f"flow-{n:03}") for n in range(200)]
    path = write_json(tmp_path / "many.json", specs)
    emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=150)
    # botocore makes one attempt per call here: every retry is the items' own,
    # as when botocore's per-client retry quota has run dry.
    result = cli(
        "apply", path, "--yes", "--output", "json", "--concurrency", "8", "--max-attempts", "1",
        "--endpoint-url", emulator.endpoint_url,
    )
    assert result.code == 0, result.out[-2000:]
    report = result.json()
    assert report["summary"]["created"] == 200
    assert sum(item["retries"] for item in report["items"]) > 0
    stored = emulator.integrations("busy")
    assert len(stored) == 200
    assert len({integration.uri for integration in stored}) == 200
    # Every throttle was answered once; the puts that took effect are one per item.
    assert emulator.request_count("PutIntegration") == 350


def test_the_result_table_has_the_retries_of_each_item(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    emulator.client().create_domain(DomainName="busy", DefaultExpirationDays=30)
    path = write_json(tmp_path / "one.json", s3_spec("busy"))
    emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=2)
    result = cli("apply", path, "--yes", "--max-attempts", "1", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 0, result.out
    header, row = [line for line in result.out.splitlines() if "RETRIES" in line or "created" in line][:2]
    assert header.split()[:5] == ["LOCATION", "KIND", "DOMAIN", "RESULT", "RETRIES"]
    assert row.split()[3:5] == ["created", "2"]


def test_a_refused_request_is_not_retried(cli: Runner, emulator: Emulator, tmp_path: Path) -> None:
    emulator.client().create_domain(DomainName="busy", DefaultExpirationDays=30)
    path = write_json(tmp_path / "one.json", s3_spec("busy"))
    emulator.inject_fault("PutIntegration", error_code="BadRequestException", times=1)
    result = cli("apply", path, "--yes", "--output", "json", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 1
    assert [(i["result"], i["retries"]) for i in result.json()["items"]] == [("failed", 0)]
    assert emulator.request_count("PutIntegration") == 1


def test_past_the_deadline_no_item_starts(cli: Runner, emulator: Emulator, tmp_path: Path) -> None:
    emulator.client().create_domain(DomainName="busy", DefaultExpirationDays=30)
    path = write_json(tmp_path / "two.json", [s3_spec("busy", "flow-a"), s3_spec("busy", "flow-b")])
    emulator.inject_fault("ListIntegrations", latency=0.3)
    result = cli(
        "apply", path, "--yes", "--output", "json", "--deadline", "0.2",
        "--endpoint-url", emulator.endpoint_url,
    )
    assert result.code == 1, result.out
    assert [(i["result"], i["error"]) for i in result.json()["items"]] == [
        ("not applied", "the deadline passed before it started")
    ] * 2
    assert emulator.request_count("PutIntegration") == 0


def _error(cls: type[ServiceError], status: int) -> ServiceError:
    return cls(code=cls.__name__, message="", operation="PutIntegration", http_status=status)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (_error(ThrottlingError, 429), True),
        (_error(InternalServerError, 500), True),
        (_error(ServiceError, 503), True),
        (_error(BadRequestError, 400), False),
        (ValueError("not an answer"), False),
    ],
)
def test_what_is_retried(error: Exception, expected: bool) -> None:
    assert retryable(error) is expected


def test_backoff_doubles_up_to_its_cap_with_full_jitter_and_stops_at_the_deadline() -> None:
    throttled = _error(ThrottlingError, 429)
    retrier = Retrier(attempts=6, base=1.0, cap=4.0, jitter=lambda: 0.5, clock=lambda: 0.0)
    delays = [retrier.delay_after(throttled, retries) for retries in range(6)]
    assert delays == [0.5, 1.0, 2.0, 2.0, 2.0, None]  # six attempts: five retries
    assert retrier.delay_after(_error(BadRequestError, 400), 0) is None
    assert retrier.delay_after(None, 0) is None

    now = [0.0]
    bounded = Retrier(attempts=6, base=1.0, cap=4.0, jitter=lambda: 0.5, clock=lambda: now[0], deadline=2.0)
    waited: list[float] = []
    while (delay := bounded.delay_after(throttled, len(waited))) is not None:
        waited.append(delay)
        now[0] += delay
    assert waited == [0.5, 1.0]  # the next 2.0 would pass the deadline
