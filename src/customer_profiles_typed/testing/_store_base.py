"""What every part of the store shares: its one lock, its clock, its quotas and its domains.

The store is split by resource (``_store_integrations``, ``_store_object_types``,
``_store_event_triggers``, ``_store_tags``), each part a mixin over
``StoreBase``; ``_state.Store`` puts them together. Every public method of
every part takes ``_lock`` for its whole run, so cross-resource checks (a
trigger named by an integration, a URI held by another domain) see one
consistent state.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping

from customer_profiles_typed.testing._errors import BAD_REQUEST, NOT_FOUND, ServiceError
from customer_profiles_typed.testing._pagination import TokenBook
from customer_profiles_typed.testing._quotas import Quotas, tag_limit
from customer_profiles_typed.testing._records import DomainState


def missing_domain(name: str) -> ServiceError:
    """The answer for a domain that does not exist."""
    return ServiceError(NOT_FOUND, f"Domain {name} not found.")


def merge_tags(current: Mapping[str, str] | None, added: Mapping[str, str] | None) -> dict[str, str] | None:
    """``current`` with ``added`` applied as TagResource applies them (new keys added, values replaced).

    ``BadRequestException`` if the resource would hold more tags than the model allows.
    """
    merged = dict(current or {})
    merged.update(added or {})
    limit = tag_limit()
    if len(merged) > limit:
        raise ServiceError(
            BAD_REQUEST, f"A resource can have at most {limit} tags; this call would leave it {len(merged)}."
        )
    return merged or None


class StoreBase:
    """The shared state of the store's parts: lock, clock, quotas, tokens and domains."""

    def __init__(self, clock: Callable[[], float] = time.time, *, quotas: Quotas | None = None) -> None:
        """Create an empty store whose timestamps come from ``clock`` (epoch seconds).

        ``quotas`` are the limits it enforces, AWS's defaults if ``None``.
        """
        self._clock = clock
        self._lock = threading.Lock()
        self._quotas = quotas if quotas is not None else Quotas()
        self._tokens = TokenBook()
        self._domains: dict[str, DomainState] = {}
        self._flows: dict[str, tuple[str, str]] = {}
        self._last_tick = 0.0

    @property
    def quotas(self) -> Quotas:
        """The limits this store enforces."""
        return self._quotas

    @property
    def tokens(self) -> TokenBook:
        """The NextTokens this store's listings handed out."""
        return self._tokens

    def _tick(self) -> float:
        # Millisecond precision, strictly increasing: every write moves time on.
        now = max(round(self._clock(), 3), round(self._last_tick + 0.001, 3))
        self._last_tick = now
        return now

    def _domain(self, name: str) -> DomainState:
        domain = self._domains.get(name)
        if domain is None:
            raise missing_domain(name)
        return domain
