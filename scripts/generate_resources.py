"""Regenerate the client method modules of object types, event triggers, tags and domains.

Reads the request classes of ``customer_profiles_typed.models`` (their fields,
types, defaults and docstrings) and writes, for each resource, one module
under ``src/customer_profiles_typed/resources/`` with its sync and its async
method class side by side. ``tests/test_generated_resources.py`` fails when the
committed modules differ from what this script writes, so run it after
regenerating the models::

    python scripts/generate_resources.py

Per operation, two methods named as boto3's:

- ``put_profile_object_type(*, domain_name, ...)``: keyword-only parameters
  that mirror the fields of ``PutProfileObjectTypeRequest`` (names, types,
  defaults, docs); it builds the request, so invalid input raises
  ``ValidationError`` before anything is sent;
- ``put_profile_object_type_request(request)``: the same with a request object.

What they return follows the operation: the response class (Put, Get, Create,
Update), an iterator over the items of every page (a list that has a
``NextToken``: ``page_size`` replaces ``max_results``, and there is no
``next_token`` parameter), the AWS message (Delete), the tags
(``ListTagsForResource``) or ``None`` (an answer without members).

A module reaches its model classes through the ``customer_profiles_typed.models``
package (``models.PutProfileObjectTypeRequest``), which loads a resource's model
module the first time one of its names is used: importing the clients imports
no generated model, and annotations still name the exact classes (for mypy,
pyright and ``typing.get_type_hints`` alike).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs
from generate_models import PACKAGE, RESOURCES, regenerate

CLASSES: dict[str, tuple[str, str]] = {
    "object_types": ("ObjectTypeMethods", "object type"),
    "event_triggers": ("EventTriggerMethods", "event trigger"),
    "tags": ("TagMethods", "tag"),
    "domains": ("DomainMethods", "domain"),
}
"""Resource module -> (its sync method class, the resource in words); the async class is ``Async...``."""

SUMMARIES: dict[str, str] = {
    "ListProfileObjectTypes": "Lists the object types of a domain.",
}
"""Operations whose documented summary misleads, with the one the methods use instead."""

BUILTIN_NAMES = frozenset({"str", "int", "float", "bool", "None", "Mapping", "Sequence"})
WIDTH = 96
RAISES = (
    "Raises ``ValidationError`` before anything is sent if the arguments are invalid, a "
    "``ServiceError`` subclass if AWS refuses the call, ``TransportError`` if no usable "
    "answer comes back."
)


# --- reading the request classes -----------------------------------------------


def field_docs(module: Any) -> dict[str, dict[str, str]]:
    """Class -> {field: docstring on one line} of a model module, read from its source."""
    from customer_profiles_typed._field_docs import module_field_docs

    return {
        cls: {field: " ".join(doc.split()) for field, doc in fields.items()}
        for cls, fields in module_field_docs(inspect.getsourcefile(module) or "").items()
    }


def operation_summary(operation: str, request_cls: type) -> str:
    """What an operation does, from its request class docstring (``The input of ``X``: ...``)."""
    if operation in SUMMARIES:
        return SUMMARIES[operation]
    first = " ".join((request_cls.__doc__ or "").split("\n\n", 1)[0].split())
    text = first.split(":", 1)[1].strip() if first.startswith("The input of") else first
    return text[:1].upper() + text[1:]


def names_in(annotation: str) -> set[str]:
    """The names an annotation refers to."""
    return {node.id for node in ast.walk(ast.parse(annotation, mode="eval")) if isinstance(node, ast.Name)}


def qualified(text: str, model_names: set[str]) -> str:
    """``text`` with each model class name read through the models package (``models.Domain``)."""
    return re.sub(
        r"(?<![\w.])[A-Za-z_]\w*",
        lambda match: f"models.{match.group()}" if match.group() in model_names else match.group(),
        text,
    )


@dataclass
class Parameter:
    """One keyword parameter of a method and the request field it fills."""

    name: str
    field: str
    annotation: str
    required: bool
    doc: str


@dataclass
class Operation:
    """What the generator knows of one operation."""

    name: str
    request: str
    summary: str
    parameters: list[Parameter]
    kind: str  # "response", "list", "deleted", "nothing" or "tags"
    result: str  # the Python type of the sync method's result (of one item for lists)
    reader: str  # the expression of the reader, or of the page reader for lists

    @property
    def method(self) -> str:
        from customer_profiles_typed._operations import method_name

        return method_name(self.name)


def read_operation(name: str, models: Any, docs: dict[str, dict[str, str]]) -> Operation:
    from customer_profiles_typed import _wire

    request_cls = _wire.SHAPE_CLASSES[f"{name}Request"]
    response_cls = _wire.RESPONSE_CLASS_OF_SHAPE[f"{name}Response"]
    fields = {field.name: field for field in attrs.fields(request_cls)}
    paginated = "next_token" in fields
    parameters: list[Parameter] = []
    for field in fields.values():
        if field.default not in (attrs.NOTHING, None):
            sys.exit(f"{request_cls.__name__}.{field.name}: a default other than None is not handled")
        if paginated and field.name == "next_token":
            continue
        parameters.append(
            Parameter(
                name="page_size" if paginated and field.name == "max_results" else field.name,
                field=field.name,
                annotation=str(field.type),
                required=field.default is attrs.NOTHING,
                doc=docs[request_cls.__name__][field.name],
            )
        )
    response_fields = [f.name for f in attrs.fields(response_cls) if f.name not in ("unknown_fields", "request_id")]
    if paginated:
        items = str(attrs.fields_dict(response_cls)["items"].type)
        match = re.fullmatch(r"tuple\[(\w+), \.\.\.\] \| None", items)
        if match is None:
            sys.exit(f"{response_cls.__name__}.items: unexpected type {items}")
        kind, result = "list", match.group(1)
        reader = f"_operations.page_reader({response_cls.__name__})"
    elif name.startswith("Delete"):
        kind, result, reader = "deleted", "str", "_operations.deleted"
    elif response_fields == ["tags"]:
        kind, result, reader = "tags", "Mapping[str, str]", "_operations.tags"
    elif not response_fields:
        kind, result, reader = "nothing", "None", "_operations.nothing"
    else:
        kind, result = "response", response_cls.__name__
        reader = f"_operations.reader({response_cls.__name__})"
    return Operation(
        name=name,
        request=request_cls.__name__,
        summary=operation_summary(name, request_cls),
        parameters=parameters,
        kind=kind,
        result=result,
        reader=reader,
    )


# --- writing -------------------------------------------------------------------


def docstring(paragraphs: list[str | list[str]], indent: str) -> list[str]:
    """A triple-quoted docstring; a paragraph given as a list of lines is kept as is."""
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")
        if isinstance(paragraph, list):
            lines += [f"{indent}{line}" if line else "" for line in paragraph]
        else:
            width = WIDTH - len(indent) - (3 if number == 0 else 0)
            lines += [f"{indent}{line}" for line in textwrap.wrap(paragraph, width)]
    lines[0] = f'{indent}"""{lines[0][len(indent):]}'
    if len(lines) == 1:
        lines[0] += '"""'
    else:
        lines.append(f'{indent}"""')
    return [line.replace("\\", "\\\\") for line in lines]


def args_block(parameters: list[Parameter]) -> list[str]:
    lines = ["Args:"]
    for parameter in parameters:
        wrapped = textwrap.wrap(
            f"{parameter.name}: {parameter.doc}", WIDTH - 12, subsequent_indent="    "
        )
        lines += [f"    {line}" for line in wrapped]
    return lines


def result_sentence(operation: Operation, asynchronous: bool) -> str:
    if operation.kind == "list":
        if asynchronous:
            return (
                "Iterates (``async for``) over every item, page by page: the arguments are "
                "checked now, and pages are fetched as the iteration goes."
            )
        return (
            "Iterates over every item, fetching pages as needed: the arguments are checked "
            "now, and the first page is fetched on first ``next()``."
        )
    return {
        "response": f"Returns the ``{operation.result}`` AWS reports.",
        "deleted": "Returns AWS's confirmation message.",
        "tags": "Returns the resource's tags (empty if it has none).",
        "nothing": "Returns ``None`` once AWS has done it.",
    }[operation.kind]


def return_type(operation: Operation, asynchronous: bool) -> str:
    if operation.kind == "list":
        return f"{'AsyncIterator' if asynchronous else 'Iterator'}[{operation.result}]"
    return operation.result


def method_lines(operation: Operation, asynchronous: bool, model_names: set[str]) -> list[str]:
    returns = qualified(return_type(operation, asynchronous), model_names)
    request_class = qualified(operation.request, model_names)
    awaited = asynchronous and operation.kind != "list"
    define = "async def" if awaited else "def"
    call = "await " if awaited else ""
    give = "" if operation.kind == "nothing" else "return "
    request_method = f"{operation.method}_request"
    lines = ["", f"    {define} {operation.method}(", "        self,", "        *,"]
    for parameter in operation.parameters:
        default = "" if parameter.required else " = None"
        lines.append(f"        {parameter.name}: {qualified(parameter.annotation, model_names)}{default},")
    lines.append(f"    ) -> {returns}:")
    lines += docstring(
        [
            operation.summary,
            result_sentence(operation, asynchronous),
            args_block(operation.parameters),
            RAISES,
        ],
        "        ",
    )
    lines.append(f"        request = {request_class}(")
    for parameter in operation.parameters:
        lines.append(f"            {parameter.field}={parameter.name},")
    lines.append("        )")
    lines.append(f"        {give}{call}self.{request_method}(request)")
    head = f"    {define} {request_method}(self, request: {request_class}) -> {returns}:"
    if len(head) > WIDTH + 3:
        head = f"    {define} {request_method}(\n        self, request: {request_class}\n    ) -> {returns}:"
    lines += ["", *head.split("\n")]
    if operation.kind == "list":
        summary = (
            f"Iterates{' (``async for``)' if asynchronous else ''} over the list a "
            f"``{operation.request}`` asks for, from its ``next_token`` on, ``max_results`` "
            f"per page; see ``{operation.method}``."
        )
        lines += docstring([summary], "        ")
        lines.append(f"        return self._list(request, {qualified(operation.reader, model_names)})")
    else:
        summary = (
            f"Sends a ``{operation.request}`` built in code or read with ``from_boto3``; "
            f"see ``{operation.method}``."
        )
        lines += docstring([summary], "        ")
        lines.append(f"        {give}{call}self._request(request, {qualified(operation.reader, model_names)})")
    return lines


def render(resource: str, summary: str, operations: list[Operation], models: Any) -> str:
    from customer_profiles_typed import models as package

    sync_class, label = CLASSES[resource]
    async_class = f"Async{sync_class}"
    listed = ", ".join(f"``{operation.name}``" for operation in operations)
    used: set[str] = set()
    for operation in operations:
        used.add(operation.request)
        used |= names_in(operation.result)
        for parameter in operation.parameters:
            used |= names_in(parameter.annotation)
        response = re.search(r"\((\w+)\)", operation.reader)
        if response:
            used.add(response.group(1))
    abc = {"Iterator", "AsyncIterator"} if any(o.kind == "list" for o in operations) else set()
    abc |= used & {"Mapping", "Sequence"}
    from customer_profiles_typed import enums

    enum_names = sorted(name for name in used - BUILTIN_NAMES if hasattr(enums, name))
    model_names = used - BUILTIN_NAMES - set(enum_names)
    for name in sorted(model_names):
        if not hasattr(models, name):
            sys.exit(f"{name} is neither an enum nor a class of models.{resource}")
        if name not in package.__all__:
            sys.exit(f"{name} is not exported from customer_profiles_typed.models")
    out = [
        f'"""The {label} operations of both clients, the sync and the async methods side by side.',
        "",
        *textwrap.wrap(
            f"{summary} ``{sync_class}`` and ``{async_class}`` have one method per operation "
            f"({listed}), named as boto3's, taking the "
            "fields of its request class as keyword arguments, and a ``..._request`` variant "
            "taking the request object. Generated by ``scripts/generate_resources.py`` from "
            "the request classes; do not edit by hand (``tests/test_generated_resources.py`` "
            "fails on any difference).",
            WIDTH,
        ),
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f"from collections.abc import {', '.join(sorted(abc))}",
        "",
        "from customer_profiles_typed import _operations, models",
    ]
    if enum_names:
        out.append(f"from customer_profiles_typed.enums import {', '.join(enum_names)}")
    out += [
        "from customer_profiles_typed.resources._base import AsyncResource, SyncResource",
        "",
        f'__all__ = ["{async_class}", "{sync_class}"]',
        "",
        "",
        f"class {sync_class}(SyncResource):",
        *docstring([f"The {label} operations: {listed}."], "    "),
    ]
    for operation in operations:
        out += method_lines(operation, asynchronous=False, model_names=model_names)
    out += [
        "",
        "",
        f"class {async_class}(AsyncResource):",
        *docstring([f"The {label} operations, awaited: see ``{sync_class}``."], "    "),
    ]
    for operation in operations:
        out += method_lines(operation, asynchronous=True, model_names=model_names)
    return "\n".join(out) + "\n"


def outputs() -> dict[Path, str]:
    """Every generated file and its content."""
    files: dict[Path, str] = {}
    for resource, (summary, operation_names) in RESOURCES.items():
        models = importlib.import_module(f"customer_profiles_typed.models.{resource}")
        docs = field_docs(models)
        operations = [read_operation(name, models, docs) for name in operation_names]
        files[PACKAGE / "resources" / f"{resource}.py"] = render(resource, summary, operations, models)
    return files


def main(argv: list[str]) -> int:
    return regenerate(outputs, argv, __file__, __doc__ or "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
