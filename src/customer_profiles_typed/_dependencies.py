"""Which resource of a setup each spec request makes, and which others it needs first.

A domain comes before everything in it; an object type before the event
triggers and integrations that name it; an event trigger before the
integrations that name it. ``plan``/``apply`` order their work by these
dependencies and CloudFormation export writes them as ``DependsOn``: one rule,
used by both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeAlias

import attrs

from customer_profiles_typed.models import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
)
from customer_profiles_typed.specs import SpecRequest

__all__ = ["KINDS", "Kind", "ResourceKey", "creation_order", "dependencies", "key_of"]

Kind: TypeAlias = Literal["domain", "object-type", "event-trigger", "integration"]
"""The kinds of resources a spec defines."""

KINDS: tuple[Kind, ...] = ("domain", "object-type", "event-trigger", "integration")
"""The kinds in creation order; deletion runs the other way."""


@attrs.frozen(order=True)
class ResourceKey:
    """One resource of a setup: its kind, its domain and its name in that domain."""

    kind: Kind
    """What it is."""

    domain: str
    """The domain it belongs to (a domain's own name, for a domain)."""

    name: str
    """Its name: the domain's, the object type's, the event trigger's, or an integration's URI
    (``flow/<FlowName>`` for an integration whose flow AWS has not named yet)."""

    @property
    def rank(self) -> int:
        """The position of its kind in ``KINDS``: what is created first ranks lowest."""
        return KINDS.index(self.kind)

    def __str__(self) -> str:
        if self.kind == "domain":
            return f"domain {self.name}"
        return f"{self.kind} {self.name} (domain {self.domain})"


def integration_name(request: PutIntegrationRequest) -> str:
    """How an integration is named before AWS answers: its URI, else ``flow/<FlowName>``."""
    if request.uri is not None:
        return request.uri
    flow = request.flow_definition
    return f"flow/{flow.flow_name}" if flow is not None else ""


def key_of(request: SpecRequest) -> ResourceKey:
    """The resource ``request`` creates or changes."""
    if isinstance(request, CreateDomainRequest):
        return ResourceKey("domain", request.domain_name, request.domain_name)
    if isinstance(request, PutProfileObjectTypeRequest):
        return ResourceKey("object-type", request.domain_name, request.object_type_name)
    if isinstance(request, CreateEventTriggerRequest):
        return ResourceKey("event-trigger", request.domain_name, request.event_trigger_name)
    return ResourceKey("integration", request.domain_name, integration_name(request))


def needs(request: SpecRequest) -> list[ResourceKey]:
    """The resources ``request`` names and so needs first (whether or not a spec defines them)."""
    domain = request.domain_name
    found: list[ResourceKey] = []
    if not isinstance(request, CreateDomainRequest):
        found.append(ResourceKey("domain", domain, domain))
    if isinstance(request, CreateEventTriggerRequest):
        found.append(ResourceKey("object-type", domain, request.object_type_name))
    if isinstance(request, PutIntegrationRequest):
        names = [request.object_type_name, *(request.object_type_names or {}).values()]
        found += [ResourceKey("object-type", domain, name) for name in names if name is not None]
        found += [
            ResourceKey("event-trigger", domain, name) for name in request.event_trigger_names or ()
        ]
    return list(dict.fromkeys(found))


def dependencies(requests: Sequence[SpecRequest]) -> list[tuple[int, ...]]:
    """For each request, the positions of the requests of ``requests`` it needs first."""
    position_of: dict[ResourceKey, int] = {}
    for position, request in enumerate(requests):
        position_of.setdefault(key_of(request), position)
    return [
        tuple(position_of[key] for key in needs(request) if key in position_of)
        for request in requests
    ]


def creation_order(requests: Sequence[SpecRequest]) -> list[int]:
    """The positions of ``requests`` in the order to create them: by kind, then as given."""
    return sorted(range(len(requests)), key=lambda position: key_of(requests[position]).rank)
