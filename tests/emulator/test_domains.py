"""End-to-end tests of the domain operations through an unmodified boto3 client."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from customer_profiles_typed.testing import Emulator

from ._boto import ClientError, error_response

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient


def test_create_get_delete_domain_round_trip(customer_profiles_client: CustomerProfilesClient) -> None:
    created = customer_profiles_client.create_domain(
        DomainName="shop",
        DefaultExpirationDays=30,
        DeadLetterQueueUrl="https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        Matching={"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "3:00"}},
        RuleBasedMatching={"Enabled": True, "MatchingRules": [{"Rule": ["EmailAddress"]}]},
        DataStore={"Enabled": True},
        Tags={"team": "crm"},
    )
    assert created["DomainName"] == "shop"
    assert created["DefaultExpirationDays"] == 30
    assert isinstance(created["CreatedAt"], dt.datetime)
    assert created["CreatedAt"] == created["LastUpdatedAt"]
    assert created["Matching"] == {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "3:00"}}
    assert created["RuleBasedMatching"]["Status"] == "ACTIVE"
    assert created["RuleBasedMatching"]["MatchingRules"] == [{"Rule": ["EmailAddress"]}]
    assert created["DataStore"] == {"Enabled": True}
    assert created["Tags"] == {"team": "crm"}

    fetched = customer_profiles_client.get_domain(DomainName="shop")
    assert fetched["CreatedAt"] == created["CreatedAt"]
    assert fetched["DeadLetterQueueUrl"] == "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"
    assert fetched["Stats"]["ProfileCount"] == 0

    deleted = customer_profiles_client.delete_domain(DomainName="shop")
    assert "shop" in deleted["Message"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.get_domain(DomainName="shop")
    assert error_response(raised.value)["Error"]["Code"] == "ResourceNotFoundException"


def test_get_domain_returns_exactly_the_modeled_fields(customer_profiles_client: CustomerProfilesClient) -> None:
    customer_profiles_client.create_domain(DomainName="minimal", DefaultExpirationDays=1)
    fetched = dict(customer_profiles_client.get_domain(DomainName="minimal"))
    fetched.pop("ResponseMetadata")
    assert set(fetched) == {"DomainName", "DefaultExpirationDays", "Stats", "CreatedAt", "LastUpdatedAt"}


def test_creating_an_existing_domain_is_a_bad_request(customer_profiles_client: CustomerProfilesClient) -> None:
    customer_profiles_client.create_domain(DomainName="twice", DefaultExpirationDays=5)
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.create_domain(DomainName="twice", DefaultExpirationDays=5)
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "BadRequestException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_delete_of_a_missing_domain_is_not_found(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.delete_domain(DomainName="ghost")
    response = error_response(raised.value)
    assert response["Error"] == {"Code": "ResourceNotFoundException", "Message": "Domain ghost not found."}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_list_domains_pages_through_every_domain(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator
) -> None:
    names = [f"domain-{index:02d}" for index in range(7)]
    for name in reversed(names):
        customer_profiles_client.create_domain(DomainName=name, DefaultExpirationDays=10)

    seen: list[str] = []
    pages = 0
    token: str | None = None
    while True:
        if token is None:
            page = customer_profiles_client.list_domains(MaxResults=3)
        else:
            page = customer_profiles_client.list_domains(MaxResults=3, NextToken=token)
        pages += 1
        assert len(page["Items"]) <= 3
        seen.extend(item["DomainName"] for item in page["Items"])
        token = page.get("NextToken")
        if token is None:
            break
    assert pages == 3
    assert seen == names
    assert [domain.name for domain in customer_profiles_emulator.domains()] == names


def test_list_domains_without_domains_is_empty(customer_profiles_client: CustomerProfilesClient) -> None:
    listed = customer_profiles_client.list_domains()
    assert listed["Items"] == []
    assert "NextToken" not in listed


def test_an_invalid_next_token_is_a_bad_request(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.list_domains(NextToken="not-a-token")
    assert error_response(raised.value)["Error"]["Code"] == "BadRequestException"
