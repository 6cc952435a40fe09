"""Event triggers and their links to integrations, through plain boto3 and through ``CustomerProfiles``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed import (
    BadRequestError,
    ComparisonOperator,
    CustomerProfiles,
    EventTrigger,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLogicalOperator,
    ObjectAttribute,
)

from ._boto import ClientError, error_response

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

CONNECT_URI = "arn:aws:connect:us-east-1:123456789012:instance/abc"
CONDITIONS: Any = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "total", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]
LIMITS: Any = {"EventExpiration": 900000, "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2}]}
TRIGGER_FIELDS = {
    "EventTriggerName",
    "ObjectTypeName",
    "Description",
    "EventTriggerConditions",
    "SegmentFilter",
    "EventTriggerLimits",
    "CreatedAt",
    "LastUpdatedAt",
    "Tags",
}


def _create(client: CustomerProfilesClient, domain: str, name: str = "big-order", **extra: Any) -> dict[str, Any]:
    answer = dict(
        client.create_event_trigger(
            DomainName=domain, EventTriggerName=name, ObjectTypeName="Order", EventTriggerConditions=CONDITIONS, **extra
        )
    )
    answer.pop("ResponseMetadata")
    return answer


def _error(error: BaseException) -> dict[str, str]:
    found: dict[str, str] = error_response(error)["Error"]
    return found


def test_create_answers_and_stores_the_trigger(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    created = _create(
        customer_profiles_client,
        domain,
        Description="Orders above 100",
        SegmentFilter="vip",
        EventTriggerLimits=LIMITS,
        Tags={"team": "crm"},
    )
    assert created["EventTriggerName"] == "big-order"
    assert created["ObjectTypeName"] == "Order"
    assert created["EventTriggerConditions"] == CONDITIONS
    assert created["EventTriggerLimits"] == LIMITS
    assert created["SegmentFilter"] == "vip"
    assert created["Tags"] == {"team": "crm"}
    assert isinstance(created["CreatedAt"], dt.datetime)
    assert set(created) == TRIGGER_FIELDS

    fetched = dict(customer_profiles_client.get_event_trigger(DomainName=domain, EventTriggerName="big-order"))
    fetched.pop("ResponseMetadata")
    assert fetched == created


def test_a_duplicate_name_is_a_bad_request(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    _create(customer_profiles_client, domain)
    with pytest.raises(ClientError) as raised:
        _create(customer_profiles_client, domain)
    # Rule E19: the service's own words.
    assert _error(raised.value) == {
        "Code": "BadRequestException",
        "Message": "Event trigger with name big-order already exists",
    }


@pytest.mark.parametrize("object_type", ["_profile", "_order", "_asset"])
def test_a_standard_object_type_is_refused(
    customer_profiles_client: CustomerProfilesClient, domain: str, object_type: str
) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.create_event_trigger(
            DomainName=domain, EventTriggerName="t", ObjectTypeName=object_type, EventTriggerConditions=CONDITIONS
        )
    assert _error(raised.value)["Code"] == "BadRequestException"
    assert object_type in _error(raised.value)["Message"]
    _create(customer_profiles_client, domain, "t")
    with pytest.raises(ClientError):
        customer_profiles_client.update_event_trigger(
            DomainName=domain, EventTriggerName="t", ObjectTypeName=object_type
        )
    kept = customer_profiles_client.get_event_trigger(DomainName=domain, EventTriggerName="t")
    assert kept["ObjectTypeName"] == "Order"


def test_an_object_type_that_does_not_exist_is_accepted(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    # Whether it must exist is unknown (the rulebook's open question on E3): accept.
    created = _create(customer_profiles_client, domain)
    assert created["ObjectTypeName"] == "Order"


def test_update_changes_what_it_is_sent_and_keeps_the_rest(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    created = _create(customer_profiles_client, domain, Description="Orders above 100", EventTriggerLimits=LIMITS)
    updated = dict(
        customer_profiles_client.update_event_trigger(
            DomainName=domain, EventTriggerName="big-order", Description="Orders above 200"
        )
    )
    assert updated["Description"] == "Orders above 200"
    assert updated["EventTriggerConditions"] == CONDITIONS
    assert updated["EventTriggerLimits"] == LIMITS
    assert updated["CreatedAt"] == created["CreatedAt"]
    assert updated["LastUpdatedAt"] > created["LastUpdatedAt"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.update_event_trigger(DomainName=domain, EventTriggerName="ghost", Description="x")
    assert _error(raised.value)["Code"] == "ResourceNotFoundException"


def test_list_pages_summaries_sorted_by_name(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    names = [f"trigger-{index}" for index in range(5)]
    for name in reversed(names):
        _create(customer_profiles_client, domain, name, Description="d")
    first = customer_profiles_client.list_event_triggers(DomainName=domain, MaxResults=3)
    rest = customer_profiles_client.list_event_triggers(DomainName=domain, NextToken=first["NextToken"])
    assert [item["EventTriggerName"] for item in [*first["Items"], *rest["Items"]]] == names
    assert "NextToken" not in rest
    assert set(first["Items"][0]) == {"ObjectTypeName", "EventTriggerName", "Description", "CreatedAt", "LastUpdatedAt"}


def test_delete_removes_it_and_frees_the_name(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    _create(customer_profiles_client, domain)
    deleted = customer_profiles_client.delete_event_trigger(DomainName=domain, EventTriggerName="big-order")
    assert "big-order" in deleted["Message"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.get_event_trigger(DomainName=domain, EventTriggerName="big-order")
    assert _error(raised.value) == {
        "Code": "ResourceNotFoundException",
        "Message": f"Event trigger big-order not found in domain {domain}.",
    }
    _create(customer_profiles_client, domain)


# --- Links to integrations ---------------------------------------------------------------


def test_an_integration_may_name_only_a_trigger_of_its_domain(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    # Rule X4: the trigger must exist, in the same domain.
    customer_profiles_client.create_domain(DomainName="other-domain", DefaultExpirationDays=3)
    _create(customer_profiles_client, "other-domain")
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.put_integration(
            DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="Order", EventTriggerNames=["big-order"]
        )
    assert _error(raised.value) == {
        "Code": "BadRequestException",
        "Message": f"Event trigger big-order does not exist in domain {domain}.",
    }
    assert customer_profiles_client.list_integrations(DomainName=domain)["Items"] == []

    _create(customer_profiles_client, domain)
    put = customer_profiles_client.put_integration(
        DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="Order", EventTriggerNames=["big-order"]
    )
    assert put["EventTriggerNames"] == ["big-order"]


def test_a_trigger_named_by_an_integration_cannot_be_deleted(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    # Rule X14.
    _create(customer_profiles_client, domain)
    customer_profiles_client.put_integration(
        DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="Order", EventTriggerNames=["big-order"]
    )
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.delete_event_trigger(DomainName=domain, EventTriggerName="big-order")
    assert _error(raised.value) == {
        "Code": "BadRequestException",
        "Message": f"Event trigger big-order cannot be deleted: integration {CONNECT_URI} is associated with it.",
    }
    # Once no integration names it, it goes.
    customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="Order")
    customer_profiles_client.delete_event_trigger(DomainName=domain, EventTriggerName="big-order")
    assert customer_profiles_client.list_event_triggers(DomainName=domain)["Items"] == []


def test_deleting_the_domain_takes_its_triggers(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    _create(customer_profiles_client, domain)
    customer_profiles_client.delete_domain(DomainName=domain)
    customer_profiles_client.create_domain(DomainName=domain, DefaultExpirationDays=3)
    assert customer_profiles_client.list_event_triggers(DomainName=domain)["Items"] == []


# --- Through CustomerProfiles ------------------------------------------------------------


def test_the_typed_client_creates_updates_lists_and_deletes(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    profiles = CustomerProfiles(customer_profiles_client)
    condition = EventTriggerCondition(
        event_trigger_dimensions=[
            EventTriggerDimension(
                object_attributes=[
                    ObjectAttribute(
                        field_name="total", comparison_operator=ComparisonOperator.GREATER_THAN, values=["100"]
                    )
                ]
            )
        ],
        logical_operator=EventTriggerLogicalOperator.ANY,
    )
    created = profiles.create_event_trigger(
        domain_name=domain,
        event_trigger_name="big-order",
        object_type_name="Order",
        event_trigger_conditions=[condition],
        description="Orders above 100",
    )
    assert isinstance(created, EventTrigger)
    assert created.event_trigger_conditions is not None
    attribute = created.event_trigger_conditions[0].event_trigger_dimensions[0].object_attributes[0]
    assert attribute.comparison_operator == ComparisonOperator.GREATER_THAN
    assert profiles.get_event_trigger(domain_name=domain, event_trigger_name="big-order") == created
    updated = profiles.update_event_trigger(domain_name=domain, event_trigger_name="big-order", segment_filter="vip")
    assert updated.segment_filter == "vip"
    assert [item.event_trigger_name for item in profiles.list_event_triggers(domain_name=domain)] == ["big-order"]
    with pytest.raises(BadRequestError):
        profiles.create_event_trigger(
            domain_name=domain,
            event_trigger_name="big-order",
            object_type_name="Order",
            event_trigger_conditions=[condition],
        )
    assert "big-order" in profiles.delete_event_trigger(domain_name=domain, event_trigger_name="big-order")
