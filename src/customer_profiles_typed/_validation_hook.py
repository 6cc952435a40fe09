"""The switches that decide whether new model objects check themselves.

Kept apart from ``validation`` so that building a model object costs one context
variable read until the first real check imports the validation machinery.
The model classes sit above this module and validation far above it, so
``on_init`` and ``skip_rules`` are entry points, and an entry point may call up:
they import ``validation`` when first called, never at import time
(``docs/architecture.md``, ``tests/test_layers.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from contextlib import contextmanager
from contextvars import ContextVar

_deferred: ContextVar[bool] = ContextVar("customer_profiles_typed_deferred", default=False)
_skipped: ContextVar[frozenset[str]] = ContextVar(
    "customer_profiles_typed_skipped_rules", default=frozenset()
)


def on_init(obj: object) -> None:
    """Check a freshly built model object, unless checks are deferred."""
    if _deferred.get():
        return
    global _check  # noqa: PLW0603 - bound on first use to keep imports lazy
    if _check is None:
        from customer_profiles_typed.validation import check_new_object

        _check = check_new_object
    _check(obj)


_check: Callable[[object], None] | None = None


@contextmanager
def deferred() -> Generator[None, None, None]:
    """Build objects without checking them; the caller checks the whole tree after."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


@contextmanager
def skip_rules(*rule_ids: str) -> Generator[None, None, None]:
    """Skip documented rules (``"K4"``, ``"K7"``..., or ``"all"``) inside a ``with`` block.

    Applies to objects built and requests sent inside the block, in this thread
    or task. The AWS model's own constraints (required members, types, lengths,
    patterns, enum values) are never skipped::

        with skip_rules("K4"):
            flow = FlowDefinition(...)  # no projection task: accepted
            client.put_integration(domain_name="d", flow_definition=flow)

    An ID that names no rule raises ``ValueError``: a typo would skip nothing.
    """
    from customer_profiles_typed.validation import check_rule_ids

    with skipping(check_rule_ids(rule_ids)):
        yield


def skipped_rules() -> frozenset[str]:
    """The rule IDs skipped in the current context (``"all"`` skips every rule)."""
    return _skipped.get()


@contextmanager
def skipping(rules: frozenset[str]) -> Generator[None, None, None]:
    """Skip the given rule IDs, on top of those already skipped, inside the block."""
    token = _skipped.set(_skipped.get() | rules)
    try:
        yield
    finally:
        _skipped.reset(token)
