"""What guards one boto3 call: its deadline, and the answer's body before botocore parses it.

Both clients make each call under a ``CallGuard`` (``guarding``). Hooks put
once on the boto3 client's events (``install``) act only while a guard is
active, so calls made on that client directly are left as they were:

- ``before-send`` (each attempt): past the deadline no attempt starts; otherwise
  the attempt's socket reads wait no longer than the time left (botocore's
  per-request ``read_timeout``).
- ``before-parse``: an answer that ends after the deadline is not used, and a
  2xx body that is cut short (fewer bytes than its ``Content-Length``), empty
  where the operation answers members, or anything but a JSON object raises
  ``TransportError``: botocore would read an HTML page, an empty or a truncated
  body as an answer without members, and a JSON array or ``null`` would make
  its parser fail.
- ``needs-retry`` (after each attempt): the parse is over; past the deadline no
  retry is made.

The log filter of ``_redact`` reads the guard too (``current_operation``): the
records botocore makes during a guarded call show no sensitive value.

``CallGuard.parsing`` is true while botocore parses an answer, so that an
exception its parser raises (a timestamp of ``"yesterday"`` or ``1e300``) is
known to come from the answer: ``_operations.translate`` makes it a
``TransportError``. The async client also bounds the whole call with
``asyncio.wait_for``; the sync client has no way to interrupt a read in
progress, see ``CallGuard``.
"""

from __future__ import annotations

import contextvars
import json
import math
import time
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from typing import Any, cast

from customer_profiles_typed import _redact
from customer_profiles_typed._nesting import MAX_WIRE_DEPTH, nests_deeper_than
from customer_profiles_typed.errors import ConfigurationError, TransportError

DEFAULT_CALL_TIMEOUT = 300.0
"""Seconds one call may take by default, its retries and their pauses included.

Five minutes: far more than an answered call takes with botocore's default
retries (three attempts, pauses of at most 20 s), and not for ever.
"""

_ACTIVE: contextvars.ContextVar[CallGuard | None] = contextvars.ContextVar(
    "customer_profiles_typed_call_guard", default=None
)

_HOOK_ID = "customer-profiles-typed-guard"


def checked_timeout(value: object) -> float | None:
    """``value`` as a call timeout in seconds; ``ConfigurationError`` unless positive, finite or ``None``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise ConfigurationError(
            f"call_timeout must be a positive number of seconds, or None for no deadline; got {value!r}"
        )
    return float(value)


class CallGuard:
    """One call under way: its operation, its deadline and whether its answer is being parsed.

    The sync client cannot interrupt a socket read in progress (Python's
    blocking sockets time out per read, and botocore reads a whole body in
    one call), so there the deadline is kept where botocore hands control
    back: before each attempt, after each answer, before each retry. Each
    attempt's reads wait at most the time left, so a server that stops
    sending is cut at the deadline; one that keeps sending a slow answer is
    cut once that answer has ended.
    """

    def __init__(self, operation: str, *, timeout: float | None, read_timeout: float | None) -> None:
        """Start the clock of ``operation``; ``read_timeout`` is the client's own, per socket read."""
        self.operation = operation
        self.timeout = timeout
        self.read_timeout = read_timeout
        self.deadline = None if timeout is None else time.monotonic() + timeout
        self.parsing = False

    def remaining(self) -> float | None:
        """Seconds left before the deadline (0 or less: passed; ``None``: no deadline)."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def overdue(self) -> bool:
        """True once the deadline has passed."""
        left = self.remaining()
        return left is not None and left <= 0

    def overdue_error(self) -> TransportError:
        """The ``TransportError`` of a call that ran out of time."""
        return TransportError(
            f"no usable answer within the call timeout of {self.timeout:g} s "
            "(the client's call_timeout)",
            operation=self.operation,
        )


@contextmanager
def guarding(guard: CallGuard) -> Generator[CallGuard, None, None]:
    """Make ``guard`` the one the hooks see for the call made inside the block."""
    token = _ACTIVE.set(guard)
    try:
        yield guard
    finally:
        _ACTIVE.reset(token)


def current_operation() -> str | None:
    """The operation of this library's call under way in this thread or task, if any."""
    guard = _ACTIVE.get()
    return None if guard is None else guard.operation


def read_timeout_of(client: object) -> float | None:
    """The per-read timeout a boto3 client is configured with, if it tells."""
    value = getattr(getattr(getattr(client, "meta", None), "config", None), "read_timeout", None)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def install(client: object) -> None:
    """Put the hooks on a boto3 or aiobotocore client (once; a client without events is left alone).

    Also puts the filter that keeps sensitive values out of botocore's log
    records of the calls made under a guard (``_redact``).
    """
    _redact.install(current_operation)
    events = getattr(getattr(client, "meta", None), "events", None)
    register = getattr(events, "register", None)
    if register is None:
        return
    register("before-send.customer-profiles", _before_send, unique_id=f"{_HOOK_ID}-send")
    register("before-parse.customer-profiles", _before_parse, unique_id=f"{_HOOK_ID}-parse")
    register("needs-retry.customer-profiles", _after_attempt, unique_id=f"{_HOOK_ID}-retry")


def _before_send(request: Any = None, **_: Any) -> None:
    guard = _ACTIVE.get()
    if guard is None:
        return
    left = guard.remaining()
    if left is None:
        return
    if left <= 0:
        raise guard.overdue_error()
    context = getattr(request, "context", None)
    if isinstance(context, dict):
        limit = left if guard.read_timeout is None else min(left, guard.read_timeout)
        context["read_timeout"] = limit


def _before_parse(operation_model: Any = None, response_dict: Any = None, **_: Any) -> None:
    guard = _ACTIVE.get()
    if guard is None:
        return
    if guard.overdue():
        raise guard.overdue_error()
    if isinstance(response_dict, Mapping):
        answer = cast("Mapping[str, Any]", response_dict)
        problem = body_problem(answer, _answers_members(operation_model))
        if problem is not None:
            raise TransportError(f"the response could not be read: {problem}", operation=guard.operation)
    guard.parsing = True


def _after_attempt(caught_exception: BaseException | None = None, **_: Any) -> None:
    guard = _ACTIVE.get()
    if guard is None:
        return
    guard.parsing = False
    if guard.overdue():
        error = guard.overdue_error()
        raise error from caught_exception


def _answers_members(operation_model: Any) -> bool:
    """Whether the operation's answer carries members in its body (so an empty body is not an answer)."""
    shape = getattr(operation_model, "output_shape", None)
    members: Mapping[str, Any] = getattr(shape, "members", None) or {}
    return any(member.serialization.get("location") is None for member in members.values())


def body_problem(response_dict: Mapping[str, Any], answers_members: bool) -> str | None:
    """What is wrong with a 2xx answer's body, or ``None``: it is a JSON object, whole.

    ``response_dict`` is botocore's (``status_code``, ``headers``, ``body``).
    The body's contents are never quoted: they may hold sensitive values.
    """
    status = response_dict.get("status_code")
    body = response_dict.get("body")
    if not isinstance(status, int) or not 200 <= status < 300 or not isinstance(body, (bytes, bytearray)):
        return None  # an error answer (botocore reads it leniently) or a stream
    headers = _lowered(response_dict.get("headers"))
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and "content-encoding" not in headers and int(declared) != len(body):
        return f"the body is {len(body)} bytes where its Content-Length says {int(declared)}"
    if not body.strip():
        return "the body is empty" if answers_members else None
    too_deep = f"the body nests too deeply to be read ({len(body)} bytes)"
    try:
        document: object = json.loads(body)
    except RecursionError:
        return too_deep
    except ValueError:  # UnicodeDecodeError is a ValueError too
        kind = headers.get("content-type") or "no Content-Type"
        return f"the body is not JSON ({kind}, {len(body)} bytes)"
    if nests_deeper_than(document, MAX_WIRE_DEPTH):  # parsed, on Pythons whose parser allows it
        return too_deep
    if not isinstance(document, dict):
        return f"the body is {_json_kind(document)}, not a JSON object"
    return None


def _lowered(headers: object) -> dict[str, str]:
    if not isinstance(headers, Mapping):
        return {}
    items: Mapping[object, object] = headers  # pyright: ignore[reportUnknownVariableType]
    return {str(name).lower(): str(value) for name, value in items.items()}


def _json_kind(document: object) -> str:
    if document is None:
        return "JSON null"
    if isinstance(document, list):
        return "a JSON array"
    if isinstance(document, str):
        return "a JSON string"
    if isinstance(document, bool):
        return "a JSON boolean"
    return "a JSON number"
