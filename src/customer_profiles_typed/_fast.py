"""Fast acceptance of valid input: the AWS model's constraints compiled to Python code.

Most requests are valid, and the detailed walk in ``_checks`` (which records a
path and a message for every problem) costs far more than a yes/no answer. So
each AWS shape is compiled once, from the botocore model, into straight-line
Python that only answers "is this clean?". Clean input skips the detailed walk;
anything else, errors and warnings alike, goes through it for the full report.

The compiled code may refuse input the detailed walk accepts (the walk then
finds nothing, which is only slower), but never the reverse: the property test
``tests/test_fast.py`` holds it to that.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from customer_profiles_typed import _model, enums
from customer_profiles_typed._timestamps import exists_in_utc, readable_timestamp
from customer_profiles_typed._wire import (
    ARN_PATTERNS,
    CLASS_SHAPES,
    CONNECTOR_BY_CLASS,
    CONNECTOR_BY_OPERATOR,
    CONNECTOR_BY_TYPE,
    FIELDS,
    LIST_ITEMS_CHECKED_AS,
    REQUIRED_BY_RULE,
    SHAPE_CLASSES,
)

if TYPE_CHECKING:
    from botocore.model import Shape

__all__ = ["list_item_shape", "object_accepter", "prefix_only", "wire_accepter"]

Accepter = Callable[[Any], bool]

_NO_NEWLINE = frozenset({".*", ".+"})
"""Patterns whose full match only fails on a line break (plus emptiness for ``.+``)."""


def prefix_only(pattern: str) -> bool:
    """Whether a pattern is anchored at the start only (``^arn:...:profile``): a prefix test.

    Such a pattern says what a value starts with and nothing of the rest, so a
    value it matches at the start is clean, as AWS's matching would find it.
    """
    return pattern.startswith("^") and not pattern.endswith("$")


def list_item_shape(shape: Shape) -> Shape:
    """The shape the items of a list are checked against (see ``_wire.LIST_ITEMS_CHECKED_AS``)."""
    override = LIST_ITEMS_CHECKED_AS.get(shape.name)
    return _model.shape(override) if override is not None else _model.list_member(shape)


class _Compiler:
    """Emits the source of one module of accept functions and its namespace."""

    def __init__(self, *, typed: bool) -> None:
        self.typed = typed
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "Mapping": Mapping,
            "datetime": datetime,
            "Enum": Enum,
        }
        self.done: set[str] = set()
        self.counter = 0

    def constant(self, value: object, prefix: str = "c") -> str:
        self.counter += 1
        name = f"_{prefix}{self.counter}"
        self.namespace[name] = value
        return name

    def function_name(self, shape: Shape) -> str:
        return f"accept_{shape.name}"

    # --- structures --------------------------------------------------------------

    def structure(self, shape: Shape) -> str:
        name = self.function_name(shape)
        if shape.name in self.done:
            return name
        self.done.add(shape.name)
        members = _model.members(shape)
        required = set(_model.required_members(shape)) | set(REQUIRED_BY_RULE.get(shape.name, ()))
        body = [f"def {name}(v):"]
        if self.typed and shape.name in SHAPE_CLASSES:
            for python, wire in FIELDS[shape.name].items():
                body += self.member_lines(f"v.{python}", members[wire], wire in required)
            body.append("    return True")
        else:
            known = self.constant(frozenset(members), "known")
            body.append("    if type(v) is not dict and not isinstance(v, Mapping): return False")
            body.append("    for k, x in v.items():")
            body.append(f"        if x is None or k not in {known}: return False")
            for wire, member in members.items():
                body += self.member_lines(f"v.get({wire!r})", member, wire in required)
            if shape.name == "ConnectorOperator":
                body.append("    if len(v) != 1: return False")
            if shape.name == "SourceFlowConfig":
                table = self.constant(
                    {value: connector.key for value, connector in CONNECTOR_BY_TYPE.items()},
                    "keys",
                )
                body.append(f"    key = {table}.get(v['ConnectorType'])")
                body.append("    entries = v['SourceConnectorProperties']")
                body.append("    if key is None or len(entries) != 1 or key not in entries: return False")
            body.append("    return True")
        self.lines += body + [""]
        return name

    def member_lines(self, access: str, member: Shape, required: bool) -> list[str]:
        """Read one member into ``x`` and check it: present if required, clean if set."""
        lines = [f"    x = {access}"]
        checks = self.value_checks(member, "x")
        if required:
            lines.append("    if x is None: return False")
            lines += [f"    {line}" for line in checks]
        elif checks:
            lines.append("    if x is not None:")
            lines += [f"        {line}" for line in checks]
        return lines

    # --- values --------------------------------------------------------------------

    def value_checks(self, shape: Shape, var: str) -> list[str]:
        """Statements that ``return False`` unless ``var`` is a clean value of ``shape``."""
        kind = shape.type_name
        if kind == "structure":
            return self.structure_checks(shape, var)
        if kind == "list":
            return self.list_checks(shape, var)
        if kind == "map":
            return self.map_checks(shape, var)
        if kind == "string":
            return self.string_checks(shape, var)
        if kind in ("integer", "long", "double", "float"):
            return self.number_checks(shape, var)
        if kind == "boolean":
            return [f"if not isinstance({var}, bool): return False"]
        if kind == "timestamp":
            in_utc = self.constant(exists_in_utc, "utc")
            if self.typed:
                return [f"if not isinstance({var}, datetime) or not {in_utc}({var}): return False"]
            # From the wire, an ISO 8601 string or epoch seconds too (botocore's parser).
            readable = self.constant(readable_timestamp, "ts")
            return [
                f"if isinstance({var}, datetime):",
                f"    if not {in_utc}({var}): return False",
                f"elif not {readable}({var}): return False",
            ]
        return ["return False"]

    def structure_checks(self, shape: Shape, var: str) -> list[str]:
        if self.typed:
            if shape.name == "ConnectorOperator":
                operators = self.constant(frozenset(CONNECTOR_BY_OPERATOR), "ops")
                return [f"if type({var}) not in {operators}: return False"]
            if shape.name == "SourceConnectorProperties":
                classes = self.constant(frozenset(CONNECTOR_BY_CLASS), "props")
                return [f"if type({var}) not in {classes}: return False"]
            if shape.name in SHAPE_CLASSES:
                cls = self.constant(SHAPE_CLASSES[shape.name], "cls")
                return [f"if not isinstance({var}, {cls}): return False"]
        return [f"if not {self.structure(shape)}({var}): return False"]

    def list_checks(self, shape: Shape, var: str) -> list[str]:
        lines = [f"if isinstance({var}, str) or not isinstance({var}, (list, tuple)): return False"]
        lines += self.size_checks(shape, var)
        item = f"i{self.counter}"
        self.counter += 1
        inner = self.value_checks(list_item_shape(shape), item)
        if inner:
            lines.append(f"for {item} in {var}:")
            lines += [f"    {line}" for line in inner]
        return lines

    def map_checks(self, shape: Shape, var: str) -> list[str]:
        lines = [f"if type({var}) is not dict and not isinstance({var}, Mapping): return False"]
        lines += self.size_checks(shape, var)
        key, item = f"k{self.counter}", f"i{self.counter}"
        self.counter += 1
        key_shape, value_shape = _model.map_key_value(shape)
        inner = self.value_checks(key_shape, key) + self.value_checks(value_shape, item)
        if inner:
            lines.append(f"for {key}, {item} in {var}.items():")
            lines += [f"    {line}" for line in inner]
        return lines

    def size_checks(self, shape: Shape, var: str) -> list[str]:
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        lines: list[str] = []
        if low is not None:
            lines.append(f"if len({var}) < {int(low)}: return False")
        if high is not None:
            lines.append(f"if len({var}) > {int(high)}: return False")
        return lines

    def string_checks(self, shape: Shape, var: str) -> list[str]:
        allowed = _model.enum_values(shape)
        if allowed:
            if self.typed:
                cls = self.constant(getattr(enums, shape.name), "enum")
                return [f"if not isinstance({var}, {cls}): return False"]
            values = self.constant(frozenset(allowed), "values")
            return [
                # A str Enum is its value (botocore sends it so); any other Enum is refused.
                f"if type({var}) is not str and isinstance({var}, str) and isinstance({var}, Enum): "
                f"{var} = {var}.value",
                f"if type({var}) is not str or {var} not in {values}: return False",
            ]
        lines = [f"if not isinstance({var}, str): return False"]
        lines += self.size_checks(shape, var)
        arn = ARN_PATTERNS.get(shape.name)
        pattern = arn[1] if arn is not None else shape.metadata.get("pattern")
        if pattern in _NO_NEWLINE:
            lines.append(f"if '\\n' in {var}: return False")
            if pattern == ".+":
                lines.append(f"if not {var}: return False")
        elif pattern is not None:
            compiled = re.compile(pattern)
            matcher = self.constant(compiled.match if prefix_only(pattern) else compiled.fullmatch, "re")
            lines.append(f"if {matcher}({var}) is None: return False")
        return lines

    def number_checks(self, shape: Shape, var: str) -> list[str]:
        if shape.type_name in ("integer", "long"):
            lines = [f"if type({var}) is not int: return False"]
        else:  # NaN fails every comparison below, and infinities fail the range check too
            lines = [f"if type({var}) not in (int, float) or {var} != {var}: return False"]
            lines.append(f"if {var} in (float('inf'), float('-inf')): return False")
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None:
            lines.append(f"if {var} < {low!r}: return False")
        if high is not None:
            lines.append(f"if {var} > {high!r}: return False")
        return lines

    def build(self, entry: str) -> Accepter:
        source = "\n".join(self.lines)
        code = compile(source, f"<customer_profiles_typed accept {entry}>", "exec")
        exec(code, self.namespace)
        accepter: Accepter = self.namespace[entry]
        return accepter


@functools.cache
def wire_accepter(shape_name: str) -> Accepter:
    """A function telling whether a wire dict is clean against an AWS shape."""
    compiler = _Compiler(typed=False)
    entry = compiler.structure(_model.shape(shape_name))
    return compiler.build(entry)


_OBJECT_ACCEPTERS: dict[type, Accepter] = {}


def object_accepter(cls: type) -> Accepter:
    """A function telling whether the own fields of an attrs object are clean."""
    accepter = _OBJECT_ACCEPTERS.get(cls)
    if accepter is None:
        compiler = _Compiler(typed=True)
        entry = compiler.structure(_model.shape(CLASS_SHAPES[cls]))
        accepter = _OBJECT_ACCEPTERS[cls] = compiler.build(entry)
    return accepter
