"""The emulator's stateful store of domains, integrations and AppFlow flows.

All reads and writes go through one lock, so the store may be used from any
number of request threads. Records handed out are deep copies: callers can
never change the stored state by mutating what they were given.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from customer_profiles_typed.testing._errors import BAD_REQUEST, NOT_FOUND, ServiceError


@dataclass(frozen=True)
class StoredDomain:
    """A domain as the emulator holds it (timestamps are epoch seconds)."""

    name: str
    default_expiration_days: int
    created_at: float
    last_updated_at: float
    default_encryption_key: str | None = None
    dead_letter_queue_url: str | None = None
    matching: Mapping[str, Any] | None = None
    rule_based_matching: Mapping[str, Any] | None = None
    data_store: Mapping[str, Any] | None = None
    tags: Mapping[str, str] | None = None


@dataclass(frozen=True)
class StoredIntegration:
    """An integration as the emulator holds it (timestamps are epoch seconds).

    ``flow_name`` is set for integrations created from a ``FlowDefinition``;
    ``hidden`` ones are listed only when ``IncludeHidden`` is true.
    """

    domain_name: str
    uri: str
    created_at: float
    last_updated_at: float
    object_type_name: str | None = None
    object_type_names: Mapping[str, str] | None = None
    tags: Mapping[str, str] | None = None
    flow_name: str | None = None
    workflow_id: str | None = None
    is_unstructured: bool | None = False
    role_arn: str | None = None
    event_trigger_names: tuple[str, ...] | None = None
    scope: str | None = None
    hidden: bool = False


@dataclass
class _Domain:
    record: StoredDomain
    integrations: dict[str, StoredIntegration] = field(default_factory=lambda: {})


def _missing_domain(name: str) -> ServiceError:
    return ServiceError(NOT_FOUND, f"Domain {name} not found.")


class Store:
    """Thread-safe in-memory state of one emulated account."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        """Create an empty store whose timestamps come from ``clock`` (epoch seconds)."""
        self._clock = clock
        self._lock = threading.Lock()
        self._domains: dict[str, _Domain] = {}
        self._flows: dict[str, tuple[str, str]] = {}
        self._last_tick = 0.0

    def _tick(self) -> float:
        # Millisecond precision, strictly increasing: every write moves time on.
        now = max(round(self._clock(), 3), round(self._last_tick + 0.001, 3))
        self._last_tick = now
        return now

    def _domain(self, name: str) -> _Domain:
        domain = self._domains.get(name)
        if domain is None:
            raise _missing_domain(name)
        return domain

    # Domains -----------------------------------------------------------------

    def create_domain(self, params: Mapping[str, Any]) -> StoredDomain:
        """Create a domain from CreateDomain parameters; it must not exist yet."""
        name = str(params["DomainName"])
        with self._lock:
            if name in self._domains:
                raise ServiceError(BAD_REQUEST, f"Domain {name} already exists.")
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
            self._domains[name] = _Domain(record)
            return copy.deepcopy(record)

    def get_domain(self, name: str) -> StoredDomain:
        """The domain called ``name``; ResourceNotFoundException if there is none."""
        with self._lock:
            return copy.deepcopy(self._domain(name).record)

    def delete_domain(self, name: str) -> None:
        """Delete a domain with its integrations, releasing their flow names."""
        with self._lock:
            domain = self._domain(name)
            for integration in domain.integrations.values():
                self._release_flow(integration)
            del self._domains[name]

    def domains(self) -> list[StoredDomain]:
        """Every domain, sorted by name."""
        with self._lock:
            return [copy.deepcopy(self._domains[name].record) for name in sorted(self._domains)]

    # Integrations --------------------------------------------------------------

    def put_integration(self, params: Mapping[str, Any], *, region: str, account_id: str) -> StoredIntegration:
        """Create or replace an integration from PutIntegration parameters.

        An update keeps ``created_at`` and moves ``last_updated_at``. A
        ``FlowDefinition`` without ``Uri`` gets the AppFlow flow ARN as URI;
        a flow name used by an integration of another domain is refused.
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
            existing = domain.integrations.get(uri)
            now = self._tick()
            if existing is not None and existing.flow_name != flow_name:
                self._release_flow(existing)
            names: Sequence[str] | None = params.get("EventTriggerNames")
            record = StoredIntegration(
                domain_name=domain_name,
                uri=uri,
                created_at=existing.created_at if existing is not None else now,
                last_updated_at=now,
                object_type_name=params.get("ObjectTypeName"),
                object_type_names=copy.deepcopy(params.get("ObjectTypeNames")),
                tags=copy.deepcopy(params.get("Tags")),
                flow_name=flow_name,
                workflow_id=existing.workflow_id if existing is not None else None,
                is_unstructured=existing.is_unstructured if existing is not None else False,
                role_arn=params.get("RoleArn"),
                event_trigger_names=tuple(names) if names is not None else None,
                scope=params.get("Scope"),
                hidden=existing.hidden if existing is not None else False,
            )
            domain.integrations[uri] = record
            if flow_name is not None:
                self._flows[flow_name] = (domain_name, uri)
            return copy.deepcopy(record)

    def add_integration(self, integration: StoredIntegration) -> StoredIntegration:
        """Store a prepared integration as is (its domain must exist), e.g. a hidden one."""
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
                raise ServiceError(NOT_FOUND, f"Integration {uri} not found in domain {domain_name}.")
            return copy.deepcopy(integration)

    def delete_integration(self, domain_name: str, uri: str) -> None:
        """Delete one integration, releasing its flow name."""
        with self._lock:
            domain = self._domain(domain_name)
            integration = domain.integrations.pop(uri, None)
            if integration is None:
                raise ServiceError(NOT_FOUND, f"Integration {uri} not found in domain {domain_name}.")
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
