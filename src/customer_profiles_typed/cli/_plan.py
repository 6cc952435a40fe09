"""Planning: what each spec item's resource is now, and the field-level changes applying it makes.

The reads come first (``_links``): once per domain, never once per item,
every read of every domain on one pool of ``--concurrency`` workers, each
read waiting only for the reads it needs; an item is planned, on the calling
thread, as soon as the reads of its domain are answered. Domains, object
types and event triggers are read back whole (``_kinds``). AWS returns every
field of an integration's request except ``FlowDefinition``, which is
compared through the hash ``apply`` records in ``FLOW_HASH_TAG``; a domain's
integrations are read with one ``ListIntegrations`` (hidden ones included),
where each spec finds its own (``GetIntegration`` for a domain with one
integration spec whose URI is known). The links between the items and their
domains (rules X1, X4, X6-X8, X10, O48, E20) are checked over what the
domains hold (``_links``), and with ``--prune`` the resources a spec no
longer lists are planned for deletion.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from customer_profiles_typed._dependencies import KINDS, Kind, ResourceKey, creation_order, key_of
from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.models import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
)
from customer_profiles_typed.specs import Spec, SpecProblem

from ._aws import Connection, failure_text
from ._bulk import Progress, run_graph
from ._flow_hash import FLOW_HASH_TAG, canonical, wire_fingerprint
from ._kinds import Change, Current, as_current, compare, compare_tags, diff_kind, read
from ._links import Answer, Facts, Key, ReadCall, link_warnings, reads_needed
from ._retry import Retrier

__all__ = [
    "Action",
    "Change",
    "PlanItem",
    "Target",
    "diff",
    "in_creation_order",
    "make_plan",
    "prune_items",
]

_DEFAULT_SCOPE = "PROFILE"

_COMPARED = ("ObjectTypeName", "ObjectTypeNames", "RoleArn", "EventTriggerNames", "Scope")
"""The members of a ``PutIntegration`` request that ``diff`` compares one by one (tags aside)."""


@attrs.frozen
class Target:
    """Which integration a request puts: a URI, or the flow whose ARN AWS will assign."""

    domain: str
    uri: str | None
    flow_name: str | None

    @property
    def label(self) -> str:
        """The URI, or the name of the new flow when its ARN is not known; which is missing if both are."""
        if self.uri is not None:
            return self.uri
        if self.flow_name is None:
            return "(no Uri and no FlowDefinition: warning T3)"
        return f"new flow {self.flow_name}"


def target_of(connection: Connection, request: PutIntegrationRequest) -> Target:
    """The integration ``request`` puts; a new flow's ARN when region and account are known."""
    flow = request.flow_definition
    flow_name = flow.flow_name if flow is not None else None
    uri = request.uri
    region, account = connection.region, connection.account
    if uri is None and flow_name is not None and region and account:
        uri = f"arn:aws:appflow:{region}:{account}:flow/{flow_name}"
    return Target(request.domain_name, uri, flow_name)


class _Held:
    """A domain's integrations as listed, found by URI and by flow name."""

    def __init__(self, integrations: Iterable[Integration]) -> None:
        self.by_uri: dict[str, Integration] = {}
        self.by_flow: dict[str, Integration] = {}
        for integration in sorted(integrations, key=lambda found: found.uri):
            uri = integration.uri
            self.by_uri.setdefault(uri, integration)
            if uri.startswith("arn:") and ":flow/" in uri:
                # The first by URI: the same flow name in two regions or accounts is rare.
                self.by_flow.setdefault(uri.rsplit(":flow/", 1)[1], integration)

    def current(self, target: Target) -> Integration | None:
        """The integration ``target`` names as it is now; ``None`` if there is none."""
        if target.uri is not None:
            return self.by_uri.get(target.uri)
        if target.flow_name is None:
            return None  # neither a Uri nor a flow (rule T3): no integration to find
        return self.by_flow.get(target.flow_name)


Action = Literal["create", "update", "delete", "unchanged", "failed"]
"""What ``apply`` would do with an item, in the order the plan counts them."""


@attrs.frozen
class PlanItem:
    """One resource of the plan: what ``apply`` would do with it, and why."""

    key: ResourceKey
    """The resource: its kind, domain and name."""

    action: Action
    """What ``apply`` would do."""

    spec: Spec | None = None
    """The spec item defining it; ``None`` for a resource no spec lists (``--prune``)."""

    changes: tuple[Change, ...] = ()
    """The field-level changes of a create or an update."""

    current: Current | None = None
    """The resource as read (not for integrations, which ``current_uri`` names)."""

    target: Target | None = None
    """The integration a spec puts (integrations only)."""

    current_uri: str | None = None
    """The URI of the integration as it exists (integrations only)."""

    error: str | None = None
    """Why reading it failed."""

    flow_digest: str | None = None
    """The ``flow_fingerprint`` of an integration's request, once planned; ``None`` without a flow."""

    warnings: tuple[SpecProblem, ...] = ()
    """The likely mistakes in its links to the other resources and to its domain."""

    @property
    def domain(self) -> str:
        """The domain of the resource."""
        return self.key.domain

    @property
    def kind(self) -> str:
        """``domain``, ``object-type``, ``event-trigger`` or ``integration``."""
        return self.key.kind

    @property
    def location(self) -> str:
        """Where its spec is (``file[item]``), or ``(no spec)`` for a resource to prune."""
        return self.spec.location if self.spec is not None else "(no spec)"

    @property
    def uri_label(self) -> str:
        """How the resource is named: an integration's current URI, else its target; the name."""
        if self.current_uri is not None:
            return self.current_uri
        if self.target is not None:
            return self.target.label
        return self.key.name


def _scope(value: Any) -> str:
    if value is None:
        return _DEFAULT_SCOPE
    return str(getattr(value, "value", value))


def _flow_label(digest: str | None) -> str | None:
    return None if digest is None else f"sha256:{digest[:12]}"


def diff(
    request: PutIntegrationRequest,
    current: Integration | None,
    wire: Mapping[str, Any] | None = None,
) -> list[Change]:
    """The field-level changes that putting ``request`` would make to ``current``.

    ``wire`` is ``request.to_boto3()`` if the caller has it already.
    """
    if wire is None:
        wire = request.to_boto3()
    return _changes(request, current, wire, wire_fingerprint(wire))


def _changes(
    request: PutIntegrationRequest,
    current: Integration | None,
    wire: Mapping[str, Any],
    digest: str | None,
) -> list[Change]:
    """``diff``, given the flow's hash (``wire_fingerprint(wire)``)."""
    # Only the members compared here are made canonical: the flow is hashed.
    wanted: dict[str, Any] = {name: canonical(wire[name]) for name in _COMPARED if name in wire}
    now: dict[str, Any] = current.to_boto3() if current is not None else {}
    changes: list[Change] = []
    changes += compare("ObjectTypeName", now.get("ObjectTypeName"), wanted.get("ObjectTypeName"))
    changes += compare(
        "ObjectTypeNames", now.get("ObjectTypeNames") or {}, wanted.get("ObjectTypeNames") or {}
    )
    if digest is not None:
        recorded = (current.tags or {}).get(FLOW_HASH_TAG) if current is not None else None
        if current is not None and recorded is None:
            changes.append(Change("FlowDefinition", "change", "(not recorded)", _flow_label(digest)))
        elif recorded != digest:
            changes += compare("FlowDefinition", _flow_label(recorded), _flow_label(digest))
    changes += compare("RoleArn", now.get("RoleArn"), wanted.get("RoleArn"))
    # AWS answers [] for an integration without triggers, the same as leaving them out.
    changes += compare(
        "EventTriggerNames",
        now.get("EventTriggerNames") or None,
        wanted.get("EventTriggerNames") or None,
    )
    if current is None:
        changes += compare("Scope", None, wanted.get("Scope"))
    else:
        changes += compare("Scope", _scope(now.get("Scope")), _scope(wanted.get("Scope")))
    # A put adds and changes tags but never removes one (tags of an existing
    # integration change through TagResource/UntagResource, rule X12): a tag
    # the spec leaves out stays, so it is no change that apply would make.
    changes += compare_tags(current.tags if current else None, request.tags)
    return changes


class _Planner:
    """Plans each spec from the answers of the reads of its domain (on the calling thread)."""

    def __init__(self, facts: Facts) -> None:
        self._facts = facts
        self._held: dict[str, _Held] = {}

    def plan(self, position: int, spec: Spec) -> PlanItem:
        """The plan of ``spec`` (``position`` in creation order); a failure is its action, never raised."""
        request = spec.request
        key = key_of(request)
        facts = self._facts
        if isinstance(request, PutIntegrationRequest):
            item = self._integration(spec, request, key)
        else:
            item = self._other(position, spec, key)
        if _domain_missing(facts, item.domain):
            return _missing_domain(item)
        if item.action == "failed":
            return item
        found = link_warnings(spec, facts)
        return attrs.evolve(item, warnings=tuple(found)) if found else item

    def _integration(self, spec: Spec, request: PutIntegrationRequest, key: ResourceKey) -> PlanItem:
        target = target_of(self._facts.connection, request)
        try:
            integration = self._domain(request.domain_name).current(target)
            wire = request.to_boto3()  # once: for the diff and the flow's hash
            digest = wire_fingerprint(wire)
            changes = tuple(_changes(request, integration, wire, digest))
        except Exception as error:  # one item's failure must not stop the others
            return PlanItem(key, "failed", spec, target=target, error=failure_text(error))
        if integration is None:
            return PlanItem(key, "create", spec, changes, target=target, flow_digest=digest)
        action: Action = "update" if changes else "unchanged"
        return PlanItem(
            key, action, spec, changes, target=target, current_uri=integration.uri, flow_digest=digest
        )

    def _domain(self, domain: str) -> _Held:
        """The integrations of ``domain``; raises the error of their read."""
        held = self._held.get(domain)
        if held is None:
            answer = self._facts.answer(("state", domain))
            assert answer is not None  # read for every domain with an integration spec
            if answer.error is not None:
                if not (answer.missing and domain in self._facts.new_domains):
                    raise answer.error
                held = _Held(())  # the plan creates the domain: nothing in it yet
            else:
                held = _Held(answer.value)
            self._held[domain] = held
        return held

    def _other(self, position: int, spec: Spec, key: ResourceKey) -> PlanItem:
        request = spec.request
        domain = isinstance(request, CreateDomainRequest)
        answer = self._facts.answer(("key", request.domain_name) if domain else _spec_key(position))
        assert answer is not None  # every such spec is read
        try:
            if answer.error is not None and not (domain and answer.missing):
                raise answer.error
            current: Current | None
            if answer.error is not None:
                current = None
            else:
                current = as_current(answer.value) if domain else answer.value
            changes = tuple(diff_kind(request, current))
        except Exception as error:  # one item's failure must not stop the others
            return PlanItem(key, "failed", spec, error=failure_text(error))
        action: Action = "create" if current is None else "update" if changes else "unchanged"
        return PlanItem(key, action, spec, changes, current=current)


def _spec_key(position: int) -> Key:
    """The key of the read of a spec's own resource (an object type or an event trigger)."""
    return ("spec", str(position))


def in_creation_order(specs: Sequence[Spec]) -> list[Spec]:
    """The specs in the order their resources are created: domains, object types, triggers, integrations."""
    return [specs[i] for i in creation_order([spec.request for spec in specs])]


def _kept_integration(item: Integration, kept_uris: set[str], kept_flows: set[str]) -> bool:
    if item.uri in kept_uris:
        return True
    return item.uri.startswith("arn:") and item.uri.rsplit(":flow/", 1)[-1] in kept_flows


def prune_items(items: Sequence[PlanItem], facts: Facts) -> list[PlanItem]:
    """The deletions of ``--prune``: what the specs' domains hold that no spec lists.

    Integrations, then event triggers, then object types (the order they can be
    deleted in); domains are never deleted, nor hidden integrations. A domain
    whose resources could not be listed gets one failed item per kind instead.
    """
    found: list[PlanItem] = []
    for domain in dict.fromkeys(item.domain for item in items):
        held = facts.domain(domain)
        if held is None or not held.exists:
            continue
        mine = [item for item in items if item.domain == domain]
        names = {kind: {i.key.name for i in mine if i.kind == kind} for kind in KINDS}
        kept_uris = {i.current_uri for i in mine if i.current_uri is not None}
        kept_uris |= {i.target.uri for i in mine if i.target is not None and i.target.uri}
        kept_flows = {
            i.target.flow_name for i in mine if i.target is not None and i.target.flow_name
        }
        listed: list[tuple[Kind, Iterable[str] | None]] = [
            (
                "integration",
                None
                if held.integrations is None
                else sorted(
                    i.uri
                    for i in held.integrations
                    if not _kept_integration(i, kept_uris, kept_flows)
                ),
            ),
            ("event-trigger", _unlisted(held.event_trigger_names, names["event-trigger"])),
            ("object-type", _unlisted(held.object_type_names, names["object-type"])),
        ]
        for kind, unlisted in listed:
            if unlisted is None:
                key = ResourceKey(kind, domain, "*")
                error = f"could not list the {kind}s of the domain: none of them pruned"
                found.append(PlanItem(key, "failed", error=error))
                continue
            found += [PlanItem(ResourceKey(kind, domain, name), "delete") for name in unlisted]
    return found


def _unlisted(existing: frozenset[str] | None, listed: set[str]) -> list[str] | None:
    return None if existing is None else sorted(existing - listed)


def make_plan(
    connection: Connection,
    specs: Sequence[Spec],
    *,
    concurrency: int,
    progress: bool,
    skip_rules: Sequence[str],
    prune: bool,
    retrier: Retrier = Retrier(),
) -> list[PlanItem]:
    """The whole plan: every spec in creation order, its links checked, then what ``--prune`` deletes.

    Every read runs on ``concurrency`` workers; a read that fails on throttling
    or on AWS's side is tried again as ``retrier`` says, without holding its
    worker. Progress, if asked, counts the specs planned.
    """
    ordered = in_creation_order(specs)
    new_domains = {s.request.domain_name for s in ordered if isinstance(s.request, CreateDomainRequest)}
    plan = reads_needed(
        ordered, skip_rules, prune=prune, uri_of=lambda request: target_of(connection, request).uri
    )
    facts = Facts(connection, plan, new_domains)
    calls = facts.calls()
    for position, spec in enumerate(ordered):
        request = spec.request
        if isinstance(request, (PutProfileObjectTypeRequest, CreateEventTriggerRequest)):
            calls.append(ReadCall(_spec_key(position), functools.partial(read, connection, request)))
    at = {call.key: n for n, call in enumerate(calls)}
    of_domain: dict[str, list[int]] = {}
    for n, call in enumerate(calls):
        if call.domain is not None:
            of_domain.setdefault(call.domain, []).append(n)
    needs: list[tuple[int, ...]] = [tuple(at[need] for need in call.needs) for call in calls]
    for position, spec in enumerate(ordered):
        keys = [("templates",), _spec_key(position)]
        request = spec.request
        if isinstance(request, PutIntegrationRequest):
            names = [request.object_type_name, *(request.object_type_names or {}).values()]
            keys += [("template", name) for name in names if name is not None]
        mine = of_domain.get(request.domain_name, [])
        needs.append((*mine, *(at[key] for key in keys if key in at)))
    planner = _Planner(facts)
    nodes: list[ReadCall | tuple[int, Spec]] = [*calls, *enumerate(ordered)]

    def work(node: ReadCall | tuple[int, Spec], attempt: int) -> Answer | PlanItem:
        if isinstance(node, ReadCall):
            return facts.run(node)
        return planner.plan(*node)

    def again(result: Answer | PlanItem, attempt: int) -> float | None:
        if isinstance(result, Answer):
            return retrier.delay_after(result.error, attempt - 1)
        return None

    def label(node: ReadCall | tuple[int, Spec]) -> str | None:
        return None if isinstance(node, ReadCall) else node[1].location

    results = run_graph(
        nodes,
        work,
        needs=needs,
        succeeded=lambda result: True,  # a failed read is an answer: what needs it goes on
        blocked=lambda node, at, result: None,  # never called: everything succeeds
        concurrency=concurrency,
        progress=Progress(len(ordered), "reading", progress),
        label=label,
        outcome=lambda result: str(getattr(result, "action", "")),
        again=again,
        inline=lambda node: not isinstance(node, ReadCall),
    )
    items: list[PlanItem] = results[len(calls):]
    return items + prune_items(items, facts) if prune else items


def _domain_missing(facts: Facts, domain: str) -> bool:
    held = facts.domain(domain)
    return held is not None and not held.exists and domain not in facts.new_domains


def _missing_domain(item: PlanItem) -> PlanItem:
    """An item of a domain that does not exist and that no spec creates: it fails, saying why."""
    error = (
        f"ResourceNotFoundException: domain {item.domain} does not exist: create it, or add a "
        f'{{"CreateDomain": {{"DomainName": "{item.domain}", ...}}}} item to the specs'
    )
    return attrs.evolve(item, action="failed", changes=(), error=error)
