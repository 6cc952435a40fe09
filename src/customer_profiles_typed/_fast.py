"""Fast paths for valid input: the AWS model's constraints and its objects, compiled to Python.

Most requests are valid, and the detailed walk in ``_checks`` (which records a
path and a message for every problem) costs far more than a yes/no answer. So
each AWS shape is compiled once, from the botocore model, into straight-line
Python that only answers "is this clean?". Clean input skips the detailed walk;
anything else, errors and warnings alike, goes through it for the full report.
The checks of the structures in a list or a map are written out in its loop,
and map keys whose pattern only lists characters are matched all at once.
The compiled code may refuse input the detailed walk accepts (the walk then
finds nothing, which is only slower), but never the reverse.

A wire dict the compiled check accepted is turned into objects by a compiled
builder (``wire_builder``): per class, code that makes the instance with
``object.__new__`` and sets each attrs field from the checked wire value,
converted as the converter and the classes' own converters would (tuples,
read-only maps, enum members, ``float``, parsed timestamps). It runs none of
``__init__``: the caller checks the whole tree afterwards, as it does for
objects the converter builds with checks deferred. A compiled writer
(``wire_writer``) writes an object out as the converter writes it.

``tests/test_fast.py`` holds all three to what they stand in for: the checks
to the walk, the builders and writers to the converter (equal objects and
dicts, the same types at every level).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from types import MappingProxyType, MemberDescriptorType
from typing import TYPE_CHECKING, Any

import attrs

from customer_profiles_typed import _model, enums
from customer_profiles_typed._timestamps import exists_in_utc, parse_timestamp, readable_timestamp
from customer_profiles_typed._wire import (
    ARN_PATTERNS,
    CLASS_SHAPES,
    COLLAPSED_SHAPES,
    CONNECTOR_BY_CLASS,
    CONNECTOR_BY_KEY,
    CONNECTOR_BY_OPERATOR,
    CONNECTOR_BY_TYPE,
    FIELDS,
    LIST_ITEMS_CHECKED_AS,
    REQUIRED_BY_RULE,
    SHAPE_CLASSES,
)
from customer_profiles_typed.models._base import EMPTY_MAP

if TYPE_CHECKING:
    from botocore.model import Shape

__all__ = [
    "list_item_shape",
    "object_accepter",
    "prefix_only",
    "wire_accepter",
    "wire_builder",
    "wire_writer",
]

Accepter = Callable[[Any], bool]
Builder = Callable[[Any], Any]


_NO_NEWLINE = frozenset({".*", ".+"})
"""Patterns whose full match only fails on a line break (plus emptiness for ``.+``)."""


def prefix_only(pattern: str) -> bool:
    """Whether a pattern is anchored at the start only (``^arn:...:profile``): a prefix test.

    Such a pattern says what a value starts with and nothing of the rest, so a
    value it matches at the start is clean, as AWS's matching would find it.
    """
    return pattern.startswith("^") and not pattern.endswith("$")


_CHARACTER_RUN = re.compile(r"\^?(\[(?:[^\[\]\\]|\\.)*\])\+\$?")
"""A pattern that only says which characters a value is made of: ``^[a-zA-Z0-9_.-]+$``."""


def character_class(shape: Shape) -> str | None:
    """The character class of a string shape whose pattern only lists the characters of a
    value it holds at least one of (``[a-zA-Z0-9_.-]``), if it is one.

    Values that are not empty each match such a pattern if and only if their
    concatenation is made of those characters only: the many keys of a map are
    then checked by one match of them all.
    """
    pattern = shape.metadata.get("pattern")
    if (
        pattern is None
        or prefix_only(pattern)
        or int(shape.metadata.get("min", 0)) < 1
        or shape.name in ARN_PATTERNS
        or _model.enum_values(shape)
    ):
        return None
    found = _CHARACTER_RUN.fullmatch(pattern)
    return found.group(1) if found is not None else None


def list_item_shape(shape: Shape) -> Shape:
    """The shape the items of a list are checked against (see ``_wire.LIST_ITEMS_CHECKED_AS``)."""
    override = LIST_ITEMS_CHECKED_AS.get(shape.name)
    return _model.shape(override) if override is not None else _model.list_member(shape)


class _Source:
    """The source of one module of generated functions, the constants they read, and compiling it."""

    kind = "accept"
    """What the module's functions do, for the name of the compiled code."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "Mapping": Mapping,
            "MappingProxyType": MappingProxyType,
            "datetime": datetime,
            "Enum": Enum,
        }
        self.done: set[str] = set()
        self.counter = 0

    def constant(self, value: object, prefix: str = "c") -> str:
        """A name the generated code reads ``value`` by."""
        self.counter += 1
        name = f"_{prefix}{self.counter}"
        self.namespace[name] = value
        return name

    def fresh(self, prefix: str) -> str:
        """A local variable name no other line of the module uses."""
        self.counter += 1
        return f"{prefix}{self.counter}"

    def build(self, entry: str) -> Any:
        """Compile the module and return its function ``entry``."""
        source = "\n".join(self.lines)
        code = compile(source, f"<customer_profiles_typed {self.kind} {entry}>", "exec")
        exec(code, self.namespace)
        return self.namespace[entry]


class _Compiler(_Source):
    """Emits the source of one module of accept functions and its namespace."""

    def __init__(self, *, typed: bool) -> None:
        super().__init__()
        self.typed = typed
        self.inlining: set[str] = set()
        """The structures whose checks are being written out in a loop (``item_checks``)."""

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
                lines = self.member_lines(f"v.{python}", members[wire], wire in required)
                body += [f"    {line}" for line in lines]
            body.append("    return True")
        else:
            body += [f"    {line}" for line in self.dict_lines(shape, "v", "x", "n")]
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

    def dict_lines(self, shape: Shape, var: str, value: str, count: str) -> list[str]:
        """Statements that ``return False`` unless the wire dict ``var`` is clean against a
        structure, reading each member into ``value`` and counting them in ``count``."""
        members = _model.members(shape)
        required = set(_model.required_members(shape)) | set(REQUIRED_BY_RULE.get(shape.name, ()))
        lines = [f"if type({var}) is not dict and not isinstance({var}, Mapping): return False"]
        # Count the members given (not None): any other key, unknown or None, makes
        # the dict longer than that count. No loop over the keys.
        lines.append(f"{count} = {sum(1 for wire in members if wire in required)}")
        for wire, member in members.items():
            lines += self.member_lines(
                f"{var}.get({wire!r})", member, wire in required, value=value, count=count
            )
        lines.append(f"if len({var}) != {count}: return False")
        return lines

    def member_lines(
        self,
        access: str,
        member: Shape,
        required: bool,
        *,
        value: str = "x",
        count: str | None = None,
    ) -> list[str]:
        """Read one member into ``value`` and check it: present if required, clean if set.

        ``count`` names the counter that an optional member given adds one to.
        """
        lines = [f"{value} = {access}"]
        checks = self.value_checks(member, value)
        if required:
            lines.append(f"if {value} is None: return False")
            lines += checks
        elif checks or count:
            lines.append(f"if {value} is not None:")
            if count:
                lines.append(f"    {count} += 1")
            lines += [f"    {line}" for line in checks]
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

    def item_checks(self, shape: Shape, var: str) -> list[str]:
        """The checks of a list's item or a map's value: a wire dict's written out in the
        loop (no call per item), unless its structure is being written out already."""
        inline = (
            shape.type_name == "structure"
            and not self.typed
            and shape.name not in ("ConnectorOperator", "SourceFlowConfig")
            and shape.name not in self.inlining
        )
        if not inline:
            return self.value_checks(shape, var)
        self.inlining.add(shape.name)
        try:
            return self.dict_lines(shape, var, self.fresh("x"), self.fresh("n"))
        finally:
            self.inlining.discard(shape.name)

    def structure_checks(self, shape: Shape, var: str) -> list[str]:
        if shape.name == "ConnectorOperator" and not self.typed:
            return self.one_operator_checks(shape, var)
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

    def one_operator_checks(self, shape: Shape, var: str) -> list[str]:
        """A task's ``ConnectorOperator``: exactly one entry, a connector's key and one of its operators."""
        key, item = self.fresh("k"), self.fresh("o")
        lines = [
            f"if type({var}) is not dict and not isinstance({var}, Mapping): return False",
            f"if len({var}) != 1: return False",
            f"(({key}, {item}),) = {var}.items()",
        ]
        for position, (wire, member) in enumerate(_model.members(shape).items()):
            lines.append(f"{'if' if position == 0 else 'elif'} {key} == {wire!r}:")
            lines += [f"    {line}" for line in self.value_checks(member, item)] or ["    pass"]
        lines.append("else: return False")
        return lines

    def list_checks(self, shape: Shape, var: str) -> list[str]:
        # Objects hold tuples (wire dicts lists): the exact type decides without an isinstance call.
        exact = "tuple" if self.typed else "list"
        lines = [
            f"if type({var}) is not {exact} and "
            f"(isinstance({var}, str) or not isinstance({var}, (list, tuple))): return False"
        ]
        lines += self.size_checks(shape, var)
        item = f"i{self.counter}"
        self.counter += 1
        inner = self.item_checks(list_item_shape(shape), item)
        if inner:
            lines.append(f"for {item} in {var}:")
            lines += [f"    {line}" for line in inner]
        return lines

    def map_checks(self, shape: Shape, var: str) -> list[str]:
        # Objects hold read-only views: tested by exact type before the slow ABC check.
        lines = [
            f"if type({var}) is not MappingProxyType and type({var}) is not dict "
            f"and not isinstance({var}, Mapping): return False"
        ]
        lines += self.size_checks(shape, var)
        key, item = f"k{self.counter}", f"i{self.counter}"
        self.counter += 1
        key_shape, value_shape = _model.map_key_value(shape)
        characters = character_class(key_shape)
        if characters is None:
            key_checks = self.value_checks(key_shape, key)
        else:  # the keys' pattern is checked after the loop, for all of them at once
            key_checks = self.string_checks(key_shape, key, pattern=False)
        inner = key_checks + self.item_checks(value_shape, item)
        if inner:  # an empty map (a task's usual properties) skips the loop
            lines.append(f"if {var}:")
            lines.append(f"    for {key}, {item} in {var}.items():")
            lines += [f"        {line}" for line in inner]
        if characters is not None:
            every = self.constant(re.compile(f"{characters}*").fullmatch, "re")
            lines.append(f"if {every}(''.join({var})) is None: return False")
        return lines

    def size_checks(self, shape: Shape, var: str) -> list[str]:
        """The length bounds of a string, list or map, in as few operations as they allow."""
        low = int(shape.metadata.get("min", 0))
        high = shape.metadata.get("max")
        if high is not None:
            if low > 1:
                return [f"if not {low} <= len({var}) <= {int(high)}: return False"]
            lines = [f"if len({var}) > {int(high)}: return False"]
        else:
            lines = [f"if len({var}) < {low}: return False"] if low > 1 else []
        if low == 1:
            lines.append(f"if not {var}: return False")  # the value is a str, list or map
        return lines

    def string_checks(self, shape: Shape, var: str, *, pattern: bool = True) -> list[str]:
        """Statements that ``return False`` unless ``var`` is a clean string of ``shape``
        (its pattern aside when ``pattern`` is false: the caller checks it)."""
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
        if self.typed:
            lines = [f"if type({var}) is not str and not isinstance({var}, str): return False"]
        else:
            # Exactly ``str`` on the wire: the builders then keep the value as the
            # converter would (it makes a ``str`` of a subclass; such input takes the walk).
            lines = [f"if type({var}) is not str: return False"]
        lines += self.size_checks(shape, var)
        if not pattern:
            return lines
        arn = ARN_PATTERNS.get(shape.name)
        expression = arn[1] if arn is not None else shape.metadata.get("pattern")
        if expression in _NO_NEWLINE:
            lines.append(f"if '\\n' in {var}: return False")
            if expression == ".+":
                lines.append(f"if not {var}: return False")
        elif expression is not None:
            compiled = re.compile(expression)
            matcher = self.constant(
                compiled.match if prefix_only(expression) else compiled.fullmatch, "re"
            )
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


@functools.cache
def wire_accepter(shape_name: str) -> Accepter:
    """A function telling whether a wire dict is clean against an AWS shape."""
    compiler = _Compiler(typed=False)
    entry = compiler.structure(_model.shape(shape_name))
    accepter: Accepter = compiler.build(entry)
    return accepter


_OBJECT_ACCEPTERS: dict[type, Accepter] = {}


def object_accepter(cls: type) -> Accepter:
    """A function telling whether the own fields of an attrs object are clean."""
    accepter = _OBJECT_ACCEPTERS.get(cls)
    if accepter is None:
        compiler = _Compiler(typed=True)
        entry = compiler.structure(_model.shape(CLASS_SHAPES[cls]))
        accepter = _OBJECT_ACCEPTERS[cls] = compiler.build(entry)
    return accepter


# --- Building objects from clean wire dicts ------------------------------------------


class _Unsupported(Exception):
    """A class the builder cannot make without its ``__init__``: the converter builds it."""


def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    """The slot descriptor's ``__set__`` of an attrs field: sets it past the frozen ``__setattr__``."""
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            if type(found) is not MemberDescriptorType:
                raise _Unsupported(f"{cls.__name__}.{name} is not a slot")
            setter: Callable[[object, object], None] = found.__set__
            return setter
    raise _Unsupported(f"{cls.__name__}.{name} has no slot")


@functools.cache
def _plain_post_inits() -> frozenset[object]:
    """The ``__attrs_post_init__`` methods that only freeze containers and check the object.

    A builder makes what they make (tuples, read-only maps) and leaves the check
    to its caller; a class with any other post-init keeps its ``__init__``.
    """
    from customer_profiles_typed.models import _base, integrations

    flow: type[Any] = integrations.FlowDefinition  # its post-init only makes a tuple of the tasks
    found: set[object] = {
        _base.Checked.__attrs_post_init__,
        flow.__attrs_post_init__,
        integrations.PutIntegrationRequest.__attrs_post_init__,  # only checks
    }
    return frozenset(found)


class _BuilderCompiler(_Source):
    """Emits the source of one module of build functions: wire dict in, attrs object out.

    The input has passed the compiled check of its shape: every member is of its
    type, every required one is present, strings are exactly ``str``. Each value
    is converted as the converter reads it: lists become tuples and maps
    read-only views of new dicts (at every level), enum values members, doubles
    ``float``, timestamps ``datetime`` (botocore's parser, as the converter's).
    """

    kind = "build"

    def __init__(self) -> None:
        super().__init__()
        self.namespace["_new"] = object.__new__
        self.namespace["_timestamp"] = parse_timestamp
        self.namespace["_EMPTY"] = EMPTY_MAP  # what the classes' converters give for an empty map

    def structure(self, shape: Shape) -> str:
        """The name of the function that builds the class of ``shape`` (emitted once)."""
        name = f"build_{shape.name}"
        if shape.name in self.done:
            return name
        self.done.add(shape.name)
        if shape.name not in SHAPE_CLASSES:
            raise _Unsupported(f"{shape.name} has no class")
        cls = SHAPE_CLASSES[shape.name]
        if getattr(cls, "__attrs_post_init__", None) not in _plain_post_inits():
            raise _Unsupported(f"{cls.__name__} has its own __attrs_post_init__")
        if hasattr(cls, "__attrs_pre_init__"):
            raise _Unsupported(f"{cls.__name__} has an __attrs_pre_init__")
        members = _model.members(shape)
        required = set(_model.required_members(shape)) | set(REQUIRED_BY_RULE.get(shape.name, ()))
        wire_names = FIELDS[shape.name]
        body = [f"def {name}(v):", f"    o = _new({self.constant(cls, 'cls')})"]
        for field in attrs.fields(cls):
            wire = wire_names.get(field.name)
            if wire is None or wire not in members or field.validator is not None or not field.init:
                raise _Unsupported(f"{cls.__name__}.{field.name} is not read from the wire as is")
            setter = self.constant(_setter(cls, field.name), "set")
            body += self.member_lines(field, wire, members[wire], wire in required, setter)
        body.append("    return o")
        self.lines += body + [""]
        return name

    def member_lines(
        self, field: Any, wire: str, member: Shape, required: bool, setter: str
    ) -> list[str]:
        """Read one member and set its field: the converted value, or the field's default (``None``)."""
        statements, value = self.member_value(member, "x")
        if field.default is attrs.NOTHING:
            if not required:
                raise _Unsupported(f"{field.name} is required in Python, optional on the wire")
            if not statements and value == "x":
                return [f"    {setter}(o, v[{wire!r}])"]
            return [f"    x = v[{wire!r}]", *statements, f"    {setter}(o, {value})"]
        if field.default is not None:
            raise _Unsupported(f"{field.name} has a default other than None")
        if statements:
            indented = [f"    {line}" for line in statements]
            return [
                f"    x = v.get({wire!r})",
                "    if x is None:",
                f"        {setter}(o, None)",
                "    else:",
                *indented,
                f"        {setter}(o, {value})",
            ]
        if value == "x":
            return [f"    {setter}(o, v.get({wire!r}))"]
        return [f"    x = v.get({wire!r})", f"    {setter}(o, None if x is None else {value})"]

    def member_value(self, shape: Shape, var: str) -> tuple[list[str], str]:
        """Statements (indented one level) and the expression of one member's Python value.

        The two structures Python folds away hold one entry each (the compiled
        check made sure): the operator of a task and the source's properties.
        """
        if shape.name == "ConnectorOperator":
            members = self.constant(
                {key: (dict(c.operator_enum._value2member_map_), c.operator_enum) for key, c in CONNECTOR_BY_KEY.items()},
                "operators",
            )
            return (
                [f"    ((k, n),) = {var}.items()", f"    m, e = {members}[k]"],
                "(m.get(n) or e(n))",
            )
        if shape.name == "SourceConnectorProperties":
            lines = [f"    ((k, p),) = {var}.items()"]
            for position, connector in enumerate(CONNECTOR_BY_KEY.values()):
                build = self.structure(_model.shape(connector.properties_shape))
                keyword = "if" if position == 0 else "elif"
                lines += [f"    {keyword} k == {connector.key!r}: y = {build}(p)"]
            lines += ["    else: raise KeyError(k)"]
            return lines, "y"
        return [], self.value(shape, var)

    def value(self, shape: Shape, var: str) -> str:
        """The expression of the Python value of a clean wire value of ``shape``."""
        kind = shape.type_name
        if kind == "structure":
            if shape.name in COLLAPSED_SHAPES:
                raise _Unsupported(f"{shape.name} inside a list or map")
            return f"{self.structure(shape)}({var})"
        if kind == "list":
            item = self.fresh("i")
            inner = self.value(_model.list_member(shape), item)
            return f"tuple({var})" if inner == item else f"tuple([{inner} for {item} in {var}])"
        if kind == "map":
            key, item = self.fresh("k"), self.fresh("i")
            key_shape, value_shape = _model.map_key_value(shape)
            key_value, item_value = self.value(key_shape, key), self.value(value_shape, item)
            if key_value == key and item_value == item:
                return f"(MappingProxyType(dict({var})) if {var} else _EMPTY)"
            # An empty map (a task's usual properties) without running a comprehension.
            entries = f"{{{key_value}: {item_value} for {key}, {item} in {var}.items()}}"
            return f"(MappingProxyType({entries}) if {var} else _EMPTY)"
        if kind == "string" and _model.enum_values(shape):
            enum_class: type[Enum] = getattr(enums, shape.name)
            members = self.constant(dict(enum_class._value2member_map_).get, "members")
            # A value that is no key (a str Enum member) is read as the converter reads it.
            return f"({members}({var}) or {self.constant(enum_class, 'enum')}({var}))"
        if kind in ("double", "float"):
            return f"float({var})"
        if kind == "timestamp":
            return f"_timestamp({var})"
        if kind in ("string", "integer", "long", "boolean"):
            return var
        raise _Unsupported(f"{shape.name} ({kind})")


_BUILDERS: dict[type, Builder | None] = {}


def wire_builder(cls: type) -> Builder | None:
    """A function building a ``cls`` object from a wire dict its compiled check accepted.

    ``None`` for a class whose objects need their ``__init__`` (see ``_plain_post_inits``):
    the converter builds those.
    """
    if cls in _BUILDERS:
        return _BUILDERS[cls]
    compiler = _BuilderCompiler()
    try:
        entry = compiler.structure(_model.shape(CLASS_SHAPES[cls]))
    except _Unsupported:
        builder = None
    else:
        builder = compiler.build(entry)
    _BUILDERS[cls] = builder
    return builder


# --- Writing objects out as wire dicts ---------------------------------------------------


class _WriterCompiler(_Source):
    """Emits the source of one module of write functions: attrs object in, new wire dict out.

    What the converter writes, without its dispatch: absent optional fields are
    left out, tuples become lists and read-only maps dicts (at every level),
    enum members their values, timestamps stay ``datetime``; the two structures
    Python folds away come back (``ConnectorOperator``, ``SourceConnectorProperties``
    and the ``ConnectorType`` the properties' class says). Members are written in
    the order of the class's fields, as the converter writes them; a class with
    a member Python derives (``SourceFlowConfig``) in the model's order.
    """

    kind = "write"

    def structure(self, shape: Shape) -> str:
        """The name of the function that writes objects of the class of ``shape`` (emitted once)."""
        name = f"write_{shape.name}"
        if shape.name in self.done:
            return name
        self.done.add(shape.name)
        if shape.name not in SHAPE_CLASSES:
            raise _Unsupported(f"{shape.name} has no class")
        cls = SHAPE_CLASSES[shape.name]
        members = _model.members(shape)
        wire_names = FIELDS[shape.name]
        fields = {field.name: field for field in attrs.fields(cls)}
        order = list(fields)
        derived = [python for python in wire_names if python not in fields]
        if derived:
            by_wire = {wire: python for python, wire in wire_names.items()}
            order = [by_wire[wire] for wire in members if wire in by_wire]
        body = [f"def {name}(o):"]
        leading: list[str] = []  # the first required members, written as one dict display
        for python in order:
            wire = wire_names.get(python)
            if wire is None or wire not in members:
                raise _Unsupported(f"{cls.__name__}.{python} has no wire member")
            field = fields.get(python)
            if field is None:
                body += self.derived_lines(shape.name, python, wire)
                continue
            if field.default is not attrs.NOTHING and field.default is not None:
                raise _Unsupported(f"{cls.__name__}.{python} has a default other than None")
            if field.default is attrs.NOTHING and len(body) == 1:
                statements, value = self.member_value(members[wire], f"o.{python}")
                if not statements:
                    leading.append(f"{wire!r}: {value}")
                    continue
            statements, value = self.member_value(members[wire], "x")
            if len(body) == 1:
                body.append(f"    w = {{{', '.join(leading)}}}")
            body.append(f"    x = o.{python}")
            if field.default is attrs.NOTHING:
                body += statements
                body.append(f"    w[{wire!r}] = {value}")
            else:
                body.append("    if x is not None:")
                body += [f"    {line}" for line in statements]
                body.append(f"        w[{wire!r}] = {value}")
        if len(body) == 1:
            body.append(f"    w = {{{', '.join(leading)}}}")
        body.append("    return w")
        self.lines += body + [""]
        return name

    def derived_lines(self, shape: str, python: str, wire: str) -> list[str]:
        """A member Python derives: ``SourceFlowConfig.ConnectorType``, from the properties' class."""
        if (shape, python) != ("SourceFlowConfig", "connector_type"):
            raise _Unsupported(f"{shape}.{python} is derived")
        types = self.constant(
            {c.properties_class: c.connector_type.value for c in CONNECTOR_BY_KEY.values()}, "types"
        )
        return [f"    w[{wire!r}] = {types}[type(o.source_connector_properties)]"]

    def member_value(self, shape: Shape, var: str) -> tuple[list[str], str]:
        """Statements (indented one level) and the expression of one member's wire value."""
        if shape.name == "ConnectorOperator":
            keys = self.constant({c.operator_enum: c.key for c in CONNECTOR_BY_KEY.values()}, "keys")
            return [], f"{{{keys}[type({var})]: {var}._value_}}"
        if shape.name == "SourceConnectorProperties":
            lines = ["    t = type(x)"]
            for position, connector in enumerate(CONNECTOR_BY_KEY.values()):
                write = self.structure(_model.shape(connector.properties_shape))
                cls = self.constant(connector.properties_class, "cls")
                keyword = "if" if position == 0 else "elif"
                lines.append(f"    {keyword} t is {cls}: y = {{{connector.key!r}: {write}({var})}}")
            lines.append("    else: raise KeyError(t)")
            return lines, "y"
        return [], self.value(shape, var)

    def value(self, shape: Shape, var: str) -> str:
        """The expression of the wire value of a Python value of ``shape``."""
        kind = shape.type_name
        if kind == "structure":
            if shape.name in COLLAPSED_SHAPES:
                raise _Unsupported(f"{shape.name} inside a list or map")
            return f"{self.structure(shape)}({var})"
        if kind == "list":
            item = self.fresh("i")
            inner = self.value(_model.list_member(shape), item)
            return f"list({var})" if inner == item else f"[{inner} for {item} in {var}]"
        if kind == "map":
            key, item = self.fresh("k"), self.fresh("i")
            key_shape, value_shape = _model.map_key_value(shape)
            key_value, item_value = self.value(key_shape, key), self.value(value_shape, item)
            if key_value == key and item_value == item:
                return f"dict({var})"
            # An empty map (a task's usual properties) without running a comprehension.
            return f"({{{key_value}: {item_value} for {key}, {item} in {var}.items()}} if {var} else {{}})"
        if kind == "string" and _model.enum_values(shape):
            return f"{var}._value_"
        if kind in ("string", "integer", "long", "boolean", "double", "float", "timestamp"):
            return var
        raise _Unsupported(f"{shape.name} ({kind})")


Writer = Callable[[Any], dict[str, Any]]

_WRITERS: dict[type, Writer | None] = {}


def wire_writer(cls: type) -> Writer | None:
    """A function writing a ``cls`` object as the wire dict the converter writes, new each call.

    ``None`` for a class it cannot write: the converter writes those.
    """
    if cls in _WRITERS:
        return _WRITERS[cls]
    compiler = _WriterCompiler()
    try:
        entry = compiler.structure(_model.shape(CLASS_SHAPES[cls]))
    except _Unsupported:
        writer = None
    else:
        writer = compiler.build(entry)
    _WRITERS[cls] = writer
    return writer
