"""The base classes every generated model class shares: freezing, checking, reading and writing.

- ``Checked``: a request-side class. Once built, its lists become tuples and its
  maps read-only views of private copies, then it checks itself against the AWS
  model and the documented rules (``ValidationError`` lists every problem).
- ``Request``: the input of one operation; adds ``from_boto3``/``to_boto3``.
- ``Response``: what AWS answers, read leniently (``from_boto3``): unknown keys
  land in ``unknown_fields`` and unknown enum values stay strings.

``from_boto3`` and ``to_boto3`` are entry points, and an entry point may call up:
they import the converter and validation layers (which import these classes)
inside the method, at call time, never at import time. The layers are described
in ``docs/architecture.md`` and held by ``tests/test_layers.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

import attrs

from customer_profiles_typed import _validation_hook
from customer_profiles_typed._field_docs import FieldDocs

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["EMPTY_MAP", "Checked", "Request", "Response", "Sensitive", "SensitiveResponse", "freeze"]

EMPTY_MAP: Mapping[Any, Any] = MappingProxyType({})
"""The read-only empty map frozen objects share: nothing can change it, so one serves them all."""


def freeze(value: object) -> object:
    """A list as a tuple and a dict as a read-only view of a copy, at every level; else as is."""
    kind = type(value)
    if kind in _LEAVES:  # the usual items (strings, numbers, enum members, model objects)
        return value
    if isinstance(value, list):
        items = cast("list[object]", value)
        return tuple([freeze(item) for item in items])
    if isinstance(value, dict):
        entries = cast("dict[object, object]", value)
        if not entries:
            return EMPTY_MAP
        return MappingProxyType({key: freeze(item) for key, item in entries.items()})
    if isinstance(value, tuple):
        kept = cast("tuple[object, ...]", value)
        return tuple([freeze(item) for item in kept])
    if isinstance(value, MappingProxyType):
        view = cast("Mapping[object, object]", value)
        if not view:
            return EMPTY_MAP
        return MappingProxyType({key: freeze(item) for key, item in view.items()})
    _LEAVES.add(kind)  # no container type: its values are kept as they are from now on
    return value


_LEAVES: set[type] = {str, int, float, bool, type(None)}
"""Types ``freeze`` keeps as they are without a test: scalars and every other non-container type met."""


_CONTAINER_FIELDS: dict[type, tuple[str, ...]] = {}


def _container_fields(cls: type) -> tuple[str, ...]:
    """The fields of a class that hold lists or maps (known from the annotations), cached."""
    found = _CONTAINER_FIELDS.get(cls)
    if found is None:
        found = _CONTAINER_FIELDS[cls] = tuple(
            field.name
            for field in attrs.fields(cls)
            if field.name != "unknown_fields"
            and any(word in str(field.type) for word in ("Sequence[", "Mapping[", "tuple["))
        )
    return found


def _freeze_fields(obj: object) -> None:
    for name in _container_fields(type(obj)):
        value = getattr(obj, name)
        if value is not None:
            object.__setattr__(obj, name, freeze(value))


class Checked(FieldDocs):
    """A request-side model class: frozen containers, checked when built."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        _freeze_fields(self)
        _validation_hook.on_init(self)


class Sensitive(Checked):
    """A request-side class that only ever sits inside a member AWS marks sensitive: no values in reprs."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<sensitive>)"


class Request(Checked):
    """The input of one operation, as boto3's keyword arguments describe it."""

    __slots__ = ()

    @classmethod
    def from_boto3(cls, kwargs: Mapping[str, Any], *, skip_rules: Iterable[str] = ()) -> Self:
        """Read boto3's keyword arguments for this operation, strictly.

        Every problem found (model constraints, then the documented rules) is
        reported at once in one ``ValidationError``; likely mistakes are
        ``ValidationWarning``\\ s. ``skip_rules`` names rule IDs or ``"all"``.
        """
        from customer_profiles_typed.validation import parse_request

        return parse_request(cls, kwargs, skip_rules=skip_rules)

    def to_boto3(self) -> Mapping[str, Any]:
        """Return exactly the keyword arguments of the boto3 method of this operation.

        The value is a plain ``dict``; each request class narrows the type to the
        ``TypedDict`` of its operation in ``customer_profiles_typed.wire_types``.
        """
        from customer_profiles_typed._converter import unstructure_request

        return unstructure_request(self)


class Response(FieldDocs):
    """What AWS answers, read leniently: nothing this version does not know is lost."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        _freeze_fields(self)

    @classmethod
    def from_boto3(cls, response: Mapping[str, Any]) -> Self:
        """Read a boto3 response (``ResponseMetadata`` is ignored), leniently.

        Unknown keys land in ``unknown_fields``; an unknown enum value stays a
        string; timestamps become aware UTC ``datetime``\\ s. A response that lacks
        a required member or has a wrong type raises ``ValidationError`` naming it.
        """
        from customer_profiles_typed import validation
        from customer_profiles_typed._converter import structure_response

        validation.check_response_of(cls, response)
        return structure_response(cls, response)

    def to_boto3(self) -> dict[str, Any]:
        """Return the wire dict of the response, unknown fields included."""
        from customer_profiles_typed._converter import unstructure_response

        return unstructure_response(self)


class SensitiveResponse(Response):
    """A response-side class that only ever sits inside a member AWS marks sensitive: no values in reprs."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<sensitive>)"
