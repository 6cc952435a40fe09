"""The rules of event triggers (``object-type-rules.md``) the AWS model cannot express, one function per rule.

Rules here: E3 (no standard object type, the roots of rule O21; error), and the warnings E9 (one of
Source and FieldName), E11 (Source reads ``_source.``), E12 (the values suit the
operator), E14's contradiction (Unlimited with MaxInvocationsPerProfile) and E15
(EventExpiration above 0).

Model constraints (``_checks``), not repeated here: E1 (required members), E2
(name patterns), E4 (Description length), E5, E6 and E8 (list sizes, the
LogicalOperator enum), E7 (the ComparisonOperator enum), E10 (FieldName),
E13 (Periods, Unit, and Value within the installed model's range), E14's range,
E16 (SegmentFilter is a name, so an ARN breaks its pattern), E17 (Tags on
UpdateEventTrigger is an unknown key) and E21 (paging bounds). X4's count is
rule T13 and its name pattern a model constraint, both on ``PutIntegration``
(``rules/integrations.py``). Online rules (E20 quota, X4 existence, X15) need
account state and are not here. E18 and E19 are advice, not checks.

``EventTriggerConditions`` and ``Description`` are sensitive: messages name the
place and the operator, never a Value, Source or FieldName.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from customer_profiles_typed._paths import Path
from customer_profiles_typed._timestamps import parse_timestamp
from customer_profiles_typed._wire import CLASS_SHAPES
from customer_profiles_typed.enums import ComparisonOperator
from customer_profiles_typed.models.event_triggers import (
    CreateEventTriggerRequest,
    EventTriggerLimits,
    ObjectAttribute,
    Period,
    UpdateEventTriggerRequest,
)
from customer_profiles_typed.rules._registry import rule as _rule
from customer_profiles_typed.rules.object_types import standard_objects

__all__ = ["DATE_OPERATORS", "NUMBER_OPERATORS", "RANGE_OPERATORS"]


# --- The trigger (section 3) -----------------------------------------------------


@_rule("E3", "error", CreateEventTriggerRequest, "A trigger watches no standard object type.")
@_rule("E3", "error", UpdateEventTriggerRequest, "A trigger watches no standard object type.")
def _standard_object_type(
    request: CreateEventTriggerRequest | UpdateEventTriggerRequest, path: Path
) -> Iterator[tuple[Path, str]]:
    name = request.object_type_name
    if name is not None and name.startswith("_") and name in standard_objects():
        yield (
            path.attribute(CLASS_SHAPES[type(request)], "object_type_name"),
            f"{name!r} is a standard object type: event triggers watch custom or template "
            "object types only",
        )


# --- Object attributes -----------------------------------------------------------

NUMBER_OPERATORS = frozenset(
    {
        ComparisonOperator.GREATER_THAN,
        ComparisonOperator.LESS_THAN,
        ComparisonOperator.GREATER_THAN_OR_EQUAL,
        ComparisonOperator.LESS_THAN_OR_EQUAL,
        ComparisonOperator.EQUAL,
    }
)
"""The operators that compare numbers (rule E12, after the Admin Guide's operator table)."""

DATE_OPERATORS = frozenset(
    {ComparisonOperator.BEFORE, ComparisonOperator.AFTER, ComparisonOperator.ON}
)
"""The operators that compare dates (rule E12)."""

RANGE_OPERATORS = frozenset({ComparisonOperator.BETWEEN, ComparisonOperator.NOT_BETWEEN})
"""The operators that compare with a range of two numbers or dates, lower then upper (rule E12)."""

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
"""A decimal number in ASCII digits (no ``nan``, ``inf`` or ``1_000``)."""

_NOTHING: tuple[tuple[Path, str], ...] = ()
"""What a per-attribute check returns for a clean attribute: no generator to create and run."""


def _is_number(value: str) -> bool:
    return _NUMBER.fullmatch(value.strip()) is not None


def _is_date(value: str) -> bool:
    """Whether a value reads as a date: epoch seconds or milliseconds, or a date botocore can parse."""
    if _is_number(value):
        return True
    try:
        parse_timestamp(value)
    except ValueError:
        return False
    return True


def _attribute_path(path: Path, name: str) -> Path:
    return path.attribute("ObjectAttribute", name)


@_rule("E9", "warning", ObjectAttribute, "An object attribute has one of Source and FieldName.")
def _source_or_field(attribute: ObjectAttribute, path: Path) -> Iterable[tuple[Path, str]]:
    if (attribute.source is None) != (attribute.field_name is None):
        return _NOTHING
    if attribute.source is None:
        return [(path, "neither source nor field_name is set: there is no attribute to compare")]
    return [
        (
            path,
            "both source and field_name are set: AWS allows only one attribute per object "
            "attribute entry; keep one",
        )
    ]


@_rule("E11", "warning", ObjectAttribute, "Source reads the source object: _source.<path>.")
def _source_form(attribute: ObjectAttribute, path: Path) -> Iterable[tuple[Path, str]]:
    source = attribute.source
    if source is None or source.startswith(("_source.", "_source[")):
        return _NOTHING
    return [
        (
            _attribute_path(path, "source"),
            "source does not start with '_source.': it names an attribute of the source "
            "object as _source.<path> (value not shown: sensitive)",
        )
    ]


_VALUE_KINDS: dict[ComparisonOperator, tuple[Callable[[str], bool], str, str]] = {
    **{operator: (_is_number, "numbers", "a number") for operator in NUMBER_OPERATORS},
    **{operator: (_is_date, "dates", "a date (ISO 8601 or epoch)") for operator in DATE_OPERATORS},
    **{operator: (_is_date, "numbers or dates", "a number or a date") for operator in RANGE_OPERATORS},
}
"""Operator -> (what each value must read as, what it compares, what a value should be)."""


@_rule("E12", "warning", ObjectAttribute, "The values suit the comparison operator.")
def _values_suit_operator(attribute: ObjectAttribute, path: Path) -> Iterable[tuple[Path, str]]:
    operator = attribute.comparison_operator
    kind = _VALUE_KINDS.get(operator)
    if kind is None:
        return _NOTHING  # the string operators take any text
    reads_as, compared, expected = kind
    count_wrong = operator in RANGE_OPERATORS and len(attribute.values) != 2
    if not count_wrong and all(reads_as(value) for value in attribute.values):
        return _NOTHING
    values = _attribute_path(path, "values")
    found: list[tuple[Path, str]] = []
    if count_wrong:
        found.append(
            (
                values,
                f"{operator.value} compares with a range: give 2 values, the lower and the "
                f"upper bound, not {len(attribute.values)}",
            )
        )
    found += [
        (
            values.index(position),
            f"{operator.value} compares {compared}, but this value does not read as "
            f"{expected} (value not shown: sensitive)",
        )
        for position, value in enumerate(attribute.values)
        if not reads_as(value)
    ]
    return found


# --- Limits ----------------------------------------------------------------------


@_rule("E14", "warning", Period, "Unlimited and MaxInvocationsPerProfile exclude each other.")
def _unlimited_with_maximum(period: Period, path: Path) -> Iterator[tuple[Path, str]]:
    if period.unlimited is True and period.max_invocations_per_profile is not None:
        yield (
            path.attribute("Period", "max_invocations_per_profile"),
            "max_invocations_per_profile is set together with unlimited=True: the two "
            "contradict each other; keep one",
        )


@_rule("E15", "warning", EventTriggerLimits, "EventExpiration is a positive number of milliseconds.")
def _expiration_positive(limits: EventTriggerLimits, path: Path) -> Iterator[tuple[Path, str]]:
    expiration = limits.event_expiration
    if expiration is not None and expiration <= 0:
        yield (
            path.attribute("EventTriggerLimits", "event_expiration"),
            f"event_expiration is {expiration}: it is a duration in milliseconds and should be "
            "above 0 (at most 900000, 15 minutes, for an outbound campaign)",
        )
