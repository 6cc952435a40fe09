"""The event-trigger rules (E*) of ``object-type-rules.md``: one test per rule.

The baseline is the rulebook's minimal valid ``CreateEventTrigger`` body with one
change: its placeholder ``"value"`` under ``EQUAL`` becomes ``"100"``, because
EQUAL compares numbers (the Admin Guide's operator table) and the placeholder
earns rule E12's warning, which a test below shows.
"""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest

from customer_profiles_typed import (
    ComparisonOperator,
    CreateEventTriggerRequest,
    EventTriggerLimits,
    ListEventTriggersRequest,
    ObjectAttribute,
    Period,
    PeriodUnit,
    UpdateEventTriggerRequest,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
    skip_rules,
)
from customer_profiles_typed import _model

RULEBOOK_BODY: dict[str, Any] = {
    "DomainName": "domainName",
    "EventTriggerName": "eventTriggerName",
    "ObjectTypeName": "objectTypeName",
    "EventTriggerConditions": [
        {
            "EventTriggerDimensions": [
                {
                    "ObjectAttributes": [
                        {"FieldName": "fieldName", "ComparisonOperator": "EQUAL", "Values": ["value"]}
                    ]
                }
            ],
            "LogicalOperator": "ANY",
        }
    ],
    "EventTriggerLimits": {
        "EventExpiration": 900000,
        "Periods": [{"Unit": "DAYS", "Value": 10, "MaxInvocationsPerProfile": 10, "Unlimited": False}],
    },
}

ATTRIBUTE = "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
PERIOD = "EventTriggerLimits.Periods[0]"

RequestClass = type[CreateEventTriggerRequest] | type[UpdateEventTriggerRequest]


def baseline() -> dict[str, Any]:
    kwargs = copy.deepcopy(RULEBOOK_BODY)
    attribute_of(kwargs)["Values"] = ["100"]
    return kwargs


def attribute_of(kwargs: dict[str, Any]) -> dict[str, Any]:
    attribute: dict[str, Any] = kwargs["EventTriggerConditions"][0]["EventTriggerDimensions"][0][
        "ObjectAttributes"
    ][0]
    return attribute


def with_attribute(**members: Any) -> dict[str, Any]:
    kwargs = baseline()
    attribute = attribute_of(kwargs)
    attribute.update(members)
    for name in [name for name, value in members.items() if value is None]:
        del attribute[name]
    return kwargs


def with_period(**members: Any) -> dict[str, Any]:
    kwargs = baseline()
    kwargs["EventTriggerLimits"]["Periods"][0].update(members)
    return kwargs


def refused(
    kwargs: dict[str, Any], rule: str, wire_path: str, cls: RequestClass = CreateEventTriggerRequest
) -> ValidationError:
    with warnings.catch_warnings(record=True), pytest.raises(ValidationError) as caught:
        warnings.simplefilter("always")
        cls.from_boto3(kwargs)
    found = [(p.rule, p.wire_path) for p in caught.value.errors]
    assert (rule, wire_path) in found, found
    return caught.value


def warnings_of(kwargs: dict[str, Any], cls: RequestClass = CreateEventTriggerRequest) -> list[ValidationProblem]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        request = cls.from_boto3(kwargs)
    assert request.to_boto3() == kwargs
    return [
        w.message.problem
        for w in caught
        if isinstance(w.message, ValidationWarning) and w.message.problem is not None
    ]


def warned(kwargs: dict[str, Any], rule: str, wire_path: str) -> ValidationProblem:
    found = [p for p in warnings_of(kwargs) if p.rule == rule]
    assert [p.wire_path for p in found] == [wire_path], found
    return found[0]


def accepted_quietly(kwargs: dict[str, Any], cls: RequestClass = CreateEventTriggerRequest) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        request = cls.from_boto3(kwargs)
    assert request.to_boto3() == kwargs


def test_the_baseline_is_accepted_without_warnings() -> None:
    accepted_quietly(baseline())


def test_the_rulebook_body_as_printed_only_earns_e12_for_its_placeholder() -> None:
    problems = warnings_of(copy.deepcopy(RULEBOOK_BODY))
    assert [(p.rule, p.wire_path) for p in problems] == [("E12", f"{ATTRIBUTE}.Values[0]")]


# --- E3: no standard object type ---------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["_profile", "_asset", "_order", "_webAnalytics", "_communicationRecord", "_loyaltyTransaction", "_hotelStayRevenue"],
)
def test_e3_a_standard_object_type_is_refused(name: str) -> None:
    kwargs = baseline()
    kwargs["ObjectTypeName"] = name
    error = refused(kwargs, "E3", "ObjectTypeName")
    assert error.errors[0].path == "object_type_name"
    refused(
        {"DomainName": "d", "EventTriggerName": "t", "ObjectTypeName": name},
        "E3",
        "ObjectTypeName",
        cls=UpdateEventTriggerRequest,
    )


@pytest.mark.parametrize(
    "name", ["orders", "CTR", "Salesforce-Account", "_unstructured", "_Profile", "_unique", "_lookupOnly"]
)
def test_e3_custom_and_template_object_types_are_accepted(name: str) -> None:
    kwargs = baseline()
    kwargs["ObjectTypeName"] = name
    accepted_quietly(kwargs)


def test_e3_in_code_and_skip_rules() -> None:
    with pytest.raises(ValidationError) as caught:
        UpdateEventTriggerRequest(domain_name="d", event_trigger_name="t", object_type_name="_case")
    assert [(p.rule, p.path) for p in caught.value.errors] == [("E3", "object_type_name")]
    kwargs = baseline()
    kwargs["ObjectTypeName"] = "_profile"
    request = CreateEventTriggerRequest.from_boto3(kwargs, skip_rules={"E3"})
    assert request.object_type_name == "_profile"
    with skip_rules("E3"):
        UpdateEventTriggerRequest(domain_name="d", event_trigger_name="t", object_type_name="_case")


# --- E9, E11, E12: object attributes --------------------------------------------------


def test_e9_both_source_and_field_name_warn() -> None:
    warned(with_attribute(Source="_source.total"), "E9", ATTRIBUTE)


def test_e9_neither_source_nor_field_name_warns() -> None:
    warned(with_attribute(FieldName=None), "E9", ATTRIBUTE)


@pytest.mark.parametrize("source", ["_source.order.total", "_source['order total']"])
def test_e9_e11_a_source_alone_of_the_right_form_is_quiet(source: str) -> None:
    accepted_quietly(with_attribute(FieldName=None, Source=source))


def test_e11_a_source_outside_source_warns() -> None:
    problem = warned(with_attribute(FieldName=None, Source="total"), "E11", f"{ATTRIBUTE}.Source")
    assert problem.path.endswith("object_attributes[0].source")


@pytest.mark.parametrize(
    ("operator", "values", "wire_paths"),
    [
        ("GREATER_THAN", ["abc"], [".Values[0]"]),
        ("LESS_THAN_OR_EQUAL", ["10", "ten"], [".Values[1]"]),
        ("EQUAL", ["nan"], [".Values[0]"]),
        ("GREATER_THAN", ["1_000"], [".Values[0]"]),
        ("BETWEEN", ["1"], [".Values"]),
        ("NOT_BETWEEN", ["1", "5", "9"], [".Values"]),
        ("BETWEEN", ["low", "10"], [".Values[0]"]),
        ("BETWEEN", ["x"], [".Values", ".Values[0]"]),
        ("BEFORE", ["next week"], [".Values[0]"]),
        ("ON", ["2024-13-01"], [".Values[0]"]),
    ],
)
def test_e12_values_that_do_not_suit_the_operator_warn(
    operator: str, values: list[str], wire_paths: list[str]
) -> None:
    kwargs = with_attribute(ComparisonOperator=operator, Values=values)
    found = [p.wire_path for p in warnings_of(kwargs) if p.rule == "E12"]
    assert found == [ATTRIBUTE + path for path in wire_paths]


@pytest.mark.parametrize(
    ("operator", "values"),
    [
        ("GREATER_THAN", ["10"]),
        ("LESS_THAN", ["-2.5", "1e3", " 7 "]),
        ("EQUAL", [".5"]),
        ("BETWEEN", ["1", "10"]),
        ("NOT_BETWEEN", ["2024-01-01", "2024-12-31T23:59:59Z"]),
        ("BEFORE", ["2024-01-01T00:00:00Z"]),
        ("AFTER", ["1700000000000"]),
        ("ON", ["1700000000"]),
        ("CONTAINS", ["anything at all"]),
        ("INCLUSIVE", ["gold", "platinum"]),
        ("ENDS_WITH", ["@example.com"]),
    ],
)
def test_e12_values_that_suit_the_operator_are_quiet(operator: str, values: list[str]) -> None:
    accepted_quietly(with_attribute(ComparisonOperator=operator, Values=values))


def test_e12_on_an_attribute_built_in_code() -> None:
    with pytest.warns(ValidationWarning) as caught:
        ObjectAttribute(
            comparison_operator=ComparisonOperator.GREATER_THAN,
            values=["10", "many"],
            field_name="total",
        )
    problems = [w.message.problem for w in caught if isinstance(w.message, ValidationWarning)]
    assert [(p.rule, p.path, p.wire_path) for p in problems if p is not None] == [
        ("E12", "values[1]", "Values[1]")
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        with skip_rules("E12"):
            ObjectAttribute(
                comparison_operator=ComparisonOperator.GREATER_THAN, values=["many"], field_name="total"
            )


# --- E14, E15: limits ------------------------------------------------------------------


def test_e14_unlimited_with_a_maximum_warns() -> None:
    warned(with_period(Unlimited=True), "E14", f"{PERIOD}.MaxInvocationsPerProfile")
    with pytest.warns(ValidationWarning, match=r"\(E14\)"):
        Period(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=5, unlimited=True)


def test_e14_unlimited_alone_or_a_maximum_alone_is_quiet() -> None:
    kwargs = with_period(Unlimited=True)
    del kwargs["EventTriggerLimits"]["Periods"][0]["MaxInvocationsPerProfile"]
    accepted_quietly(kwargs)
    accepted_quietly(with_period(Unlimited=False))


@pytest.mark.parametrize("expiration", [0, -1, -900000])
def test_e15_an_expiration_not_above_zero_warns(expiration: int) -> None:
    kwargs = baseline()
    kwargs["EventTriggerLimits"]["EventExpiration"] = expiration
    warned(kwargs, "E15", "EventTriggerLimits.EventExpiration")


def test_e15_a_positive_expiration_is_quiet() -> None:
    kwargs = baseline()
    kwargs["EventTriggerLimits"]["EventExpiration"] = 1
    accepted_quietly(kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        EventTriggerLimits(event_expiration=60000)
    with pytest.warns(ValidationWarning, match=r"event_expiration.*\(E15\)"):
        EventTriggerLimits(event_expiration=0)


# --- Model constraints the rulebook names ----------------------------------------------


def _model_max(shape: str, member: str) -> int:
    maximum: int = _model.members(_model.shape(shape))[member].metadata["max"]
    return maximum


def _edit(kwargs: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set (or, with ``None``, delete) a member at a dotted path of a copy of ``kwargs``."""
    edited = copy.deepcopy(kwargs)
    *parents, last = path.split(".")
    target: Any = edited
    for step in parents:
        target = target[int(step)] if step.isdigit() else target[step]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return edited


CONDITION = "EventTriggerConditions.0"
ATTRIBUTE_KEYS = f"{CONDITION}.EventTriggerDimensions.0.ObjectAttributes.0"


@pytest.mark.parametrize(
    ("rule", "path", "value", "label", "wire_path"),
    [
        ("E1", "EventTriggerConditions", None, "required", "EventTriggerConditions"),
        ("E2", "EventTriggerName", "high value order", "pattern", "EventTriggerName"),
        ("E4", "Description", "d" * 1001, "max", "Description"),
        ("E5", "EventTriggerConditions", [RULEBOOK_BODY["EventTriggerConditions"][0]] * 6, "max", "EventTriggerConditions"),
        ("E6", f"{CONDITION}.LogicalOperator", "OR", "enum", "EventTriggerConditions[0].LogicalOperator"),
        ("E7", f"{ATTRIBUTE_KEYS}.ComparisonOperator", "EQUALS", "enum", f"{ATTRIBUTE}.ComparisonOperator"),
        ("E8", f"{ATTRIBUTE_KEYS}.Values", ["1"] * 11, "max", f"{ATTRIBUTE}.Values"),
        ("E10", f"{ATTRIBUTE_KEYS}.FieldName", "order total", "pattern", f"{ATTRIBUTE}.FieldName"),
        ("E13", "EventTriggerLimits.Periods.0.Unit", "YEARS", "enum", f"{PERIOD}.Unit"),
        ("E13", "EventTriggerLimits.Periods.0.Value", _model_max("Period", "Value") + 1, "max", f"{PERIOD}.Value"),
        (
            "E14",
            "EventTriggerLimits.Periods.0.MaxInvocationsPerProfile",
            _model_max("Period", "MaxInvocationsPerProfile") + 1,
            "max",
            f"{PERIOD}.MaxInvocationsPerProfile",
        ),
        ("E16", "SegmentFilter", "arn:aws:profile:us-east-1:123456789012:domains/d/segment-definitions/vip", "pattern", "SegmentFilter"),
    ],
)
def test_model_constraints_named_by_the_rulebook(
    rule: str, path: str, value: Any, label: str, wire_path: str
) -> None:
    refused(_edit(baseline(), path, value), label, wire_path)


def test_e13_the_installed_model_sets_the_period_range() -> None:
    top = _model_max("Period", "Value")
    accepted_quietly(with_period(Value=top))
    refused(with_period(Value=0), "min", f"{PERIOD}.Value")


def test_e17_update_has_no_tags() -> None:
    refused(
        {"DomainName": "d", "EventTriggerName": "t", "Tags": {"team": "a"}},
        "unknown-key",
        "Tags",
        cls=UpdateEventTriggerRequest,
    )


def test_e21_paging_bounds() -> None:
    with pytest.raises(ValidationError) as caught:
        ListEventTriggersRequest.from_boto3({"DomainName": "d", "MaxResults": 0})
    assert [(p.rule, p.wire_path) for p in caught.value.errors] == [("min", "MaxResults")]


# --- Sensitive members -------------------------------------------------------------------


SENTINEL = "Sentinel7f3a"


def test_no_message_shows_a_value_of_a_sensitive_member() -> None:
    kwargs = baseline()
    kwargs["Description"] = SENTINEL
    attribute_of(kwargs).update(
        Source=f"{SENTINEL}.source", FieldName=f"{SENTINEL}field", ComparisonOperator="BETWEEN",
        Values=[f"{SENTINEL}-low"],
    )
    dimension = kwargs["EventTriggerConditions"][0]["EventTriggerDimensions"][0]
    dimension["ObjectAttributes"].append(
        {"Source": f"_source.{SENTINEL}", "ComparisonOperator": "AFTER", "Values": [f"{SENTINEL} day"]}
    )
    problems = warnings_of(kwargs)
    assert {"E9", "E11", "E12"} <= {p.rule for p in problems}
    texts = [str(p) for p in problems] + [repr(CreateEventTriggerRequest.from_boto3(kwargs, skip_rules={"all"}))]

    attribute_of(kwargs)["FieldName"] = f"{SENTINEL} field"  # breaks the model's pattern
    kwargs["Description"] = SENTINEL * 100  # over 1000 characters
    error = refused(kwargs, "pattern", f"{ATTRIBUTE}.FieldName")
    assert {"max"} <= {p.rule for p in error.errors}
    texts += [str(error), *(str(p) for p in error.warnings)]
    assert all(SENTINEL not in text for text in texts), [t for t in texts if SENTINEL in t]
