"""The event triggers part of the store.

CreateEventTrigger refuses a name the domain already has ("Event trigger with
name X already exists", the service's words, rule E19), a standard object
type such as ``_profile`` (rule E3) and one trigger more than the domain's
quota (rule E20). Whether the object type must exist is unknown (the
rulebook's open question on E3), so it is not looked up. UpdateEventTrigger
changes the members it is sent and keeps the others (rule E18 leaves this
open). DeleteEventTrigger is refused while an integration names the trigger
(rule X14).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from customer_profiles_typed.rules.object_types import standard_objects
from customer_profiles_typed.testing._errors import BAD_REQUEST, NOT_FOUND, ServiceError
from customer_profiles_typed.testing._quotas import quota_reached
from customer_profiles_typed.testing._records import StoredEventTrigger
from customer_profiles_typed.testing._store_base import StoreBase, merge_tags

_UPDATABLE = {
    "ObjectTypeName": "object_type_name",
    "Description": "description",
    "EventTriggerConditions": "conditions",
    "SegmentFilter": "segment_filter",
    "EventTriggerLimits": "limits",
}
"""UpdateEventTrigger members -> the record's attributes they replace."""


def missing_event_trigger(domain_name: str, name: str) -> ServiceError:
    """The answer for an event trigger that does not exist."""
    return ServiceError(NOT_FOUND, f"Event trigger {name} not found in domain {domain_name}.")


def _check_object_type(name: object) -> None:
    """Refuse a standard object type as the watched one (rule E3)."""
    if isinstance(name, str) and name in standard_objects():
        raise ServiceError(
            BAD_REQUEST, f"{name} is a standard object type: an event trigger watches a custom or template one."
        )


class EventTriggerStore(StoreBase):
    """CreateEventTrigger, GetEventTrigger, UpdateEventTrigger, DeleteEventTrigger and their listing."""

    def create_event_trigger(self, params: Mapping[str, Any]) -> StoredEventTrigger:
        """Create an event trigger from CreateEventTrigger parameters; the name must be new."""
        domain_name = str(params["DomainName"])
        name = str(params["EventTriggerName"])
        _check_object_type(params["ObjectTypeName"])
        with self._lock:
            domain = self._domain(domain_name)
            if name in domain.event_triggers:
                raise ServiceError(BAD_REQUEST, f"Event trigger with name {name} already exists")
            limit = self._quotas.event_triggers_per_domain
            if len(domain.event_triggers) >= limit:
                raise quota_reached(limit, "event triggers per domain", f" in domain {domain_name}")
            now = self._tick()
            record = StoredEventTrigger(
                domain_name=domain_name,
                name=name,
                object_type_name=str(params["ObjectTypeName"]),
                conditions=copy.deepcopy(params["EventTriggerConditions"]),
                created_at=now,
                last_updated_at=now,
                description=params.get("Description"),
                segment_filter=params.get("SegmentFilter"),
                limits=copy.deepcopy(params.get("EventTriggerLimits")),
                tags=merge_tags(None, params.get("Tags")),
            )
            domain.event_triggers[name] = record
            return copy.deepcopy(record)

    def update_event_trigger(self, params: Mapping[str, Any]) -> StoredEventTrigger:
        """Replace the members UpdateEventTrigger is sent; the others are kept."""
        domain_name = str(params["DomainName"])
        name = str(params["EventTriggerName"])
        _check_object_type(params.get("ObjectTypeName"))
        changes = {
            attribute: copy.deepcopy(params[member]) for member, attribute in _UPDATABLE.items() if member in params
        }
        with self._lock:
            domain = self._domain(domain_name)
            existing = domain.event_triggers.get(name)
            if existing is None:
                raise missing_event_trigger(domain_name, name)
            record = replace(existing, last_updated_at=self._tick(), **changes)
            domain.event_triggers[name] = record
            return copy.deepcopy(record)

    def get_event_trigger(self, domain_name: str, name: str) -> StoredEventTrigger:
        """One event trigger; ResourceNotFoundException if the domain or the trigger is unknown."""
        with self._lock:
            found = self._domain(domain_name).event_triggers.get(name)
            if found is None:
                raise missing_event_trigger(domain_name, name)
            return copy.deepcopy(found)

    def delete_event_trigger(self, domain_name: str, name: str) -> None:
        """Delete one event trigger; refused while an integration of the domain names it (rule X14)."""
        with self._lock:
            domain = self._domain(domain_name)
            if name not in domain.event_triggers:
                raise missing_event_trigger(domain_name, name)
            for uri in sorted(domain.integrations):
                if name in (domain.integrations[uri].event_trigger_names or ()):
                    raise ServiceError(
                        BAD_REQUEST,
                        f"Event trigger {name} cannot be deleted: integration {uri} is associated with it.",
                    )
            del domain.event_triggers[name]

    def event_triggers(self, domain_name: str) -> list[StoredEventTrigger]:
        """The event triggers of a domain, sorted by name."""
        with self._lock:
            found = self._domain(domain_name).event_triggers
            return [copy.deepcopy(found[name]) for name in sorted(found)]
