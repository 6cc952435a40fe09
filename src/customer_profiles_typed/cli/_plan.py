"""Planning: the current integration of each request, and the field-level changes putting it makes.

What ``plan`` compares: AWS's ``GetIntegration`` returns every field of a
request except ``FlowDefinition``, which is compared through the hash ``apply``
records in ``FLOW_HASH_TAG``.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from customer_profiles_typed.errors import ResourceNotFoundError
from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.models import PutIntegrationRequest
from customer_profiles_typed.specs import Spec

from ._aws import Connection, failure_text
from ._bulk import Progress, run_all
from ._flow_hash import FLOW_HASH_TAG, canonical, is_reserved_tag, wire_fingerprint

__all__ = ["Action", "Change", "PlanItem", "Reader", "Target", "diff", "plan_all", "plan_one"]

_DEFAULT_SCOPE = "PROFILE"


@attrs.frozen
class Target:
    """Which integration a request puts: a URI, or the flow whose ARN AWS will assign."""

    domain: str
    uri: str | None
    flow_name: str | None

    @property
    def label(self) -> str:
        """The URI, or the name of the new flow when its ARN is not known."""
        if self.uri is not None:
            return self.uri
        return f"new flow {self.flow_name}"


class Reader:
    """Finds the current integration of each request, sharing one list call per domain."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self._domain_locks: dict[str, threading.Lock] = {}
        self._listed: dict[str, list[Integration]] = {}

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
                found = list(client.list_integrations(domain_name=domain, include_hidden=True))
                self._listed[domain] = found
            return found


@attrs.frozen
class Change:
    """One field that putting a request changes: added, changed or removed."""

    field: str
    kind: Literal["add", "change", "remove"]
    old: Any
    new: Any


Action = Literal["create", "update", "unchanged", "failed"]
"""What ``apply`` would do with a request, in the order the plan counts them."""


@attrs.frozen
class PlanItem:
    """One request of the plan: its target, what ``apply`` would do, and why."""

    spec: Spec
    target: Target
    action: Action
    changes: tuple[Change, ...] = ()
    current_uri: str | None = None
    error: str | None = None
    flow_digest: str | None = None
    """The ``flow_fingerprint`` of the request, once planned; ``None`` without a flow."""

    @property
    def uri_label(self) -> str:
        """The URI of the current integration, else that of the target."""
        return self.current_uri if self.current_uri is not None else self.target.label


def _compare(field: str, old: Any, new: Any) -> list[Change]:
    if old == new:
        return []
    if old is None:
        return [Change(field, "add", None, new)]
    if new is None:
        return [Change(field, "remove", old, None)]
    return [Change(field, "change", old, new)]


def _compare_maps(field: str, old: Mapping[str, str], new: Mapping[str, str]) -> list[Change]:
    changes: list[Change] = []
    for key in sorted(set(old) | set(new)):
        changes += _compare(f"{field}.{key}", old.get(key), new.get(key))
    return changes


def _user_tags(tags: Mapping[str, str] | None) -> dict[str, str]:
    return {k: v for k, v in (tags or {}).items() if not is_reserved_tag(k)}


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
    changes += _compare("ObjectTypeName", now.get("ObjectTypeName"), wanted.get("ObjectTypeName"))
    changes += _compare_maps(
        "ObjectTypeNames", now.get("ObjectTypeNames") or {}, wanted.get("ObjectTypeNames") or {}
    )
    digest = wire_fingerprint(wire)
    if digest is not None:
        recorded = (current.tags or {}).get(FLOW_HASH_TAG) if current is not None else None
        if current is not None and recorded is None:
            changes.append(Change("FlowDefinition", "change", "(not recorded)", _flow_label(digest)))
        elif recorded != digest:
            changes += _compare("FlowDefinition", _flow_label(recorded), _flow_label(digest))
    changes += _compare("RoleArn", now.get("RoleArn"), wanted.get("RoleArn"))
    # AWS answers [] for an integration without triggers, the same as leaving them out.
    changes += _compare(
        "EventTriggerNames",
        now.get("EventTriggerNames") or None,
        wanted.get("EventTriggerNames") or None,
    )
    if current is None:
        changes += _compare("Scope", None, wanted.get("Scope"))
    else:
        changes += _compare("Scope", _scope(now.get("Scope")), _scope(wanted.get("Scope")))
    # A put adds and changes tags but never removes one (tags of an existing
    # integration change through TagResource/UntagResource, rule X12): a tag
    # the spec leaves out stays, so it is no change that apply would make.
    wanted_tags = _user_tags(request.tags)
    current_tags = {
        key: value
        for key, value in _user_tags(current.tags if current else None).items()
        if key in wanted_tags
    }
    changes += _compare_maps("Tags", current_tags, wanted_tags)
    return changes


def plan_one(reader: Reader, spec: Spec) -> PlanItem:
    """Read the current integration of ``spec`` and plan it; a failure is its action, never raised."""
    target = reader.target(spec.request)
    try:
        current = reader.current(target)
        wire = spec.request.to_boto3()  # once: for the diff and the flow's hash
        changes = tuple(diff(spec.request, current, wire))
        digest = wire_fingerprint(wire)
    except Exception as error:  # one item's failure must not stop the others
        return PlanItem(spec, target, "failed", error=failure_text(error))
    if current is None:
        return PlanItem(spec, target, "create", changes, flow_digest=digest)
    action: Action = "update" if changes else "unchanged"
    return PlanItem(spec, target, action, changes, current_uri=current.uri, flow_digest=digest)


def plan_all(
    reader: Reader, specs: Sequence[Spec], concurrency: int, progress: bool
) -> list[PlanItem]:
    """Plan every spec, ``concurrency`` reads at a time, in spec order; progress if asked."""
    return run_all(
        specs,
        lambda spec: plan_one(reader, spec),
        concurrency=concurrency,
        progress=Progress(len(specs), "reading", progress),
        label=lambda spec: spec.location,
        outcome=lambda item: str(item.action),
    )
