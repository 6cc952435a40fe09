"""The response model: lenient reading, UTC timestamps, everything given back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from customer_profiles_typed import Integration, Scope, ValidationError

LOCAL = timezone(timedelta(hours=2))
BASE = {
    "DomainName": "my-domain",
    "Uri": "arn:aws:appflow:us-east-1:123456789012:flow/x",
    "CreatedAt": datetime(2024, 5, 1, 14, 0, tzinfo=LOCAL),
    "LastUpdatedAt": datetime(2024, 5, 1, 14, 0, tzinfo=LOCAL),
}


def test_timestamps_become_utc() -> None:
    integration = Integration.from_boto3(BASE)
    assert integration.created_at == datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert integration.created_at.utcoffset() == timedelta(0)


def test_unknown_keys_and_scope_values_are_kept() -> None:
    response = {**BASE, "Scope": "GALAXY", "BrandNewField": {"a": 1}, "ResponseMetadata": {"RequestId": "rid"}}
    integration = Integration.from_boto3(response)
    assert integration.scope == "GALAXY" and not isinstance(integration.scope, Scope)
    assert dict(integration.unknown_fields) == {"BrandNewField": {"a": 1}}
    assert integration.request_id == "rid"
    assert integration.to_boto3() == {k: v for k, v in response.items() if k != "ResponseMetadata"}


def test_known_scope_is_an_enum_member() -> None:
    assert Integration.from_boto3({**BASE, "Scope": "DOMAIN"}).scope is Scope.DOMAIN


def test_values_outside_todays_model_limits_are_read() -> None:
    response = {**BASE, "Tags": {}, "DomainName": "x" * 100}
    assert Integration.from_boto3(response).to_boto3() == response


def test_missing_required_members_or_wrong_types_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Integration.from_boto3({"DomainName": "d", "Uri": 5, "CreatedAt": "never"})
    assert {(p.wire_path, p.rule) for p in caught.value.errors} == {
        ("Uri", "type"),
        ("CreatedAt", "type"),
        ("LastUpdatedAt", "required"),
    }
