"""Server-side validation of request parameters against the service model.

``validate_input`` is the single entry point the emulator calls; it checks
required members, JSON types, string lengths, patterns (full match), enum
values, numeric ranges, list and map sizes and unknown members, and names
each problem by its wire path (e.g. ``FlowDefinition.Tasks[0].TaskType``).
It is kept behind this one function so that a shared model-constraint
checker can replace it without touching the rest of the emulator.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Any

from customer_profiles_typed.testing._botocore import OperationModel, Shape
from customer_profiles_typed.testing._json import is_array, is_object

_MAX_SHOWN = 64


def validate_input(operation_model: OperationModel, params: Mapping[str, Any]) -> list[str]:
    """Return one message per constraint of the operation's input that ``params`` breaks."""
    shape = operation_model.input_shape
    if shape is None:
        return [f"Unknown member at '{name}'" for name in params]
    problems: list[str] = []
    _check_structure(shape, params, "", False, problems)
    return problems


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


def _join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _shown(value: Any, sensitive: bool) -> str:
    if value is None:
        return "Value null"
    if sensitive:
        return "Value"
    text = json.dumps(value, default=str) if not isinstance(value, str) else value
    if len(text) > _MAX_SHOWN:
        text = text[:_MAX_SHOWN] + "..."
    return f"Value '{text}'"


def _fail(value: Any, path: str, sensitive: bool, constraint: str, problems: list[str]) -> None:
    problems.append(f"{_shown(value, sensitive)} at '{path}' failed to satisfy constraint: Member {constraint}")


def _check(shape: Shape, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    sensitive = sensitive or bool(shape.metadata.get("sensitive", False))
    kind = shape.type_name
    if kind == "structure":
        if not is_object(value):
            _fail(value, path, sensitive, "must be a structure (JSON object)", problems)
            return
        _check_structure(shape, value, path, sensitive, problems)
    elif kind == "list":
        if not is_array(value):
            _fail(value, path, sensitive, "must be a list", problems)
            return
        _check_size(shape, len(value), value, path, sensitive, problems)
        for index, item in enumerate(value):
            _check(shape.member, item, f"{path}[{index}]", sensitive, problems)
    elif kind == "map":
        if not is_object(value):
            _fail(value, path, sensitive, "must be a map (JSON object)", problems)
            return
        _check_size(shape, len(value), value, path, sensitive, problems)
        for key, item in value.items():
            key_problems: list[str] = []
            _check(shape.key, key, path, sensitive, key_problems)
            problems.extend(f"Map key: {problem}" for problem in key_problems)
            _check(shape.value, item, f"{path}[{key}]", sensitive, problems)
    elif kind == "string":
        _check_string(shape, value, path, sensitive, problems)
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            _fail(value, path, sensitive, f"must be of type {kind}", problems)
            return
        _check_range(shape, value, path, sensitive, problems)
    elif kind in ("float", "double"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            _fail(value, path, sensitive, f"must be of type {kind}", problems)
            return
        _check_range(shape, value, path, sensitive, problems)
    elif kind == "boolean":
        if not isinstance(value, bool):
            _fail(value, path, sensitive, "must be of type boolean", problems)
    elif kind == "timestamp":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            _fail(value, path, sensitive, "must be a timestamp", problems)
    elif kind == "blob":
        if not isinstance(value, str):
            _fail(value, path, sensitive, "must be base64-encoded binary data", problems)


def _check_structure(
    shape: Shape, value: Mapping[str, Any], path: str, sensitive: bool, problems: list[str]
) -> None:
    for name in shape.required_members:
        if value.get(name) is None:
            _fail(None, _join(path, name), sensitive, "must not be null", problems)
    for name, item in value.items():
        member = shape.members.get(name)
        if member is None:
            problems.append(f"Unknown member at '{_join(path, name)}'")
        elif item is not None:
            _check(member, item, _join(path, name), sensitive, problems)
    if shape.metadata.get("union") and sum(1 for item in value.values() if item is not None) != 1:
        problems.append(f"Exactly one member must be set at '{path}'")


def _check_size(shape: Shape, size: int, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    if isinstance(low, int) and size < low:
        _fail(value, path, sensitive, f"must have length greater than or equal to {low}", problems)
    if isinstance(high, int) and size > high:
        _fail(value, path, sensitive, f"must have length less than or equal to {high}", problems)


def _check_range(shape: Shape, value: float, path: str, sensitive: bool, problems: list[str]) -> None:
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    if isinstance(low, (int, float)) and value < low:
        _fail(value, path, sensitive, f"must have value greater than or equal to {low}", problems)
    if isinstance(high, (int, float)) and value > high:
        _fail(value, path, sensitive, f"must have value less than or equal to {high}", problems)


def _check_string(shape: Shape, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    if not isinstance(value, str):
        _fail(value, path, sensitive, "must be of type string", problems)
        return
    _check_size(shape, len(value), value, path, sensitive, problems)
    enum = shape.metadata.get("enum")
    options = enum if is_array(enum) else []
    if options and value not in options:
        allowed = ", ".join(str(option) for option in options)
        _fail(value, path, sensitive, f"must satisfy enum value set: [{allowed}]", problems)
    pattern = shape.metadata.get("pattern")
    if isinstance(pattern, str):
        compiled = _compiled(pattern)
        if compiled is not None and compiled.fullmatch(value) is None:
            _fail(value, path, sensitive, f"must satisfy regular expression pattern: {pattern}", problems)
