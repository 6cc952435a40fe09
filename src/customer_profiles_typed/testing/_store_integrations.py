"""The integrations part of the store, with the AppFlow flow names they hold.

PutIntegration is an upsert keyed by URI within a domain. What it refuses
besides invalid input: a flow name held by another domain ("Flow with name X
already exists.", as the service says), a URI held by another domain (the
model: an integration belongs to one domain), an ``EventTriggerNames`` entry
that is not a trigger of the same domain (rule X4), and one integration more
than the domain's quota. Tags of an existing integration change as
TagResource changes them (rule X12): ``Tags`` sent again are added, never
dropped, and a re-put without ``Tags`` keeps them.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from customer_profiles_typed.links import UNSTRUCTURED
from customer_profiles_typed.testing._errors import BAD_REQUEST, NOT_FOUND, ServiceError
from customer_profiles_typed.testing._quotas import quota_reached
from customer_profiles_typed.testing._records import DomainState, StoredIntegration
from customer_profiles_typed.testing._store_base import StoreBase, merge_tags


def missing_integration(domain_name: str, uri: str) -> ServiceError:
    """The answer for an integration that does not exist."""
    return ServiceError(NOT_FOUND, f"Integration {uri} not found in domain {domain_name}.")


class IntegrationStore(StoreBase):
    """PutIntegration, GetIntegration, DeleteIntegration and the listings of integrations."""

    def put_integration(self, params: Mapping[str, Any], *, region: str, account_id: str) -> StoredIntegration:
        """Create or replace an integration from PutIntegration parameters.

        An update keeps ``created_at`` and moves ``last_updated_at``. A
        ``FlowDefinition`` without ``Uri`` gets the AppFlow flow ARN as URI.
        ``IsUnstructured`` follows from ``ObjectTypeName`` being ``_unstructured``.
        """
        domain_name = str(params["DomainName"])
        flow: Mapping[str, Any] | None = params.get("FlowDefinition")
        flow_name = str(flow["FlowName"]) if flow is not None else None
        with self._lock:
            domain = self._domain(domain_name)
            uri = params.get("Uri")
            if flow_name is not None:
                owner = self._flows.get(flow_name)
                if owner is not None and owner[0] != domain_name:
                    raise ServiceError(BAD_REQUEST, f"Flow with name {flow_name} already exists.")
                if uri is None:
                    uri = f"arn:aws:appflow:{region}:{account_id}:flow/{flow_name}"
            if uri is None:
                raise ServiceError(BAD_REQUEST, "Either Uri or FlowDefinition must be provided.")
            uri = str(uri)
            self._check_uri_free(uri, domain_name)
            names: Sequence[str] | None = params.get("EventTriggerNames")
            self._check_triggers_exist(domain, names or ())
            existing = domain.integrations.get(uri)
            if existing is None and len(domain.integrations) >= self._quotas.integrations_per_domain:
                raise quota_reached(
                    self._quotas.integrations_per_domain, "integrations per domain", f" in domain {domain_name}"
                )
            tags = merge_tags(existing.tags if existing is not None else None, params.get("Tags"))
            now = self._tick()
            if existing is not None and existing.flow_name != flow_name:
                self._release_flow(existing)
            object_type_name: str | None = params.get("ObjectTypeName")
            record = StoredIntegration(
                domain_name=domain_name,
                uri=uri,
                created_at=existing.created_at if existing is not None else now,
                last_updated_at=now,
                object_type_name=object_type_name,
                object_type_names=copy.deepcopy(params.get("ObjectTypeNames")),
                tags=tags,
                flow_name=flow_name,
                workflow_id=existing.workflow_id if existing is not None else None,
                is_unstructured=object_type_name == UNSTRUCTURED,
                role_arn=params.get("RoleArn"),
                event_trigger_names=tuple(names) if names is not None else None,
                scope=params.get("Scope"),
                hidden=existing.hidden if existing is not None else False,
            )
            domain.integrations[uri] = record
            if flow_name is not None:
                self._flows[flow_name] = (domain_name, uri)
            return copy.deepcopy(record)

    def _check_uri_free(self, uri: str, domain_name: str) -> None:
        """Refuse a URI that an integration of another domain holds (one integration, one domain)."""
        for name, other in self._domains.items():
            if name != domain_name and uri in other.integrations:
                raise ServiceError(BAD_REQUEST, f"Integration {uri} already belongs to domain {name}.")

    @staticmethod
    def _check_triggers_exist(domain: DomainState, names: Sequence[str]) -> None:
        """Refuse an event trigger name that is not a trigger of the domain (rule X4)."""
        for name in names:
            if name not in domain.event_triggers:
                raise ServiceError(
                    BAD_REQUEST, f"Event trigger {name} does not exist in domain {domain.record.name}."
                )

    def add_integration(self, integration: StoredIntegration) -> StoredIntegration:
        """Store a prepared integration as is (its domain must exist), e.g. a hidden one.

        Seeding checks nothing else: no quota, no other domain's URI, no trigger names.
        """
        with self._lock:
            domain = self._domain(integration.domain_name)
            existing = domain.integrations.get(integration.uri)
            if existing is not None:
                self._release_flow(existing)
            now = self._tick()
            record = replace(
                integration,
                created_at=existing.created_at if existing is not None else now,
                last_updated_at=now,
            )
            domain.integrations[record.uri] = copy.deepcopy(record)
            if record.flow_name is not None:
                self._flows[record.flow_name] = (record.domain_name, record.uri)
            return record

    def get_integration(self, domain_name: str, uri: str) -> StoredIntegration:
        """One integration; ResourceNotFoundException if the domain or URI is unknown."""
        with self._lock:
            integration = self._domain(domain_name).integrations.get(uri)
            if integration is None:
                raise missing_integration(domain_name, uri)
            return copy.deepcopy(integration)

    def delete_integration(self, domain_name: str, uri: str) -> None:
        """Delete one integration, releasing its flow name."""
        with self._lock:
            domain = self._domain(domain_name)
            integration = domain.integrations.pop(uri, None)
            if integration is None:
                raise missing_integration(domain_name, uri)
            self._release_flow(integration)

    def integrations(self, domain_name: str, *, include_hidden: bool = True) -> list[StoredIntegration]:
        """The integrations of a domain, sorted by URI."""
        with self._lock:
            found = self._domain(domain_name).integrations
            return [
                copy.deepcopy(found[uri]) for uri in sorted(found) if include_hidden or not found[uri].hidden
            ]

    def account_integrations(self, uri: str, *, include_hidden: bool) -> list[StoredIntegration]:
        """The integrations with ``uri`` across all domains, sorted by domain name."""
        with self._lock:
            matches: list[StoredIntegration] = []
            for name in sorted(self._domains):
                integration = self._domains[name].integrations.get(uri)
                if integration is not None and (include_hidden or not integration.hidden):
                    matches.append(copy.deepcopy(integration))
            return matches

    def _release_flow(self, integration: StoredIntegration) -> None:
        name = integration.flow_name
        if name is not None and self._flows.get(name) == (integration.domain_name, integration.uri):
            del self._flows[name]
