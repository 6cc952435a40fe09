"""End-to-end tests of the integration operations through an unmodified boto3 client."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import pytest

from customer_profiles_typed.testing import Emulator

from ._boto import ClientError, error_response
from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient
    from types_boto3_customer_profiles.type_defs import FlowDefinitionTypeDef

CONNECT_URI = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
FLOW_ARN = "arn:aws:appflow:us-east-1:123456789012:flow/customer-import"
INTEGRATION_FIELDS = {
    "DomainName",
    "Uri",
    "ObjectTypeName",
    "CreatedAt",
    "LastUpdatedAt",
    "Tags",
    "ObjectTypeNames",
    "WorkflowId",
    "IsUnstructured",
    "RoleArn",
    "EventTriggerNames",
    "Scope",
}


def test_put_integration_with_a_flow_definition_gets_the_flow_arn_as_uri(
    customer_profiles_client: CustomerProfilesClient, domain: str, flow_definition: FlowDefinitionTypeDef
) -> None:
    put = customer_profiles_client.put_integration(
        DomainName=domain, ObjectTypeName="CustomerRecord", FlowDefinition=flow_definition
    )
    assert put["Uri"] == FLOW_ARN
    assert put["DomainName"] == domain
    assert put["ObjectTypeName"] == "CustomerRecord"
    assert put["IsUnstructured"] is False

    fetched = customer_profiles_client.get_integration(DomainName=domain, Uri=FLOW_ARN)
    assert fetched["Uri"] == FLOW_ARN
    assert fetched["CreatedAt"] == put["CreatedAt"]


def test_the_flow_arn_uses_the_region_the_client_signed_for(
    customer_profiles_emulator: Emulator, flow_definition: FlowDefinitionTypeDef
) -> None:
    client = customer_profiles_emulator.client(region_name="eu-west-2")
    client.create_domain(DomainName="regional", DefaultExpirationDays=10)  # each region has its own domains
    put = client.put_integration(DomainName="regional", ObjectTypeName="CustomerRecord", FlowDefinition=flow_definition)
    assert put["Uri"] == "arn:aws:appflow:eu-west-2:123456789012:flow/customer-import"
    stored = customer_profiles_emulator.integrations("regional", region="eu-west-2")
    assert [item.uri for item in stored] == [put["Uri"]]


def test_put_integration_returns_and_stores_every_modeled_field(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    customer_profiles_client.create_event_trigger(  # EventTriggerNames must name triggers of the domain
        DomainName=domain,
        EventTriggerName="high-value",
        ObjectTypeName="ContactRecord",
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [
                    {
                        "ObjectAttributes": [
                            {"FieldName": "total", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}
                        ]
                    }
                ],
                "LogicalOperator": "ANY",
            }
        ],
    )
    put = dict(
        customer_profiles_client.put_integration(
            DomainName=domain,
            Uri=CONNECT_URI,
            ObjectTypeNames={"Contact": "ContactRecord"},
            Tags={"env": "test"},
            RoleArn="arn:aws:iam::123456789012:role/profiles",
            EventTriggerNames=["high-value"],
            Scope="PROFILE",
        )
    )
    put.pop("ResponseMetadata")
    assert put["ObjectTypeNames"] == {"Contact": "ContactRecord"}
    assert put["Tags"] == {"env": "test"}
    assert put["RoleArn"] == "arn:aws:iam::123456789012:role/profiles"
    assert put["EventTriggerNames"] == ["high-value"]
    assert put["Scope"] == "PROFILE"
    assert set(put) <= INTEGRATION_FIELDS

    fetched = dict(customer_profiles_client.get_integration(DomainName=domain, Uri=CONNECT_URI))
    fetched.pop("ResponseMetadata")
    assert fetched == put


def test_put_integration_again_updates_keeping_created_at(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    first = customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="First")
    second = customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="Second")
    assert second["CreatedAt"] == first["CreatedAt"]
    assert second["LastUpdatedAt"] > first["LastUpdatedAt"]
    assert second["ObjectTypeName"] == "Second"
    stored = customer_profiles_emulator.integrations(domain)
    assert [(item.uri, item.object_type_name) for item in stored] == [(CONNECT_URI, "Second")]


def test_a_flow_name_of_another_domain_is_refused(
    customer_profiles_client: CustomerProfilesClient,
    customer_profiles_emulator: Emulator,
    domain: str,
    flow_definition: FlowDefinitionTypeDef,
) -> None:
    customer_profiles_client.create_domain(DomainName="other-domain", DefaultExpirationDays=10)
    customer_profiles_client.put_integration(DomainName=domain, ObjectTypeName="T", FlowDefinition=flow_definition)
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.put_integration(
            DomainName="other-domain", ObjectTypeName="T", FlowDefinition=flow_definition
        )
    response = error_response(raised.value)
    assert response["Error"] == {
        "Code": "BadRequestException",
        "Message": "Flow with name customer-import already exists.",
    }
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert customer_profiles_emulator.integrations("other-domain") == []

    # The same flow in its own domain is an update, and a deleted flow's name is free again.
    customer_profiles_client.put_integration(DomainName=domain, ObjectTypeName="U", FlowDefinition=flow_definition)
    customer_profiles_client.delete_integration(DomainName=domain, Uri=FLOW_ARN)
    moved = customer_profiles_client.put_integration(
        DomainName="other-domain", ObjectTypeName="T", FlowDefinition=flow_definition
    )
    assert moved["DomainName"] == "other-domain"


def test_put_integration_on_a_missing_domain_is_not_found(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.put_integration(DomainName="ghost", Uri=CONNECT_URI, ObjectTypeName="T")
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "ResourceNotFoundException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_put_integration_without_uri_or_flow_is_a_bad_request(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.put_integration(DomainName=domain, ObjectTypeName="T")
    assert error_response(raised.value)["Error"]["Code"] == "BadRequestException"


def test_get_and_delete_of_a_missing_integration_are_not_found(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    with pytest.raises(ClientError) as get_raised:
        customer_profiles_client.get_integration(DomainName=domain, Uri=CONNECT_URI)
    with pytest.raises(ClientError) as delete_raised:
        customer_profiles_client.delete_integration(DomainName=domain, Uri=CONNECT_URI)
    for raised in (get_raised, delete_raised):
        response = error_response(raised.value)
        assert response["Error"]["Code"] == "ResourceNotFoundException"
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_delete_integration_removes_it(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T")
    deleted = customer_profiles_client.delete_integration(DomainName=domain, Uri=CONNECT_URI)
    assert CONNECT_URI in deleted["Message"]
    assert customer_profiles_emulator.integrations(domain) == []
    assert customer_profiles_client.list_integrations(DomainName=domain)["Items"] == []


def test_delete_domain_removes_its_integrations_and_frees_its_flow_names(
    customer_profiles_client: CustomerProfilesClient, domain: str, flow_definition: FlowDefinitionTypeDef
) -> None:
    customer_profiles_client.put_integration(DomainName=domain, ObjectTypeName="T", FlowDefinition=flow_definition)
    customer_profiles_client.delete_domain(DomainName=domain)
    customer_profiles_client.create_domain(DomainName="successor", DefaultExpirationDays=10)
    put = customer_profiles_client.put_integration(
        DomainName="successor", ObjectTypeName="T", FlowDefinition=flow_definition
    )
    assert put["Uri"] == FLOW_ARN
    assert customer_profiles_client.list_account_integrations(Uri=FLOW_ARN)["Items"][0]["DomainName"] == "successor"


def test_list_integrations_pages_and_hides_hidden_ones(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    uris = [f"arn:aws:connect:us-east-1:123456789012:instance/{index:02d}" for index in range(5)]
    for uri in uris:
        customer_profiles_client.put_integration(DomainName=domain, Uri=uri, ObjectTypeName="T")
    hidden = customer_profiles_emulator.add_integration(
        domain, "arn:aws:connect:us-east-1:123456789012:instance/99", workflow_id="wf-1", hidden=True
    )

    def all_uris(include_hidden: bool) -> tuple[list[str], int]:
        found: list[str] = []
        pages = 0
        token: str | None = None
        while True:
            if token is None:
                page = customer_profiles_client.list_integrations(
                    DomainName=domain, MaxResults=2, IncludeHidden=include_hidden
                )
            else:
                page = customer_profiles_client.list_integrations(
                    DomainName=domain, MaxResults=2, IncludeHidden=include_hidden, NextToken=token
                )
            pages += 1
            found.extend(item["Uri"] for item in page["Items"])
            token = page.get("NextToken")
            if token is None:
                return found, pages

    assert all_uris(include_hidden=False) == (uris, 3)
    assert all_uris(include_hidden=True) == ([*uris, hidden.uri], 3)
    shown = customer_profiles_client.list_integrations(DomainName=domain, IncludeHidden=True)["Items"][-1]
    assert shown["WorkflowId"] == "wf-1"
    assert set(shown) <= INTEGRATION_FIELDS


def test_list_integrations_of_a_missing_domain_is_not_found(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.list_integrations(DomainName="ghost")
    assert error_response(raised.value)["Error"]["Code"] == "ResourceNotFoundException"


def test_list_account_integrations_finds_a_uri_across_domains(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator
) -> None:
    for name in ("domain-c", "domain-a", "domain-b"):
        customer_profiles_client.create_domain(DomainName=name, DefaultExpirationDays=10)
    # PutIntegration puts a URI into one domain only: the other domains are seeded directly.
    customer_profiles_client.put_integration(DomainName="domain-c", Uri=CONNECT_URI, ObjectTypeName="T")
    for name in ("domain-a", "domain-b"):
        customer_profiles_emulator.add_integration(name, CONNECT_URI, object_type_name="T")
    customer_profiles_emulator.add_integration("domain-b", CONNECT_URI + "-other", hidden=False)
    customer_profiles_client.create_domain(DomainName="domain-d", DefaultExpirationDays=10)
    customer_profiles_emulator.add_integration("domain-d", CONNECT_URI, hidden=True)

    first = customer_profiles_client.list_account_integrations(Uri=CONNECT_URI, MaxResults=2)
    assert [item["DomainName"] for item in first["Items"]] == ["domain-a", "domain-b"]
    rest = customer_profiles_client.list_account_integrations(Uri=CONNECT_URI, NextToken=first["NextToken"])
    assert [item["DomainName"] for item in rest["Items"]] == ["domain-c"]
    assert "NextToken" not in rest

    with_hidden = customer_profiles_client.list_account_integrations(Uri=CONNECT_URI, IncludeHidden=True)
    assert [item["DomainName"] for item in with_hidden["Items"]] == ["domain-a", "domain-b", "domain-c", "domain-d"]


def test_snapshots_cannot_change_the_stored_state(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T", Tags={"a": "1"})
    snapshot = customer_profiles_emulator.integrations(domain)[0]
    tags = cast("dict[str, str]", snapshot.tags)
    tags["a"] = "changed"
    assert customer_profiles_client.get_integration(DomainName=domain, Uri=CONNECT_URI)["Tags"] == {"a": "1"}


def test_seeding_into_a_missing_domain_raises_lookup_error(customer_profiles_emulator: Emulator) -> None:
    with pytest.raises(LookupError):
        customer_profiles_emulator.add_integration("ghost", CONNECT_URI)
    with pytest.raises(LookupError):
        customer_profiles_emulator.integrations("ghost")


def test_two_flows_in_one_domain_are_two_integrations(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    for name in ("flow-one", "flow-two"):
        customer_profiles_client.put_integration(
            DomainName=domain, ObjectTypeName="T", FlowDefinition=make_flow_definition(name)
        )
    assert [item.flow_name for item in customer_profiles_emulator.integrations(domain)] == ["flow-one", "flow-two"]
