"""Quotas: AWS's documented defaults answered as BadRequestException, and limits a store is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed.testing._errors import ServiceError
from customer_profiles_typed.testing._quotas import Quotas
from customer_profiles_typed.testing._state import Store

from ._boto import ClientError, error_response

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

CONNECT = "arn:aws:connect:us-east-1:123456789012:instance/"
CONDITIONS: Any = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "total", "ComparisonOperator": "EQUAL", "Values": ["1"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]


def _fields(count: int) -> dict[str, Any]:
    return {f"f{index}": {"Source": f"_source.f{index}"} for index in range(count)}


def _keys(count: int) -> dict[str, Any]:
    keys: dict[str, Any] = {"k0": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["f0"]}]}
    for index in range(1, count):
        keys[f"k{index}"] = [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["f0"]}]
    return keys


def _put_object_type(
    client: CustomerProfilesClient, domain: str, name: str, *, fields: int = 1, keys: int = 1
) -> Any:
    return client.put_profile_object_type(
        DomainName=domain, ObjectTypeName=name, Description="d", Fields=_fields(fields), Keys=_keys(keys)
    )


def _refused(call: Callable[[], Any]) -> dict[str, Any]:
    with pytest.raises(ClientError) as raised:
        call()
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "BadRequestException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    error: dict[str, Any] = response["Error"]
    return error


# --- AWS's defaults, over HTTP -------------------------------------------------------------


def test_a_domain_holds_fifty_integrations(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    client = customer_profiles_client
    for index in range(50):
        client.put_integration(DomainName=domain, Uri=f"{CONNECT}{index:02d}", ObjectTypeName="T")
    error = _refused(lambda: client.put_integration(DomainName=domain, Uri=f"{CONNECT}50", ObjectTypeName="T"))
    assert error["Message"] == f"The quota of integrations per domain (50) is reached in domain {domain}."
    assert len(client.list_integrations(DomainName=domain)["Items"]) == 50
    # Updating one that exists is no new integration.
    assert client.put_integration(DomainName=domain, Uri=f"{CONNECT}07", ObjectTypeName="U")["ObjectTypeName"] == "U"
    client.delete_integration(DomainName=domain, Uri=f"{CONNECT}00")
    client.put_integration(DomainName=domain, Uri=f"{CONNECT}50", ObjectTypeName="T")


def test_a_domain_holds_a_hundred_object_types(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    client = customer_profiles_client
    for index in range(100):
        _put_object_type(client, domain, f"Type{index:03d}")
    error = _refused(lambda: _put_object_type(client, domain, "OneTooMany"))
    assert error["Message"] == f"The quota of object types per domain (100) is reached in domain {domain}."
    _put_object_type(client, domain, "Type042", fields=2)


def test_an_object_type_holds_250_fields(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    _put_object_type(customer_profiles_client, domain, "Wide", fields=250)
    error = _refused(lambda: _put_object_type(customer_profiles_client, domain, "Wider", fields=251))
    assert error["Message"] == "251 is above the quota of 250 fields per object type."
    listed = customer_profiles_client.list_profile_object_types(DomainName=domain)["Items"]
    assert [item["ObjectTypeName"] for item in listed] == ["Wide"]


def test_an_object_type_holds_ten_key_definitions(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    _put_object_type(customer_profiles_client, domain, "Keyed", keys=10)
    error = _refused(lambda: _put_object_type(customer_profiles_client, domain, "Keyed", keys=11))
    assert error["Message"] == "11 is above the quota of 10 key definitions per object type."
    # Every definition of a key's list counts (rule O40).
    definitions: Any = [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["f0"]}] * 11
    _refused(
        lambda: customer_profiles_client.put_profile_object_type(
            DomainName=domain, ObjectTypeName="Listed", Description="d", Fields=_fields(1), Keys={"k": definitions}
        )
    )


def test_a_domain_holds_twenty_event_triggers(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    def create(name: str) -> Any:
        return customer_profiles_client.create_event_trigger(
            DomainName=domain, EventTriggerName=name, ObjectTypeName="Order", EventTriggerConditions=CONDITIONS
        )

    for index in range(20):
        create(f"trigger-{index:02d}")
    error = _refused(lambda: create("trigger-20"))
    assert error["Message"] == f"The quota of event triggers per domain (20) is reached in domain {domain}."
    customer_profiles_client.delete_event_trigger(DomainName=domain, EventTriggerName="trigger-00")
    create("trigger-20")


def test_an_account_holds_a_hundred_domains_in_a_region(customer_profiles_client: CustomerProfilesClient) -> None:
    for index in range(100):
        customer_profiles_client.create_domain(DomainName=f"domain-{index:03d}", DefaultExpirationDays=1)
    error = _refused(lambda: customer_profiles_client.create_domain(DomainName="domain-100", DefaultExpirationDays=1))
    assert error["Message"] == "The quota of domains per account and region (100) is reached."
    customer_profiles_client.delete_domain(DomainName="domain-000")
    customer_profiles_client.create_domain(DomainName="domain-100", DefaultExpirationDays=1)


# --- The limits a store is given --------------------------------------------------------------


def test_the_defaults_are_the_documented_ones() -> None:
    assert Quotas() == Quotas(
        domains=100,
        integrations_per_domain=50,
        object_types_per_domain=100,
        fields_per_object_type=250,
        keys_per_object_type=10,
        event_triggers_per_domain=20,
    )
    assert Store().quotas == Quotas()


def _domain(store: Store, name: str = "d") -> None:
    store.create_domain({"DomainName": name, "DefaultExpirationDays": 1})


def _code(call: Callable[[], Any]) -> str:
    with pytest.raises(ServiceError) as raised:
        call()
    assert raised.value.status == 400
    return raised.value.code


def test_a_store_enforces_the_limits_it_is_given() -> None:
    store = Store(
        quotas=Quotas(
            domains=1,
            integrations_per_domain=1,
            object_types_per_domain=1,
            fields_per_object_type=2,
            keys_per_object_type=1,
            event_triggers_per_domain=1,
        )
    )
    _domain(store)
    assert _code(lambda: _domain(store, "e")) == "BadRequestException"

    def integration(uri: str) -> Any:
        return store.put_integration(
            {"DomainName": "d", "Uri": uri, "ObjectTypeName": "T"}, region="us-east-1", account_id="123456789012"
        )

    integration("u1")
    assert _code(lambda: integration("u2")) == "BadRequestException"

    def object_type(name: str, *, fields: int = 1, keys: int = 1) -> Any:
        return store.put_object_type(
            {
                "DomainName": "d",
                "ObjectTypeName": name,
                "Description": "d",
                "Fields": _fields(fields),
                "Keys": _keys(keys),
            }
        )

    object_type("A", fields=2)
    assert _code(lambda: object_type("B")) == "BadRequestException"
    assert _code(lambda: object_type("A", fields=3)) == "BadRequestException"
    assert _code(lambda: object_type("A", keys=2)) == "BadRequestException"

    def trigger(name: str) -> Any:
        return store.create_event_trigger(
            {"DomainName": "d", "EventTriggerName": name, "ObjectTypeName": "A", "EventTriggerConditions": CONDITIONS}
        )

    trigger("t1")
    assert _code(lambda: trigger("t2")) == "BadRequestException"
    assert [item.name for item in store.object_types("d")] == ["A"]
    assert [item.uri for item in store.integrations("d")] == ["u1"]


def test_a_zero_quota_allows_none() -> None:
    store = Store(quotas=Quotas(domains=0))
    assert _code(lambda: _domain(store)) == "BadRequestException"
    assert store.domains() == []


@pytest.mark.parametrize("value", [-1, 1.5, True, "10"])
def test_a_limit_must_be_a_whole_number_of_zero_or_more(value: Any) -> None:
    with pytest.raises(ValueError, match="integrations_per_domain"):
        Quotas(integrations_per_domain=value)
