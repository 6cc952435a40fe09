"""``AsyncIntegrationClient`` as a context manager: nested blocks, concurrent entries, use after close."""

from __future__ import annotations

import asyncio

import pytest
from aiobotocore.session import get_session

from customer_profiles_typed.aio import AsyncIntegrationClient
from customer_profiles_typed.testing import Emulator

from ._api import ACCESS_KEY_ID, REGION, SECRET_ACCESS_KEY, collect, no_retries
from ._data import connect_uri

CLOSED = "AsyncIntegrationClient is closed"


def _client(emulator: Emulator) -> AsyncIntegrationClient:
    return AsyncIntegrationClient(
        endpoint_url=emulator.endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_ACCESS_KEY,
        config=no_retries(),
    )


def test_a_nested_block_leaves_the_client_open_until_the_outermost_ends(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_emulator.add_integration(domain, connect_uri(1), object_type_name="T")

    async def scenario() -> None:
        client = _client(customer_profiles_emulator)
        async with client as outer:
            opened = outer.aiobotocore_client
            async with client as inner:
                assert inner is outer and inner.aiobotocore_client is opened
            assert client.aiobotocore_client is opened
            found = await client.get_integration(domain_name=domain, uri=connect_uri(1))
            assert found.object_type_name == "T"
            assert [i.uri for i in await collect(client.list_integrations(domain_name=domain))] == [connect_uri(1)]
        with pytest.raises(RuntimeError, match=CLOSED):
            await client.get_integration(domain_name=domain, uri=connect_uri(1))

    asyncio.run(scenario())


def test_calls_after_close_raise_runtime_error(customer_profiles_emulator: Emulator, domain: str) -> None:
    async def scenario() -> None:
        client = _client(customer_profiles_emulator)
        async with client:
            unfinished = client.list_integrations(domain_name=domain)
        with pytest.raises(RuntimeError, match=CLOSED):
            _ = client.aiobotocore_client
        with pytest.raises(RuntimeError, match=CLOSED):
            await client.get_integration(domain_name=domain, uri=connect_uri(1))
        with pytest.raises(RuntimeError, match=CLOSED):
            await client.delete_integration(domain_name=domain, uri=connect_uri(1))
        with pytest.raises(RuntimeError, match=CLOSED):
            await collect(unfinished)
        # A new block opens a new client.
        async with client:
            assert await collect(client.list_integrations(domain_name=domain)) == []

    asyncio.run(scenario())


def test_a_client_never_opened_says_how_to_open_it() -> None:
    client = AsyncIntegrationClient(region_name=REGION)
    with pytest.raises(RuntimeError, match="use 'async with"):
        _ = client.aiobotocore_client


def test_concurrent_blocks_share_one_client(customer_profiles_emulator: Emulator, domain: str) -> None:
    async def scenario() -> None:
        client = _client(customer_profiles_emulator)
        seen: list[object] = []
        both_in = asyncio.Event()

        async def task() -> None:
            async with client:
                seen.append(client.aiobotocore_client)
                if len(seen) == 2:
                    both_in.set()
                await both_in.wait()  # neither block ends before both have begun
                await client.get_integration(domain_name=domain, uri=connect_uri(1))

        results = await asyncio.gather(task(), task(), return_exceptions=True)
        assert [type(result).__name__ for result in results] == ["ResourceNotFoundError"] * 2
        assert seen[0] is seen[1]
        with pytest.raises(RuntimeError, match=CLOSED):
            _ = client.aiobotocore_client

    asyncio.run(scenario())


def test_a_client_passed_in_is_never_closed_by_the_blocks(customer_profiles_emulator: Emulator, domain: str) -> None:
    async def scenario() -> None:
        async with get_session().create_client(
            "customer-profiles",
            endpoint_url=customer_profiles_emulator.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            config=no_retries(),
        ) as raw:
            client = AsyncIntegrationClient(raw)
            async with client:
                async with client:
                    pass
            async with client:
                pass
            assert client.aiobotocore_client is raw
            assert await collect(client.list_integrations(domain_name=domain)) == []

    asyncio.run(scenario())
