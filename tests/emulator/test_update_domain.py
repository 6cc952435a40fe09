"""UpdateDomain: what it is sent changes, the rest stays, through plain boto3 and ``CustomerProfiles``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed import CustomerProfiles, Domain, ResourceNotFoundError

from ._boto import ClientError, error_response
from ._data import KMS_ARN

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

DLQ = "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"
UPDATE_FIELDS = {
    "DomainName",
    "DefaultExpirationDays",
    "DefaultEncryptionKey",
    "DeadLetterQueueUrl",
    "Matching",
    "RuleBasedMatching",
    "DataStore",
    "CreatedAt",
    "LastUpdatedAt",
    "Tags",
}


def test_update_changes_what_it_is_sent_and_keeps_the_rest(customer_profiles_client: CustomerProfilesClient) -> None:
    created = customer_profiles_client.create_domain(
        DomainName="shop", DefaultExpirationDays=30, DefaultEncryptionKey=KMS_ARN, DeadLetterQueueUrl=DLQ
    )
    updated: dict[str, Any] = dict(
        customer_profiles_client.update_domain(
            DomainName="shop",
            DefaultExpirationDays=90,
            Matching={"Enabled": True, "JobSchedule": {"DayOfTheWeek": "SUNDAY", "Time": "2:00"}},
            DataStore={"Enabled": True},
        )
    )
    updated.pop("ResponseMetadata")
    assert updated["DefaultExpirationDays"] == 90
    assert updated["DefaultEncryptionKey"] == KMS_ARN
    assert updated["DeadLetterQueueUrl"] == DLQ
    assert updated["Matching"] == {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "SUNDAY", "Time": "2:00"}}
    assert updated["DataStore"] == {"Enabled": True}
    assert updated["CreatedAt"] == created["CreatedAt"]
    assert updated["LastUpdatedAt"] > created["LastUpdatedAt"]
    assert set(updated) <= UPDATE_FIELDS

    fetched = customer_profiles_client.get_domain(DomainName="shop")
    assert fetched["DefaultExpirationDays"] == 90
    assert fetched["Matching"]["Enabled"] is True
    assert fetched["LastUpdatedAt"] == updated["LastUpdatedAt"]


def test_an_empty_key_or_queue_url_clears_it(customer_profiles_client: CustomerProfilesClient) -> None:
    customer_profiles_client.create_domain(
        DomainName="shop", DefaultExpirationDays=30, DefaultEncryptionKey=KMS_ARN, DeadLetterQueueUrl=DLQ
    )
    updated = customer_profiles_client.update_domain(DomainName="shop", DefaultEncryptionKey="", DeadLetterQueueUrl="")
    assert "DefaultEncryptionKey" not in updated
    assert "DeadLetterQueueUrl" not in updated
    assert "DefaultEncryptionKey" not in customer_profiles_client.get_domain(DomainName="shop")


def test_tags_are_added_as_tag_resource_adds_them(customer_profiles_client: CustomerProfilesClient) -> None:
    customer_profiles_client.create_domain(DomainName="shop", DefaultExpirationDays=30, Tags={"a": "1", "b": "2"})
    updated = customer_profiles_client.update_domain(DomainName="shop", Tags={"b": "changed", "c": "3"})
    assert updated["Tags"] == {"a": "1", "b": "changed", "c": "3"}
    kept = customer_profiles_client.update_domain(DomainName="shop", DefaultExpirationDays=5)
    assert kept["Tags"] == {"a": "1", "b": "changed", "c": "3"}


def test_rule_based_matching_is_answered_active(customer_profiles_client: CustomerProfilesClient) -> None:
    customer_profiles_client.create_domain(DomainName="shop", DefaultExpirationDays=30)
    updated = customer_profiles_client.update_domain(
        DomainName="shop", RuleBasedMatching={"Enabled": True, "MatchingRules": [{"Rule": ["EmailAddress"]}]}
    )
    assert updated["RuleBasedMatching"] == {
        "Enabled": True,
        "MatchingRules": [{"Rule": ["EmailAddress"]}],
        "Status": "ACTIVE",
    }


def test_a_missing_domain_is_not_found(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.update_domain(DomainName="ghost", DefaultExpirationDays=5)
    response = error_response(raised.value)
    assert response["Error"] == {"Code": "ResourceNotFoundException", "Message": "Domain ghost not found."}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_the_typed_client_updates(customer_profiles_client: CustomerProfilesClient) -> None:
    profiles = CustomerProfiles(customer_profiles_client)
    profiles.create_domain(domain_name="shop", default_expiration_days=30)
    updated = profiles.update_domain(domain_name="shop", default_expiration_days=60, dead_letter_queue_url=DLQ)
    assert isinstance(updated, Domain)
    assert updated.default_expiration_days == 60
    assert updated.dead_letter_queue_url == DLQ
    assert profiles.get_domain(domain_name="shop").default_expiration_days == 60
    with pytest.raises(ResourceNotFoundError):
        profiles.update_domain(domain_name="ghost", default_expiration_days=60)
