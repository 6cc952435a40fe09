"""The links of a plan: what each domain holds, and the likely mistakes between the resources.

For every domain a spec names, ``read_domains`` reads what it holds (its key,
object types, event triggers, integrations) and the templates AWS offers; then
``link_warnings`` judges each item against that state plus what the specs
create (``links.find_online_problems``: X1, X4, X10, O48, E20) and each
integration against the object types it feeds (``links.find_link_problems``:
X6, X7, X8), whether the specs define them or the domain already has them.
A read that fails leaves its checks out; it never fails the plan.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs

from customer_profiles_typed.errors import CustomerProfilesError, ResourceNotFoundError, ValidationProblem
from customer_profiles_typed.links import (
    AnyObjectType,
    DomainState,
    find_link_problems,
    find_online_problems,
)
from customer_profiles_typed.models import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
)
from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.specs import Spec, SpecProblem

from ._aws import Connection

__all__ = ["DomainFacts", "Facts", "Reads", "link_warnings", "read_domains", "reads_needed"]


@attrs.frozen
class DomainFacts:
    """What one domain holds, as read before planning; ``None`` where the read failed."""

    exists: bool
    default_encryption_key: str | None = None
    object_type_names: frozenset[str] | None = None
    event_trigger_names: frozenset[str] | None = None
    integrations: tuple[Integration, ...] | None = None


class Facts:
    """The facts of every domain of a plan, and the object types read for link checks (cached)."""

    def __init__(
        self,
        connection: Connection,
        domains: Mapping[str, DomainFacts],
        template_ids: frozenset[str] | None,
    ) -> None:
        self.connection = connection
        self.domains = domains
        self.template_ids = template_ids
        self._object_types: dict[tuple[str, str], AnyObjectType | None] = {}
        self._lock = threading.Lock()

    def object_type(self, domain: str, name: str) -> AnyObjectType | None:
        """The object type ``name`` of ``domain`` as AWS has it, else the template of that ID."""
        with self._lock:
            if (domain, name) in self._object_types:
                return self._object_types[(domain, name)]
        found: AnyObjectType | None = None
        client = self.connection.client
        facts = self.domains.get(domain)
        try:
            if facts is not None and name in (facts.object_type_names or ()):
                found = client.get_profile_object_type(domain_name=domain, object_type_name=name)
            elif name in (self.template_ids or ()):
                found = client.get_profile_object_type_template(template_id=name)
        except CustomerProfilesError:
            found = None  # not checkable; the plan goes on
        with self._lock:
            self._object_types[(domain, name)] = found
        return found


def _names(read: Callable[[], Iterable[Any]], attribute: str) -> frozenset[str] | None:
    try:
        return frozenset(getattr(item, attribute) for item in read())
    except CustomerProfilesError:
        return None


@attrs.frozen
class Reads:
    """Which facts of one domain a plan needs: only those its active checks (or ``--prune``) use."""

    key: bool = False
    """``GetDomain``: the domain's key, for X10."""

    object_types: bool = False
    """``ListProfileObjectTypes``: for X1, O48 and ``--prune``."""

    event_triggers: bool = False
    """``ListEventTriggers``: for X4, E20 and ``--prune``."""

    integrations: bool = False
    """``ListIntegrations`` (hidden ones left out): for ``--prune``."""


def reads_needed(
    specs: Sequence[Spec], skip_rules: Sequence[str], *, prune: bool
) -> tuple[dict[str, Reads], bool]:
    """The reads of each domain of ``specs``, and whether the templates are read (X1)."""
    from customer_profiles_typed import _validation_hook, validation

    skipped = _validation_hook.skipped_rules() | frozenset(skip_rules)

    def active(rule: str) -> bool:
        return validation.ALL_RULES not in skipped and rule not in skipped

    found: dict[str, Reads] = {}
    templates = False
    for spec in specs:
        request = spec.request
        before = found.get(request.domain_name, Reads(prune, prune, prune, prune))
        if prune:
            before = attrs.evolve(before, key=False)
        key, types, triggers = before.key, before.object_types, before.event_triggers
        if isinstance(request, PutIntegrationRequest):
            key = key or (active("X10") and request.flow_definition is not None)
            types = types or active("X1")
            triggers = triggers or (active("X4") and bool(request.event_trigger_names))
            templates = templates or active("X1")
        elif isinstance(request, PutProfileObjectTypeRequest):
            types = types or active("O48")
        elif isinstance(request, CreateEventTriggerRequest):
            triggers = triggers or active("E20")
        found[request.domain_name] = Reads(key, types, triggers, before.integrations)
    return found, templates


class _Missing(Exception):
    """The domain does not exist (a read answered ResourceNotFoundException)."""


def _read(call: Callable[[], Any]) -> Any:
    """The answer of one read; ``None`` if it failed; ``_Missing`` if the domain does not exist."""
    try:
        return call()
    except ResourceNotFoundError:
        raise _Missing from None
    except CustomerProfilesError:
        return None


def _read_domain(connection: Connection, domain: str, reads: Reads) -> DomainFacts:
    client = connection.client
    try:
        found = _read(lambda: client.get_domain(domain_name=domain)) if reads.key else None
        types = (
            _read(lambda: [t.object_type_name for t in client.list_profile_object_types(domain_name=domain)])
            if reads.object_types
            else None
        )
        triggers = (
            _read(lambda: [t.event_trigger_name for t in client.list_event_triggers(domain_name=domain)])
            if reads.event_triggers
            else None
        )
        listed = (
            _read(lambda: tuple(client.list_integrations(domain_name=domain)))
            if reads.integrations
            else None
        )
    except _Missing:
        return DomainFacts(exists=False)
    return DomainFacts(
        exists=True,
        default_encryption_key=found.default_encryption_key if found is not None else None,
        object_type_names=frozenset(types) if types is not None else None,
        event_trigger_names=frozenset(triggers) if triggers is not None else None,
        integrations=listed,
    )


def read_domains(
    connection: Connection, reads: Mapping[str, Reads], *, concurrency: int, templates: bool
) -> Facts:
    """Read what each domain's ``Reads`` asks for, ``concurrency`` reads at a time, and the templates."""
    client = connection.client
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(reads) + 1))) as pool:
        listed = (
            pool.submit(_names, lambda: client.list_profile_object_type_templates(), "template_id")
            if templates
            else None
        )
        futures = {d: pool.submit(_read_domain, connection, d, r) for d, r in reads.items()}
        facts = {domain: future.result() for domain, future in futures.items()}
        return Facts(connection, facts, listed.result() if listed is not None else None)


def _union(existing: frozenset[str] | None, planned: Iterable[str]) -> frozenset[str] | None:
    return None if existing is None else existing | frozenset(planned)


@attrs.frozen
class _Planned:
    """What the specs define, per domain: object types (with their specs), triggers, keys."""

    object_types: Mapping[tuple[str, str], Spec]
    triggers: Mapping[str, frozenset[str]]
    keys: Mapping[str, str | None]

    @classmethod
    def of(cls, specs: Sequence[Spec]) -> _Planned:
        object_types: dict[tuple[str, str], Spec] = {}
        triggers: dict[str, set[str]] = {}
        keys: dict[str, str | None] = {}
        for spec in specs:
            request = spec.request
            if isinstance(request, PutProfileObjectTypeRequest):
                object_types.setdefault((request.domain_name, request.object_type_name), spec)
            elif isinstance(request, CreateEventTriggerRequest):
                triggers.setdefault(request.domain_name, set()).add(request.event_trigger_name)
            elif isinstance(request, CreateDomainRequest):
                keys[request.domain_name] = request.default_encryption_key
        return cls(object_types, {d: frozenset(n) for d, n in triggers.items()}, keys)

    def object_type_names(self, domain: str) -> frozenset[str]:
        return frozenset(name for (d, name) in self.object_types if d == domain)


def link_warnings(
    specs: Sequence[Spec], facts: Facts, skip_rules: Sequence[str]
) -> list[list[SpecProblem]]:
    """For each spec, the likely mistakes of its links, located in the spec files."""
    planned = _Planned.of(specs)
    return [_warnings_of(spec, facts, planned, skip_rules) for spec in specs]


def _warnings_of(
    spec: Spec, facts: Facts, planned: _Planned, skip_rules: Sequence[str]
) -> list[SpecProblem]:
    request = spec.request
    domain = request.domain_name
    held = facts_of(facts, domain, created=set(planned.keys))
    if held is None or isinstance(request, CreateDomainRequest):
        return []
    own_types = planned.object_type_names(domain)
    own_triggers = planned.triggers.get(domain, frozenset())
    if isinstance(request, PutIntegrationRequest):
        state = DomainState(
            domain_name=domain,
            object_type_names=_union(held.object_type_names, own_types),
            template_ids=facts.template_ids,
            event_trigger_names=_union(held.event_trigger_names, own_triggers),
            default_encryption_key=(
                planned.keys[domain] if domain in planned.keys else held.default_encryption_key
            ),
        )
        problems = find_online_problems(request, state, skip_rules=skip_rules)
        return [spec.locate(p) for p in problems] + _flow_links(
            spec, request, facts, planned, skip_rules
        )
    # A quota counts what exists and what the specs add, this one aside.
    if isinstance(request, PutProfileObjectTypeRequest):
        others = _union(held.object_type_names, own_types - {request.object_type_name})
        state = DomainState(domain_name=domain, object_type_names=others)
    else:
        others = _union(held.event_trigger_names, own_triggers - {request.event_trigger_name})
        state = DomainState(domain_name=domain, event_trigger_names=others)
    return [spec.locate(p) for p in find_online_problems(request, state, skip_rules=skip_rules)]


def _flow_links(
    spec: Spec,
    request: PutIntegrationRequest,
    facts: Facts,
    planned: _Planned,
    skip_rules: Sequence[str],
) -> list[SpecProblem]:
    """X6-X8 between an integration's flow and each object type it feeds."""
    if request.flow_definition is None:
        return []
    domain = request.domain_name
    names = [request.object_type_name, *(request.object_type_names or {}).values()]
    located: list[SpecProblem] = []
    for name in dict.fromkeys(n for n in names if n is not None):
        own = planned.object_types.get((domain, name))
        object_type: AnyObjectType | None
        if own is not None and isinstance(own.request, PutProfileObjectTypeRequest):
            object_type = own.request
        else:
            object_type = facts.object_type(domain, name)
        if object_type is None:
            continue  # neither defined nor readable: X1 says so if it is unknown
        for problem in find_link_problems(
            integration=request, object_type=object_type, skip_rules=skip_rules
        ):
            located.append(_locate_link(problem, spec, own, name))
    return located


def _locate_link(
    problem: ValidationProblem, integration: Spec, object_type: Spec | None, name: str
) -> SpecProblem:
    """A link problem in the spec it lies in: the integration's, or the object type's if a spec has it."""
    if problem.path.startswith("object_type"):
        if object_type is not None:
            return object_type.locate(problem)
        where = integration.locate(problem)
        return attrs.evolve(
            where,
            path="",
            message=f"object type {name!r} of the domain, at {problem.wire_path}: {problem.message}",
        )
    return integration.locate(problem)


def facts_of(facts: Facts, domain: str, created: set[str]) -> DomainFacts | None:
    """The facts of a domain, those of an empty one if the specs create it; ``None`` if not known."""
    found = facts.domains.get(domain)
    if found is None:
        return None
    if not found.exists:
        if domain not in created:
            return None  # the domain's items fail on their own reads
        return DomainFacts(
            exists=False, object_type_names=frozenset(), event_trigger_names=frozenset()
        )
    return found
