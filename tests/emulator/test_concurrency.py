"""Many client threads at once: nothing written is lost, nothing is written twice."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed.testing import Emulator, Quotas

from ._boto import ClientError, error_response, no_retries
from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

THREADS = 16
CALLS_PER_THREAD = 25


@pytest.fixture
def customer_profiles_emulator_options() -> dict[str, Any]:
    """Room in one domain for every integration the threads write."""
    return {"store_options": {"quotas": Quotas(integrations_per_domain=THREADS * CALLS_PER_THREAD)}}


def _uri(worker: int, index: int) -> str:
    return f"arn:aws:connect:us-east-1:123456789012:instance/w{worker:02d}-{index:02d}"


def test_parallel_puts_and_gets_keep_every_write(customer_profiles_emulator: Emulator, domain: str) -> None:
    clients = [customer_profiles_emulator.client() for _ in range(THREADS)]
    start = threading.Barrier(THREADS)

    def work(worker: int) -> list[tuple[str, str]]:
        client = clients[worker]
        start.wait()
        read_back: list[tuple[str, str]] = []
        for index in range(CALLS_PER_THREAD):
            client.put_integration(DomainName=domain, Uri=_uri(worker, index), ObjectTypeName=f"Type{worker}")
            got = client.get_integration(DomainName=domain, Uri=_uri(worker, index))
            read_back.append((got["Uri"], got.get("ObjectTypeName", "")))
        return read_back

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(work, range(THREADS)))

    written = {(_uri(worker, index), f"Type{worker}") for worker in range(THREADS) for index in range(CALLS_PER_THREAD)}
    assert {pair for result in results for pair in result} == written
    stored = customer_profiles_emulator.integrations(domain)
    assert {(item.uri, item.object_type_name) for item in stored} == written
    assert len(stored) == THREADS * CALLS_PER_THREAD
    assert customer_profiles_emulator.request_count("PutIntegration") == THREADS * CALLS_PER_THREAD
    assert customer_profiles_emulator.request_count("GetIntegration") == THREADS * CALLS_PER_THREAD

    listed: list[str] = []
    page = clients[0].list_integrations(DomainName=domain, MaxResults=100)
    listed.extend(item["Uri"] for item in page["Items"])
    while "NextToken" in page:
        page = clients[0].list_integrations(DomainName=domain, MaxResults=100, NextToken=page["NextToken"])
        listed.extend(item["Uri"] for item in page["Items"])
    assert sorted(listed) == sorted(uri for uri, _ in written)


def test_parallel_updates_of_one_integration_leave_exactly_one(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    uri = _uri(0, 0)
    first = customer_profiles_emulator.client().put_integration(DomainName=domain, Uri=uri, ObjectTypeName="Seed")
    clients = [customer_profiles_emulator.client() for _ in range(THREADS)]
    start = threading.Barrier(THREADS)

    def update(worker: int) -> None:
        start.wait()
        for index in range(CALLS_PER_THREAD):
            clients[worker].put_integration(DomainName=domain, Uri=uri, ObjectTypeName=f"W{worker}x{index}")

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(update, range(THREADS)))

    stored = customer_profiles_emulator.integrations(domain)
    assert len(stored) == 1
    final = clients[0].get_integration(DomainName=domain, Uri=uri)
    assert final["CreatedAt"] == first["CreatedAt"]
    assert final["LastUpdatedAt"] > first["LastUpdatedAt"]
    assert stored[0].object_type_name in {f"W{w}x{CALLS_PER_THREAD - 1}" for w in range(THREADS)}


def test_one_flow_name_claimed_from_many_domains_at_once_has_one_owner(
    customer_profiles_emulator: Emulator,
) -> None:
    clients: list[CustomerProfilesClient] = [customer_profiles_emulator.client() for _ in range(THREADS)]
    for worker in range(THREADS):
        clients[worker].create_domain(DomainName=f"race-{worker:02d}", DefaultExpirationDays=3)
    start = threading.Barrier(THREADS)

    def claim(worker: int) -> str:
        start.wait()
        try:
            clients[worker].put_integration(
                DomainName=f"race-{worker:02d}", ObjectTypeName="T", FlowDefinition=make_flow_definition("contested")
            )
        except ClientError as error:
            return str(error_response(error)["Error"]["Message"])
        return "won"

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        outcomes = list(pool.map(claim, range(THREADS)))

    assert outcomes.count("won") == 1
    assert set(outcomes) == {"won", "Flow with name contested already exists."}
    owners = [d.name for d in customer_profiles_emulator.domains() if customer_profiles_emulator.integrations(d.name)]
    assert len(owners) == 1


def test_faults_under_concurrency_are_each_used_once(customer_profiles_emulator: Emulator, domain: str) -> None:
    faulty_calls = 3 * THREADS
    customer_profiles_emulator.inject_fault("GetDomain", error_code="BadRequestException", times=faulty_calls)
    clients = [customer_profiles_emulator.client(config=no_retries()) for _ in range(THREADS)]
    start = threading.Barrier(THREADS)

    def call(worker: int) -> int:
        start.wait()
        failures = 0
        for _ in range(4):
            try:
                clients[worker].get_domain(DomainName=domain)
            except ClientError:
                failures += 1
        return failures

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        assert sum(pool.map(call, range(THREADS))) == faulty_calls
    assert customer_profiles_emulator.pending_faults("GetDomain") == 0
