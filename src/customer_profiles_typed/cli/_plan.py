"""Planning: what each spec item's resource is now, and the field-level changes applying it makes.

Domains, object types and event triggers are read back whole (``_kinds``).
AWS's ``GetIntegration`` returns every field of a request except
``FlowDefinition``, which is compared through the hash ``apply`` records in
``FLOW_HASH_TAG``. The links between the items and their domains (rules X1,
X4, X6-X8, X10, O48, E20) are checked over what the domains hold (``_links``),
and with ``--prune`` the resources a spec no longer lists are planned for
deletion.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar

import attrs

from customer_profiles_typed._dependencies import KINDS, Kind, ResourceKey, creation_order, key_of
from customer_profiles_typed.errors import ResourceNotFoundError
from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.models import CreateDomainRequest, PutIntegrationRequest
from customer_profiles_typed.specs import Spec, SpecProblem

from ._aws import Connection, failure_text
from ._bulk import Progress, run_all
from ._flow_hash import FLOW_HASH_TAG, canonical, wire_fingerprint
from ._kinds import Change, Current, compare, compare_tags, diff_kind, read
from ._links import Facts, link_warnings, read_domains, reads_needed
from ._retry import Retrier

__all__ = [
    "Action",
    "Change",
    "PlanItem",
    "Reader",
    "Target",
    "diff",
    "in_creation_order",
    "make_plan",
    "plan_all",
    "plan_one",
    "prune_items",
]

T = TypeVar("T")

_DEFAULT_SCOPE = "PROFILE"


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


class Reader:
    """Finds the current integration of each request, sharing one list call per domain."""

    def __init__(self, connection: Connection, new_domains: Collection[str] = ()) -> None:
        self._connection = connection
        self._new_domains = frozenset(new_domains)
        self._lock = threading.Lock()
        self._domain_locks: dict[str, threading.Lock] = {}
        self._listed: dict[str, list[Integration]] = {}

    @property
    def connection(self) -> Connection:
        """The client, region and account the reads use."""
        return self._connection

    def target(self, request: PutIntegrationRequest) -> Target:
        """The integration ``request`` puts; a new flow's ARN when region and account are known."""
        flow = request.flow_definition
        flow_name = flow.flow_name if flow is not None else None
        uri = request.uri
        region, account = self._connection.region, self._connection.account
        if uri is None and flow_name is not None and region and account:
            uri = f"arn:aws:appflow:{region}:{account}:flow/{flow_name}"
        return Target(request.domain_name, uri, flow_name)

    def current(self, target: Target) -> Integration | None:
        """The integration ``target`` names as it is now; ``None`` if there is none."""
        client = self._connection.client
        if target.uri is not None:
            try:
                return client.get_integration(domain_name=target.domain, uri=target.uri)
            except ResourceNotFoundError:
                return None
        if target.flow_name is None:
            return None  # neither a Uri nor a flow (rule T3): no integration to find
        suffix = f":flow/{target.flow_name}"
        matches = [
            integration
            for integration in self._domain(target.domain)
            if integration.uri.startswith("arn:") and integration.uri.endswith(suffix)
        ]
        return min(matches, key=lambda integration: integration.uri) if matches else None

    def _domain(self, domain: str) -> list[Integration]:
        with self._lock:
            lock = self._domain_locks.setdefault(domain, threading.Lock())
        with lock:
            found = self._listed.get(domain)
            if found is None:
                client = self._connection.client
                try:
                    found = list(client.list_integrations(domain_name=domain, include_hidden=True))
                except ResourceNotFoundError:
                    if domain not in self._new_domains:
                        raise
                    found = []  # the plan creates the domain: nothing in it yet
                self._listed[domain] = found
            return found


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
    wanted: dict[str, Any] = canonical(wire)
    now: dict[str, Any] = current.to_boto3() if current is not None else {}
    changes: list[Change] = []
    changes += compare("ObjectTypeName", now.get("ObjectTypeName"), wanted.get("ObjectTypeName"))
    changes += compare(
        "ObjectTypeNames", now.get("ObjectTypeNames") or {}, wanted.get("ObjectTypeNames") or {}
    )
    digest = wire_fingerprint(wire)
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


def _retried(retrier: Retrier, call: Callable[[], T]) -> T | None:
    """The value of ``call`` once retried as ``retrier`` says; its last error is raised."""
    outcome = retrier.run(call)
    if outcome.error is not None:
        raise outcome.error
    return outcome.value


def plan_one(reader: Reader, spec: Spec, retrier: Retrier = Retrier()) -> PlanItem:
    """Read the current resource of ``spec`` and plan it; a failure is its action, never raised."""
    request = spec.request
    key = key_of(request)
    if not isinstance(request, PutIntegrationRequest):
        try:
            current = _retried(retrier, lambda: read(reader.connection, request))
            changes = tuple(diff_kind(request, current))
        except Exception as error:  # one item's failure must not stop the others
            return PlanItem(key, "failed", spec, error=failure_text(error))
        action: Action = "create" if current is None else "update" if changes else "unchanged"
        return PlanItem(key, action, spec, changes, current=current)
    target = reader.target(request)
    try:
        integration = _retried(retrier, lambda: reader.current(target))
        wire = request.to_boto3()  # once: for the diff and the flow's hash
        changes = tuple(diff(request, integration, wire))
        digest = wire_fingerprint(wire)
    except Exception as error:  # one item's failure must not stop the others
        return PlanItem(key, "failed", spec, target=target, error=failure_text(error))
    if integration is None:
        return PlanItem(key, "create", spec, changes, target=target, flow_digest=digest)
    action = "update" if changes else "unchanged"
    return PlanItem(
        key, action, spec, changes, target=target, current_uri=integration.uri, flow_digest=digest
    )


def in_creation_order(specs: Sequence[Spec]) -> list[Spec]:
    """The specs in the order their resources are created: domains, object types, triggers, integrations."""
    return [specs[i] for i in creation_order([spec.request for spec in specs])]


def plan_all(
    reader: Reader,
    specs: Sequence[Spec],
    concurrency: int,
    progress: bool,
    retrier: Retrier = Retrier(),
) -> list[PlanItem]:
    """Plan every spec, ``concurrency`` reads at a time, in the order given; progress if asked."""
    return run_all(
        specs,
        lambda spec: plan_one(reader, spec, retrier),
        concurrency=concurrency,
        progress=Progress(len(specs), "reading", progress),
        label=lambda spec: spec.location,
        outcome=lambda item: str(item.action),
    )


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
        held = facts.domains.get(domain)
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
    """The whole plan: every spec in creation order, its links checked, then what ``--prune`` deletes."""
    ordered = in_creation_order(specs)
    new_domains = {s.request.domain_name for s in ordered if isinstance(s.request, CreateDomainRequest)}
    reader = Reader(connection, new_domains)
    items = plan_all(reader, ordered, concurrency, progress, retrier)
    reads, templates = reads_needed(ordered, skip_rules, prune=prune)
    facts = read_domains(connection, reads, concurrency=concurrency, templates=templates)
    warned = link_warnings(ordered, facts, skip_rules)
    items = [
        _missing_domain(item)
        if _domain_missing(facts, item.domain, new_domains)
        else attrs.evolve(item, warnings=tuple(found)) if found and item.action != "failed" else item
        for item, found in zip(items, warned)
    ]
    return items + prune_items(items, facts) if prune else items


def _domain_missing(facts: Facts, domain: str, new_domains: Collection[str]) -> bool:
    held = facts.domains.get(domain)
    return held is not None and not held.exists and domain not in new_domains


def _missing_domain(item: PlanItem) -> PlanItem:
    """An item of a domain that does not exist and that no spec creates: it fails, saying why."""
    error = (
        f"ResourceNotFoundException: domain {item.domain} does not exist: create it, or add a "
        f'{{"CreateDomain": {{"DomainName": "{item.domain}", ...}}}} item to the specs'
    )
    return attrs.evolve(item, action="failed", changes=(), error=error)
