"""The profile object types part of the store.

PutProfileObjectType is an upsert (rule O43): an update keeps ``created_at``
and replaces the definition; tags change as TagResource changes them (rule
X12: ``Tags`` sent again are added, a re-put without them keeps them). It is
refused beyond the quotas of object types per domain, fields per object type
(rule O17) and key definitions per object type (rule O40). A ``TemplateId``
is kept as sent: the template's fields are not copied in. Whether
``PutIntegration.ObjectTypeName`` must name an existing object type is
unknown (rule X1), so nothing here is looked up by integrations; deleting an
object type leaves the integrations and event triggers that name it as they
are (rule X13: the service disables such integrations, which the model has no
member to show).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from customer_profiles_typed.testing._errors import NOT_FOUND, ServiceError
from customer_profiles_typed.testing._quotas import over_quota, quota_reached
from customer_profiles_typed.testing._records import StoredObjectType
from customer_profiles_typed.testing._store_base import StoreBase, merge_tags


def missing_object_type(domain_name: str, name: str) -> ServiceError:
    """The answer for an object type that does not exist."""
    return ServiceError(NOT_FOUND, f"Object type {name} not found in domain {domain_name}.")


class ObjectTypeStore(StoreBase):
    """PutProfileObjectType, GetProfileObjectType, DeleteProfileObjectType and their listing."""

    def put_object_type(self, params: Mapping[str, Any]) -> StoredObjectType:
        """Create or replace an object type from PutProfileObjectType parameters."""
        domain_name = str(params["DomainName"])
        name = str(params["ObjectTypeName"])
        fields: Mapping[str, Mapping[str, Any]] | None = params.get("Fields")
        keys: Mapping[str, Sequence[Mapping[str, Any]]] | None = params.get("Keys")
        quotas = self._quotas
        if fields is not None and len(fields) > quotas.fields_per_object_type:
            raise over_quota(len(fields), quotas.fields_per_object_type, "fields per object type")
        definitions = sum(len(entries) for entries in (keys or {}).values())
        if definitions > quotas.keys_per_object_type:
            raise over_quota(definitions, quotas.keys_per_object_type, "key definitions per object type")
        with self._lock:
            domain = self._domain(domain_name)
            existing = domain.object_types.get(name)
            if existing is None and len(domain.object_types) >= quotas.object_types_per_domain:
                raise quota_reached(
                    quotas.object_types_per_domain, "object types per domain", f" in domain {domain_name}"
                )
            tags = merge_tags(existing.tags if existing is not None else None, params.get("Tags"))
            now = self._tick()
            record = StoredObjectType(
                domain_name=domain_name,
                name=name,
                description=str(params["Description"]),
                created_at=existing.created_at if existing is not None else now,
                last_updated_at=now,
                template_id=params.get("TemplateId"),
                expiration_days=params.get("ExpirationDays"),
                encryption_key=params.get("EncryptionKey"),
                allow_profile_creation=params.get("AllowProfileCreation"),
                source_last_updated_timestamp_format=params.get("SourceLastUpdatedTimestampFormat"),
                max_profile_object_count=params.get("MaxProfileObjectCount"),
                source_priority=params.get("SourcePriority"),
                fields=copy.deepcopy(fields),
                keys=copy.deepcopy(keys),
                tags=tags,
            )
            domain.object_types[name] = record
            return copy.deepcopy(record)

    def get_object_type(self, domain_name: str, name: str) -> StoredObjectType:
        """One object type; ResourceNotFoundException if the domain or the type is unknown."""
        with self._lock:
            found = self._domain(domain_name).object_types.get(name)
            if found is None:
                raise missing_object_type(domain_name, name)
            return copy.deepcopy(found)

    def delete_object_type(self, domain_name: str, name: str) -> None:
        """Delete one object type; what names it (integrations, triggers) is left as it is."""
        with self._lock:
            if self._domain(domain_name).object_types.pop(name, None) is None:
                raise missing_object_type(domain_name, name)

    def object_types(self, domain_name: str) -> list[StoredObjectType]:
        """The object types of a domain, sorted by name."""
        with self._lock:
            found = self._domain(domain_name).object_types
            return [copy.deepcopy(found[name]) for name in sorted(found)]
