"""TagResource, UntagResource and ListTagsForResource on every taggable resource, by ARN."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed import (
    CustomerProfiles,
    ResourceNotFoundError,
    domain_arn,
    event_trigger_arn,
    integration_arn,
    object_type_arn,
)

from ._boto import ClientError, error_response
from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

REGION = "us-east-1"
ACCOUNT = "123456789012"
CONDITIONS: Any = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "total", "ComparisonOperator": "EQUAL", "Values": ["1"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]
FIELDS: Any = {"id": {"Source": "_source.id", "Target": "_profile.AccountNumber"}}
KEYS: Any = {"customerId": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]}


def _arns(client: CustomerProfilesClient, domain: str) -> dict[str, str]:
    """Make one resource of each taggable kind in ``domain``; their ARNs, by kind."""
    client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="Customer", Description="d", Fields=FIELDS, Keys=KEYS
    )
    client.create_event_trigger(
        DomainName=domain, EventTriggerName="big-order", ObjectTypeName="Customer", EventTriggerConditions=CONDITIONS
    )
    uri = client.put_integration(
        DomainName=domain, ObjectTypeName="Customer", FlowDefinition=make_flow_definition("tagged-flow")
    )["Uri"]
    where: dict[str, str] = {"region": REGION, "account_id": ACCOUNT}
    return {
        "domain": domain_arn(domain, **where),
        "object type": object_type_arn(domain, "Customer", **where),
        "integration": integration_arn(domain, uri, **where),
        "event trigger": event_trigger_arn(domain, "big-order", **where),
    }


def _code(error: BaseException) -> str:
    code: str = error_response(error)["Error"]["Code"]
    return code


def test_every_kind_of_resource_is_tagged_untagged_and_listed(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    for kind, arn in _arns(customer_profiles_client, domain).items():
        assert customer_profiles_client.list_tags_for_resource(resourceArn=arn)["tags"] == {}, kind
        customer_profiles_client.tag_resource(resourceArn=arn, tags={"team": "crm", "env": "test"})
        customer_profiles_client.tag_resource(resourceArn=arn, tags={"env": "prod", "owner": "ana"})
        assert customer_profiles_client.list_tags_for_resource(resourceArn=arn)["tags"] == {
            "team": "crm",
            "env": "prod",
            "owner": "ana",
        }, kind
        customer_profiles_client.untag_resource(resourceArn=arn, tagKeys=["team", "not-there"])
        assert customer_profiles_client.list_tags_for_resource(resourceArn=arn)["tags"] == {
            "env": "prod",
            "owner": "ana",
        }, kind


def test_tags_show_in_the_resources_own_answers(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    arns = _arns(customer_profiles_client, domain)
    for arn in arns.values():
        customer_profiles_client.tag_resource(resourceArn=arn, tags={"team": "crm"})
    client = customer_profiles_client
    answers: list[Callable[[], Any]] = [
        lambda: client.get_domain(DomainName=domain),
        lambda: client.get_profile_object_type(DomainName=domain, ObjectTypeName="Customer"),
        lambda: client.list_integrations(DomainName=domain)["Items"][0],
        lambda: client.get_event_trigger(DomainName=domain, EventTriggerName="big-order"),
    ]
    for answer in answers:
        assert answer()["Tags"] == {"team": "crm"}
    # Removing the last tag leaves none.
    customer_profiles_client.untag_resource(resourceArn=arns["domain"], tagKeys=["team"])
    assert "Tags" not in customer_profiles_client.get_domain(DomainName=domain)


def test_tagging_does_not_move_last_updated_at(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    arns = _arns(customer_profiles_client, domain)
    before = customer_profiles_client.get_event_trigger(DomainName=domain, EventTriggerName="big-order")
    customer_profiles_client.tag_resource(resourceArn=arns["event trigger"], tags={"a": "b"})
    after = customer_profiles_client.get_event_trigger(DomainName=domain, EventTriggerName="big-order")
    assert after["LastUpdatedAt"] == before["LastUpdatedAt"]


def test_a_resource_holds_at_most_fifty_tags(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    arn = domain_arn(domain, region=REGION, account_id=ACCOUNT)
    customer_profiles_client.tag_resource(resourceArn=arn, tags={f"k{index}": "v" for index in range(30)})
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.tag_resource(resourceArn=arn, tags={f"n{index}": "v" for index in range(21)})
    assert error_response(raised.value)["Error"] == {
        "Code": "BadRequestException",
        "Message": "A resource can have at most 50 tags; this call would leave it 51.",
    }
    assert len(customer_profiles_client.list_tags_for_resource(resourceArn=arn)["tags"]) == 30
    # Replacing values of keys it has never counts twice.
    customer_profiles_client.tag_resource(resourceArn=arn, tags={f"k{index}": "w" for index in range(30)})
    customer_profiles_client.tag_resource(resourceArn=arn, tags={f"n{index}": "v" for index in range(20)})
    assert len(customer_profiles_client.list_tags_for_resource(resourceArn=arn)["tags"]) == 50


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:profile:us-east-1:123456789012:domains/ghost",
        "arn:aws:profile:us-east-1:123456789012:domains/test-domain/object-types/Ghost",
        "arn:aws:profile:us-east-1:123456789012:domains/test-domain/integrations/arn:aws:connect:x",
        "arn:aws:profile:us-east-1:123456789012:domains/test-domain/event-triggers/ghost",
        "arn:aws:profile:us-east-1:123456789012:domains/test-domain/segment-definitions/vip",
        "arn:aws:profile:eu-west-1:123456789012:domains/test-domain",
        "arn:aws:profile:us-east-1:210987654321:domains/test-domain",
    ],
    ids=["domain", "object type", "integration", "event trigger", "other kind", "other region", "other account"],
)
def test_a_resource_that_is_not_here_is_not_found(
    customer_profiles_client: CustomerProfilesClient, domain: str, arn: str
) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: customer_profiles_client.tag_resource(resourceArn=arn, tags={"a": "b"}),
        lambda: customer_profiles_client.untag_resource(resourceArn=arn, tagKeys=["a"]),
        lambda: customer_profiles_client.list_tags_for_resource(resourceArn=arn),
    ]
    for call in calls:
        with pytest.raises(ClientError) as raised:
            call()
        response = error_response(raised.value)
        assert response["Error"] == {"Code": "ResourceNotFoundException", "Message": f"Resource {arn} not found."}
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_a_profile_arn_that_names_no_domain_is_a_bad_request(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.list_tags_for_resource(resourceArn="arn:aws:profile:us-east-1:123456789012:layouts")
    assert _code(raised.value) == "BadRequestException"


def test_the_typed_client_tags_by_built_arns(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    profiles = CustomerProfiles(customer_profiles_client)
    arn = _arns(customer_profiles_client, domain)["integration"]
    profiles.tag_resource(resource_arn=arn, tags={"team": "crm"})
    assert profiles.list_tags_for_resource(resource_arn=arn) == {"team": "crm"}
    profiles.untag_resource(resource_arn=arn, tag_keys=["team"])
    assert profiles.list_tags_for_resource(resource_arn=arn) == {}
    with pytest.raises(ResourceNotFoundError):
        ghost = object_type_arn(domain, "Ghost", region=REGION, account_id=ACCOUNT)
        profiles.list_tags_for_resource(resource_arn=ghost)
