"""What botocore's log records of this library's calls show: never the values AWS marks sensitive.

At DEBUG, botocore logs each request with its parameters (``botocore.endpoint``:
"Making request for ... with params: {...}", the serialized body included) and
each answer's body (``botocore.parsers``: "Response body"); aiobotocore logs
through the same two loggers. ``install`` puts a ``logging.Filter`` on both.
While a call of this library is under way (``_guards`` tells which operation),
the filter rewrites each of their records: in a body that is a JSON object,
the value of every member whose shape the AWS model marks sensitive becomes
``<sensitive>``, found by walking the operation's input shape (requests) or
output shape (answers); a key the shape does not know is judged by name (a
member name whose shape is sensitive anywhere in the model). A body that is
not JSON (an answer cut short may still hold a value) is shown by its size
only, and a record that cannot be rewritten is replaced whole: no failure
lets a value through. Records of calls made on a boto3 client directly are
left as they were.

To see the values while debugging, set the environment variable
``CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE=1`` (read at each record).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from customer_profiles_typed import _model

if TYPE_CHECKING:
    from botocore.model import Shape

SWITCH = "CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE"
"""The environment variable that, set to ``1``, lets botocore's records show sensitive values."""

PLACEHOLDER = "<sensitive>"
"""What a sensitive value is replaced with in a log record."""

LOGGERS = ("botocore.endpoint", "botocore.parsers")
"""The loggers whose records carry request parameters and bodies (aiobotocore logs through them)."""

_REQUEST_LOGGER = "botocore.endpoint"


def showing_sensitive_values() -> bool:
    """Whether the switch (``CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE=1``) lets records show sensitive values."""
    return os.environ.get(SWITCH, "").strip().lower() in ("1", "true", "yes", "on")


class RedactingFilter(logging.Filter):
    """Rewrites the records of botocore's request and answer loggers made during this library's calls.

    ``current_operation`` names the operation of the call under way in this
    thread or task, or ``None`` outside this library's calls (records then
    pass unchanged).
    """

    def __init__(self, current_operation: Callable[[], str | None]) -> None:
        """Judge each record by the operation ``current_operation`` names."""
        super().__init__()
        self._current_operation = current_operation

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record`` in place (always kept: only what it shows changes)."""
        operation = self._current_operation()
        if operation is None or showing_sensitive_values():
            return True
        try:
            message = redacted_message(record, operation)
        except Exception:  # never leak: a record that cannot be redacted is replaced whole
            message = (
                f"(a {record.name} record of {operation}, not shown: it could not be "
                f"checked for sensitive values; set {SWITCH}=1 to see it)"
            )
        record.msg, record.args = message, ()
        return True


def install(current_operation: Callable[[], str | None]) -> None:
    """Put the filter on botocore's request and answer loggers (once per logger)."""
    for name in LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(each, RedactingFilter) for each in target.filters):
            target.addFilter(RedactingFilter(current_operation))


def redacted_message(record: logging.LogRecord, operation: str) -> str:
    """The message of ``record`` with the sensitive values of ``operation``'s shapes replaced."""
    shape = _shape_of(operation, request=record.name == _REQUEST_LOGGER)
    args = record.args
    if isinstance(args, Mapping):  # logging keeps a lone mapping argument as the args themselves
        return str(record.msg) % _redacted_argument(args, shape)
    if not args:
        return str(record.msg)
    return str(record.msg) % tuple(_redacted_argument(value, shape) for value in args)


def _shape_of(operation: str, *, request: bool) -> Shape | None:
    """The input (``request``) or output shape of ``operation``; ``None`` if the model has none."""
    try:
        model = _model.service_model().operation_model(operation)
    except Exception:  # an operation this model does not know: judge by names
        return None
    return model.input_shape if request else model.output_shape


def _redacted_argument(value: object, shape: Shape | None) -> object:
    """One argument of a record: botocore's request dict, a body, or anything else (kept)."""
    if isinstance(value, (bytes, bytearray, str)):
        return redacted_body(value, shape)
    request = _request_dict(value)
    if request is None:
        return value
    body = request["body"]
    if isinstance(body, Mapping):
        request["body"] = redacted(dict(cast("Mapping[object, object]", body)), shape)
    elif isinstance(body, (bytes, bytearray, str)):
        request["body"] = redacted_body(body, shape)
    elif body is not None:
        request["body"] = f"<{type(body).__name__}, not shown>"
    return request


def _request_dict(value: object) -> dict[str, object] | None:
    """A copy of botocore's request dict (a mapping with a ``body``), or ``None`` for anything else."""
    if isinstance(value, Mapping) and "body" in value:
        return dict(cast("Mapping[str, object]", value))
    return None


def redacted_body(body: bytes | bytearray | str, shape: Shape | None) -> object:
    """A request or answer body as a record may show it.

    JSON: re-serialized with the sensitive values replaced (the body itself
    when nothing is). Empty: as it is. Anything else: its size only, since a
    body that is not JSON (an answer cut short) may still hold a value.
    """
    if not body.strip():
        return body
    try:
        document: object = json.loads(body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError too
        return f"<{len(body)} {'characters' if isinstance(body, str) else 'bytes'}, not JSON: not shown>"
    shown = redacted(document, shape)
    if shown == document:
        return body
    text = json.dumps(shown, separators=(",", ":"))
    return text if isinstance(body, str) else text.encode()


def redacted(document: object, shape: Shape | None) -> object:
    """``document`` (a decoded JSON value of ``shape``) with every sensitive value replaced.

    Without a shape, or where the document is not what the shape describes,
    keys are judged by name (``sensitive_names``).
    """
    if shape is None:
        return _by_name(document)
    if shape.metadata.get("sensitive"):
        return PLACEHOLDER
    kind = shape.type_name
    if kind == "structure" and isinstance(document, dict):
        members = _model.members(shape)
        entries = cast("dict[object, object]", document)
        return {
            key: redacted(value, members[key]) if isinstance(key, str) and key in members else _by_name_entry(key, value)
            for key, value in entries.items()
        }
    if kind == "list" and isinstance(document, list):
        item_shape = _model.list_member(shape)
        return [redacted(item, item_shape) for item in cast("list[object]", document)]
    if kind == "map" and isinstance(document, dict):
        key_shape, value_shape = _model.map_key_value(shape)
        hidden = bool(key_shape.metadata.get("sensitive"))
        entries = cast("dict[object, object]", document)
        return {
            (f"{PLACEHOLDER} #{position}" if hidden else key): redacted(value, value_shape)
            for position, (key, value) in enumerate(entries.items())
        }
    return _by_name(document)


def _by_name_entry(key: object, value: object) -> object:
    return PLACEHOLDER if key in sensitive_names() else _by_name(value)


def _by_name(document: object) -> object:
    """``document`` with the value of every key that names a sensitive member anywhere replaced."""
    if isinstance(document, dict):
        entries = cast("dict[object, object]", document)
        return {key: _by_name_entry(key, value) for key, value in entries.items()}
    if isinstance(document, list):
        return [_by_name(item) for item in cast("list[object]", document)]
    return document


@functools.cache
def sensitive_names() -> frozenset[str]:
    """Every member name whose shape the AWS model marks sensitive, in any structure of the service."""
    model = _model.service_model()
    return frozenset(
        member
        for name in model.shape_names
        for member, target in _model.members(model.shape_for(name)).items()
        if target.metadata.get("sensitive")
    )
