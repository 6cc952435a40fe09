"""Listings over HTTP: pages followed through NextToken, hidden integrations, every domain."""

from __future__ import annotations

import asyncio

import pytest

from customer_profiles_typed import IntegrationClient
from customer_profiles_typed.aio import AsyncIntegrationClient
from customer_profiles_typed.testing import Emulator

from ._api import ACCESS_KEY_ID, REGION, SECRET_ACCESS_KEY, Api, no_retries
from ._data import connect_uri

LIST = "ListIntegrations"
LIST_ACCOUNT = "ListAccountIntegrations"


def seed(emulator: Emulator, domain: str, count: int, *, hidden: bool = False, first: int = 0) -> list[str]:
    """Add ``count`` integrations straight into the emulator; return their URIs."""
    uris = [connect_uri(first + n) for n in range(count)]
    for uri in uris:
        emulator.add_integration(domain, uri, object_type_name="Seeded", hidden=hidden)
    return uris


def create_domains(emulator: Emulator, *names: str) -> None:
    client = emulator.client()
    for name in names:
        client.create_domain(DomainName=name, DefaultExpirationDays=30)


@pytest.mark.parametrize(
    ("count", "page_size", "requests"),
    [(23, 5, 5), (25, 5, 5), (26, 5, 6), (0, 5, 1), (1, 1, 1), (2, 1, 2), (100, 100, 1), (101, 100, 2), (150, None, 2)],
)
def test_every_integration_comes_once_over_as_many_pages_as_needed(
    api: Api, domain: str, customer_profiles_emulator: Emulator, count: int, page_size: int | None, requests: int
) -> None:
    uris = seed(customer_profiles_emulator, domain, count)
    before = customer_profiles_emulator.request_count(LIST)

    listed = api.list_integrations(domain_name=domain, page_size=page_size)

    assert [item.uri for item in listed] == uris
    assert all(item.domain_name == domain for item in listed)
    assert customer_profiles_emulator.request_count(LIST) - before == requests


def test_hidden_integrations_are_listed_only_when_asked_for(
    api: Api, domain: str, customer_profiles_emulator: Emulator
) -> None:
    visible = seed(customer_profiles_emulator, domain, 7, first=0)
    hidden = seed(customer_profiles_emulator, domain, 6, first=100, hidden=True)

    assert [i.uri for i in api.list_integrations(domain_name=domain, page_size=3)] == visible
    assert [i.uri for i in api.list_integrations(domain_name=domain, include_hidden=False, page_size=3)] == visible
    assert [i.uri for i in api.list_integrations(domain_name=domain, include_hidden=True, page_size=3)] == visible + hidden


def test_workflow_integrations_come_back_with_their_workflow_id(
    api: Api, domain: str, customer_profiles_emulator: Emulator
) -> None:
    customer_profiles_emulator.add_integration(
        domain, connect_uri(1), workflow_id="wf-123", is_unstructured=True, hidden=True
    )

    [item] = api.list_integrations(domain_name=domain, include_hidden=True)
    assert (item.workflow_id, item.is_unstructured) == ("wf-123", True)
    assert api.get_integration(domain_name=domain, uri=connect_uri(1)) == item


def test_account_integrations_of_a_uri_span_every_domain(api: Api, customer_profiles_emulator: Emulator) -> None:
    domains = [f"domain-{n:02d}" for n in range(12)]
    create_domains(customer_profiles_emulator, *domains, "other", "hidden-only")
    shared = connect_uri(1)
    # PutIntegration puts a URI into one domain only: the other domains are seeded directly.
    api.put_integration(domain_name=domains[-1], uri=shared, object_type_name="Put")
    for name in reversed(domains[:-1]):
        customer_profiles_emulator.add_integration(name, shared, object_type_name=f"In{name.replace('-', '')}")
    api.put_integration(domain_name="other", uri=connect_uri(2), object_type_name="Elsewhere")
    customer_profiles_emulator.add_integration("hidden-only", shared, hidden=True)
    before = customer_profiles_emulator.request_count(LIST_ACCOUNT)

    listed = api.list_account_integrations(uri=shared, page_size=5)

    assert [(i.domain_name, i.uri) for i in listed] == [(name, shared) for name in domains]
    assert customer_profiles_emulator.request_count(LIST_ACCOUNT) - before == 3
    with_hidden = api.list_account_integrations(uri=shared, include_hidden=True, page_size=5)
    assert [i.domain_name for i in with_hidden] == domains + ["hidden-only"]
    assert [i.domain_name for i in api.list_account_integrations(uri=connect_uri(2))] == ["other"]


def test_the_sync_list_fetches_pages_only_as_they_are_consumed(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    seed(customer_profiles_emulator, domain, 12)
    client = IntegrationClient(customer_profiles_emulator.client(config=no_retries()))
    count = customer_profiles_emulator.request_count

    items = client.list_integrations(domain_name=domain, page_size=5)
    assert count(LIST) == 0
    first = [next(items) for _ in range(5)]
    assert count(LIST) == 1
    sixth = next(items)
    assert count(LIST) == 2
    rest = list(items)
    assert count(LIST) == 3
    assert [i.uri for i in first + [sixth] + rest] == [connect_uri(n) for n in range(12)]


def test_the_async_list_fetches_pages_only_as_they_are_consumed(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    seed(customer_profiles_emulator, domain, 12)
    count = customer_profiles_emulator.request_count

    async def scenario() -> list[str]:
        async with AsyncIntegrationClient(
            endpoint_url=customer_profiles_emulator.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            config=no_retries(),
        ) as client:
            items = client.list_integrations(domain_name=domain, page_size=5)
            assert count(LIST) == 0
            uris = [(await anext(items)).uri for _ in range(5)]
            assert count(LIST) == 1
            uris.append((await anext(items)).uri)
            assert count(LIST) == 2
            uris += [item.uri async for item in items]
            assert count(LIST) == 3
            return uris

    assert asyncio.run(scenario()) == [connect_uri(n) for n in range(12)]

