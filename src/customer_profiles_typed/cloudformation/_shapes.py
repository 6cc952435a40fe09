"""A request's keyword arguments as a template resource's properties, and back.

One walk each way over the operation's botocore input shape, applying the
differences that ``_tables`` lists (generated from cfn-lint's resource
schemas): maps written as lists of two-property objects, timestamps as epoch
seconds, enum values spelled otherwise, members a template cannot hold.

Export (``to_properties``) reads what ``to_boto3()`` gives and reports each
member or value a template cannot hold. Import (``from_properties``) reads a
template's properties into keyword arguments for ``validation.parse_request``
and keeps, for every value, where it was in the template (``TemplatePaths``),
so that the problems found in the request point into the template. Values that
are intrinsic functions are left out (``Read.unchecked``); so are the
problems at or under them, and those of the object or list that holds a value
left out (``Read.covers``). A required string or number that is an intrinsic
function is replaced by a placeholder instead, so that the rest of the
resource can still be checked (``Read.placeholders``): such a resource is
checked but is not a request.

Where a template holds a string for a number or a boolean (``"30"``,
``"true"``), or a number or a boolean for a string, it is read as CloudFormation
converts it, not refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, cast

import attrs

from customer_profiles_typed import _model
from customer_profiles_typed._paths import ROOT, Path
from customer_profiles_typed._timestamps import as_utc

from ._intrinsics import function_of
from ._tables import (
    ENUM_SPELLINGS,
    ENUMS_NOT_IN_TEMPLATES,
    EPOCH_SECONDS,
    MAPS_AS_LISTS,
    NOT_IN_TEMPLATES,
    READ_ONLY,
    RESOURCE_TYPES,
    TEMPLATE_ONLY,
)

if TYPE_CHECKING:
    from botocore.model import Shape

__all__ = ["Read", "TemplatePaths", "Unchecked", "from_properties", "to_properties"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_INTEGER = re.compile(r"\s*[-+]?[0-9]+\s*")

ABSENT: Any = object()
"""What a walk returns for a value it leaves out."""


def _step(pattern: str, step: str) -> str:
    """A table path one step deeper: ``Tasks`` + ``[*]`` -> ``Tasks[*]``, + ``Name`` -> ``Tasks[*].Name``."""
    if not pattern:
        return step
    return f"{pattern}{step}" if step.startswith(("[", "{")) else f"{pattern}.{step}"


def input_shape(operation: str) -> Shape:
    """The botocore input shape of an operation."""
    shape = _model.service_model().operation_model(operation).input_shape
    assert shape is not None, operation
    return shape


# --- export -------------------------------------------------------------------------


def _epoch_seconds(value: datetime) -> int | float:
    """A timestamp as seconds since 1970, whole when it has no fraction (exact to the microsecond)."""
    delta = as_utc(value) - _EPOCH
    seconds = delta.days * 86_400 + delta.seconds
    if not delta.microseconds:
        return seconds
    return float(f"{seconds}.{delta.microseconds:06d}")


class _Export:
    """The walk from boto3's keyword arguments to a resource's properties."""

    def __init__(self, operation: str) -> None:
        self.type_name = RESOURCE_TYPES[operation]
        self.maps = MAPS_AS_LISTS[operation]
        self.epoch = EPOCH_SECONDS[operation]
        self.missing = NOT_IN_TEMPLATES[operation]
        self.refused = ENUMS_NOT_IN_TEMPLATES[operation]
        self.spellings = ENUM_SPELLINGS[operation]
        self.problems: list[tuple[Path, str]] = []

    def value(self, value: Any, shape: Shape, pattern: str, path: Path) -> Any:
        kind = shape.type_name
        if kind == "structure" and isinstance(value, Mapping):
            return self.structure(cast("Mapping[str, Any]", value), shape, pattern, path)
        if kind == "list" and isinstance(value, (list, tuple)):
            member = _model.list_member(shape)
            items = cast("Sequence[Any]", value)
            return [
                self.value(item, member, _step(pattern, "[*]"), path.index(position))
                for position, item in enumerate(items)
            ]
        if kind == "map" and isinstance(value, Mapping):
            return self.mapping(cast("Mapping[str, Any]", value), shape, pattern, path)
        if isinstance(value, datetime):
            return _epoch_seconds(value) if pattern in self.epoch else value.isoformat()
        if isinstance(value, str):
            if value in self.refused.get(pattern, ()):
                self.problems.append(
                    (path, f"the schema of {self.type_name} does not accept this value (yet)")
                )
            return self.spellings.get(pattern, {}).get(value, value)
        return value

    def structure(
        self, value: Mapping[str, Any], shape: Shape, pattern: str, path: Path
    ) -> dict[str, Any]:
        members = _model.members(shape)
        found: dict[str, Any] = {}
        for name, item in value.items():
            where = _step(pattern, name)
            here = path.member(shape.name, name)
            if where in self.missing:
                self.problems.append((here, f"{self.type_name} has no property for {name}"))
                continue
            member = members.get(name)
            found[name] = item if member is None else self.value(item, member, where, here)
        return found

    def mapping(
        self, value: Mapping[str, Any], shape: Shape, pattern: str, path: Path
    ) -> list[dict[str, Any]] | dict[str, Any]:
        key_shape, value_shape = _model.map_key_value(shape)
        pair = self.maps.get(pattern)
        if pair is None:  # a map in the template too
            return {
                key: self.value(item, value_shape, _step(pattern, "{*}"), path.key(key))
                for key, item in value.items()
            }
        key_name, value_name = pair
        return [
            {
                key_name: self.value(key, key_shape, f"{pattern}{{key}}", path.key(key)),
                value_name: self.value(item, value_shape, _step(pattern, "{*}"), path.key(key)),
            }
            for key, item in value.items()
        ]


def to_properties(
    operation: str, kwargs: Mapping[str, Any]
) -> tuple[dict[str, Any], list[tuple[Path, str]]]:
    """The properties of the resource that ``kwargs`` (of ``operation``) make, and what they cannot hold.

    Each thing a template cannot hold is the path of the member or value in the
    request and why; it is left out of the properties.
    """
    walk = _Export(operation)
    properties = walk.structure(kwargs, input_shape(operation), "", ROOT)
    return properties, walk.problems


# --- import -------------------------------------------------------------------------


class TemplatePaths:
    """Where each value of a request read from a template was: wire path -> template path.

    Calling it with the wire path of a problem (``FlowDefinition.Tasks[1]``)
    gives the path in the template
    (``Resources.Flow.Properties.FlowDefinition.Tasks[1]``). A path the request
    does not hold (a required member that is missing) reads under the nearest
    one it holds.
    """

    def __init__(self, exact: Mapping[str, str], inner: Mapping[str, str]) -> None:
        self._exact = dict(exact)
        self._inner = dict(inner)

    def __call__(self, wire_path: str) -> str:
        """The template path of a wire path of the request."""
        found = self._exact.get(wire_path)
        if found is not None:
            return found
        best = ""
        for known in self._exact:
            if (
                len(known) > len(best)
                and wire_path.startswith(known)
                and wire_path[len(known) : len(known) + 1] in (".", "[")
            ):
                best = known
        base = self._inner.get(best, self._exact[best])
        rest = wire_path[len(best) :]
        if not best and rest and not rest.startswith("["):
            rest = f".{rest}"
        return f"{base}{rest}"


@attrs.frozen
class Unchecked:
    """A value of a template that is an intrinsic function, so not checkable before deployment."""

    path: str
    """Where it is in the template."""

    function: str
    """The function: ``Ref``, ``Fn::Sub``..."""

    required: bool
    """Whether the request needs it: the request cannot be built without it."""

    placeholder: bool
    """Whether a placeholder stood in for it while the resource was checked."""


@attrs.frozen
class Read:
    """A resource's properties read into keyword arguments, with where each value was."""

    kwargs: dict[str, Any]
    """The keyword arguments, every intrinsic function left out or replaced by a placeholder."""

    paths: TemplatePaths
    """Wire path -> template path."""

    unchecked: tuple[Unchecked, ...]
    """The values that are intrinsic functions, in template order."""

    problems: tuple[tuple[str, str, str], ...]
    """Problems of the template's own shapes (template path, message, rule)."""

    notes: tuple[tuple[str, str, str], ...]
    """Properties left out that are not problems (template path, message, rule)."""

    under: frozenset[str]
    """Wire paths of values left out or replaced: problems at or under them are dropped."""

    at: frozenset[str]
    """Wire paths of the objects and lists a value was left out of: problems there are dropped."""

    @property
    def placeholders(self) -> bool:
        """Whether a placeholder stands in for a required value: the request is no real request."""
        return any(value.placeholder for value in self.unchecked)

    @property
    def blocked(self) -> bool:
        """Whether a required value was left out: the request cannot be built."""
        return any(value.required and not value.placeholder for value in self.unchecked)

    def covers(self, wire_path: str) -> bool:
        """Whether a problem at ``wire_path`` may come from a value left out: it is dropped."""
        if wire_path in self.at or wire_path in self.under:
            return True
        return any(
            wire_path.startswith(path) and wire_path[len(path) : len(path) + 1] in (".", "[")
            for path in self.under
        )


def _placeholder(shape: Shape) -> object:
    """A stand-in of the right type for a required string or number, or ``ABSENT``."""
    kind = shape.type_name
    if kind == "string" and not _model.enum_values(shape):
        return "placeholder"
    low = shape.metadata.get("min", 0)
    if kind in ("integer", "long"):
        return int(low)
    if kind in ("double", "float"):
        return float(low)
    return ABSENT


class _Import:
    """The walk from a resource's properties to boto3's keyword arguments."""

    def __init__(self, operation: str) -> None:
        self.maps = MAPS_AS_LISTS[operation]
        self.read_only = READ_ONLY[operation]
        self.template_only = TEMPLATE_ONLY[operation]
        self.spellings = {
            pattern: {template: api for api, template in spelled.items()}
            for pattern, spelled in ENUM_SPELLINGS[operation].items()
        }
        self.exact: dict[str, str] = {}
        self.inner: dict[str, str] = {}
        self.unchecked: list[Unchecked] = []
        self.problems: list[tuple[str, str, str]] = []
        self.notes: list[tuple[str, str, str]] = []
        self.under: set[str] = set()
        self.at: set[str] = set()

    def record(self, wire: Path, template: Path) -> None:
        self.exact[wire.wire] = template.wire

    def left_out(self, function: str, template: Path, holder: Path) -> None:
        """A list item or map entry that is an intrinsic function: left out of ``holder``."""
        self.unchecked.append(Unchecked(template.wire, function, required=False, placeholder=False))
        self.at.add(holder.wire)

    def value(
        self,
        value: Any,
        shape: Shape,
        pattern: str,
        wire: Path,
        template: Path,
        holder: Path,
        required: bool,
    ) -> Any:
        function = function_of(value)
        if function is not None:
            stand_in = _placeholder(shape) if required else ABSENT
            self.unchecked.append(
                Unchecked(template.wire, function, required=required, placeholder=stand_in is not ABSENT)
            )
            self.under.add(wire.wire)
            if stand_in is ABSENT:
                self.at.add(holder.wire)
            return stand_in
        kind = shape.type_name
        if kind == "structure":
            return self.structure(value, shape, pattern, wire, template)
        if kind == "list":
            return self.sequence(value, shape, pattern, wire, template)
        if kind == "map":
            return self.mapping(value, shape, pattern, wire, template)
        return self.scalar(value, shape, pattern)

    def structure(self, value: Any, shape: Shape, pattern: str, wire: Path, template: Path) -> Any:
        if not isinstance(value, Mapping):
            return value  # the checks report its type
        members = _model.members(shape)
        required = set(_model.required_members(shape))
        found: dict[object, Any] = {}
        for key, item in cast("Mapping[object, Any]", value).items():
            name = str(key)
            where = _step(pattern, name)
            here, there = wire.member(shape.name, name), template.wire_only(name)
            self.record(here, there)
            if where in self.read_only:
                self.notes.append(
                    (there.wire, f"{name} is set by AWS (read-only): it is no part of a request", "read-only")
                )
                continue
            if where in self.template_only:
                self.notes.append(
                    (there.wire, f"boto3 has no member {name}: it is not checked", "not-checkable")
                )
                continue
            member = members.get(name)
            if member is None:
                found[key] = item  # the checks report the unknown member
                continue
            read = self.value(item, member, where, here, there, wire, name in required)
            if read is not ABSENT:
                found[key] = read
        return found

    def sequence(self, value: Any, shape: Shape, pattern: str, wire: Path, template: Path) -> Any:
        if not isinstance(value, list):
            return value
        member = _model.list_member(shape)
        found: list[Any] = []
        for position, item in enumerate(cast("list[object]", value)):
            here, there = wire.index(len(found)), template.index(position)
            read = self.value(item, member, _step(pattern, "[*]"), here, there, wire, False)
            if read is not ABSENT:
                self.record(here, there)
                found.append(read)
        return found

    def mapping(self, value: Any, shape: Shape, pattern: str, wire: Path, template: Path) -> Any:
        pair = self.maps.get(pattern)
        if pair is None:  # a map in the template too
            return value
        key_name, value_name = pair
        name = pattern.rsplit(".", 1)[-1].replace("[*]", "")
        if not isinstance(value, list):
            written_as_object = isinstance(value, Mapping)
            if written_as_object:
                self.problems.append(
                    (
                        template.wire,
                        f"a template writes {name} as a list of {{{key_name}, {value_name}}} objects, "
                        "not as an object",
                        "shape",
                    )
                )
            return value
        key_shape, value_shape = _model.map_key_value(shape)
        found: dict[str, Any] = {}
        first: dict[str, int] = {}
        for position, entry in enumerate(cast("list[object]", value)):
            there = template.index(position)
            function = function_of(entry)
            if function is not None:
                self.left_out(function, there, wire)
                continue
            if not isinstance(entry, Mapping):
                self.problems.append(
                    (there.wire, f"each item of {name} is an object with {key_name} and {value_name}", "shape")
                )
                continue
            fields = cast("Mapping[object, Any]", entry)
            complete = True
            for extra in fields:
                if extra not in (key_name, value_name):
                    self.problems.append(
                        (
                            there.wire_only(str(extra)).wire,
                            f"unknown property {extra!r}: an item of {name} holds {key_name} and {value_name}",
                            "unknown-key",
                        )
                    )
            for needed in (key_name, value_name):
                if needed not in fields:
                    complete = False
                    self.problems.append((there.wire_only(needed).wire, f"{needed} is required", "required"))
            if not complete:
                continue
            key_function = function_of(fields[key_name])
            if key_function is not None:
                self.left_out(key_function, there.wire_only(key_name), wire)
                continue
            key = self.scalar(fields[key_name], key_shape, f"{pattern}{{key}}")
            if not isinstance(key, str):
                self.problems.append(
                    (there.wire_only(key_name).wire, f"must be a string, got {type(key).__name__}", "type")
                )
                continue
            if key in found:
                self.problems.append(
                    (
                        there.wire_only(key_name).wire,
                        f"{name} has another item with this {key_name} ({name}[{first[key]}]): "
                        "the keys of a map are unique",
                        "duplicate",
                    )
                )
                continue
            here = wire.key(key)
            before = set(self.exact)
            read = self.value(
                fields[value_name], value_shape, _step(pattern, "{*}"), here, there.wire_only(value_name), wire, False
            )
            if read is ABSENT:
                continue
            hidden = wire.hidden_key(len(found))
            for entry_path in (here, hidden):
                self.exact[entry_path.wire] = there.wire
                self.inner[entry_path.wire] = there.wire_only(value_name).wire
            for known in set(self.exact) - before:
                if known.startswith(here.wire) and known != here.wire:
                    self.exact[hidden.wire + known[len(here.wire) :]] = self.exact[known]
            found[key] = read
            first[key] = position
        return found

    def scalar(self, value: Any, shape: Shape, pattern: str) -> Any:
        kind = shape.type_name
        if kind == "string":
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, (int, float)):
                return str(value)
            if isinstance(value, str):
                return self.spellings.get(pattern, {}).get(value, value)
            return value
        if not isinstance(value, str):
            return value
        if kind in ("integer", "long") and _INTEGER.fullmatch(value):
            return int(value)
        if kind in ("double", "float"):
            try:
                number = float(value)
            except ValueError:
                return value
            return number if math.isfinite(number) else value
        if kind == "boolean" and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        return value


def from_properties(operation: str, properties: Mapping[str, Any], base: Path) -> Read:
    """Read a resource's ``properties`` into keyword arguments of ``operation``.

    ``base`` is the path of the properties in the template
    (``Resources.<LogicalId>.Properties``): every template path starts there.
    """
    walk = _Import(operation)
    walk.exact[ROOT.wire] = base.wire
    kwargs = walk.structure(properties, input_shape(operation), "", ROOT, base)
    return Read(
        kwargs=kwargs,
        paths=TemplatePaths(walk.exact, walk.inner),
        unchecked=tuple(walk.unchecked),
        problems=tuple(walk.problems),
        notes=tuple(walk.notes),
        under=frozenset(walk.under),
        at=frozenset(walk.at),
    )
