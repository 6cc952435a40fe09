"""Fault injection: planned failures for the next calls of an operation.

Faults for one operation are queued in the order they were injected; each
is used for ``times`` calls and then dropped. A fault either replaces the
operation (an error answer, a dropped connection or a malformed body: the
operation has no effect) or, with only ``latency``, delays a normal answer.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

from customer_profiles_typed.testing._errors import status_for


@dataclass(frozen=True)
class Fault:
    """How one call of an operation misbehaves."""

    error_code: str | None = None
    status: int | None = None
    message: str | None = None
    latency: float | None = None
    drop_connection: bool = False
    malformed_body: bool = False

    @property
    def replaces_operation(self) -> bool:
        """True if the operation is not carried out (error, dropped connection, malformed body)."""
        return self.error_code is not None or self.drop_connection or self.malformed_body


def make_fault(
    *,
    error_code: str | None,
    status: int | None,
    message: str | None,
    latency: float | None,
    drop_connection: bool,
    malformed_body: bool,
) -> Fault:
    """Check a fault's options and build it; raises ``ValueError`` for contradictions."""
    chosen = sum((error_code is not None, drop_connection, malformed_body))
    if chosen > 1:
        raise ValueError("choose at most one of error_code, drop_connection and malformed_body")
    if chosen == 0 and latency is None:
        raise ValueError("a fault needs error_code, latency, drop_connection or malformed_body")
    if latency is not None and latency < 0:
        raise ValueError("latency must not be negative")
    if error_code is None and (status is not None or message is not None):
        raise ValueError("status and message apply only with error_code")
    if error_code is not None and status is None:
        status = status_for(error_code)
        if status is None:
            raise ValueError(f"unknown error code {error_code!r}: pass status= to give its HTTP status")
    if status is not None and not 400 <= status <= 599:
        raise ValueError("status must be an HTTP error status (400-599)")
    return Fault(
        error_code=error_code,
        status=status,
        message=message,
        latency=latency,
        drop_connection=drop_connection,
        malformed_body=malformed_body,
    )


@dataclass
class _Planned:
    fault: Fault
    remaining: int


class FaultPlan:
    """Thread-safe queues of faults, by operation name."""

    def __init__(self) -> None:
        """Create an empty plan."""
        self._lock = threading.Lock()
        self._queues: dict[str, deque[_Planned]] = {}

    def add(self, operation: str, fault: Fault, times: int) -> None:
        """Use ``fault`` for the next ``times`` calls of ``operation`` (after faults already queued)."""
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._queues.setdefault(operation, deque()).append(_Planned(fault, times))

    def take(self, operation: str) -> Fault | None:
        """The fault for this call of ``operation``, if one is planned (and count it as used)."""
        with self._lock:
            queue = self._queues.get(operation)
            if not queue:
                return None
            planned = queue[0]
            planned.remaining -= 1
            if planned.remaining == 0:
                queue.popleft()
            return planned.fault

    def pending(self, operation: str) -> int:
        """How many planned faulty calls of ``operation`` are still to come."""
        with self._lock:
            return sum(planned.remaining for planned in self._queues.get(operation, ()))

    def clear(self) -> None:
        """Forget every planned fault."""
        with self._lock:
            self._queues.clear()
