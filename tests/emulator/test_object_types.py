"""Object types and templates, through plain boto3 and through ``CustomerProfiles``."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed import (
    CustomerProfiles,
    ObjectTypeField,
    ObjectTypeKey,
    ProfileObjectType,
    PutProfileObjectTypeRequest,
    ResourceNotFoundError,
    StandardIdentifier,
)
from customer_profiles_typed.testing._templates import template, template_ids

from ._boto import ClientError, error_response

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

FIELDS: Any = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress", "ContentType": "EMAIL_ADDRESS"},
    "id": {"Source": "_source.id", "Target": "_profile.AccountNumber", "ContentType": "STRING"},
}
KEYS: Any = {
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "customerId": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}],
}
OBJECT_TYPE_FIELDS = {
    "ObjectTypeName",
    "Description",
    "TemplateId",
    "ExpirationDays",
    "EncryptionKey",
    "AllowProfileCreation",
    "SourceLastUpdatedTimestampFormat",
    "MaxProfileObjectCount",
    "MaxAvailableProfileObjectCount",
    "SourcePriority",
    "Fields",
    "Keys",
    "CreatedAt",
    "LastUpdatedAt",
    "Tags",
}


def _put(client: CustomerProfilesClient, domain: str, name: str = "Customer", **extra: Any) -> dict[str, Any]:
    answer = dict(
        client.put_profile_object_type(
            DomainName=domain, ObjectTypeName=name, Description="Shop customers", Fields=FIELDS, Keys=KEYS, **extra
        )
    )
    answer.pop("ResponseMetadata")
    return answer


def test_put_answers_and_stores_the_definition(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    put = _put(
        customer_profiles_client,
        domain,
        ExpirationDays=30,
        AllowProfileCreation=True,
        MaxProfileObjectCount=5,
        SourcePriority=2,
        Tags={"team": "crm"},
    )
    assert put["ObjectTypeName"] == "Customer"
    assert put["Description"] == "Shop customers"
    assert put["Fields"] == FIELDS
    assert put["Keys"] == KEYS
    assert put["ExpirationDays"] == 30
    assert put["AllowProfileCreation"] is True
    assert put["MaxProfileObjectCount"] == 5
    assert put["SourcePriority"] == 2
    assert put["Tags"] == {"team": "crm"}
    assert isinstance(put["CreatedAt"], dt.datetime)
    assert put["CreatedAt"] == put["LastUpdatedAt"]
    assert set(put) <= OBJECT_TYPE_FIELDS

    fetched = dict(customer_profiles_client.get_profile_object_type(DomainName=domain, ObjectTypeName="Customer"))
    fetched.pop("ResponseMetadata")
    assert fetched == put


def test_put_again_is_an_update_keeping_created_at_and_tags(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    first = _put(customer_profiles_client, domain, ExpirationDays=30, Tags={"team": "crm"})
    second = _put(customer_profiles_client, domain, SourcePriority=1)
    assert second["CreatedAt"] == first["CreatedAt"]
    assert second["LastUpdatedAt"] > first["LastUpdatedAt"]
    # The definition is replaced; the tags change only as TagResource changes them (rule X12).
    assert "ExpirationDays" not in second
    assert second["SourcePriority"] == 1
    assert second["Tags"] == {"team": "crm"}
    assert len(customer_profiles_client.list_profile_object_types(DomainName=domain)["Items"]) == 1


def test_a_template_id_is_kept_as_sent(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    put = customer_profiles_client.put_profile_object_type(
        DomainName=domain, ObjectTypeName="CTR", Description="Contact records", TemplateId="CTR-NoInferred"
    )
    assert put["TemplateId"] == "CTR-NoInferred"
    assert "Fields" not in put and "Keys" not in put


def test_list_pages_summaries_sorted_by_name(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    names = [f"Type{index}" for index in range(5)]
    for name in reversed(names):
        _put(customer_profiles_client, domain, name, MaxProfileObjectCount=3)
    seen: list[str] = []
    page = customer_profiles_client.list_profile_object_types(DomainName=domain, MaxResults=2)
    pages = 1
    seen.extend(item["ObjectTypeName"] for item in page["Items"])
    while "NextToken" in page:
        page = customer_profiles_client.list_profile_object_types(
            DomainName=domain, MaxResults=2, NextToken=page["NextToken"]
        )
        pages += 1
        seen.extend(item["ObjectTypeName"] for item in page["Items"])
    assert seen == names
    assert pages == 3
    item = dict(page["Items"][0])
    assert set(item) == {"ObjectTypeName", "Description", "CreatedAt", "LastUpdatedAt", "MaxProfileObjectCount"}


def test_delete_removes_it(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    _put(customer_profiles_client, domain)
    deleted = customer_profiles_client.delete_profile_object_type(DomainName=domain, ObjectTypeName="Customer")
    assert "Customer" in deleted["Message"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.get_profile_object_type(DomainName=domain, ObjectTypeName="Customer")
    assert error_response(raised.value)["Error"] == {
        "Code": "ResourceNotFoundException",
        "Message": f"Object type Customer not found in domain {domain}.",
    }
    assert customer_profiles_client.list_profile_object_types(DomainName=domain)["Items"] == []


def test_deleting_an_object_type_leaves_what_names_it(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    # Rule X13: the service disables the integrations (no member shows it); triggers are unknown.
    uri = "arn:aws:connect:us-east-1:123456789012:instance/abc"
    _put(customer_profiles_client, domain)
    customer_profiles_client.put_integration(DomainName=domain, Uri=uri, ObjectTypeName="Customer")
    customer_profiles_client.delete_profile_object_type(DomainName=domain, ObjectTypeName="Customer")
    assert customer_profiles_client.get_integration(DomainName=domain, Uri=uri)["ObjectTypeName"] == "Customer"


def test_missing_domain_or_type_is_not_found(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: customer_profiles_client.get_profile_object_type(DomainName=domain, ObjectTypeName="Ghost"),
        lambda: customer_profiles_client.delete_profile_object_type(DomainName=domain, ObjectTypeName="Ghost"),
        lambda: customer_profiles_client.list_profile_object_types(DomainName="ghost"),
        lambda: _put(customer_profiles_client, "ghost"),
    ]
    for call in calls:
        with pytest.raises(ClientError) as raised:
            call()
        response = error_response(raised.value)
        assert response["Error"]["Code"] == "ResourceNotFoundException"
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 404


# --- Templates -------------------------------------------------------------------------


def test_templates_are_listed_in_pages(customer_profiles_client: CustomerProfilesClient) -> None:
    first = customer_profiles_client.list_profile_object_type_templates(MaxResults=3)
    seen = [item["TemplateId"] for item in first["Items"]]
    rest = customer_profiles_client.list_profile_object_type_templates(NextToken=first["NextToken"])
    seen.extend(item["TemplateId"] for item in rest["Items"])
    assert seen == template_ids()
    assert {"CTR", "CTR-NoInferred", "Salesforce-Account"} <= set(seen)
    assert set(first["Items"][0]) == {"TemplateId", "SourceName", "SourceObject"}


def test_a_template_answers_its_fields_and_keys(customer_profiles_client: CustomerProfilesClient) -> None:
    answer: dict[str, Any] = dict(
        customer_profiles_client.get_profile_object_type_template(TemplateId="Salesforce-Account")
    )
    answer.pop("ResponseMetadata")
    assert answer == template("Salesforce-Account")
    assert answer["SourceName"] == "Salesforce"
    assert "_salesforceAccountId" in answer["Keys"]


def test_an_unknown_template_is_not_found(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.get_profile_object_type_template(TemplateId="No-Such-Template")
    assert error_response(raised.value)["Error"]["Code"] == "ResourceNotFoundException"


@pytest.mark.parametrize("template_id", template_ids())
def test_every_template_is_a_definition_the_library_accepts(template_id: str) -> None:
    found = template(template_id)
    assert found is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        request = PutProfileObjectTypeRequest.from_boto3(
            {
                "DomainName": "d",
                "ObjectTypeName": "FromTemplate",
                "Description": "d",
                "AllowProfileCreation": found["AllowProfileCreation"],
                "Fields": found["Fields"],
                "Keys": found["Keys"],
                **(
                    {"SourceLastUpdatedTimestampFormat": found["SourceLastUpdatedTimestampFormat"]}
                    if "SourceLastUpdatedTimestampFormat" in found
                    else {}
                ),
            }
        )
    assert request.fields is not None and len(request.fields) == len(found["Fields"])


# --- Through CustomerProfiles ------------------------------------------------------------


def test_the_typed_client_puts_gets_lists_and_deletes(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    profiles = CustomerProfiles(customer_profiles_client)
    put = profiles.put_profile_object_type(
        domain_name=domain,
        object_type_name="Customer",
        description="Shop customers",
        allow_profile_creation=True,
        fields={"email": ObjectTypeField(source="_source.email", target="_profile.EmailAddress")},
        keys={
            "email": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE],
                    field_names=["email"],
                )
            ]
        },
    )
    assert isinstance(put, ProfileObjectType)
    assert put.allow_profile_creation is True
    assert put.keys is not None and put.keys["email"][0].field_names == ("email",)
    assert profiles.get_profile_object_type(domain_name=domain, object_type_name="Customer") == put
    assert [summary.object_type_name for summary in profiles.list_profile_object_types(domain_name=domain)] == [
        "Customer"
    ]
    templates = list(profiles.list_profile_object_type_templates(page_size=2))
    assert [item.template_id for item in templates] == template_ids()
    ctr = profiles.get_profile_object_type_template(template_id="CTR")
    assert ctr.keys is not None and "_ctrContactId" in ctr.keys
    assert "Customer" in profiles.delete_profile_object_type(domain_name=domain, object_type_name="Customer")
    with pytest.raises(ResourceNotFoundError):
        profiles.get_profile_object_type(domain_name=domain, object_type_name="Customer")
