"""Applying a plan: the request sent for an item, its result, and all items on the thread pool.

An item's failure is its result, never an exception, so one failure does not
stop the others; on Ctrl-C the items not yet started are reported as not applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

import attrs

from customer_profiles_typed.client import IntegrationClient
from customer_profiles_typed.models import PutIntegrationRequest
from customer_profiles_typed.specs import Spec
from customer_profiles_typed.validation import skip_rules

from ._aws import failure_text
from ._bulk import Progress, run_all
from ._flow_hash import FLOW_HASH_TAG, flow_fingerprint
from ._plan import PlanItem, Reader

__all__ = ["Applied", "Result", "apply_all", "apply_one"]

T = TypeVar("T")

Result = Literal["created", "updated", "unchanged", "failed", "not applied"]
"""What became of an item, in the order the summary counts them."""


@attrs.frozen
class Applied:
    """The result of one planned item: its URI now, or why it failed."""

    item: PlanItem
    result: Result
    uri: str | None
    error: str | None = None


def _put_request(item: PlanItem) -> PutIntegrationRequest:
    """The request to send: the spec's, with the flow's hash in the reserved tag."""
    request = item.spec.request
    digest = item.flow_digest
    if digest is None and request.flow_definition is not None:  # not planned by plan_one
        digest = flow_fingerprint(request)
    if digest is None:
        return request
    # Checked when read (with the user's --skip-rule); only the tags change here.
    with skip_rules("all"):
        return attrs.evolve(request, tags={**(request.tags or {}), FLOW_HASH_TAG: digest})


def apply_one(client: IntegrationClient, item: PlanItem) -> Applied:
    """Put one planned item if it creates or updates; never raises (its failure is its result)."""
    if item.action == "unchanged":
        return Applied(item, "unchanged", item.current_uri)
    if item.action == "failed":
        return Applied(item, "failed", item.target.uri, item.error)
    try:
        integration = client.put_integration_request(_put_request(item))
    except Exception as error:  # one item's failure must not stop the others
        return Applied(item, "failed", item.current_uri or item.target.uri, failure_text(error))
    result: Result = "created" if item.action == "create" else "updated"
    return Applied(item, result, integration.uri)


def _not_started(spec: Spec, reader: Reader) -> Applied:
    item = PlanItem(spec, reader.target(spec.request), "failed")
    return Applied(item, "not applied", item.target.uri, "interrupted before it started")


def apply_all(
    items: Sequence[T],
    apply: Callable[[T], Applied],
    spec_of: Callable[[T], Spec],
    *,
    reader: Reader,
    concurrency: int,
    progress: bool,
) -> tuple[list[Applied], bool]:
    """Run ``apply`` on every item, ``concurrency`` at a time; the results, and whether Ctrl-C came.

    ``items`` are specs (each worker plans and puts its own) or planned items;
    ``spec_of`` gives the spec of one.
    """
    interrupted = False
    outcome: list[Applied | None]
    try:
        outcome = run_all(
            items,
            apply,
            concurrency=concurrency,
            progress=Progress(len(items), "applying", progress),
            label=lambda item: spec_of(item).location,
            outcome=lambda applied: str(applied.result),
        )
    except KeyboardInterrupt as stop:
        outcome, interrupted = list(stop.args[0]), True
    results = [
        applied if applied is not None else _not_started(spec_of(item), reader)
        for item, applied in zip(items, outcome)
    ]
    return results, interrupted
