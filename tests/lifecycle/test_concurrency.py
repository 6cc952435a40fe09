"""Many calls in flight at once: tasks sharing an async client, threads sharing a sync one."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from customer_profiles_typed import Integration, IntegrationClient
from customer_profiles_typed.aio import AsyncIntegrationClient
from customer_profiles_typed.testing import Emulator, Quotas

from ._api import ACCESS_KEY_ID, REGION, SECRET_ACCESS_KEY, collect, no_retries
from ._data import connect_uri

TASKS = 50
CONTESTED = connect_uri(9999)
"""One URI that several tasks write at once."""

THREADS, ROUNDS = 16, 8
"""Threads sharing one sync client, and the integrations each of them writes."""


@pytest.fixture
def customer_profiles_emulator_options(customer_profiles_emulator_options: dict[str, Any]) -> dict[str, Any]:
    """The suite's emulator, with room in one domain for every integration a test here writes."""
    room = max(TASKS + 1, THREADS * ROUNDS)
    return {**customer_profiles_emulator_options, "store_options": {"quotas": Quotas(integrations_per_domain=room)}}


def test_fifty_tasks_put_and_list_through_one_async_client(customer_profiles_emulator: Emulator, domain: str) -> None:
    written = {connect_uri(n): f"Type{n}" for n in range(TASKS)}
    contenders = [f"Contender{n}" for n in range(10)]

    async def scenario() -> tuple[list[Integration], list[list[Integration]]]:
        async with AsyncIntegrationClient(
            endpoint_url=customer_profiles_emulator.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            config=no_retries(max_pool_connections=TASKS),
        ) as client:
            start = asyncio.Event()

            async def writer(uri: str, object_type: str) -> list[Integration]:
                await start.wait()
                put = await client.put_integration(domain_name=domain, uri=uri, object_type_name=object_type)
                assert (put.uri, put.object_type_name) == (uri, object_type)
                return await collect(client.list_integrations(domain_name=domain, page_size=7))

            async def contender(object_type: str) -> None:
                await start.wait()
                await client.put_integration(domain_name=domain, uri=CONTESTED, object_type_name=object_type)

            writers = [asyncio.ensure_future(writer(uri, kind)) for uri, kind in written.items()]
            others = [asyncio.ensure_future(contender(kind)) for kind in contenders]
            start.set()
            listings = await asyncio.gather(*writers)
            await asyncio.gather(*others)
            final = await collect(client.list_integrations(domain_name=domain, page_size=9))
            return final, listings

    final, listings = asyncio.run(scenario())

    everything = set(written) | {CONTESTED}
    for uri, listing in zip(written, listings):
        uris = [item.uri for item in listing]
        assert uris == sorted(set(uris)), "a listing repeated or reordered items"
        assert uri in uris, "a task did not see its own write"
        assert set(uris) <= everything
    assert [item.uri for item in final] == sorted(everything)
    stored = {item.uri: item.object_type_name for item in customer_profiles_emulator.integrations(domain)}
    assert stored.pop(CONTESTED) in contenders
    assert stored == written
    assert customer_profiles_emulator.request_count("PutIntegration") == TASKS + len(contenders)


def test_sixteen_threads_share_one_sync_client(customer_profiles_emulator: Emulator, domain: str) -> None:
    threads, rounds = THREADS, ROUNDS
    client = IntegrationClient(customer_profiles_emulator.client(config=no_retries(max_pool_connections=threads)))
    start = threading.Barrier(threads, timeout=60)

    def worker(number: int) -> list[str]:
        start.wait()
        done: list[str] = []
        for step in range(rounds):
            uri = connect_uri(number * rounds + step)
            put = client.put_integration(domain_name=domain, uri=uri, object_type_name=f"Worker{number}")
            got = client.get_integration(domain_name=domain, uri=uri)
            assert got == put
            done.append(got.uri)
        return done

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(worker, range(threads)))

    expected = [connect_uri(n) for n in range(threads * rounds)]
    assert sorted(uri for done in results for uri in done) == expected
    stored = customer_profiles_emulator.integrations(domain)
    assert [item.uri for item in stored] == expected
    assert [item.object_type_name for item in stored] == [f"Worker{n // rounds}" for n in range(threads * rounds)]
    assert [item.uri for item in client.list_integrations(domain_name=domain, page_size=50)] == expected
    assert customer_profiles_emulator.request_count("PutIntegration") == threads * rounds
    assert customer_profiles_emulator.request_count("GetIntegration") == threads * rounds
