"""Regenerate ``src/customer_profiles_typed/cloudformation/_tables.py`` from cfn-lint's schemas.

The module lists where the CloudFormation resource types of a setup
(``AWS::CustomerProfiles::Domain``, ``::ObjectType``, ``::EventTrigger``,
``::Integration``) differ from the keyword arguments of the boto3 calls that
make the same resources. This script walks each operation's botocore input
shape and the resource type's schema (as the installed cfn-lint ships it, a
test dependency) side by side and writes down every difference:

- a boto3 map that the template writes as a list of two-property objects
  (``Tags`` as ``[{Key, Value}]``, ``Fields`` as ``[{Name, ObjectTypeField}]``);
- a timestamp the template writes as a number of epoch seconds;
- a boto3 member the resource type has no property for (``RoleArn``), and an
  enum value its schema does not accept;
- an enum value spelled differently (``Servicenow`` / ``ServiceNow``);
- the properties AWS sets (``readOnlyProperties``) and any writable property
  that boto3 has no member for.

Anything else that differs (a structure where the other side has a string, a
map the template keeps as an object) stops the script with a message: the
converter would need a new kind of entry. ``tests/test_cloudformation_tables.py``
fails when the committed module differs from what this script writes::

    python scripts/generate_cloudformation.py          # rewrite the module if it differs
    python scripts/generate_cloudformation.py --check  # exit 1, naming it, if it differs
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import botocore.session
from generate_models import PACKAGE, regenerate

TARGET = PACKAGE / "cloudformation" / "_tables.py"

RESOURCE_TYPES: dict[str, str] = {
    "CreateDomain": "AWS::CustomerProfiles::Domain",
    "PutProfileObjectType": "AWS::CustomerProfiles::ObjectType",
    "CreateEventTrigger": "AWS::CustomerProfiles::EventTrigger",
    "PutIntegration": "AWS::CustomerProfiles::Integration",
}
"""The operation of a spec item -> the resource type that makes the same resource."""

REGION = "us-east-1"
"""The region whose schemas are read (the Customer Profiles types are the same in every region)."""

KEY_PROPERTIES = ("Key", "Name", "OperatorPropertyKey")
"""The property that holds a map's key, in the objects of a map written as a list."""

SCALARS: dict[str, tuple[str, ...]] = {
    "string": ("string",),
    "boolean": ("boolean",),
    "integer": ("integer", "number"),
    "long": ("integer", "number"),
    "double": ("number",),
    "float": ("number",),
    "timestamp": ("number", "string"),
}
"""A botocore scalar type -> the JSON schema types that may stand for it."""

HEADER = '''"""Where CloudFormation's shapes of a setup's resources differ from boto3's keyword arguments.

Written by ``scripts/generate_cloudformation.py`` from the resource schemas
cfn-lint ships and the installed botocore model; do not edit by hand.
``tests/test_cloudformation_tables.py`` fails when it is out of date.

Every table is keyed by the operation of a spec item, then by a boto3 wire path
with ``[*]`` for any item of a list and ``{*}`` for the value of any entry of a
map (``{key}`` for its key): ``FlowDefinition.Tasks[*].TaskProperties``. A path
no table names is the same in both shapes.
"""

from __future__ import annotations

from collections.abc import Mapping
'''

TABLES: tuple[tuple[str, str, str], ...] = (
    (
        "RESOURCE_TYPES",
        "Mapping[str, str]",
        "The operation of a spec item -> the resource type that makes the same resource.",
    ),
    (
        "MAPS_AS_LISTS",
        "Mapping[str, Mapping[str, tuple[str, str]]]",
        "boto3 maps that a template writes as a list of objects: path -> (key property, value property).",
    ),
    (
        "EPOCH_SECONDS",
        "Mapping[str, frozenset[str]]",
        "Timestamps that a template writes as a number of seconds since 1970-01-01T00:00:00Z.",
    ),
    (
        "NOT_IN_TEMPLATES",
        "Mapping[str, frozenset[str]]",
        "boto3 members that the resource type has no property for.",
    ),
    (
        "ENUMS_NOT_IN_TEMPLATES",
        "Mapping[str, Mapping[str, frozenset[str]]]",
        "Enum values of the API that the resource type's schema does not accept: path -> values.",
    ),
    (
        "ENUM_SPELLINGS",
        "Mapping[str, Mapping[str, Mapping[str, str]]]",
        "Enum values a template spells differently: path -> API value -> template value.",
    ),
    (
        "READ_ONLY",
        "Mapping[str, frozenset[str]]",
        "Properties that AWS sets (the schema's readOnlyProperties): never part of a request.",
    ),
    (
        "TEMPLATE_ONLY",
        "Mapping[str, frozenset[str]]",
        "Writable properties that boto3 has no member for: a request cannot hold them.",
    ),
)
"""The tables of the module, in order: name, annotation, docstring."""


class Tables:
    """The differences found, table by table, for every operation."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[str, tuple[str, str]]] = {}
        self.epoch: dict[str, set[str]] = {}
        self.missing: dict[str, set[str]] = {}
        self.enums_missing: dict[str, dict[str, set[str]]] = {}
        self.spellings: dict[str, dict[str, dict[str, str]]] = {}
        self.read_only: dict[str, set[str]] = {}
        self.template_only: dict[str, set[str]] = {}


def _join(path: str, step: str) -> str:
    if not path:
        return step
    return f"{path}{step}" if step.startswith(("[", "{")) else f"{path}.{step}"


class Walker:
    """Walks one operation's input shape and its resource type's schema side by side."""

    def __init__(self, operation: str, schema: Mapping[str, Any], tables: Tables) -> None:
        self.operation = operation
        self.schema = schema
        self.tables = tables
        self.read_only = {
            ".".join(pointer.split("/")[2:]) for pointer in schema.get("readOnlyProperties", ())
        }

    def fail(self, path: str, message: str) -> None:
        raise SystemExit(f"{RESOURCE_TYPES[self.operation]} {path or '(properties)'}: {message}")

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in node:
            reference: str = node["$ref"]
            if not reference.startswith("#/"):
                self.fail("", f"cannot follow the reference {reference!r}")
            found: Any = self.schema
            for part in reference[2:].split("/"):
                found = found[part]
            node = found
        return node

    def walk(self, shape: Any, node: Mapping[str, Any], path: str) -> None:
        node = self.resolve(node)
        kind = shape.type_name
        if kind == "structure":
            self.structure(shape, node, path)
        elif kind == "list":
            if node.get("type") != "array":
                self.fail(path, f"a list in boto3, {node.get('type')!r} in the template")
            self.walk(shape.member, node["items"], _join(path, "[*]"))
        elif kind == "map":
            self.mapping(shape, node, path)
        else:
            self.scalar(shape, node, path)

    def structure(self, shape: Any, node: Mapping[str, Any], path: str) -> None:
        if node.get("type") not in (None, "object"):
            self.fail(path, f"a structure in boto3, {node.get('type')!r} in the template")
        properties: Mapping[str, Any] = node.get("properties", {})
        members: Mapping[str, Any] = shape.members
        for name, member in members.items():
            where = _join(path, name)
            if name in properties:
                self.walk(member, properties[name], where)
            else:
                self.tables.missing.setdefault(self.operation, set()).add(where)
        for name in properties:
            where = _join(path, name)
            if name in members:
                continue
            if where in self.read_only or _without_stars(where) in self.read_only:
                self.tables.read_only.setdefault(self.operation, set()).add(where)
            else:
                self.tables.template_only.setdefault(self.operation, set()).add(where)

    def mapping(self, shape: Any, node: Mapping[str, Any], path: str) -> None:
        if node.get("type") != "array":
            self.fail(path, f"a map in boto3, {node.get('type')!r} in the template: no entry for that")
        item = self.resolve(node["items"])
        properties: Mapping[str, Any] = item.get("properties", {})
        keys = [name for name in properties if name in KEY_PROPERTIES]
        values = [name for name in properties if name not in KEY_PROPERTIES]
        if len(properties) != 2 or len(keys) != 1:
            self.fail(path, f"a map written as a list of {sorted(properties)}: which one is the key?")
        key, value = keys[0], values[0]
        self.tables.maps.setdefault(self.operation, {})[path] = (key, value)
        self.walk(shape.key, properties[key], f"{path}{{key}}")
        self.walk(shape.value, properties[value], _join(path, "{*}"))

    def scalar(self, shape: Any, node: Mapping[str, Any], path: str) -> None:
        kind = shape.type_name
        allowed = SCALARS.get(kind)
        if allowed is None:
            raise SystemExit(f"{RESOURCE_TYPES[self.operation]} {path}: no rule for the botocore type {kind!r}")
        found = node.get("type")
        if found is not None and found not in allowed:
            self.fail(path, f"{kind} in boto3, {found!r} in the template")
        if kind == "timestamp" and found == "number":
            self.tables.epoch.setdefault(self.operation, set()).add(path)
        api_values: list[str] = list(getattr(shape, "enum", None) or [])
        template_values: list[str] = list(node.get("enum", ()))
        if not api_values or not template_values:
            return
        by_folded = {value.casefold(): value for value in template_values}
        for value in api_values:
            if value in template_values:
                continue
            spelled = by_folded.get(value.casefold())
            if spelled is not None:
                self.tables.spellings.setdefault(self.operation, {}).setdefault(path, {})[value] = spelled
            else:
                self.tables.enums_missing.setdefault(self.operation, {}).setdefault(path, set()).add(value)


def _without_stars(path: str) -> str:
    return path.replace("[*]", "").replace("{*}", "")


def schemas() -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(operation, resource schema) for every resource type, as cfn-lint ships them."""
    manager: Any = importlib.import_module("cfnlint.schema").PROVIDER_SCHEMA_MANAGER
    for operation, type_name in RESOURCE_TYPES.items():
        schema: Mapping[str, Any] = manager.get_resource_schema(REGION, type_name).schema
        yield operation, schema


def tables() -> Tables:
    """Every difference between the operations' input shapes and their resource types."""
    model = botocore.session.get_session().get_service_model("customer-profiles")
    found = Tables()
    for operation, schema in schemas():
        shape = model.operation_model(operation).input_shape
        assert shape is not None
        walker = Walker(operation, schema, found)
        walker.structure(shape, schema, "")
        for path in sorted(walker.read_only):
            found.read_only.setdefault(operation, set()).add(path)
    return found


def _set_text(values: Any, indent: str) -> str:
    """A frozenset literal: inline when it holds one value at most, else one value a line."""
    ordered = sorted(values)
    if len(ordered) <= 1:
        return "frozenset({" + "".join(repr(value) for value in ordered) + "})" if ordered else "frozenset()"
    inner = "".join(f"{indent}    {value!r},\n" for value in ordered)
    return "frozenset({\n" + inner + indent + "})"


def _frozen(table: Mapping[str, set[str]]) -> str:
    """An operation -> values table, every operation present, values sorted."""
    lines = ["{"]
    for operation in RESOURCE_TYPES:
        lines.append(f"    {operation!r}: {_set_text(table.get(operation, ()), '    ')},")
    lines.append("}")
    return "\n".join(lines)


def _nested(table: Mapping[str, Mapping[str, Any]], leaf: str) -> str:
    """An operation -> path -> value table, every operation present, paths sorted."""
    lines = ["{"]
    for operation in RESOURCE_TYPES:
        paths = table.get(operation, {})
        if not paths:
            lines.append(f"    {operation!r}: {{}},")
            continue
        lines.append(f"    {operation!r}: {{")
        for path in sorted(paths):
            value = paths[path]
            if leaf == "frozenset":
                text = _set_text(value, "        ")
            elif leaf == "dict":
                text = "{" + ", ".join(f"{k!r}: {v!r}" for k, v in sorted(value.items())) + "}"
            else:
                text = repr(value)
            lines.append(f"        {path!r}: {text},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines)


def render(found: Tables) -> str:
    """The text of the tables module."""
    values = {
        "RESOURCE_TYPES": "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in RESOURCE_TYPES.items()) + "}",
        "MAPS_AS_LISTS": _nested(found.maps, "tuple"),
        "EPOCH_SECONDS": _frozen(found.epoch),
        "NOT_IN_TEMPLATES": _frozen(found.missing),
        "ENUMS_NOT_IN_TEMPLATES": _nested(found.enums_missing, "frozenset"),
        "ENUM_SPELLINGS": _nested(found.spellings, "dict"),
        "READ_ONLY": _frozen(found.read_only),
        "TEMPLATE_ONLY": _frozen(found.template_only),
    }
    parts = [HEADER]
    for name, annotation, doc in TABLES:
        parts.append(f"\n{name}: {annotation} = {values[name]}\n\"\"\"{doc}\"\"\"\n")
    return "".join(parts)


def outputs() -> dict[Path, str]:
    """The generated file and its content."""
    return {TARGET: render(tables())}


def main(argv: list[str]) -> int:
    return regenerate(outputs, argv, __file__, __doc__ or "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
