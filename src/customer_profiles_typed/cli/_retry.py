"""Item-level retries of ``plan`` and ``apply``: throttling and server errors, backoff with jitter, a deadline.

botocore retries each call, but its retry quota is per client and every
worker shares one client: under heavy throttling the quota runs dry and calls
fail at once. Each read of ``plan`` and each call of ``apply`` therefore
retries on its own, after botocore has given up, with capped exponential
backoff and full jitter, until it succeeds, its attempts are spent or the
run's deadline would pass. Only answers that say the request was not
processed (throttling) or failed on AWS's side (HTTP 5xx) are retried; a
refused request is final. The wait is ``run_graph``'s: a call waiting for
its retry holds no worker.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import attrs

from customer_profiles_typed.errors import InternalServerError, ServiceError, ThrottlingError

__all__ = ["Retrier", "retryable"]


def retryable(error: BaseException) -> bool:
    """Whether ``error`` is worth another try: throttling, or an error on AWS's side."""
    if isinstance(error, (ThrottlingError, InternalServerError)):
        return True
    return isinstance(error, ServiceError) and (error.http_status or 0) >= 500


@attrs.frozen
class Retrier:
    """When to retry a read or an item's call; shared by every worker (it holds no state of a call)."""

    attempts: int = 8
    """Tries per call, the first included; each try is a whole botocore call with its own retries."""

    deadline: float | None = None
    """The ``time.monotonic()`` after which no try starts; ``None`` for no deadline."""

    base: float = 0.25
    """The first backoff's upper bound, in seconds; it doubles with each retry."""

    cap: float = 20.0
    """The largest backoff, in seconds."""

    jitter: Callable[[], float] = random.random
    """A number in [0, 1) drawn for each backoff (full jitter)."""

    clock: Callable[[], float] = time.monotonic
    """The clock of ``deadline``."""

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and self.clock() >= self.deadline

    def delay_after(self, error: BaseException | None, retries: int) -> float | None:
        """How long to wait before retrying after ``error`` and ``retries`` retries; ``None``: do not."""
        if error is None or not retryable(error) or retries + 1 >= self.attempts:
            return None
        delay = self.jitter() * min(self.cap, self.base * 2.0**retries)
        if self.deadline is not None and self.clock() + delay >= self.deadline:
            return None
        return delay
