"""Applying a plan: the call made for each item, its result, and all items in dependency order.

An item runs once everything it needs (its domain, the object types and
triggers it names, see ``_dependencies``) has been applied; an item whose need
failed is not applied, and says which; unrelated items go on. An item's
failure is its result, never an exception; on Ctrl-C the items not yet started
are reported as not applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from customer_profiles_typed._dependencies import KINDS, dependencies
from customer_profiles_typed.models import PutIntegrationRequest
from customer_profiles_typed.validation import skip_rules

from ._aws import Connection, failure_text
from ._bulk import Progress, run_graph
from ._flow_hash import FLOW_HASH_TAG, flow_fingerprint
from ._kinds import delete, send
from ._plan import PlanItem
from ._retry import Retrier

__all__ = ["Applied", "Result", "apply_all", "apply_one", "needs_of"]

Result = Literal["created", "updated", "deleted", "unchanged", "failed", "not applied"]
"""What became of an item, in the order the summary counts them."""

_DONE: frozenset[Result] = frozenset({"created", "updated", "deleted", "unchanged"})


@attrs.frozen
class Applied:
    """The result of one planned item: what names it now (an integration's URI), or why it failed."""

    item: PlanItem
    result: Result
    uri: str | None
    error: str | None = None
    retries: int = 0
    """How many times the item's call was retried after throttling or a server error."""

    cause: Exception | None = attrs.field(default=None, repr=False, eq=False)
    """The exception of a failed call, to decide whether to retry it."""

    @property
    def succeeded(self) -> bool:
        """Whether the item is as planned now: created, updated, deleted or unchanged."""
        return self.result in _DONE


def _put_request(item: PlanItem, request: PutIntegrationRequest) -> PutIntegrationRequest:
    """The request to send: the spec's, with the flow's hash in the reserved tag."""
    digest = item.flow_digest
    if digest is None and request.flow_definition is not None:  # not planned by plan_one
        digest = flow_fingerprint(request)
    if digest is None:
        return request
    # Checked when read (with the user's --skip-rule); only the tags change here.
    with skip_rules("all"):
        return attrs.evolve(request, tags={**(request.tags or {}), FLOW_HASH_TAG: digest})


def _call(connection: Connection, item: PlanItem) -> str:
    """Make the call of a create, update or delete; what names the resource now."""
    if item.action == "delete":
        delete(connection, item.kind, item.domain, item.key.name)
        return item.key.name
    assert item.spec is not None  # only deletions have no spec
    request = item.spec.request
    if isinstance(request, PutIntegrationRequest):
        return connection.client.put_integration_request(_put_request(item, request)).uri
    return send(connection, request, item.current, item.changes)


_RESULTS: dict[str, Result] = {"create": "created", "update": "updated", "delete": "deleted"}


def apply_one(connection: Connection, item: PlanItem, attempt: int = 1, retrier: Retrier = Retrier()) -> Applied:
    """Make one attempt at the call of a planned item (``attempt`` counts from 1); never raises."""
    retries = attempt - 1
    if item.action == "unchanged":
        return Applied(item, "unchanged", item.uri_label)
    if item.action == "failed":
        return Applied(item, "failed", item.target.uri if item.target else None, item.error)
    if retrier.expired():
        reason = "the deadline passed before it started" if attempt == 1 else "the deadline passed"
        return Applied(item, "not applied", item.uri_label, reason, retries)
    try:
        name = _call(connection, item)
    except Exception as error:  # one item's failure must not stop the others
        where = item.current_uri or (item.target.uri if item.target else item.key.name)
        return Applied(item, "failed", where, failure_text(error), retries, error)
    return Applied(item, _RESULTS[item.action], name, retries=retries)


def needs_of(items: Sequence[PlanItem]) -> list[tuple[int, ...]]:
    """For each item, the positions of the items it needs applied first.

    A spec item needs what ``_dependencies`` says. A deletion runs after every
    spec item of its domain (an update may drop the reference to what is
    deleted) and after the deletions of the kinds that name its kind.
    """
    specs = [(i, item.spec) for i, item in enumerate(items) if item.spec is not None]
    spec_positions = [i for i, _ in specs]
    requests = [spec.request for _, spec in specs]
    found: list[tuple[int, ...]] = [() for _ in items]
    for position, need in zip(spec_positions, dependencies(requests)):
        found[position] = tuple(spec_positions[n] for n in need)
    for position, item in enumerate(items):
        if item.action != "delete":
            continue
        rank = KINDS.index(item.key.kind)
        found[position] = tuple(
            other
            for other, before in enumerate(items)
            if before.domain == item.domain
            and (
                before.spec is not None
                or (before.action == "delete" and KINDS.index(before.key.kind) > rank)
            )
        )
    return found


def _blocked(item: PlanItem, need: PlanItem, applied: Applied) -> Applied:
    what = "was not applied" if applied.result == "not applied" else "failed"
    return Applied(item, "not applied", item.uri_label, f"needs {need.key}, which {what}")


def apply_all(
    connection: Connection,
    items: Sequence[PlanItem],
    *,
    concurrency: int,
    progress: bool,
    retrier: Retrier = Retrier(),
) -> tuple[list[Applied], bool]:
    """Apply every item in dependency order, ``concurrency`` at a time; the results, and whether Ctrl-C came."""
    interrupted = False
    outcome: list[Applied | None]
    try:
        outcome = run_graph(
            items,
            lambda item, attempt: apply_one(connection, item, attempt, retrier),
            needs=needs_of(items),
            succeeded=lambda applied: bool(applied.succeeded),
            blocked=lambda item, at, applied: _blocked(item, items[at], applied),
            concurrency=concurrency,
            progress=Progress(len(items), "applying", progress),
            label=lambda item: item.location,
            outcome=lambda applied: str(applied.result),
            again=lambda applied, attempt: retrier.delay_after(applied.cause, attempt - 1),
        )
    except KeyboardInterrupt as stop:
        outcome, interrupted = list(stop.args[0]), True
    results = [
        applied
        if applied is not None
        else Applied(item, "not applied", item.uri_label, "interrupted before it started")
        for item, applied in zip(items, outcome)
    ]
    return results, interrupted
