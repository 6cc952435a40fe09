"""Reading a CloudFormation template as spec items: its Customer Profiles resources, checked.

The spec readers (``specs.parse_spec_file`` and the others) hand a document
here when it is a template (``is_template``). Every resource whose type makes
a resource of a setup (``RESOURCE_TYPES``) is read into the keyword arguments
of its operation (``_shapes.from_properties``) and checked by
``validation.parse_request``, as a spec item is; resources of other types are
ignored. Problems name the logical ID and the property path
(``Resources.Shop.Properties.Fields[2].ObjectTypeField.Source``).

A value that is an intrinsic function is reported once, as a warning of rule
``not-checkable``, and never as an error. A resource whose required value is
one is checked as far as it can be, but is not read as a request: its notes
are in ``SpecFile.notes``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from customer_profiles_typed._paths import ROOT
from customer_profiles_typed.errors import ValidationError, ValidationProblem
from customer_profiles_typed.specs import SPEC_OPERATIONS, Spec, SpecFile, SpecProblem, SpecRequest
from customer_profiles_typed.validation import parse_request

from ._intrinsics import function_of
from ._shapes import Read, Unchecked, from_properties
from ._tables import RESOURCE_TYPES

__all__ = ["NOT_CHECKABLE", "is_template", "read_template"]

NOT_CHECKABLE = "not-checkable"
"""The rule of the warning about a value that is an intrinsic function: known only once deployed."""

_OPERATION_OF_TYPE: Mapping[str, str] = {
    type_name: operation for operation, type_name in RESOURCE_TYPES.items()
}


def is_template(document: object) -> bool:
    """Whether a parsed document is a CloudFormation template rather than spec items.

    A template is an object with ``Resources`` and either
    ``AWSTemplateFormatVersion`` or a resource that has a ``Type``.
    """
    if not isinstance(document, Mapping):
        return False
    top = cast("Mapping[object, object]", document)
    resources = top.get("Resources")
    if "AWSTemplateFormatVersion" in top:
        return "Resources" in top
    if not isinstance(resources, Mapping):
        return False
    return any(
        isinstance(resource, Mapping) and "Type" in cast("Mapping[object, object]", resource)
        for resource in cast("Mapping[object, object]", resources).values()
    )


def _note(unchecked: Unchecked) -> str:
    said = f"{unchecked.function} is resolved when the stack is deployed: not checkable here"
    if unchecked.placeholder:
        return f"{said} (a required value: the rest of the resource is checked)"
    if unchecked.required:
        return f"{said} (a required value: the resource's rules are not checked)"
    return said


class _Resource:
    """What reading one resource found."""

    def __init__(self, file: str, logical_id: str) -> None:
        self.file = file
        self.logical_id = logical_id
        self.base = ROOT.wire_only("Resources").wire_only(logical_id).wire_only("Properties")
        self.problems: list[SpecProblem] = []
        self.notes: list[SpecProblem] = []
        self.spec: Spec | None = None
        self.cause: ValidationError | None = None

    def problem(self, path: str, message: str, rule: str, found: ValidationProblem | None = None) -> SpecProblem:
        return SpecProblem(
            file=self.file,
            item=None,
            path=path,
            message=message,
            rule=rule,
            problem=found,
            logical_id=self.logical_id,
        )

    def read(self, operation: str, resource: Mapping[str, Any], skip_rules: Iterable[str]) -> None:
        properties: object = resource.get("Properties", {})
        function = function_of(properties)
        if function is not None:
            message = f"{function} is resolved when the stack is deployed: the resource is not checkable here"
            self.notes.append(self.problem(self.base.wire, message, NOT_CHECKABLE))
            return
        if not isinstance(properties, Mapping):
            kind = "a list" if isinstance(properties, list) else type(properties).__name__
            message = f"the Properties of a resource are an object, got {kind}"
            self.problems.append(self.problem(self.base.wire, message, "shape"))
            return
        read = from_properties(operation, cast("Mapping[str, Any]", properties), self.base)
        self.notes += [self.problem(value.path, _note(value), NOT_CHECKABLE) for value in read.unchecked]
        self.notes += [self.problem(path, message, rule) for path, message, rule in read.notes]
        self.problems += [self.problem(path, message, rule) for path, message, rule in read.problems]
        self.check(operation, read, skip_rules)

    def located(self, read: Read, found: Iterable[ValidationProblem]) -> list[SpecProblem]:
        return [
            self.problem(read.paths(p.wire_path), p.message, p.rule, p)
            for p in found
            if not read.covers(p.wire_path)
        ]

    def check(self, operation: str, read: Read, skip_rules: Iterable[str]) -> None:
        sink: list[ValidationProblem] = []
        request: SpecRequest | None = None
        try:
            request = parse_request(SPEC_OPERATIONS[operation], read.kwargs, skip_rules=skip_rules, sink=sink)
        except ValidationError as error:
            errors = self.located(read, error.errors)
            if errors:
                self.cause = error
            self.problems += errors
            sink = list(error.warnings)
        warnings = self.located(read, sink)
        if self.problems:
            return
        if request is None or read.placeholders or read.blocked:
            self.notes += warnings
            return
        self.spec = Spec(
            request=request,
            file=self.file,
            warnings=(*warnings, *self.notes),
            field_prefix=self.base.wire,
            logical_id=self.logical_id,
            paths=read.paths,
        )
        self.notes = []


def read_template(
    document: Mapping[str, Any], file: str, skip_rules: Iterable[str]
) -> tuple[SpecFile, ValidationError | None]:
    """The Customer Profiles resources of a template, as a spec file's requests and problems.

    Also the ``ValidationError`` of the first invalid resource, as the cause of a ``SpecError``.
    """
    resources: object = document.get("Resources")
    if not isinstance(resources, Mapping):
        kind = "a list" if isinstance(resources, list) else type(resources).__name__
        problem = SpecProblem(
            file=file,
            item=None,
            path="Resources",
            message=f"the Resources of a template are an object of logical ID -> resource, got {kind}",
            rule="shape",
        )
        return SpecFile(file=file, specs=(), problems=(problem,), count=0), None
    read: list[_Resource] = []
    for logical_id, resource in cast("Mapping[object, object]", resources).items():
        if not isinstance(resource, Mapping):
            continue
        fields = cast("Mapping[str, Any]", resource)
        type_name = fields.get("Type")
        operation = _OPERATION_OF_TYPE.get(type_name) if isinstance(type_name, str) else None
        if operation is None:
            continue
        found = _Resource(file, str(logical_id))
        found.read(operation, fields, skip_rules)
        read.append(found)
    cause = next((found.cause for found in read if found.cause is not None), None)
    spec_file = SpecFile(
        file=file,
        specs=tuple(found.spec for found in read if found.spec is not None),
        problems=tuple(problem for found in read for problem in found.problems),
        count=len(read),
        notes=tuple(note for found in read for note in found.notes),
    )
    return spec_file, cause
