"""The tags part of the store: TagResource, UntagResource and ListTagsForResource.

Domains, object types, integrations and event triggers are tagged (rule TG9),
each found by the ``ResourceRef`` its ARN names. Tagging adds keys and
replaces values, never removes one (rule TG7), up to the 50 tags a resource
may hold (rule TG4); untagging a key the resource does not have is no error.
Neither moves the resource's ``LastUpdatedAt``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from customer_profiles_typed.testing._resource_arns import EVENT_TRIGGERS, INTEGRATIONS, OBJECT_TYPES, ResourceRef
from customer_profiles_typed.testing._store_base import StoreBase, merge_tags

_Store = Callable[[Mapping[str, str] | None], None]
"""Stores the new tags of the resource found."""


class TagStore(StoreBase):
    """The tags of every taggable resource, by ``ResourceRef``."""

    def resource_tags(self, ref: ResourceRef) -> dict[str, str]:
        """The tags of a resource (empty if it has none); ResourceNotFoundException if it does not exist."""
        with self._lock:
            current, _ = self._locate(ref)
            return dict(current or {})

    def tag_resource(self, ref: ResourceRef, tags: Mapping[str, str]) -> None:
        """Add ``tags`` to a resource, replacing the values of keys it has."""
        with self._lock:
            current, store = self._locate(ref)
            store(merge_tags(current, tags))

    def untag_resource(self, ref: ResourceRef, keys: Sequence[str]) -> None:
        """Remove the tags of ``keys`` from a resource."""
        dropped = set(keys)
        with self._lock:
            current, store = self._locate(ref)
            store({key: value for key, value in (current or {}).items() if key not in dropped} or None)

    def _locate(self, ref: ResourceRef) -> tuple[Mapping[str, str] | None, _Store]:
        """The tags of the resource ``ref`` names, and how to store its new ones; the lock is held."""
        domain = self._domains.get(ref.domain_name)
        if domain is None:
            raise ref.not_found()
        if ref.kind is None:
            found = domain

            def store_domain(tags: Mapping[str, str] | None) -> None:
                found.record = replace(found.record, tags=tags)

            return domain.record.tags, store_domain
        tables: dict[str, dict[str, Any]] = {
            OBJECT_TYPES: domain.object_types,
            INTEGRATIONS: domain.integrations,
            EVENT_TRIGGERS: domain.event_triggers,
        }
        table = tables.get(ref.kind)
        name = ref.name or ""
        if table is None or name not in table:
            raise ref.not_found()
        records = table

        def store(tags: Mapping[str, str] | None) -> None:
            records[name] = replace(records[name], tags=tags)

        current: Mapping[str, str] | None = records[name].tags
        return current, store
