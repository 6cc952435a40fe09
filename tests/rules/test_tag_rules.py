"""The tag rules (TG*) of ``object-type-rules.md``: one test per rule.

TG4's minimum and TG8 and TG3 are rules; TG1, TG4's maximum, TG5 and TG6 are
constraints of the AWS model, shown here through ``from_boto3`` with their
paths and labels. Passing neighbours assert that the rule under test stays
quiet rather than that no warning at all is emitted, so that the assertions
are about the rules of this file.
"""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest

from customer_profiles_typed import (
    CreateEventTriggerRequest,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    TagResourceRequest,
    UntagResourceRequest,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
    skip_rules,
)
from customer_profiles_typed.arns import domain_arn, event_trigger_arn
from support import canonical_request

ARN = domain_arn("my-domain", region="us-east-1", account_id="123456789012")

EVENT_TRIGGER: dict[str, Any] = {
    "DomainName": "my-domain",
    "EventTriggerName": "big-orders",
    "ObjectTypeName": "orders",
    "EventTriggerConditions": [
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
}

OBJECT_TYPE: dict[str, Any] = {
    "DomainName": "my-domain",
    "ObjectTypeName": "CTR",
    "Description": "Contact records",
    "TemplateId": "CTR",
}

Requests = (
    type[TagResourceRequest]
    | type[UntagResourceRequest]
    | type[PutIntegrationRequest]
    | type[PutProfileObjectTypeRequest]
    | type[CreateEventTriggerRequest]
)


def refused(cls: Requests, kwargs: dict[str, Any], rule: str, wire_path: str) -> ValidationError:
    with warnings.catch_warnings(record=True), pytest.raises(ValidationError) as caught:
        warnings.simplefilter("always")
        cls.from_boto3(kwargs)
    found = [(p.rule, p.wire_path) for p in caught.value.errors]
    assert (rule, wire_path) in found, found
    return caught.value


def warnings_of(cls: Requests, kwargs: dict[str, Any], **options: Any) -> list[ValidationProblem]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        request = cls.from_boto3(kwargs, **options)
    assert request.to_boto3() == kwargs
    return [
        w.message.problem
        for w in caught
        if isinstance(w.message, ValidationWarning) and w.message.problem is not None
    ]


def rule_warnings(cls: Requests, kwargs: dict[str, Any], rule: str) -> list[tuple[str, str]]:
    return [(p.path, p.wire_path) for p in warnings_of(cls, kwargs) if p.rule == rule]


# --- TG4: TagResource adds at least one tag ------------------------------------------


def test_tg4_tag_resource_without_tags_is_refused() -> None:
    refused(TagResourceRequest, {"resourceArn": ARN, "tags": {}}, "TG4", "tags")
    with pytest.raises(ValidationError) as caught:
        TagResourceRequest(resource_arn=ARN, tags={})
    assert [(p.rule, p.path) for p in caught.value.errors] == [("TG4", "tags")]


def test_tg4_one_tag_is_enough_and_skip_rules_lets_none_through() -> None:
    assert TagResourceRequest.from_boto3({"resourceArn": ARN, "tags": {"team": "a"}}).tags == {"team": "a"}
    request = TagResourceRequest.from_boto3({"resourceArn": ARN, "tags": {}}, skip_rules={"TG4"})
    assert dict(request.tags) == {}
    with skip_rules("TG4"):
        TagResourceRequest(resource_arn=ARN, tags={})


# --- Model constraints the rulebook names (TG1, TG4, TG5, TG6) --------------------------


@pytest.mark.parametrize(
    ("rule", "kwargs", "label", "wire_path"),
    [
        ("TG1", {"resourceArn": "domains/MyDomain", "tags": {"a": "b"}}, "pattern", "resourceArn"),
        ("TG1", {"resourceArn": "", "tags": {"a": "b"}}, "pattern", "resourceArn"),
        ("TG1", {"resourceArn": ARN + "x" * 300, "tags": {"a": "b"}}, "max", "resourceArn"),
        ("TG4", {"resourceArn": ARN, "tags": {f"k{n}": "v" for n in range(51)}}, "max", "tags"),
        ("TG5", {"resourceArn": ARN, "tags": {"aws:owner": "x"}}, "pattern", "tags['aws:owner']"),
        ("TG5", {"resourceArn": ARN, "tags": {"cost center": "x"}}, "pattern", "tags['cost center']"),
        ("TG5", {"resourceArn": ARN, "tags": {"k" * 129: "x"}}, "max", f"tags[{'k' * 129!r}]"),
        ("TG5", {"resourceArn": ARN, "tags": {"team": "v" * 257}}, "max", "tags['team']"),
    ],
)
def test_tag_resource_model_constraints(
    rule: str, kwargs: dict[str, Any], label: str, wire_path: str
) -> None:
    refused(TagResourceRequest, kwargs, label, wire_path)


@pytest.mark.parametrize(
    ("rule", "keys", "label", "wire_path"),
    [
        ("TG6", [], "min", "tagKeys"),
        ("TG6", [f"k{n}" for n in range(51)], "max", "tagKeys"),
        ("TG6", ["team", "aws:owner"], "pattern", "tagKeys[1]"),
    ],
)
def test_untag_resource_model_constraints(
    rule: str, keys: list[str], label: str, wire_path: str
) -> None:
    refused(UntagResourceRequest, {"resourceArn": ARN, "tagKeys": keys}, label, wire_path)


def test_tg5_the_key_regex_is_taken_literally() -> None:
    """``+-=`` is a range: digits, ``,``, ``;`` and ``<`` are allowed."""
    request = TagResourceRequest.from_boto3({"resourceArn": ARN, "tags": {"k1,;<": "v"}})
    assert list(request.tags) == ["k1,;<"]


def test_tg9_any_resource_type_can_be_tagged() -> None:
    arn = event_trigger_arn("my-domain", "big-orders", region="us-east-1", account_id="123456789012")
    assert UntagResourceRequest.from_boto3({"resourceArn": arn, "tagKeys": ["team"]}).resource_arn == arn


# --- TG8: empty Tags ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "body"),
    [(PutProfileObjectTypeRequest, OBJECT_TYPE), (CreateEventTriggerRequest, EVENT_TRIGGER)],
)
def test_tg8_empty_tags_warn(cls: Requests, body: dict[str, Any]) -> None:
    kwargs = {**copy.deepcopy(body), "Tags": {}}
    assert rule_warnings(cls, kwargs, "TG8") == [("tags", "Tags")]
    assert rule_warnings(cls, {**copy.deepcopy(body), "Tags": {"team": "a"}}, "TG8") == []
    assert rule_warnings(cls, copy.deepcopy(body), "TG8") == []
    assert not [p for p in warnings_of(cls, kwargs, skip_rules={"TG8"}) if p.rule == "TG8"]


def test_tg8_in_code() -> None:
    with pytest.warns(ValidationWarning, match=r"tags is empty.*\(TG8\)"):
        PutProfileObjectTypeRequest(
            domain_name="my-domain",
            object_type_name="CTR",
            description="Contact records",
            template_id="CTR",
            tags={},
        )


# --- TG3: the integration's ARN fits the tag operations -------------------------------------


def uri_integration(domain_name: str, uri: str) -> dict[str, Any]:
    kwargs = canonical_request()
    del kwargs["FlowDefinition"]
    kwargs.update(DomainName=domain_name, Uri=uri)
    return kwargs


def flow_integration(domain_name: str, flow_name: str) -> dict[str, Any]:
    kwargs = canonical_request()
    kwargs["DomainName"] = domain_name
    kwargs["FlowDefinition"]["FlowName"] = flow_name
    return kwargs


def test_tg3_a_long_uri_warns() -> None:
    kwargs = uri_integration("d" * 40, "u" * 200)
    assert rule_warnings(PutIntegrationRequest, kwargs, "TG3") == [("uri", "Uri")]


def test_tg3_the_arn_length_is_the_shortest_possible() -> None:
    # arn:aws:profile:us-east-1:<12 digits>:domains/<domain>/integrations/<uri>: 61 + domain + uri
    assert rule_warnings(PutIntegrationRequest, uri_integration("d" * 40, "u" * 156), "TG3")
    assert not rule_warnings(PutIntegrationRequest, uri_integration("d" * 40, "u" * 155), "TG3")


def test_tg3_a_flow_definition_gives_the_flow_arn_as_uri() -> None:
    # The Uri is arn:aws:appflow:us-east-1:<12 digits>:flow/<flow name>: 44 + flow name.
    found = rule_warnings(PutIntegrationRequest, flow_integration("d" * 64, "f" * 88), "TG3")
    assert found == [("flow_definition.flow_name", "FlowDefinition.FlowName")]
    assert not rule_warnings(PutIntegrationRequest, flow_integration("d" * 64, "f" * 87), "TG3")


def test_tg3_names_of_the_wrong_shape_leave_it_to_the_model() -> None:
    error = refused(PutIntegrationRequest, uri_integration("d" * 64, "u" * 256), "max", "Uri")
    assert "TG3" not in {p.rule for p in error.warnings}


def test_tg3_does_not_show_the_flow_name() -> None:
    sentinel = "Sentinel7f3a" * 8
    problems = [p for p in warnings_of(PutIntegrationRequest, flow_integration("d" * 64, sentinel)) if p.rule == "TG3"]
    assert problems
    assert all(sentinel[:12] not in str(p) for p in problems)


def test_tg3_skip_rules() -> None:
    kwargs = uri_integration("d" * 40, "u" * 200)
    assert not [p for p in warnings_of(PutIntegrationRequest, kwargs, skip_rules={"TG3"}) if p.rule == "TG3"]
