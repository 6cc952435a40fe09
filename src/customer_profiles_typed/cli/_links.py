"""The facts a plan reads about its domains, and the likely mistakes between the resources.

Reading. ``reads_needed`` says which calls each domain of the specs needs:
only those that planning, an active check or ``--prune`` uses, each once per
domain (never once per item), the templates once per run:

- ``ListIntegrations`` with hidden ones: what every integration of the
  domain's specs is diffed against; ``GetIntegration`` instead when the
  domain has one integration spec and its URI is known (``--account-id``):
  one call either way, and a short answer for a domain holding many;
- ``GetDomain``: the domain's key, for X10 when an integration of the domain
  has a flow (every flow has a ``KmsArn``); it is also the read of a
  ``CreateDomain`` spec, whose key, if it sets one, is the one compared;
- the object types the domain's integrations name and no spec of the domain
  defines (``_unstructured`` aside), for X1 (the name exists) and X6-X8 (the
  definition a flow feeds): one ``GetProfileObjectType`` per name (a missing
  one answers ResourceNotFoundException). The list, ``ListProfileObjectTypes``,
  is read instead when something else needs it (O48, ``--prune``) or when X1
  checks two or more names that X6-X8 do not compare; then a
  ``GetProfileObjectType`` follows for each listed name X6-X8 compare;
- ``ListProfileObjectTypeTemplates`` once per run when a name is looked up
  (a name may be a template's ID), and ``GetProfileObjectTypeTemplate`` once
  per run for each name X6-X8 compare that is a template's ID (without
  waiting for the domains' answers, which would hold every domain's planning
  back until the last domain is read);
- ``ListEventTriggers`` for X4 (a trigger named that no spec creates), E20
  and ``--prune``; ``ListIntegrations`` without hidden ones for ``--prune``.

``Facts.calls`` gives one ``ReadCall`` per read, naming the reads it waits
for (a ``GetProfileObjectType`` after its domain's list), so that the plan
runs them all on one pool; ``Facts`` keeps the answers. A read that fails
leaves its checks out; it never fails the plan.

Judging. ``link_warnings`` judges an item against those facts plus what the
specs create (``links.find_online_problems``: X1, X4, X10, O48, E20) and an
integration against the object types it feeds (``links.find_link_problems``:
X6, X7, X8), whether the specs define them or the domain already has them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import attrs

from customer_profiles_typed.errors import ResourceNotFoundError, ValidationProblem
from customer_profiles_typed.links import (
    UNSTRUCTURED,
    AnyObjectType,
    DomainState,
    find_link_problems,
    find_online_problems,
)
from customer_profiles_typed.models import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    ProfileObjectType,
    ProfileObjectTypeTemplate,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
)
from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.specs import Spec, SpecProblem

from ._aws import Connection

__all__ = [
    "Answer",
    "DomainFacts",
    "Facts",
    "Key",
    "Planned",
    "ReadCall",
    "ReadPlan",
    "Reads",
    "link_warnings",
    "reads_needed",
]

Key = tuple[str, ...]
"""What one read reads: ``("state", domain)``, ``("object-type", domain, name)``, ``("templates",)``..."""

PAGE_SIZE = 100
"""Items per page of the lists read (AWS's largest): fewest calls for a large domain."""

_COMPARED_RULES = ("X6", "X7", "X8")
"""The rules that compare a flow with the definition of the object type it feeds."""


@attrs.frozen
class Answer:
    """What one read gave: its value, or the error that ended it."""

    value: Any = None
    error: Exception | None = None

    @property
    def missing(self) -> bool:
        """Whether the read answered ResourceNotFoundException."""
        return isinstance(self.error, ResourceNotFoundError)


@attrs.frozen(eq=False)
class ReadCall:
    """One read of a plan: what it reads, the call, and the reads whose answers it waits for."""

    key: Key
    call: Callable[[], Any]
    needs: tuple[Key, ...] = ()
    domain: str | None = None
    """The domain whose facts it reads; ``None`` for a read of the whole run (the templates)."""


@attrs.frozen
class DomainFacts:
    """What one domain holds, as read before planning; ``None`` where it was not read or the read failed."""

    exists: bool
    default_encryption_key: str | None = None
    object_type_names: frozenset[str] | None = None
    """Every object type of the domain (``ListProfileObjectTypes``)."""

    object_types: Mapping[str, ProfileObjectType | None] = attrs.field(factory=lambda: {})
    """The object types looked up by name: the definition, or ``None`` if the domain has none by that
    name (only those read successfully)."""

    event_trigger_names: frozenset[str] | None = None
    integrations: tuple[Integration, ...] | None = None
    """The integrations that are not hidden (``--prune``)."""


@attrs.frozen
class Planned:
    """What the specs define, per domain: object types (with their specs), triggers, domain keys."""

    object_types: Mapping[tuple[str, str], Spec]
    triggers: Mapping[str, frozenset[str]]
    keys: Mapping[str, str | None]
    """The ``DefaultEncryptionKey`` of each domain a ``CreateDomain`` spec defines (``None``: not set)."""

    object_type_names: Mapping[str, frozenset[str]]
    """The names of the object types the specs define in each domain."""

    @classmethod
    def of(cls, specs: Sequence[Spec]) -> Planned:
        """What ``specs`` define."""
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
        names: dict[str, set[str]] = {}
        for domain, name in object_types:
            names.setdefault(domain, set()).add(name)
        return cls(
            object_types,
            {d: frozenset(n) for d, n in triggers.items()},
            keys,
            {d: frozenset(n) for d, n in names.items()},
        )

    def types_of(self, domain: str) -> frozenset[str]:
        """The object types the specs define in ``domain``."""
        return self.object_type_names.get(domain, frozenset())


@attrs.frozen
class Reads:
    """Which facts of one domain a plan reads: only those it uses."""

    state: bool = False
    """``ListIntegrations`` with hidden ones: what its integration specs are diffed against."""

    state_uri: str | None = None
    """``GetIntegration`` of this URI instead: the domain's one integration spec puts it."""

    key: bool = False
    """``GetDomain``: for X10, and the read of a ``CreateDomain`` spec."""

    object_types: bool = False
    """``ListProfileObjectTypes``: for O48, ``--prune``, and X1 when it checks several names."""

    looked_up: frozenset[str] = frozenset()
    """``GetProfileObjectType`` of each name, for X1 and X6-X8; after the list if it is read, and
    then only of the names listed."""

    event_triggers: bool = False
    """``ListEventTriggers``: for X4, E20 and ``--prune``."""

    integrations: bool = False
    """``ListIntegrations`` without hidden ones: for ``--prune``."""


@attrs.frozen
class ReadPlan:
    """The reads of a plan: each domain's, and those of the whole run."""

    domains: Mapping[str, Reads]
    templates: bool
    """``ListProfileObjectTypeTemplates``: a name looked up may be a template's ID (X1, X6-X8)."""

    template_names: frozenset[str]
    """The names X6-X8 compare: ``GetProfileObjectTypeTemplate`` of each that is a template's ID
    (for the domains that hold no object type of that name)."""

    planned: Planned
    skip_rules: tuple[str, ...]


def _named(request: PutIntegrationRequest) -> list[str]:
    """The object types an integration names: its ``object_type_name`` and ``object_type_names``."""
    names = [request.object_type_name, *(request.object_type_names or {}).values()]
    return list(dict.fromkeys(name for name in names if name is not None and name != UNSTRUCTURED))


def reads_needed(
    specs: Sequence[Spec],
    skip_rules: Sequence[str],
    *,
    prune: bool,
    uri_of: Callable[[PutIntegrationRequest], str | None] = lambda request: request.uri,
) -> ReadPlan:
    """The reads of each domain of ``specs`` and of the run, for the active checks and ``--prune``.

    ``uri_of`` is the URI an integration request puts, when it is known before
    AWS answers (``Target.uri``).
    """
    from customer_profiles_typed import _validation_hook, validation

    skipped = _validation_hook.skipped_rules() | frozenset(skip_rules)

    def active(rule: str) -> bool:
        return validation.ALL_RULES not in skipped and rule not in skipped

    planned = Planned.of(specs)
    compares = any(active(rule) for rule in _COMPARED_RULES)
    state: dict[str, list[str | None]] = {}
    key: set[str] = set()
    types: set[str] = set()
    triggers: set[str] = set()
    checked: dict[str, set[str]] = {}
    compared: dict[str, set[str]] = {}
    domains: list[str] = []
    for spec in specs:
        request = spec.request
        domain = request.domain_name
        domains.append(domain)
        if isinstance(request, PutIntegrationRequest):
            state.setdefault(domain, []).append(uri_of(request))
            external = [name for name in _named(request) if name not in planned.types_of(domain)]
            if active("X1"):
                checked.setdefault(domain, set()).update(external)
            if request.flow_definition is not None:
                if compares:
                    compared.setdefault(domain, set()).update(external)
                if active("X10") and domain not in planned.keys:
                    key.add(domain)
            own_triggers = planned.triggers.get(domain, frozenset())
            if active("X4") and any(n not in own_triggers for n in request.event_trigger_names or ()):
                triggers.add(domain)
        elif isinstance(request, CreateDomainRequest):
            key.add(domain)  # the spec's own read
        elif isinstance(request, PutProfileObjectTypeRequest):
            if active("O48"):
                types.add(domain)
        elif active("E20"):  # a CreateEventTriggerRequest
            triggers.add(domain)
    found: dict[str, Reads] = {}
    for domain in dict.fromkeys(domains):
        mine_checked = checked.get(domain, set())
        mine_compared = compared.get(domain, set())
        listed = prune or domain in types or len(mine_checked - mine_compared) >= 2
        uris = state.get(domain, [])
        found[domain] = Reads(
            state=bool(uris),
            state_uri=uris[0] if len(uris) == 1 else None,
            key=domain in key,
            object_types=listed,
            looked_up=frozenset(mine_compared if listed else mine_checked | mine_compared),
            event_triggers=prune or domain in triggers,
            integrations=prune,
        )
    lookups = any(checked.values()) or any(compared.values())
    template_names = frozenset(name for names in compared.values() for name in names)
    return ReadPlan(found, lookups, template_names, planned, tuple(skip_rules))


class Facts:
    """The answers of a plan's reads, and what they say about each domain.

    Reads record their answers from worker threads (``run``); what is derived
    from them (``domain``, ``object_type``...) is asked once a domain's reads
    are all answered.
    """

    def __init__(self, connection: Connection, plan: ReadPlan, new_domains: Collection[str] = ()) -> None:
        self.connection = connection
        self.plan = plan
        self.new_domains = frozenset(new_domains)
        self._answers: dict[Key, Answer] = {}
        self._domains: dict[str, DomainFacts] = {}

    # --- Reading --------------------------------------------------------------

    def calls(self) -> list[ReadCall]:
        """Every read of the plan, the templates' first, then each domain's."""
        client = self.connection.client
        plan = self.plan
        calls: list[ReadCall] = []
        if plan.templates:
            calls.append(
                ReadCall(
                    ("templates",),
                    lambda: frozenset(
                        t.template_id
                        for t in client.list_profile_object_type_templates(page_size=PAGE_SIZE)
                    ),
                )
            )
            for name in sorted(plan.template_names):
                calls.append(
                    ReadCall(
                        ("template", name), functools.partial(self._template, name), needs=(("templates",),)
                    )
                )
        for domain, reads in plan.domains.items():
            calls += self._domain_calls(domain, reads)
        return calls

    def _domain_calls(self, domain: str, reads: Reads) -> list[ReadCall]:
        client = self.connection.client
        calls: list[ReadCall] = []
        if reads.state_uri is not None:
            calls.append(
                ReadCall(
                    ("state", domain), functools.partial(self._integration, domain, reads.state_uri), domain=domain
                )
            )
        elif reads.state:
            calls.append(
                ReadCall(
                    ("state", domain),
                    lambda: tuple(
                        client.list_integrations(domain_name=domain, include_hidden=True, page_size=PAGE_SIZE)
                    ),
                    domain=domain,
                )
            )
        if reads.key:
            calls.append(ReadCall(("key", domain), lambda: client.get_domain(domain_name=domain), domain=domain))
        if reads.object_types:
            calls.append(
                ReadCall(
                    ("object-types", domain),
                    lambda: frozenset(
                        t.object_type_name
                        for t in client.list_profile_object_types(domain_name=domain, page_size=PAGE_SIZE)
                    ),
                    domain=domain,
                )
            )
        after = (("object-types", domain),) if reads.object_types else ()
        for name in sorted(reads.looked_up):
            calls.append(
                ReadCall(
                    ("object-type", domain, name),
                    functools.partial(self._object_type, domain, name),
                    needs=after,
                    domain=domain,
                )
            )
        if reads.event_triggers:
            calls.append(
                ReadCall(
                    ("event-triggers", domain),
                    lambda: frozenset(
                        t.event_trigger_name
                        for t in client.list_event_triggers(domain_name=domain, page_size=PAGE_SIZE)
                    ),
                    domain=domain,
                )
            )
        if reads.integrations:
            calls.append(
                ReadCall(
                    ("integrations", domain),
                    lambda: tuple(client.list_integrations(domain_name=domain, page_size=PAGE_SIZE)),
                    domain=domain,
                )
            )
        return calls

    def _integration(self, domain: str, uri: str) -> tuple[Integration, ...]:
        """The integration ``uri`` of ``domain``, if there is one (the answer of a ``state`` read)."""
        try:
            return (self.connection.client.get_integration(domain_name=domain, uri=uri),)
        except ResourceNotFoundError:
            return ()  # no such integration (or no such domain: another read says which)

    def _object_type(self, domain: str, name: str) -> ProfileObjectType | None:
        listed = self.answer(("object-types", domain))
        if listed is not None and listed.error is None and name not in listed.value:
            return None  # not in the list: nothing to read
        try:
            return self.connection.client.get_profile_object_type(domain_name=domain, object_type_name=name)
        except ResourceNotFoundError:
            return None

    def _template(self, name: str) -> ProfileObjectTypeTemplate | None:
        """The template ``name``, if it is one (a domain that has no object type of that name uses it)."""
        if name not in (self.template_ids or ()):
            return None
        try:
            return self.connection.client.get_profile_object_type_template(template_id=name)
        except ResourceNotFoundError:
            return None

    def run(self, call: ReadCall) -> Answer:
        """Make one read and record its answer (on a worker thread); never raises."""
        try:
            answer = Answer(call.call())
        except Exception as error:  # a failed read is its answer
            answer = Answer(error=error)
        self._answers[call.key] = answer
        return answer

    # --- What the answers say ---------------------------------------------------

    def answer(self, key: Key) -> Answer | None:
        """The answer of the read ``key``; ``None`` if it was not made."""
        return self._answers.get(key)

    @property
    def template_ids(self) -> frozenset[str] | None:
        """The IDs of the templates AWS offers; ``None`` if not read."""
        found: frozenset[str] | None = self._value(("templates",))
        return found

    def _value(self, key: Key) -> Any:
        found = self._answers.get(key)
        return found.value if found is not None and found.error is None else None

    def domain(self, domain: str) -> DomainFacts | None:
        """What ``domain`` holds, once its reads are answered; ``None`` for a domain of no spec."""
        found = self._domains.get(domain)
        if found is not None:
            return found
        reads = self.plan.domains.get(domain)
        if reads is None:
            return None
        kinds = ("state", "key", "object-types", "event-triggers", "integrations")
        answers = [self._answers.get((kind, domain)) for kind in kinds]
        if any(answer is not None and answer.missing for answer in answers):
            found = DomainFacts(exists=False)
        else:
            key = self._value(("key", domain))
            looked_up: dict[str, ProfileObjectType | None] = {}
            for name in reads.looked_up:
                answer = self._answers.get(("object-type", domain, name))
                if answer is not None and answer.error is None:
                    looked_up[name] = answer.value
            found = DomainFacts(
                exists=True,
                default_encryption_key=key.default_encryption_key if key is not None else None,
                object_type_names=self._value(("object-types", domain)),
                object_types=looked_up,
                event_trigger_names=self._value(("event-triggers", domain)),
                integrations=self._value(("integrations", domain)),
            )
        self._domains[domain] = found
        return found

    def object_type(self, domain: str, name: str) -> AnyObjectType | None:
        """The object type ``name`` of ``domain`` as AWS has it, else the template of that ID; else ``None``."""
        held = self.domain(domain)
        if held is not None and held.object_types.get(name) is not None:
            return held.object_types[name]
        if held is not None and name not in held.object_types:
            return None  # not read, or the read failed: not checkable
        template: ProfileObjectTypeTemplate | None = self._value(("template", name))
        return template


def _union(existing: frozenset[str] | None, planned: Iterable[str]) -> frozenset[str] | None:
    return None if existing is None else existing | frozenset(planned)


def _known_object_types(held: DomainFacts, names: Sequence[str]) -> frozenset[str] | None:
    """The domain's object types as far as X1 needs them for ``names``; ``None`` if not known."""
    if held.object_type_names is not None:
        return held.object_type_names
    if all(name in held.object_types for name in names):
        return frozenset(name for name in names if held.object_types[name] is not None)
    return None


def link_warnings(spec: Spec, facts: Facts) -> list[SpecProblem]:
    """The likely mistakes of the links of ``spec``, located in its spec file (its domain's reads answered)."""
    planned, skip_rules = facts.plan.planned, facts.plan.skip_rules
    request = spec.request
    domain = request.domain_name
    held = facts_of(facts, domain, created=planned.keys)
    if held is None or isinstance(request, CreateDomainRequest):
        return []
    own_types = planned.types_of(domain)
    own_triggers = planned.triggers.get(domain, frozenset())
    if isinstance(request, PutIntegrationRequest):
        external = [name for name in _named(request) if name not in own_types]
        key = planned.keys.get(domain) or held.default_encryption_key
        state = DomainState(
            domain_name=domain,
            object_type_names=_union(_known_object_types(held, external), own_types),
            template_ids=facts.template_ids,
            event_trigger_names=_union(held.event_trigger_names, own_triggers),
            default_encryption_key=key,
        )
        problems = find_online_problems(request, state, skip_rules=skip_rules)
        return [spec.locate(p) for p in problems] + _flow_links(spec, request, facts)
    # A quota counts what exists and what the specs add, this one aside.
    if isinstance(request, PutProfileObjectTypeRequest):
        others = _union(held.object_type_names, own_types - {request.object_type_name})
        state = DomainState(domain_name=domain, object_type_names=others)
    else:
        others = _union(held.event_trigger_names, own_triggers - {request.event_trigger_name})
        state = DomainState(domain_name=domain, event_trigger_names=others)
    return [spec.locate(p) for p in find_online_problems(request, state, skip_rules=skip_rules)]


def _flow_links(spec: Spec, request: PutIntegrationRequest, facts: Facts) -> list[SpecProblem]:
    """X6-X8 between an integration's flow and each object type it feeds."""
    if request.flow_definition is None:
        return []
    planned, skip_rules = facts.plan.planned, facts.plan.skip_rules
    domain = request.domain_name
    located: list[SpecProblem] = []
    for name in _named(request):
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


def facts_of(facts: Facts, domain: str, created: Collection[str]) -> DomainFacts | None:
    """The facts of a domain, those of an empty one if the specs create it; ``None`` if not known."""
    found = facts.domain(domain)
    if found is None:
        return None
    if not found.exists:
        if domain not in created:
            return None  # the domain's items fail on their own reads
        return DomainFacts(
            exists=False, object_type_names=frozenset(), event_trigger_names=frozenset()
        )
    return found
