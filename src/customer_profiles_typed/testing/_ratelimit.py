"""Optional rate limits per operation: token buckets that answer ThrottlingException.

A limit allows ``burst`` calls at once and refills at ``per_second`` calls
per second. Like AWS's API rate quotas it applies per account and region:
each (operation, account, region) has its own bucket. A call that finds its
bucket empty is throttled; it takes no token, so it does not delay the
calls after it. Time comes from an injectable clock (seconds).
"""

from __future__ import annotations

import collections
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _positive_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value > 0


@dataclass(frozen=True)
class RateLimit:
    """A token bucket: ``burst`` calls at once, refilled at ``per_second`` calls per second."""

    per_second: float
    """Sustained rate: tokens added per second (may be below 1, e.g. 0.5 for one call every 2 s)."""

    burst: int
    """Bucket size: calls allowed back to back when the bucket is full (at least 1)."""

    def __post_init__(self) -> None:
        """Refuse rates that are not positive and finite, and bursts below 1."""
        if not _positive_number(self.per_second):
            raise ValueError(f"per_second must be a positive, finite number, got {self.per_second!r}")
        if not _whole_number(self.burst) or self.burst < 1:
            raise ValueError(f"burst must be an integer of at least 1, got {self.burst!r}")


@dataclass
class _Bucket:
    limit: RateLimit
    tokens: float
    updated: float

    def take(self, now: float) -> bool:
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(float(self.limit.burst), self.tokens + elapsed * self.limit.per_second)
        self.updated = max(self.updated, now)
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class RateLimiter:
    """The rate limits of every operation and their buckets (thread-safe)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        """No limits yet; buckets refill by ``clock`` (seconds, e.g. ``time.monotonic``)."""
        self._clock = clock
        self._lock = threading.Lock()
        self._limits: dict[str, RateLimit] = {}
        self._buckets: dict[tuple[str, str, str], _Bucket] = {}
        self._throttled: collections.Counter[str] = collections.Counter()

    def set(self, operation: str, limit: RateLimit | None) -> None:
        """Limit ``operation`` (``None`` lifts its limit); its buckets start full again."""
        with self._lock:
            if limit is None:
                self._limits.pop(operation, None)
            else:
                self._limits[operation] = limit
            for key in [key for key in self._buckets if key[0] == operation]:
                del self._buckets[key]

    def limits(self) -> dict[str, RateLimit]:
        """The limit of every limited operation."""
        with self._lock:
            return dict(self._limits)

    def admit(self, operation: str, account_id: str, region: str) -> bool:
        """Take a token for one call; ``False`` if the call is to be throttled."""
        with self._lock:
            limit = self._limits.get(operation)
            if limit is None:
                return True
            now = self._clock()
            key = (operation, account_id, region)
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(limit, float(limit.burst), now)
            if bucket.take(now):
                return True
            self._throttled[operation] += 1
            return False

    def throttled(self, operation: str | None = None) -> int:
        """Calls throttled so far for ``operation`` (all operations if ``None``)."""
        with self._lock:
            return sum(self._throttled.values()) if operation is None else self._throttled[operation]
