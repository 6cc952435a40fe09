"""Regenerate the model modules of object types, event triggers, tags and domains.

Reads the installed botocore model and writes, for each resource, one module of
frozen keyword-only attrs classes under ``src/customer_profiles_typed/models/``,
plus ``src/customer_profiles_typed/_wire_tables.py`` (the Python <-> wire name
tables of those classes, which name the classes rather than import them).
``tests/test_generated.py`` fails when the committed files differ from what this
script writes, so run it after a botocore upgrade::

    python scripts/generate_models.py          # rewrite the files that differ
    python scripts/generate_models.py --check  # exit 1, naming them, if any differs

Conventions (the same as the hand-written integration models):

- A request class per operation, named after its AWS input shape
  (``PutProfileObjectTypeRequest``), and one class per structure inside it, named
  after its shape (``ObjectTypeField``). They check themselves when built.
- A response class per output shape. The main ones get a resource name
  (``ProfileObjectType`` for both the Put and the Get answer, see ``NAMES``);
  a nested structure that requests use too gets the suffix ``Output``
  (``ObjectTypeFieldOutput``), because a response keeps enum values this
  version does not know as strings and keys it does not know in
  ``unknown_fields``, where a request refuses both.
- Field names are the wire names in snake_case; each field's docstring is the
  first sentence of the model's documentation, its wire name and constraints.
- Members AWS marks sensitive stay out of reprs.
- Each request class's ``to_boto3`` is typed with the ``TypedDict`` of its shape
  in ``wire_types`` (``PutProfileObjectTypeRequest`` -> ``PutProfileObjectTypeDict``,
  written by ``scripts/generate_wire_types.py``).

``generate_enums.py`` and ``generate_wire_types.py`` share this script's command
line (``regenerate``) and its list of operations (``operations``).
"""

from __future__ import annotations

import argparse
import html
import keyword
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import botocore.session
from botocore.model import Shape

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "customer_profiles_typed"

RESOURCES: dict[str, tuple[str, list[str]]] = {
    "object_types": (
        "Profile object types: how ingested objects map onto profiles, and the templates AWS offers.",
        [
            "PutProfileObjectType",
            "GetProfileObjectType",
            "ListProfileObjectTypes",
            "DeleteProfileObjectType",
            "ListProfileObjectTypeTemplates",
            "GetProfileObjectTypeTemplate",
        ],
    ),
    "event_triggers": (
        "Event triggers: conditions on ingested objects that start an action such as a campaign.",
        [
            "CreateEventTrigger",
            "GetEventTrigger",
            "UpdateEventTrigger",
            "ListEventTriggers",
            "DeleteEventTrigger",
        ],
    ),
    "tags": (
        "Tags of domains, object types, integrations and event triggers.",
        ["TagResource", "UntagResource", "ListTagsForResource"],
    ),
    "domains": (
        "Domains: the container of profiles, object types, integrations and their settings.",
        ["CreateDomain", "GetDomain", "UpdateDomain", "DeleteDomain", "ListDomains"],
    ),
}
"""Resource module -> (module summary, its operations)."""


def operations() -> list[str]:
    """Every operation of ``RESOURCES``, in their order."""
    return [name for _, names in RESOURCES.values() for name in names]


def dict_name(shape_name: str) -> str:
    """The ``wire_types`` ``TypedDict`` of a request-side shape (``PutProfileObjectTypeRequest`` -> ``PutProfileObjectTypeDict``)."""
    return re.sub(r"Request$", "", shape_name) + "Dict"

NAMES: dict[str, str] = {
    "PutProfileObjectTypeResponse": "ProfileObjectType",
    "GetProfileObjectTypeResponse": "ProfileObjectType",
    "ListProfileObjectTypeItem": "ProfileObjectTypeSummary",
    "GetProfileObjectTypeTemplateResponse": "ProfileObjectTypeTemplate",
    "ListProfileObjectTypeTemplateItem": "ProfileObjectTypeTemplateSummary",
    "CreateEventTriggerResponse": "EventTrigger",
    "GetEventTriggerResponse": "EventTrigger",
    "UpdateEventTriggerResponse": "EventTrigger",
    "EventTriggerSummaryItem": "EventTriggerSummary",
    "CreateDomainResponse": "Domain",
    "GetDomainResponse": "Domain",
    "UpdateDomainResponse": "Domain",
    "ListDomainItem": "DomainSummary",
}
"""Response shapes -> the class that reads them; several shapes may share one class."""

RESPONSE_DOCS: dict[str, str] = {
    "ProfileObjectType": "A profile object type as AWS describes it: its fields, keys and settings.",
    "ProfileObjectTypeSummary": "One object type in a list of a domain's object types (no fields or keys).",
    "ProfileObjectTypeTemplate": "A template AWS offers for an object type: its source, fields and keys.",
    "ProfileObjectTypeTemplateSummary": "One template in the list of the templates AWS offers.",
    "EventTrigger": "An event trigger as AWS describes it: its conditions, limits and tags.",
    "EventTriggerSummary": "One event trigger in a list of a domain's event triggers.",
    "Domain": "A Customer Profiles domain as AWS describes it: its settings, matching and statistics.",
    "DomainSummary": "One domain in the list of the account's domains.",
}
"""Class docstrings of the response classes that model more than one shape or have no documentation."""


# --- reading the model ---------------------------------------------------------


def plain(doc: str) -> str:
    """The model's HTML documentation as one plain line."""
    text = re.sub(r"<code>(.*?)</code>", r"\1", doc or "", flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = " ".join(text.split())
    return text.replace(" ,", ",").replace(" .", ".")


def first_sentence(doc: str, limit: int = 240) -> str:
    """The first sentence of a documentation string, shortened to ``limit`` characters."""
    text = plain(doc)
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[: limit - 3].rsplit(" ", 1)[0] + "..."
    if sentence and not sentence.endswith((".", "!", "?", "...")):
        sentence += "."
    return sentence.replace("\\", "\\\\").replace('"""', "'''")


def snake(name: str) -> str:
    """A wire member name in snake_case (``resourceArn`` -> ``resource_arn``)."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    return f"{words}_" if keyword.iskeyword(words) else words


def constraints(shape: Shape) -> str:
    """The model's constraints of a member, as a short phrase."""
    meta = shape.metadata
    low, high = meta.get("min"), meta.get("max")
    parts: list[str] = []
    kind = shape.type_name
    noun = {"string": " characters", "list": " items", "map": " entries"}.get(kind, "")
    if kind == "string" and shape.enum:
        low = high = None
    if low is not None and high is not None:
        parts.append(f"{low}-{high}{noun}")
    elif low is not None:
        parts.append(f"at least {low}{noun}")
    elif high is not None:
        parts.append(f"at most {high}{noun}")
    pattern = meta.get("pattern")
    if pattern:
        parts.append(f"pattern ``{pattern}``".replace("\\", "\\\\"))
    if meta.get("sensitive") or (kind in ("list", "map") and sensitive_shape(shape)):
        parts.append("sensitive: never shown")
    return "; ".join(parts)


def sensitive_shape(shape: Shape) -> bool:
    return bool(shape.metadata.get("sensitive"))


def structures(shape: Shape, found: dict[str, Shape], inside_sensitive: set[str], sensitive: bool = False) -> None:
    """Collect the structure shapes reachable from ``shape``, and those inside a sensitive member."""
    sensitive = sensitive or sensitive_shape(shape)
    kind = shape.type_name
    if kind == "structure":
        if sensitive:
            inside_sensitive.add(shape.name)
        if shape.name in found:
            return
        found[shape.name] = shape
        for member in shape.members.values():
            structures(member, found, inside_sensitive, sensitive)
    elif kind == "list":
        structures(shape.member, found, inside_sensitive, sensitive)
    elif kind == "map":
        structures(shape.value, found, inside_sensitive, sensitive)


def enums_used(shapes: dict[str, Shape]) -> set[str]:
    found: set[str] = set()

    def walk(shape: Shape) -> None:
        if shape.type_name == "string" and shape.enum:
            found.add(shape.name)
        elif shape.type_name == "list":
            walk(shape.member)
        elif shape.type_name == "map":
            walk(shape.key)
            walk(shape.value)

    for shape in shapes.values():
        for member in shape.members.values():
            walk(member)
    return found


# --- writing -------------------------------------------------------------------


class Module:
    """The source of one generated model module."""

    def __init__(self, resource: str, summary: str, operations: list[str], model: object) -> None:
        self.resource = resource
        self.summary = summary
        self.operations = operations
        self.model = model
        self.request_shapes: dict[str, Shape] = {}
        self.response_shapes: dict[str, Shape] = {}
        self.sensitive_request: set[str] = set()
        self.sensitive_response: set[str] = set()
        for name in operations:
            op = model.operation_model(name)  # type: ignore[attr-defined]
            structures(op.input_shape, self.request_shapes, self.sensitive_request)
            structures(op.output_shape, self.response_shapes, self.sensitive_response)
        self.request_names = {shape: shape for shape in self.request_shapes}
        self.response_names: dict[str, str] = {}
        for shape in self.response_shapes:
            if shape in NAMES:
                self.response_names[shape] = NAMES[shape]
            elif shape in self.request_shapes:
                self.response_names[shape] = f"{shape}Output"
            else:
                self.response_names[shape] = shape
        # Several shapes read by one class: the class models the one with most members,
        # and the others must be subsets of it.
        self.response_primary: dict[str, str] = {}
        for shape, cls in self.response_names.items():
            current = self.response_primary.get(cls)
            if current is None or len(self.response_shapes[shape].members) > len(
                self.response_shapes[current].members
            ):
                self.response_primary[cls] = shape
        for shape, cls in self.response_names.items():
            primary = self.response_shapes[self.response_primary[cls]]
            extra = set(self.response_shapes[shape].members) - set(primary.members)
            if extra:
                sys.exit(f"{shape} has members {sorted(extra)} that {primary.name} lacks: split {cls}")
        self.enums = sorted(enums_used(self.request_shapes) | enums_used(self.response_shapes))

    # --- types -----------------------------------------------------------------

    def type_of(self, shape: Shape, response: bool) -> str:
        kind = shape.type_name
        if kind == "string":
            if shape.enum:
                return f"{shape.name} | str" if response else shape.name
            return "str"
        if kind == "boolean":
            return "bool"
        if kind in ("integer", "long"):
            return "int"
        if kind in ("double", "float"):
            return "float"
        if kind == "timestamp":
            return "datetime"
        if kind == "list":
            inner = self.type_of(shape.member, response)
            return f"tuple[{inner}, ...]" if response else f"Sequence[{inner}]"
        if kind == "map":
            key = self.type_of(shape.key, response)
            return f"Mapping[{key}, {self.type_of(shape.value, response)}]"
        if kind == "structure":
            names = self.response_names if response else self.request_names
            return names[shape.name]
        raise ValueError(f"unhandled shape type {kind} ({shape.name})")

    # --- classes ---------------------------------------------------------------

    def operation_of_input(self) -> dict[str, str]:
        return {
            self.model.operation_model(name).input_shape.name: name  # type: ignore[attr-defined]
            for name in self.operations
        }

    def class_lines(self, cls: str, shape: Shape, response: bool, shapes: list[str]) -> list[str]:
        operations = self.operation_of_input()
        if response:
            base = "SensitiveResponse" if shape.name in self.sensitive_response else "Response"
            doc = RESPONSE_DOCS.get(cls) or first_sentence(shape.documentation, 300)
            if not doc:
                doc = f"The answer of ``{shape.name.removesuffix('Response')}``."
            shown = ", ".join(f"``{name}``" for name in shapes)
            tail = f"AWS shape{'s' if len(shapes) > 1 else ''} {shown}; read leniently."
            if base == "SensitiveResponse":
                tail += " AWS marks its values sensitive: they never appear in reprs."
            repr_off = ", repr=False" if base == "SensitiveResponse" else ""
            lines = [
                "",
                "",
                f"@attrs.frozen(kw_only=True{repr_off})",
                f"class {cls}({base}):",
                *self.docstring(doc, tail),
            ]
        else:
            operation = operations.get(shape.name)
            if operation is not None:
                base = "Request"
                op_doc = first_sentence(
                    self.model.operation_model(operation).documentation, 300  # type: ignore[attr-defined]
                )
                doc = f"The input of ``{operation}``: {op_doc[:1].lower()}{op_doc[1:]}"
                tail = (
                    f"Build it in code, or read boto3's keyword arguments with ``from_boto3``; "
                    f"``to_boto3`` gives back exactly the keyword arguments of boto3's "
                    f"``{snake(operation)}``. AWS shape ``{shape.name}``."
                )
            else:
                base = "Sensitive" if shape.name in self.sensitive_request else "Checked"
                doc = first_sentence(shape.documentation, 300) or f"The AWS structure ``{shape.name}``."
                tail = f"AWS shape ``{shape.name}``."
                if base == "Sensitive":
                    tail += " AWS marks its values sensitive: they never appear in reprs or messages."
            repr_off = ", repr=False" if base == "Sensitive" else ""
            lines = [
                "",
                "",
                f"@attrs.frozen(kw_only=True{repr_off})",
                f"class {cls}({base}):",
                *self.docstring(doc, tail),
            ]
        required = set(shape.required_members)
        members = list(shape.members.items())
        # Required first (keyword-only, so only the reading order changes).
        ordered = [m for m in members if m[0] in required] + [m for m in members if m[0] not in required]
        for wire, member in ordered:
            python = snake(wire)
            annotation = self.type_of(member, response)
            sensitive = bool(member.metadata.get("sensitive"))
            field_args: list[str] = []
            if sensitive:
                field_args.append("repr=False")
            if wire in required and not (response and len(shapes) > 1 and not self.required_everywhere(wire, shapes)):
                declaration = f"    {python}: {annotation}"
                if field_args:
                    declaration += f" = attrs.field({', '.join(field_args)})"
            else:
                if field_args:
                    declaration = f"    {python}: {annotation} | None = attrs.field(default=None, {', '.join(field_args)})"
                else:
                    declaration = f"    {python}: {annotation} | None = None"
            lines += ["", declaration]
            doc = first_sentence(member.documentation) or f"The ``{wire}`` member."
            limits = constraints(member)
            tail = f"Wire ``{wire}``" + (f"; {limits}." if limits else ".")
            if response and member.type_name == "string" and member.enum:
                tail += " A value newer than this library stays a ``str``."
            if response and member.type_name == "timestamp":
                tail += " An aware UTC ``datetime``."
            lines += self.field_docstring(f"{doc} {tail}")
        if response:
            lines += [
                "",
                "    unknown_fields: Mapping[str, Any] = attrs.field(",
                "        factory=lambda: MappingProxyType({}), converter=_frozen_extra, repr=False",
                "    )",
                '    """Keys of the response this version of the library does not know, kept as sent."""',
            ]
            if shapes and any(s.endswith("Response") for s in shapes):
                lines += [
                    "",
                    "    request_id: str | None = attrs.field(default=None, eq=False, repr=False)",
                    '    """The AWS request id of the call that returned this (from ``ResponseMetadata``), if known."""',
                ]
        if not response and shape.name in operations:
            typed = dict_name(shape.name)
            lines += [
                "",
                f"    def to_boto3(self) -> {typed}:",
                f'        """Return exactly the keyword arguments of boto3\'s ``{snake(operations[shape.name])}``."""',
                f'        return cast("{typed}", super().to_boto3())',
            ]
        return lines

    def required_everywhere(self, wire: str, shapes: list[str]) -> bool:
        return all(wire in self.response_shapes[s].required_members for s in shapes)

    @staticmethod
    def docstring(summary: str, tail: str) -> list[str]:
        lines = ['    """' + summary]
        body = textwrap.wrap(tail, 84)
        if len(lines[0]) > 92:
            wrapped = textwrap.wrap(summary, 84)
            lines = ['    """' + wrapped[0], *(f"    {line}" for line in wrapped[1:])]
        lines.append("")
        lines += [f"    {line}" for line in body]
        lines.append('    """')
        return lines

    @staticmethod
    def field_docstring(text: str) -> list[str]:
        wrapped = textwrap.wrap(text, 86)
        if len(wrapped) == 1:
            return [f'    """{wrapped[0]}"""']
        return ['    """' + wrapped[0], *(f"    {line}" for line in wrapped[1:]), '    """']

    def render(self) -> str:
        request_classes = list(self.request_names.items())
        response_classes: dict[str, list[str]] = {}
        for shape, cls in self.response_names.items():
            response_classes.setdefault(cls, []).append(shape)
        exported = sorted(
            {cls for _, cls in request_classes} | set(response_classes)
        )
        out = [
            f'"""{self.summary}',
            "",
            *textwrap.wrap(
                "Request classes (checked when built, strict ``from_boto3``) and response "
                "classes (read leniently) of "
                + ", ".join(f"``{op}``" for op in self.operations[:-1])
                + f" and ``{self.operations[-1]}``.",
                84,
            ),
            "Generated by ``scripts/generate_models.py`` from the botocore model; do not",
            "edit by hand (``tests/test_generated.py`` fails on any difference).",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "from collections.abc import Mapping, Sequence",
            "from datetime import datetime",
            "from types import MappingProxyType",
            "from typing import TYPE_CHECKING, Any, cast",
            "",
            "import attrs",
            "",
        ]
        if self.enums:
            out += ["from customer_profiles_typed.enums import ("]
            out += [f"    {name}," for name in self.enums]
            out += [")"]
        out += [
            "from customer_profiles_typed.models._base import Checked, Request, Response, Sensitive, SensitiveResponse",
            "",
            "if TYPE_CHECKING:",
            "    from customer_profiles_typed.wire_types import (",
            *(f"        {dict_name(shape)}," for shape in sorted(self.operation_of_input())),
            "    )",
            "",
            "__all__ = [",
            *(f'    "{name}",' for name in exported),
            "]",
            "",
            "",
            "def _frozen_extra(values: Mapping[str, Any]) -> Mapping[str, Any]:",
            "    return MappingProxyType(dict(values))",
            "",
            "",
            "# --- Requests ------------------------------------------------------------------",
        ]
        for shape, cls in request_classes:
            out += self.class_lines(cls, self.request_shapes[shape], False, [shape])
        out += ["", "", "# --- Responses -----------------------------------------------------------------"]
        for cls, shapes in response_classes.items():
            primary = self.response_shapes[self.response_primary[cls]]
            out += self.class_lines(cls, primary, True, shapes)
        text = "\n".join(out) + "\n"
        return tidy_imports(text)

    def wire_table(self) -> tuple[dict[str, dict[str, str]], dict[str, str], dict[str, tuple[str, list[str]]]]:
        fields: dict[str, dict[str, str]] = {}
        for shapes in (self.request_shapes, self.response_shapes):
            for name, shape in shapes.items():
                fields[name] = {snake(wire): wire for wire in shape.members}
        requests = dict(self.request_names)
        responses: dict[str, tuple[str, list[str]]] = {}
        for shape, cls in self.response_names.items():
            responses.setdefault(cls, (self.response_primary[cls], []))[1].append(shape)
        return fields, requests, responses


def tidy_imports(text: str) -> str:
    """Drop the imports a module does not use (the generator imports everything it might)."""
    head, _, body = text.partition("__all__ = [")
    lines = head.splitlines()
    single = re.compile(r"from (\S+) import ([^(]+)$")
    rest = "\n".join(line for line in lines if not single.match(line)) + body
    kept: list[str] = []
    for line in lines:
        match = single.match(line)
        if match and match.group(1) != "__future__":
            names = [n.strip() for n in match.group(2).split(",")]
            used = [n for n in names if re.search(rf"\b{re.escape(n)}\b", rest)]
            if not used:
                continue
            line = f"from {match.group(1)} import {', '.join(used)}"
        kept.append(line)
    return "\n".join(kept) + "\n__all__ = [" + body


def render_tables(modules: list[Module]) -> str:
    """The source of ``_wire_tables``: names only, so that importing it imports no model module."""
    out = [
        '"""Python name <-> wire name tables of the generated model classes.',
        "",
        "Generated by ``scripts/generate_models.py`` with the model modules it writes;",
        "``_wire`` merges these tables with the hand-written ones of integrations. A class",
        "is named here by its module in ``customer_profiles_typed.models`` and its name,",
        "not imported: ``_wire`` imports a resource's models the first time it needs them.",
        '"""',
        "",
        "from __future__ import annotations",
    ]
    fields: dict[str, dict[str, str]] = {}
    requests: dict[str, tuple[str, str]] = {}
    responses: dict[str, tuple[str, str, list[str]]] = {}
    for module in modules:
        f, req, resp = module.wire_table()
        fields.update(f)
        for shape, cls in req.items():
            requests[shape] = (module.resource, cls)
        for cls, (primary, shapes) in resp.items():
            responses[cls] = (module.resource, primary, shapes)
    out += ["", "FIELDS: dict[str, dict[str, str]] = {"]
    for shape in sorted(fields):
        out.append(f"    {shape!r}: {{")
        out += [f"        {python!r}: {wire!r}," for python, wire in fields[shape].items()]
        out.append("    },")
    out += ["}", '"""AWS shape -> {Python attribute: wire member}."""', ""]
    out += ["REQUEST_CLASSES: dict[str, tuple[str, str]] = {"]
    for shape in sorted(requests):
        resource, cls = requests[shape]
        out.append(f"    {shape!r}: ({resource!r}, {cls!r}),")
    out += [
        "}",
        '"""AWS shape -> the request-side class that models it: (its module in ``models``, its name)."""',
        "",
    ]
    out += ["RESPONSE_CLASSES: dict[tuple[str, str], tuple[str, ...]] = {"]
    for cls in sorted(responses):
        resource, primary, shapes = responses[cls]
        ordered = [primary] + sorted(s for s in shapes if s != primary)
        out.append(f"    ({resource!r}, {cls!r}): ({', '.join(repr(s) for s in ordered)},),")
    out += [
        "}",
        '"""Response class, as (its module in ``models``, its name) -> the AWS shapes it reads,',
        'the one it models first."""',
        "",
    ]
    return "\n".join(out)


def outputs() -> dict[Path, str]:
    """Every generated file and its content."""
    model = botocore.session.get_session().get_service_model("customer-profiles")
    modules = [Module(resource, summary, ops, model) for resource, (summary, ops) in RESOURCES.items()]
    files = {PACKAGE / "models" / f"{module.resource}.py": module.render() for module in modules}
    files[PACKAGE / "_wire_tables.py"] = render_tables(modules)
    return files


def regenerate(files: Callable[[], dict[Path, str]], argv: list[str], script: str, description: str) -> int:
    """The command line of every generator: rewrite the files that differ, or ``--check`` them.

    With ``--check`` nothing is written, and the exit status is 1 when a file
    differs from what ``files`` gives (its path and the command that rewrites
    it, ``script`` run without ``--check``, are printed), else 0.
    """
    parser = argparse.ArgumentParser(description=description.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, text in files().items():
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        shown = [p.relative_to(ROOT) if p.is_relative_to(ROOT) else p for p in stale]
        command = f"python scripts/{Path(script).name}"
        print(f"out of date: {', '.join(map(str, shown))}; rewrite with: {command}")
        return 1
    return 0


def main(argv: list[str]) -> int:
    return regenerate(outputs, argv, __file__, __doc__ or "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
