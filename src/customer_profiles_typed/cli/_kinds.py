"""Domains, object types and event triggers in a plan: read each back, diff it, send it, delete it.

Integrations have their own module (``_plan``): AWS never returns their
``FlowDefinition``. The other kinds are read back whole, so their diffs compare
every field. What a field left out of a spec means follows the call that
``apply`` makes: ``PutProfileObjectType`` replaces the whole object type, so a
field the spec leaves out is removed; ``UpdateEventTrigger`` and
``UpdateDomain`` change only the fields they are given, so one left out is
kept. Tags are only added or changed, never removed, as for integrations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, cast

import attrs

from customer_profiles_typed.arns import event_trigger_arn
from customer_profiles_typed.errors import ResourceNotFoundError
from customer_profiles_typed.models import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    PutProfileObjectTypeRequest,
    UpdateDomainRequest,
    UpdateEventTriggerRequest,
)
from customer_profiles_typed.specs import SpecRequest
from customer_profiles_typed.validation import skip_rules

from ._aws import Connection
from ._flow_hash import canonical, is_reserved_tag

__all__ = [
    "Change",
    "Current",
    "Hidden",
    "as_current",
    "compare",
    "compare_tags",
    "delete",
    "diff_kind",
    "hide_sensitive",
    "read",
    "send",
]

Current = Mapping[str, Any]
"""A resource as AWS answers it, in boto3's shape with timestamps as ISO 8601 strings."""

_IDENTITY = frozenset({"DomainName", "ObjectTypeName", "EventTriggerName", "Tags"})
"""Members that name the resource (or are compared on their own): never a change."""

_OBJECT_TYPE_DEFAULTS: Mapping[str, Any] = {"AllowProfileCreation": False}
"""What AWS answers for a member an object type was put without."""

_FROM_TEMPLATE = frozenset({"Fields", "Keys"})
"""Members AWS fills in from the template when an object type is put with a ``TemplateId``."""


ChangeKind = Literal["add", "change", "remove"]
"""What a change does to a field."""


@attrs.frozen
class Change:
    """One field that applying a spec changes: added, changed or removed."""

    field: str
    kind: ChangeKind
    old: Any
    new: Any


def compare(field: str, old: Any, new: Any) -> list[Change]:
    """The changes from ``old`` to ``new`` at ``field``; mappings (an absent one is empty) key by key."""
    if old == new:
        return []
    if isinstance(old, Mapping) or isinstance(new, Mapping):
        if not isinstance(old, (Mapping, type(None))) or not isinstance(new, (Mapping, type(None))):
            return [Change(field, "change", old, new)]
        changes: list[Change] = []
        before = cast("Mapping[str, Any]", old or {})
        after = cast("Mapping[str, Any]", new or {})
        for key in sorted(set(before) | set(after)):
            changes += compare(f"{field}.{key}", before.get(key), after.get(key))
        return changes
    if old is None:
        return [Change(field, "add", None, new)]
    if new is None:
        return [Change(field, "remove", old, None)]
    return [Change(field, "change", old, new)]


def compare_tags(current: Mapping[str, str] | None, wanted: Mapping[str, str] | None) -> list[Change]:
    """The tags a spec adds or changes; tags it leaves out stay, and reserved ones are not compared."""
    wanted_tags = {k: v for k, v in (wanted or {}).items() if not is_reserved_tag(k)}
    kept = {k: v for k, v in (current or {}).items() if k in wanted_tags}
    return compare("Tags", kept, wanted_tags)


def read(connection: Connection, request: SpecRequest) -> Current | None:
    """The resource ``request`` defines as AWS has it now; ``None`` if there is none."""
    client = connection.client
    try:
        if isinstance(request, CreateDomainRequest):
            found: Any = client.get_domain(domain_name=request.domain_name)
        elif isinstance(request, PutProfileObjectTypeRequest):
            found = client.get_profile_object_type(
                domain_name=request.domain_name, object_type_name=request.object_type_name
            )
        elif isinstance(request, CreateEventTriggerRequest):
            found = client.get_event_trigger(
                domain_name=request.domain_name, event_trigger_name=request.event_trigger_name
            )
        else:
            raise TypeError(f"integrations are read with their domain, not here: {type(request).__name__}")
    except ResourceNotFoundError:
        return None
    return as_current(found)


def as_current(found: Any) -> Current:
    """A resource read back (a response model) as a ``Current``."""
    current: dict[str, Any] = canonical(found.to_boto3())
    return current


def diff_kind(request: SpecRequest, current: Current | None) -> list[Change]:
    """The field-level changes that applying ``request`` makes to ``current`` (``None``: creates it)."""
    wanted: dict[str, Any] = canonical(request.to_boto3())
    now: Mapping[str, Any] = current or {}
    replaces = isinstance(request, PutProfileObjectTypeRequest) and current is not None
    names = set(wanted)
    if replaces:
        from customer_profiles_typed import _wire

        members = set(_wire.WIRE_TO_PYTHON["PutProfileObjectTypeRequest"])
        names |= {name for name in now if name in members}
        if "TemplateId" in wanted:
            names -= _FROM_TEMPLATE - set(wanted)
    changes: list[Change] = []
    for name in sorted(names - _IDENTITY, key=_member_order(request)):
        old, new = now.get(name), wanted.get(name)
        if replaces and new is None and old == _OBJECT_TYPE_DEFAULTS.get(name, ...):
            continue
        changes += compare(name, old if current is not None else None, new)
    changes += compare_tags(now.get("Tags"), wanted.get("Tags"))
    return hide_sensitive(request, changes)


@attrs.frozen
class Hidden:
    """A value of a member AWS marks sensitive, left out of the plan: how many of its values changed."""

    fields: int
    """How many of its values changed; 0 for a member that is one value."""

    def __str__(self) -> str:
        if not self.fields:
            return "(value not shown: sensitive)"
        noun = "value" if self.fields == 1 else "values"
        return f"{self.fields} {noun} (not shown: sensitive)"


def hide_sensitive(request: SpecRequest, changes: list[Change]) -> list[Change]:
    """The changes with those of sensitive members folded into one per member, values hidden.

    The AWS model marks an object type's ``Description``, ``Fields`` and
    ``Keys`` and an event trigger's ``Description`` and conditions sensitive:
    the plan says that they change, not to what (field names included), unless
    ``CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE=1`` asks to see them.
    """
    from customer_profiles_typed import _model, _redact
    from customer_profiles_typed.specs import operation_of

    if _redact.showing_sensitive_values():
        return changes
    shape = _model.service_model().operation_model(operation_of(request)).input_shape
    if shape is None:
        return changes
    sensitive = {
        name for name, member in shape.members.items() if member.metadata.get("sensitive")
    }
    kept: list[Change] = []
    folded: dict[str, list[Change]] = {}
    for change in changes:
        top = change.field.split(".", 1)[0]
        if top in sensitive:
            folded.setdefault(top, []).append(change)
        else:
            kept.append(change)
    for name, hidden in folded.items():
        kinds: set[ChangeKind] = {change.kind for change in hidden}
        kind: ChangeKind = kinds.pop() if len(kinds) == 1 else "change"
        marker = Hidden(0 if [c.field for c in hidden] == [name] else len(hidden))
        kept.append(
            Change(
                name,
                kind,
                None if kind == "add" else marker,
                None if kind == "remove" else marker,
            )
        )
    order = {name: position for position, name in enumerate(shape.members)}
    kept.sort(key=lambda change: order.get(change.field.split(".", 1)[0], len(order)))
    return kept


def _member_order(request: SpecRequest) -> Callable[[str], tuple[int, str]]:
    from customer_profiles_typed import _wire

    order = list(_wire.WIRE_TO_PYTHON[type(request).__name__])
    return lambda name: (order.index(name) if name in order else len(order), name)


def send(
    connection: Connection, request: SpecRequest, current: Current | None, changes: tuple[Change, ...]
) -> str:
    """Create or update the resource of ``request``; what names it now (its name)."""
    client = connection.client
    if isinstance(request, PutProfileObjectTypeRequest):
        client.put_profile_object_type_request(request)
        return request.object_type_name
    if current is None:
        if isinstance(request, CreateDomainRequest):
            client.create_domain_request(request)
        elif isinstance(request, CreateEventTriggerRequest):
            client.create_event_trigger_request(request)
        return _name(request)
    wire: dict[str, Any] = dict(request.to_boto3())
    # Checked when read, as the spec's request; only the operation differs.
    with skip_rules("all"):
        if isinstance(request, CreateDomainRequest):
            client.update_domain_request(UpdateDomainRequest.from_boto3(wire))
        elif isinstance(request, CreateEventTriggerRequest):
            tags = wire.pop("Tags", None)
            if any(change.field != "Tags" and not change.field.startswith("Tags.") for change in changes):
                client.update_event_trigger_request(UpdateEventTriggerRequest.from_boto3(wire))
            if tags and any(change.field.startswith("Tags.") for change in changes):
                client.tag_resource(resource_arn=_trigger_arn(connection, request), tags=tags)
    return _name(request)


def _name(request: SpecRequest) -> str:
    if isinstance(request, CreateEventTriggerRequest):
        return request.event_trigger_name
    if isinstance(request, PutProfileObjectTypeRequest):
        return request.object_type_name
    return request.domain_name


def _trigger_arn(connection: Connection, request: CreateEventTriggerRequest) -> str:
    if connection.region is None or connection.account is None:
        raise ValueError(
            "changing the tags of an existing event trigger needs its ARN: pass --account-id"
        )
    return event_trigger_arn(
        request.domain_name,
        request.event_trigger_name,
        region=connection.region,
        account_id=connection.account,
    )


def delete(connection: Connection, kind: str, domain: str, name: str) -> None:
    """Delete one resource that a spec no longer lists (``--prune``)."""
    client = connection.client
    if kind == "integration":
        client.delete_integration(domain_name=domain, uri=name)
    elif kind == "event-trigger":
        client.delete_event_trigger(domain_name=domain, event_trigger_name=name)
    elif kind == "object-type":
        client.delete_profile_object_type(domain_name=domain, object_type_name=name)
    else:
        raise ValueError(f"--prune never deletes a {kind}")
