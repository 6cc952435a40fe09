"""Every operation end to end over HTTP: what is sent, what the emulator keeps, what comes back."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timezone

import pytest

from customer_profiles_typed import (
    Integration,
    IntegrationClient,
    PutIntegrationRequest,
    ResourceNotFoundError,
    Scope,
)
from customer_profiles_typed.testing import AccessKey, Emulator

from ._api import ACCESS_KEY_ID, SECRET_ACCESS_KEY, Api, no_retries, open_api
from ._data import ACCOUNT_FLOW_PREFIX, DOMAIN, connect_uri, s3_flow

START = 1_750_000_000


def test_put_creates_an_integration_that_get_and_list_return(api: Api, domain: str, customer_profiles_emulator: Emulator) -> None:
    created = api.put_integration(
        domain_name=domain,
        object_type_name="CustomerCsv",
        flow_definition=s3_flow("customers-from-s3"),
        tags={"team": "crm"},
    )

    assert created.domain_name == domain
    assert created.uri == ACCOUNT_FLOW_PREFIX + "customers-from-s3"
    assert created.object_type_name == "CustomerCsv"
    assert created.tags == {"team": "crm"}
    assert created.created_at == created.last_updated_at
    assert created.created_at.tzinfo is timezone.utc
    assert created.request_id is not None and uuid.UUID(created.request_id).version == 4
    [stored] = customer_profiles_emulator.integrations(domain)
    assert (stored.uri, stored.object_type_name, stored.tags) == (created.uri, "CustomerCsv", {"team": "crm"})

    fetched = api.get_integration(domain_name=domain, uri=created.uri)
    assert fetched == created
    assert fetched.request_id != created.request_id
    assert api.list_integrations(domain_name=domain) == [created]
    assert api.list_account_integrations(uri=created.uri) == [created]


def test_put_of_an_existing_uri_updates_it_keeping_created_at(flavour: str) -> None:
    ticks = itertools.count(START, 60)
    with Emulator(
        clock=lambda: float(next(ticks)), credentials=[AccessKey(ACCESS_KEY_ID, SECRET_ACCESS_KEY)]
    ) as emulator:
        emulator.client().create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
        api = open_api(flavour, emulator, no_retries())
        try:
            created = api.put_integration(domain_name=DOMAIN, uri=connect_uri(1), object_type_name="Before")
            updated = api.put_integration(
                domain_name=DOMAIN, uri=connect_uri(1), object_type_name="After", scope=Scope.PROFILE
            )
            fetched = api.get_integration(domain_name=DOMAIN, uri=connect_uri(1))
        finally:
            api.close()
        stored = emulator.integrations(DOMAIN)

    assert created.object_type_name == "Before"
    assert (updated.object_type_name, updated.scope) == ("After", Scope.PROFILE)
    assert updated.created_at == created.created_at
    assert updated.last_updated_at > created.last_updated_at
    assert created.created_at == created.last_updated_at
    assert created.created_at > datetime.fromtimestamp(START, timezone.utc)
    assert fetched == updated
    assert [(s.uri, s.object_type_name) for s in stored] == [(connect_uri(1), "After")]


def test_put_of_the_same_flow_again_updates_the_flow_integration(api: Api, domain: str, customer_profiles_emulator: Emulator) -> None:
    created = api.put_integration(domain_name=domain, object_type_name="One", flow_definition=s3_flow("nightly"))
    updated = api.put_integration(domain_name=domain, object_type_name="Two", flow_definition=s3_flow("nightly"))

    assert updated.uri == created.uri
    assert updated.created_at == created.created_at
    assert updated.object_type_name == "Two"
    assert [s.object_type_name for s in customer_profiles_emulator.integrations(domain)] == ["Two"]


def test_put_integration_request_sends_a_request_read_from_boto3(api: Api, domain: str) -> None:
    request = PutIntegrationRequest.from_boto3(
        {
            "DomainName": domain,
            "Uri": connect_uri(7),
            "ObjectTypeNames": {"ShopifyCreateCustomers": "ShopifyCustomer"},
            "Tags": {"env": "test"},
        }
    )

    integration = api.put_integration_request(request)

    assert integration.uri == connect_uri(7)
    assert integration.object_type_names == {"ShopifyCreateCustomers": "ShopifyCustomer"}
    assert integration.tags == {"env": "test"}
    assert api.get_integration(domain_name=domain, uri=connect_uri(7)) == integration


def test_delete_removes_the_integration(api: Api, domain: str, customer_profiles_emulator: Emulator) -> None:
    api.put_integration(domain_name=domain, uri=connect_uri(1), object_type_name="Keep")
    api.put_integration(domain_name=domain, uri=connect_uri(2), object_type_name="Drop")

    message = api.delete_integration(domain_name=domain, uri=connect_uri(2))

    assert message == f"Integration {connect_uri(2)} was deleted."
    assert [s.uri for s in customer_profiles_emulator.integrations(domain)] == [connect_uri(1)]
    with pytest.raises(ResourceNotFoundError) as raised:
        api.get_integration(domain_name=domain, uri=connect_uri(2))
    assert raised.value.operation == "GetIntegration"
    assert [i.uri for i in api.list_integrations(domain_name=domain)] == [connect_uri(1)]
    with pytest.raises(ResourceNotFoundError):
        api.delete_integration(domain_name=domain, uri=connect_uri(2))


def test_get_of_an_unknown_domain_is_resource_not_found(api: Api) -> None:
    with pytest.raises(ResourceNotFoundError) as raised:
        api.get_integration(domain_name="no-such-domain", uri=connect_uri(1))
    assert raised.value.http_status == 404


def test_an_empty_domain_lists_nothing(api: Api, domain: str) -> None:
    assert api.list_integrations(domain_name=domain) == []
    assert api.list_account_integrations(uri=connect_uri(1)) == []


def test_the_plugin_fixture_client_runs_the_whole_lifecycle(
    customer_profiles_integration_client: IntegrationClient, domain: str
) -> None:
    client = customer_profiles_integration_client
    created = client.put_integration(domain_name=domain, uri=connect_uri(3), object_type_name="T")
    assert client.get_integration(domain_name=domain, uri=created.uri) == created
    assert list(client.list_integrations(domain_name=domain)) == [created]
    assert list(client.list_account_integrations(uri=created.uri)) == [created]
    client.delete_integration(domain_name=domain, uri=created.uri)
    assert list(client.list_integrations(domain_name=domain)) == []


def test_integrations_read_back_equal_what_put_returned(api: Api, domain: str) -> None:
    written: list[Integration] = [
        api.put_integration(domain_name=domain, uri=connect_uri(n), object_type_name=f"Type{n}", tags={"n": str(n)})
        for n in (3, 1, 2)
    ]

    listed = api.list_integrations(domain_name=domain)

    assert listed == sorted(written, key=lambda integration: integration.uri)
    assert all(item.request_id for item in listed)
