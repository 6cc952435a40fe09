"""The emulator's stateful store of one account in one region: domains and what they hold.

``Store`` puts together the parts of the store, one per resource (integrations,
object types, event triggers, tags), and serves the domains itself. All reads
and writes go through one lock, so the store may be used from any number of
request threads. Records handed out are deep copies: callers can never change
the stored state by mutating what they were given. ``Quotas`` are enforced
per store, so one store stands for one account in one region.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from customer_profiles_typed.testing._errors import BAD_REQUEST, ServiceError
from customer_profiles_typed.testing._quotas import Quotas, quota_reached
from customer_profiles_typed.testing._records import (
    DomainState,
    StoredDomain,
    StoredEventTrigger,
    StoredIntegration,
    StoredObjectType,
)
from customer_profiles_typed.testing._store_event_triggers import EventTriggerStore
from customer_profiles_typed.testing._store_integrations import IntegrationStore
from customer_profiles_typed.testing._store_base import merge_tags
from customer_profiles_typed.testing._store_object_types import ObjectTypeStore
from customer_profiles_typed.testing._store_tags import TagStore

__all__ = ["Quotas", "Store", "StoredDomain", "StoredEventTrigger", "StoredIntegration", "StoredObjectType"]

_CLEARED_BY_EMPTY = {"DefaultEncryptionKey": "default_encryption_key", "DeadLetterQueueUrl": "dead_letter_queue_url"}
"""UpdateDomain members that an empty string clears (the model says so), -> record attributes."""

_REPLACED = {
    "DefaultExpirationDays": "default_expiration_days",
    "Matching": "matching",
    "RuleBasedMatching": "rule_based_matching",
    "DataStore": "data_store",
}
"""UpdateDomain members replaced when sent, -> record attributes."""


class Store(IntegrationStore, ObjectTypeStore, EventTriggerStore, TagStore):
    """Thread-safe in-memory state of one emulated account in one region.

    ``Store(clock=time.time, quotas=Quotas(...))``: ``clock`` gives the epoch
    seconds of CreatedAt/LastUpdatedAt, ``quotas`` the limits enforced (AWS's
    defaults if ``None``).
    """

    # Domains -----------------------------------------------------------------

    def create_domain(self, params: Mapping[str, Any]) -> StoredDomain:
        """Create a domain from CreateDomain parameters; it must not exist yet, and the quota allow it."""
        name = str(params["DomainName"])
        with self._lock:
            if name in self._domains:
                raise ServiceError(BAD_REQUEST, f"Domain {name} already exists.")
            if len(self._domains) >= self._quotas.domains:
                raise quota_reached(self._quotas.domains, "domains per account and region", "")
            now = self._tick()
            record = StoredDomain(
                name=name,
                default_expiration_days=int(params["DefaultExpirationDays"]),
                created_at=now,
                last_updated_at=now,
                default_encryption_key=params.get("DefaultEncryptionKey"),
                dead_letter_queue_url=params.get("DeadLetterQueueUrl"),
                matching=copy.deepcopy(params.get("Matching")),
                rule_based_matching=copy.deepcopy(params.get("RuleBasedMatching")),
                data_store=copy.deepcopy(params.get("DataStore")),
                tags=copy.deepcopy(params.get("Tags")),
            )
            self._domains[name] = DomainState(record)
            return copy.deepcopy(record)

    def update_domain(self, params: Mapping[str, Any]) -> StoredDomain:
        """Change a domain from UpdateDomain parameters: members sent replace, the others stay.

        An empty ``DefaultEncryptionKey`` or ``DeadLetterQueueUrl`` clears it;
        ``Tags`` are added as TagResource adds them (rule X12).
        """
        name = str(params["DomainName"])
        changes: dict[str, Any] = {
            attribute: copy.deepcopy(params[member]) for member, attribute in _REPLACED.items() if member in params
        }
        for member, attribute in _CLEARED_BY_EMPTY.items():
            if member in params:
                changes[attribute] = params[member] or None
        with self._lock:
            domain = self._domain(name)
            if "Tags" in params:
                changes["tags"] = merge_tags(domain.record.tags, params["Tags"])
            domain.record = replace(domain.record, last_updated_at=self._tick(), **changes)
            return copy.deepcopy(domain.record)

    def get_domain(self, name: str) -> StoredDomain:
        """The domain called ``name``; ResourceNotFoundException if there is none."""
        with self._lock:
            return copy.deepcopy(self._domain(name).record)

    def delete_domain(self, name: str) -> None:
        """Delete a domain with everything it holds, releasing its integrations' flow names."""
        with self._lock:
            domain = self._domain(name)
            for integration in domain.integrations.values():
                self._release_flow(integration)
            del self._domains[name]

    def domains(self) -> list[StoredDomain]:
        """Every domain, sorted by name."""
        with self._lock:
            return [copy.deepcopy(self._domains[name].record) for name in sorted(self._domains)]
