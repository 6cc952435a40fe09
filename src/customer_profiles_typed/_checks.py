"""Every constraint of the AWS model, read from the installed botocore model.

Required members, types, string and list/map sizes, number ranges, enum values
and patterns are checked in one walk that records every problem. The walk reads
either a wire dict (boto3 keyword arguments, a spec file, a request body) or the
fields of one attrs object (nested attrs objects checked themselves when built).

Decisions where the model alone would mislead (documented in the rules file):

- A pattern anchored at the start only (``^arn:[a-z0-9]{1,10}:profile``) is a
  prefix test: a value that starts as it says is clean.
- Patterns are matched against the whole value (``re.fullmatch``): AWS documents
  ``FlowName`` as "Spaces are not allowed", which the unanchored model pattern
  would not say.
- A pattern that matches the empty string (``[...]*``, ``.*``) says nothing when
  matched unanchored, so a value outside it is a warning, not an error (F4).
- ``KmsArn`` and ``RoleArn``: the model's patterns hard-code the ``aws`` partition.
  We require the ``arn:aws...:kms:`` / ``:iam:`` prefix in any partition and warn
  when the partition is not ``aws`` (A3), rather than reject a valid ARN.
- ``ConnectorType: "ServiceNow"`` (the CloudFormation spelling) is not in the enum;
  it is accepted with a warning and sent as ``Servicenow`` (C2).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, cast

import attrs

from customer_profiles_typed import _fast, _model, enums
from customer_profiles_typed._timestamps import exists_in_utc, readable_timestamp
from customer_profiles_typed._paths import Path, shown
from customer_profiles_typed._wire import (
    ARN_PATTERNS,
    CLASS_SHAPES,
    CONNECTOR_BY_CLASS,
    CONNECTOR_BY_OPERATOR,
    CONNECTOR_BY_TYPE,
    CONNECTOR_TYPE_ALIASES,
    FIELDS,
    FULL_MATCH_SHAPES,
    REQUIRED_BY_RULE,
    SHAPE_CLASSES,
)

if TYPE_CHECKING:
    from botocore.model import Shape

__all__ = ["MODEL_CONSTRAINTS", "WALK_RULE_IDS", "Finding", "check_object", "check_wire"]

MODEL_CONSTRAINTS = frozenset({"type", "required", "unknown-key", "enum", "min", "max", "pattern"})
"""The labels of findings that stand for a constraint of the AWS model itself."""

WALK_RULE_IDS = frozenset({"A3", "C2", "C3", "C4", "F4", "K7"})
"""The rule IDs this walk reports itself, besides those of ``rules.RULES``."""

_PARTITION = re.compile(r"arn:([^:]*):")




@attrs.frozen
class Finding:
    """One problem found by a check: an error, or a warning when ``warning`` is set."""

    path: Path
    message: str
    rule: str
    warning: bool = False
    blocking: bool = False
    """Set for problems that leave the request impossible to represent in Python."""


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.cache
def _anchored(pattern: str) -> bool:
    return pattern.startswith("^") and pattern.endswith("$")


@functools.cache
def _matches_empty(pattern: str) -> bool:
    return _compiled(pattern).fullmatch("") is not None


@functools.cache
def sensitive_shapes() -> frozenset[str]:
    """Names of the structures, lists and maps that sit inside a shape AWS marks sensitive.

    An object of such a shape is checked on its own when built, so it must know
    that its values are not to be shown. Scalar shapes are left out: one such as
    ``name`` is sensitive in one place (a key of ``KeyMap``) and not in another
    (``DomainName``); the walk passes sensitivity down to them from their container.
    """
    found: set[str] = set()
    seen: set[tuple[str, bool]] = set()

    def walk(shape: Shape, inside: bool) -> None:
        inside = inside or bool(shape.metadata.get("sensitive"))
        if (shape.name, inside) in seen:
            return
        seen.add((shape.name, inside))
        if inside and shape.type_name in ("structure", "list", "map"):
            found.add(shape.name)
        if shape.type_name == "structure":
            for member in _model.members(shape).values():
                walk(member, inside)
        elif shape.type_name == "list":
            walk(_model.list_member(shape), inside)
        elif shape.type_name == "map":
            walk(_model.map_key_value(shape)[1], inside)

    for shape_name in CLASS_SHAPES.values():
        walk(_model.shape(shape_name), False)
    return frozenset(found)


def _show(value: object, sensitive: bool) -> str:
    if sensitive:
        return "(value not shown: sensitive)"
    text = shown(getattr(value, "value", value))
    return text if len(text) <= 80 else f"{text[:77]}..."


def _required_by_rule(name: str, rule: str) -> str:
    return f"{name} is required by rule {rule}"


def _type_name(value: object) -> str:
    return type(value).__name__


def _closest_member(enum_class: type[Enum], value: object) -> Enum | None:
    """The member a string most likely meant: its value or name in any case, or a close spelling.

    ``"Map"``, ``"map"`` and ``"MAP"`` all mean ``TaskType.MAP``; ``"Mapp"`` does too.
    Only the model's own values are ever shown, never the string given.
    """
    raw = value.value if isinstance(value, Enum) else value
    if not isinstance(raw, str):
        return None
    folded = raw.strip().lower().replace("-", "_")
    members = list(enum_class)
    for member in members:
        if folded in (str(member.value).lower(), member.name.lower()):
            return member
    import difflib

    names = {str(member.value).lower(): member for member in members}
    close = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


class _Walk:
    """One walk over a value, collecting findings."""

    def __init__(self, *, typed: bool, lenient: bool) -> None:
        self.typed = typed
        self.lenient = lenient
        self.findings: list[Finding] = []

    def error(self, path: Path, message: str, rule: str, *, blocking: bool = False) -> None:
        self.findings.append(Finding(path, message, rule, blocking=blocking))

    def warn(self, path: Path, message: str, rule: str) -> None:
        self.findings.append(Finding(path, message, rule, warning=True))

    # --- dispatch ------------------------------------------------------------

    def value(self, shape: Shape, value: Any, path: Path, sensitive: bool) -> None:
        sensitive = sensitive or shape.name in sensitive_shapes() or bool(shape.metadata.get("sensitive"))
        kind = shape.type_name
        if kind == "structure":
            self.structure(shape, value, path, sensitive)
        elif kind == "list":
            self.sequence(shape, value, path, sensitive)
        elif kind == "map":
            self.mapping(shape, value, path, sensitive)
        elif kind == "string":
            self.string(shape, value, path, sensitive)
        elif kind in ("integer", "long", "double", "float"):
            self.number(shape, value, path, sensitive)
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.error(path, f"must be a boolean, got {_type_name(value)}", "type")
        elif kind == "timestamp":
            self.timestamp(value, path, sensitive)

    # --- structures ----------------------------------------------------------

    def structure(self, shape: Shape, value: Any, path: Path, sensitive: bool) -> None:
        if self.typed:
            self.typed_structure(shape, value, path)
            return
        if not isinstance(value, Mapping):
            self.error(
                path, f"must be a dict (structure {shape.name}), got {_type_name(value)}", "type"
            )
            return
        self.members(shape, cast("Mapping[str, Any]", value), path, sensitive)

    def typed_structure(self, shape: Shape, value: Any, path: Path) -> None:
        """A nested Python value: attrs objects were checked when built, so only the class matters."""
        if shape.name == "ConnectorOperator":
            if type(value) not in CONNECTOR_BY_OPERATOR:
                meant = [
                    f"{operators.__name__}.{member.name}"
                    for operators in CONNECTOR_BY_OPERATOR
                    if (member := _closest_member(operators, value)) is not None
                ]
                hint = f": use your source's, e.g. {' or '.join(meant[:2])}" if meant else ""
                self.error(
                    path,
                    "must be a member of a connector operator enum such as "
                    f"S3ConnectorOperator, got {_type_name(value)}{hint}",
                    "type",
                )
        elif shape.name == "SourceConnectorProperties":
            if type(value) not in CONNECTOR_BY_CLASS:
                self.error(
                    path,
                    "must be a source properties object such as S3SourceProperties, "
                    f"got {_type_name(value)}",
                    "type",
                )
        else:
            expected = SHAPE_CLASSES[shape.name]
            if not isinstance(value, expected):
                got = _type_name(cast(object, value))
                hint = ""
                if isinstance(value, Mapping):
                    hint = (
                        f": build it with {expected.__name__}(...), or read a whole boto3-style "
                        "request with its request class's from_boto3"
                    )
                self.error(
                    path, f"must be a {expected.__name__}, got {got}{hint}", "type"
                )

    def members(
        self, shape: Shape, value: Mapping[str, Any], path: Path, sensitive: bool
    ) -> None:
        members = _model.members(shape)
        required = _model.required_members(shape)
        for name in required:
            if value.get(name) is None:
                self.error(path.member(shape.name, name), f"{name} is required", "required")
        if not self.lenient:
            for name, rule in REQUIRED_BY_RULE.get(shape.name, {}).items():
                if name not in value:
                    self.error(
                        path.member(shape.name, name), _required_by_rule(name, rule), rule,
                        blocking=True,
                    )
        for position, (key, item) in enumerate(value.items()):
            member = members.get(key)
            if member is None:
                if self.lenient:
                    continue
                # Inside a sensitive shape a key is data too: named only if it is a member
                # name of the model (a misplaced or miscased member), else by position.
                named = not sensitive or shown(key, str).lower() in _model.member_names()
                where, unknown = (
                    (path.member(shape.name, shown(key, str)), f"unknown parameter {shown(key)}")
                    if named
                    else (path.hidden_key(position), "an unknown key (not shown: sensitive)")
                )
                self.error(
                    where, f"{unknown} in {shape.name}; valid: {', '.join(members)}", "unknown-key"
                )
                continue
            if item is None:
                if not self.lenient and key not in required:  # else reported as missing
                    self.error(
                        path.member(shape.name, key),
                        f"{key} must not be None; leave it out instead",
                        "type",
                    )
                continue
            self.value(member, item, path.member(shape.name, key), sensitive)
        if shape.name == "ConnectorOperator" and not self.lenient:
            self.one_operator(value, path)
        elif shape.name == "SourceFlowConfig" and not self.lenient:
            self.source_entry(value, path)

    def one_operator(self, value: Mapping[str, Any], path: Path) -> None:
        """Rule K7, first half: a task names exactly one connector's operator."""
        keys = [key for key, item in value.items() if item is not None]
        if len(keys) != 1:
            # Inside the sensitive FlowDefinition: a key that is no member name is data.
            names = [
                shown(key, str)
                if shown(key, str).lower() in _model.member_names()
                else "an unknown key (not shown)"
                for key in keys
            ]
            self.error(
                path,
                f"must hold exactly one connector's operator, holds {len(keys)}"
                + (f" ({', '.join(names)})" if keys else ""),
                "K7",
                blocking=True,
            )

    def source_entry(self, value: Mapping[str, Any], path: Path) -> None:
        """Rules C3 and C4: the properties hold the connector type's entry, and only it."""
        raw = value.get("ConnectorType")
        properties = value.get("SourceConnectorProperties")
        if not isinstance(raw, str) or not isinstance(properties, Mapping):
            return
        connector = CONNECTOR_BY_TYPE.get(CONNECTOR_TYPE_ALIASES.get(raw, raw))
        if connector is None:
            return
        where = path.member("SourceFlowConfig", "SourceConnectorProperties")
        listed = cast("Mapping[object, object]", properties)
        entries = {str(key) for key, item in listed.items() if item is not None}
        if connector.key not in entries:
            self.error(
                where,
                f"ConnectorType is {raw!r} but there is no {connector.key!r} entry "
                "(SourceConnectorProperties must hold the entry of the connector type)",
                "C3",
                blocking=True,
            )
        # An entry that is no connector is an unknown key, reported (not by name) as such.
        connectors = _model.members(_model.shape("SourceConnectorProperties"))
        for extra in sorted(entries.intersection(connectors) - {connector.key}):
            self.warn(
                where.wire_only(extra),
                f"entry for another connector than {raw!r}: it is ignored and not sent",
                "C4",
            )

    # --- collections ---------------------------------------------------------

    def sequence(self, shape: Shape, value: Any, path: Path, sensitive: bool) -> None:
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            self.error(path, f"must be a list, got {_type_name(value)}", "type")
            return
        items = cast("Sequence[object]", value)
        self.size(shape, len(items), path, "items")
        member = _fast.list_item_shape(shape)
        for position, item in enumerate(items):
            self.value(member, item, path.index(position), sensitive)

    def mapping(self, shape: Shape, value: Any, path: Path, sensitive: bool) -> None:
        if not isinstance(value, Mapping):
            self.error(path, f"must be a dict, got {_type_name(value)}", "type")
            return
        # A map's minimum is not enforced: botocore does not check map sizes, and the
        # only map with one (Tags, min 1) is a warning when empty (rule T11, rules.py).
        entries = cast("Mapping[object, object]", value)
        self.size(shape, len(entries), path, "entries", check_min=False)
        key_shape, value_shape = _model.map_key_value(shape)
        allowed = _model.enum_values(key_shape)
        for position, (key, item) in enumerate(entries.items()):
            # Inside a sensitive shape a key is data too: name it only if it is one
            # of the enum's keys (TaskProperties' DATA_TYPE...), else by position.
            shown = not sensitive or getattr(key, "value", key) in allowed
            where = path.key(key) if shown else path.hidden_key(position)
            self.value(key_shape, key, where, sensitive)
            self.value(value_shape, item, where, sensitive)

    def size(
        self, shape: Shape, count: int, path: Path, noun: str, *, check_min: bool = True
    ) -> None:
        low = shape.metadata.get("min")
        high = shape.metadata.get("max")
        if check_min and low is not None and count < low:
            self.error(path, f"must have at least {low} {noun}, has {count}", "min")
        if high is not None and count > high:
            self.error(path, f"must have at most {high} {noun}, has {count}", "max")

    # --- scalars -------------------------------------------------------------

    def string(self, shape: Shape, value: Any, path: Path, sensitive: bool) -> None:
        allowed = _model.enum_values(shape)
        if allowed:
            self.enum(shape, allowed, value, path, sensitive)
            return
        if not isinstance(value, str):
            self.error(path, f"must be a string, got {_type_name(value)}", "type")
            return
        length = len(value)
        low = shape.metadata.get("min")
        high = shape.metadata.get("max")
        if low is not None and length < low:
            self.error(path, f"must be at least {low} characters, is {length}", "min")
        if high is not None and length > high:
            self.error(path, f"must be at most {high} characters, is {length}", "max")
        pattern = shape.metadata.get("pattern")
        if pattern is not None:
            self.pattern(shape.name, pattern, value, path, sensitive)

    def pattern(self, name: str, pattern: str, value: str, path: Path, sensitive: bool) -> None:
        arn = ARN_PATTERNS.get(name)
        if arn is not None:
            agnostic, _, service = arn
            if _compiled(agnostic).fullmatch(value) is None:
                self.error(
                    path,
                    f"must be an ARN of the form arn:<partition>:{service}:<region>:"
                    f"<account>:<resource>, got {_show(value, sensitive)}",
                    "A3",
                )
                return
            found = _PARTITION.match(value)
            if found is not None and found.group(1) != "aws":
                self.warn(
                    path,
                    f"ARN partition {found.group(1)!r}: Customer Profiles is only known "
                    "in the 'aws' partition",
                    "A3",
                )
            return
        compiled = _compiled(pattern)
        if compiled.fullmatch(value) is not None:
            return
        if _fast.prefix_only(pattern) and compiled.match(value) is not None:
            return
        message = f"must match the pattern {pattern!r}, got {_show(value, sensitive)}"
        if _anchored(pattern) or name in FULL_MATCH_SHAPES:
            self.error(path, message, "pattern")
        elif _matches_empty(pattern):
            self.warn(path, message, "F4")
        elif compiled.search(value) is not None:
            # AWS matches its patterns unanchored: part of the value matching is
            # enough there, so the rest of the value only earns a warning.
            self.warn(path, f"{message}; only part of the value matches", "pattern")
        else:
            self.error(path, message, "pattern")

    def enum(
        self, shape: Shape, allowed: list[str], value: Any, path: Path, sensitive: bool
    ) -> None:
        enum_class: type[Enum] | None = getattr(enums, shape.name, None)
        if self.typed and enum_class is not None:
            if not isinstance(value, enum_class):
                member = _closest_member(enum_class, value)
                hint = f": use {shape.name}.{member.name}" if member is not None else ""
                self.error(
                    path, f"must be a {shape.name} member, got {_type_name(value)}{hint}", "type"
                )
            return
        # A str Enum is its value (botocore sends it so); botocore refuses any other Enum.
        raw = value.value if isinstance(value, Enum) and isinstance(value, str) else value
        if not isinstance(raw, str):
            member = _closest_member(enum_class, value) if enum_class is not None else None
            hint = f": use {shape.name}.{member.name} or {member.value!r}" if member is not None else ""
            self.error(
                path, f"must be a string ({shape.name}), got {_type_name(value)}{hint}", "type"
            )
            return
        if raw in allowed:
            return
        canonical = CONNECTOR_TYPE_ALIASES.get(raw) if shape.name == "SourceConnectorType" else None
        if canonical is not None:
            self.warn(
                path,
                f"{raw!r} is not the API's spelling; it is sent as {canonical!r}",
                "C2",
            )
            return
        if self.lenient:
            return
        member = _closest_member(enum_class, raw) if enum_class is not None else None
        hint = f"; did you mean {member.value!r}?" if member is not None else ""
        self.error(
            path,
            f"must be one of {', '.join(allowed)} ({shape.name}), got {_show(raw, sensitive)}{hint}",
            "enum",
        )

    def number(self, shape: Shape, value: Any, path: Path, sensitive: bool) -> None:
        whole = shape.type_name in ("integer", "long")
        kinds: tuple[type, ...] = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            noun = "an integer" if whole else "a number"
            self.error(path, f"must be {noun}, got {_type_name(value)}", "type")
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path, f"must be a finite number, got {_show(value, sensitive)}", "type")
            return
        low = shape.metadata.get("min")
        high = shape.metadata.get("max")
        if low is not None and value < low:
            self.error(path, f"must be at least {low}, got {_show(value, sensitive)}", "min")
        if high is not None and value > high:
            self.error(path, f"must be at most {high}, got {_show(value, sensitive)}", "max")

    def timestamp(self, value: Any, path: Path, sensitive: bool) -> None:
        if isinstance(value, datetime):
            if not exists_in_utc(value):
                self.error(
                    path,
                    "must be an instant between 0001-01-01 and 9999-12-31 in UTC, got "
                    f"{_show(value.isoformat(), sensitive)}",
                    "type",
                )
            return
        if self.typed or isinstance(value, bool):
            self.error(path, f"must be a datetime, got {_type_name(value)}", "type")
            return
        if isinstance(value, (int, float)):
            if not readable_timestamp(value):
                self.error(
                    path,
                    "must be a datetime, or epoch seconds botocore can read; got a number "
                    "out of range (epoch milliseconds?)",
                    "type",
                )
            return
        if isinstance(value, str):
            if not readable_timestamp(value):
                self.error(
                    path,
                    "must be an ISO 8601 timestamp of an instant between 0001-01-01 and "
                    f"9999-12-31 in UTC, got {_show(value, sensitive)}",
                    "type",
                )
            return
        self.error(path, f"must be a datetime or an ISO 8601 string, got {_type_name(value)}", "type")


def check_wire(shape_name: str, value: Any, path: Path, *, lenient: bool = False) -> list[Finding]:
    """Check a wire dict against an AWS shape; every finding, errors and warnings.

    ``lenient`` reads like a response: unknown keys and enum values are accepted.
    """
    shape = _model.shape(shape_name)
    if not lenient and _fast.wire_accepter(shape_name)(value):
        return []
    walk = _Walk(typed=False, lenient=lenient)
    walk.value(shape, value, path, False)
    return walk.findings


def check_object(obj: object, path: Path) -> list[Finding]:
    """Check the fields of one attrs object against its AWS shape (not recursing)."""
    shape_name = CLASS_SHAPES[type(obj)]
    if _fast_accepts(obj):
        return []
    shape = _model.shape(shape_name)
    members = _model.members(shape)
    required = set(_model.required_members(shape))
    sensitive = shape_name in sensitive_shapes()
    walk = _Walk(typed=True, lenient=False)
    derived = _derived_fields(type(obj))
    for python_name, wire_name in FIELDS[shape_name].items():
        if python_name in derived:
            continue
        value = getattr(obj, python_name)
        where = path.attribute(shape_name, python_name)
        if value is None:
            if wire_name in required:
                walk.error(where, f"{python_name} is required", "required")
            elif wire_name in REQUIRED_BY_RULE.get(shape_name, {}):
                rule = REQUIRED_BY_RULE[shape_name][wire_name]
                walk.error(where, _required_by_rule(python_name, rule), rule, blocking=True)
            continue
        walk.value(members[wire_name], value, where, sensitive)
    return walk.findings


def _fast_accepts(obj: object) -> bool:
    """Whether the compiled check finds the own fields of an object clean.

    It reads derived fields too (``SourceFlowConfig.connector_type``), which raise
    ``KeyError`` when the field they derive from holds a wrong type: not clean.
    """
    try:
        return _fast.object_accepter(type(obj))(obj)
    except KeyError:
        return False


_DERIVED: dict[type, frozenset[str]] = {}


def _derived_fields(cls: type) -> frozenset[str]:
    """Names in ``FIELDS`` that are properties, not attrs fields (``connector_type``).

    The walk skips them: they follow from fields it checks itself, and reading one
    fails when that field has the wrong type.
    """
    found = _DERIVED.get(cls)
    if found is None:
        own = {field.name for field in attrs.fields(cls)}
        found = _DERIVED[cls] = frozenset(
            name for name in FIELDS[CLASS_SHAPES[cls]] if name not in own
        )
    return found
