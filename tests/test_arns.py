"""Customer Profiles ARNs built from their parts (rule TG2): formats, partitions, bad parts."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import botocore

import pytest

from customer_profiles_typed import TagResourceRequest, ValidationError, ValidationWarning
from customer_profiles_typed.arns import (
    domain_arn,
    event_trigger_arn,
    flow_arn,
    integration_arn,
    object_type_arn,
    partition_of,
)

ACCOUNT = "123456789012"
FLOW_URI = "arn:aws:appflow:us-east-1:123456789012:flow/Customer_Profiles_flow"


def test_domain_arn() -> None:
    assert domain_arn("my-domain", region="us-east-1", account_id=ACCOUNT) == (
        "arn:aws:profile:us-east-1:123456789012:domains/my-domain"
    )


def test_object_type_arn() -> None:
    assert object_type_arn("my-domain", "_webAnalytics", region="eu-west-2", account_id=ACCOUNT) == (
        "arn:aws:profile:eu-west-2:123456789012:domains/my-domain/object-types/_webAnalytics"
    )


def test_integration_arn_keeps_the_uri_verbatim() -> None:
    assert integration_arn("my-domain", FLOW_URI, region="us-east-1", account_id=ACCOUNT) == (
        "arn:aws:profile:us-east-1:123456789012:domains/my-domain/integrations/"
        "arn:aws:appflow:us-east-1:123456789012:flow/Customer_Profiles_flow"
    )


def test_event_trigger_arn() -> None:
    assert event_trigger_arn("my-domain", "big-orders", region="ap-southeast-2", account_id=ACCOUNT) == (
        "arn:aws:profile:ap-southeast-2:123456789012:domains/my-domain/event-triggers/big-orders"
    )


def test_flow_arn_is_the_uri_of_an_integration_made_from_a_flow_definition() -> None:
    assert flow_arn("Customer_Profiles_flow", region="us-east-1", account_id=ACCOUNT) == FLOW_URI


@pytest.mark.parametrize(
    ("region", "partition"),
    [
        ("us-east-1", "aws"),
        ("eu-central-2", "aws"),
        ("cn-north-1", "aws-cn"),
        ("cn-northwest-1", "aws-cn"),
        ("us-gov-west-1", "aws-us-gov"),
        ("us-gov-east-1", "aws-us-gov"),
        ("us-iso-east-1", "aws-iso"),
        ("us-isob-east-1", "aws-iso-b"),
        ("xx-newplace-7", "aws"),
    ],
)
def test_partition_of(region: str, partition: str) -> None:
    assert partition_of(region) == partition
    arn = domain_arn("d", region=region, account_id=ACCOUNT)
    assert arn == f"arn:{partition}:profile:{region}:{ACCOUNT}:domains/d"


def test_partition_of_agrees_with_botocores_partition_data() -> None:
    data: dict[str, Any] = json.loads(
        (Path(botocore.__file__).parent / "data" / "partitions.json").read_text(encoding="utf-8")
    )
    regions = {
        region: partition["id"]
        for partition in data["partitions"]
        for region in partition["regions"]
        if not region.endswith("-global")
    }
    assert {"us-east-1", "cn-north-1", "us-gov-west-1"} <= set(regions)
    assert {region: partition_of(region) for region in regions} == regions


@pytest.mark.parametrize("region", ["useast1", "US-EAST-1", "", "us-east-1a", 1])
def test_partition_of_a_region_of_the_wrong_shape_is_refused(region: object) -> None:
    with pytest.raises(ValidationError) as caught:
        partition_of(region)  # type: ignore[arg-type]
    assert [(p.path, p.rule) for p in caught.value.errors] == [("region", "TG2")]


def test_an_explicit_partition_must_agree_with_the_region() -> None:
    assert domain_arn("d", region="cn-north-1", account_id=ACCOUNT, partition="aws-cn").startswith(
        "arn:aws-cn:profile:cn-north-1:"
    )
    with pytest.raises(ValidationError) as caught:
        domain_arn("d", region="cn-north-1", account_id=ACCOUNT, partition="aws")
    assert [(p.path, p.rule) for p in caught.value.errors] == [("partition", "TG2")]


def test_every_bad_part_is_named_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        object_type_arn(
            "my domain", "1st-party.orders", region="us_east_1", account_id="12345", partition="AWS"
        )
    assert isinstance(caught.value, ValueError)
    assert [(p.path, p.wire_path, p.rule) for p in caught.value.errors] == [
        ("domain_name", "DomainName", "pattern"),
        ("object_type_name", "ObjectTypeName", "pattern"),
        ("region", "region", "TG2"),
        ("account_id", "account_id", "TG2"),
        ("partition", "partition", "TG2"),
    ]
    assert str(caught.value).startswith("invalid object_type_arn arguments: 5 problems")


@pytest.mark.parametrize("account_id", [123456789012, "12345678901", "1234567890123", "12345678901a"])
def test_the_account_is_twelve_digits_in_a_string(account_id: object) -> None:
    with pytest.raises(ValidationError) as caught:
        domain_arn("d", region="us-east-1", account_id=account_id)  # type: ignore[arg-type]
    assert [(p.path, p.rule) for p in caught.value.errors] == [("account_id", "TG2")]


@pytest.mark.parametrize(
    ("build", "path", "rule"),
    [
        (lambda: integration_arn("d", "", region="us-east-1", account_id=ACCOUNT), "uri", "min"),
        (lambda: integration_arn("d", "u" * 256, region="us-east-1", account_id=ACCOUNT), "uri", "max"),
        (lambda: event_trigger_arn("d", "t" * 65, region="us-east-1", account_id=ACCOUNT), "event_trigger_name", "max"),
        (lambda: event_trigger_arn("d", "big orders", region="us-east-1", account_id=ACCOUNT), "event_trigger_name", "pattern"),
        (lambda: flow_arn("my flow", region="us-east-1", account_id=ACCOUNT), "flow_name", "pattern"),
        (lambda: domain_arn("", region="us-east-1", account_id=ACCOUNT), "domain_name", "min"),
    ],
)
def test_names_follow_the_model(build: Callable[[], str], path: str, rule: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build()
    found = [(p.path, p.rule) for p in caught.value.errors]
    assert (path, rule) in found
    assert {where for where, _ in found} == {path}


def test_an_integration_arn_may_exceed_what_the_tag_operations_accept() -> None:
    """The builder builds it; rule TG3 warns about it at PutIntegration time."""
    arn = integration_arn("d" * 64, "u" * 255, region="us-east-1", account_id=ACCOUNT)
    assert len(arn) == 47 + 64 + 14 + 255
    with warnings.catch_warnings(), pytest.raises(ValidationError) as caught:
        warnings.simplefilter("ignore", ValidationWarning)
        TagResourceRequest(resource_arn=arn, tags={"team": "a"})
    assert [(p.path, p.rule) for p in caught.value.errors] == [("resource_arn", "max")]


def test_built_arns_are_what_tag_resource_sends() -> None:
    arn = event_trigger_arn("my-domain", "big-orders", region="us-east-1", account_id=ACCOUNT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidationWarning)
        request = TagResourceRequest(resource_arn=arn, tags={"team": "a"})
    assert request.to_boto3() == {"resourceArn": arn, "tags": {"team": "a"}}
