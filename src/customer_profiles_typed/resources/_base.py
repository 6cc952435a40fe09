"""What every resource's methods share: making one call, its log lines, the pages of a list.

``SyncResource`` (under ``CustomerProfiles``) and ``AsyncResource`` (under
``AsyncCustomerProfiles``) are the same code but for awaiting: ``_send`` makes
one boto3 call under its deadline (``_guards``) and maps its failures onto
this library's errors, ``_request`` sends a request object and reads the
answer, ``_pages`` and ``_list`` walk a paginated list over ``NextToken``,
fetching each page only when the items before it have been consumed. What is
sent and how an answer is read lives in ``_operations``.

Log records (DEBUG, logger ``customer_profiles_typed``) name the operation and
the request's plain values; a member AWS marks sensitive shows as
``<sensitive>``, never its value.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from customer_profiles_typed import _guards, _operations

if TYPE_CHECKING:
    from customer_profiles_typed._operations import Call, Listing, PageReader, Reader
    from customer_profiles_typed.client import CustomerProfilesClient
    from customer_profiles_typed.models._base import Request

__all__ = ["AsyncResource", "SyncResource", "logger"]

T = TypeVar("T")

logger = logging.getLogger("customer_profiles_typed")
"""The library's logger. Requests are logged at DEBUG, without the values of sensitive members."""


def _shown(value: object) -> str:
    """A request member as a log record shows it: a plain value as is, anything else by its kind."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (str, int, float)):  # bool is an int
        return str(value)
    if isinstance(value, Mapping):
        entries = len(value)  # pyright: ignore[reportUnknownArgumentType]
        return f"<{entries} {'entry' if entries == 1 else 'entries'}>"
    if isinstance(value, tuple):
        items = len(value)  # pyright: ignore[reportUnknownArgumentType]
        return f"<{items} {'item' if items == 1 else 'items'}>"
    return f"<{type(value).__name__}>"


def describe(request: object) -> str:
    """A request object's members for a log record; a sensitive one (no repr) is ``<sensitive>``."""
    parts: list[str] = []
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(request))):
        value: object = getattr(request, field.name)
        if value is None:
            continue
        parts.append(f"{field.name}={'<sensitive>' if not field.repr else _shown(value)}")
    return " ".join(parts)


def log_request(operation: str, request: object) -> None:
    """Log a request about to be sent (DEBUG)."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s %s", operation, describe(request))


def log_done(operation: str, result: object) -> None:
    """Log an answer that was read (DEBUG), with its request id when the result keeps one."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s done request_id=%s", operation, getattr(result, "request_id", None))


def _failure(error: Exception, guard: _guards.CallGuard) -> BaseException | None:
    """What to raise for a failed call: this library's exception, or ``None`` to re-raise ``error``."""
    translated = _operations.translate(error, guard.operation, guard)
    if translated is None or translated is error:
        return None
    return translated


class SyncResource:
    """The base of the sync methods: calls go straight to the wrapped boto3 client."""

    _client: CustomerProfilesClient
    _call_timeout: float | None = _guards.DEFAULT_CALL_TIMEOUT

    def _send(self, call: Call) -> Mapping[str, Any]:
        """Make one boto3 call under its deadline, mapping its failures onto this library's errors."""
        guard = _guards.CallGuard(
            call.operation, timeout=self._call_timeout, read_timeout=_guards.read_timeout_of(self._client)
        )
        with _guards.guarding(guard):
            try:
                response: Mapping[str, Any] = getattr(self._client, call.method)(**call.kwargs)
            except Exception as error:
                translated = _failure(error, guard)
                if translated is None:
                    raise
                raise translated from error
        return response

    def _request(self, request: Request, read: Reader[T]) -> T:
        """Send a request object and read the answer."""
        call = _operations.request_call(request)
        log_request(call.operation, request)
        result = read(self._send(call), call.operation)
        log_done(call.operation, result)
        return result

    def _pages(self, listing: Listing, read: PageReader[T]) -> Iterator[T]:
        """Every item of a list, fetching the next page once the items before it are consumed."""
        call = listing.first
        seen: set[str] = set()
        while True:
            items, token = read(self._send(call), call.operation)
            yield from items
            if token is None:
                return
            call = listing.after(token, seen)

    def _list(self, request: Request, read: PageReader[T]) -> Iterator[T]:
        """Every item of the list a request object asks for; nothing is sent before ``next()``."""
        listing = _operations.listing(request)
        log_request(listing.first.operation, request)
        yield from self._pages(listing, read)


class AsyncResource:
    """The base of the async methods: calls are awaited on the open aiobotocore client."""

    _call_timeout: float | None = _guards.DEFAULT_CALL_TIMEOUT

    @property
    def aiobotocore_client(self) -> Any:
        """The aiobotocore client calls go to (the client class provides it)."""
        raise NotImplementedError

    async def _send(self, call: Call) -> Mapping[str, Any]:
        """Make one aiobotocore call under its deadline, mapping its failures onto this library's errors.

        The whole call, retries included, is cancelled once its deadline passes.
        """
        client = self.aiobotocore_client
        method = getattr(client, call.method)
        guard = _guards.CallGuard(
            call.operation, timeout=self._call_timeout, read_timeout=_guards.read_timeout_of(client)
        )
        with _guards.guarding(guard):
            try:
                pending: Awaitable[Mapping[str, Any]] = method(**call.kwargs)
                left = guard.remaining()
                if left is None:
                    response = await pending
                else:
                    import asyncio  # loaded by the event loop already; the sync client never needs it

                    response = await asyncio.wait_for(pending, left)
            except Exception as error:
                translated = _failure(error, guard)
                if translated is None:
                    raise
                raise translated from error
        return response

    async def _request(self, request: Request, read: Reader[T]) -> T:
        """Send a request object and read the answer."""
        call = _operations.request_call(request)
        log_request(call.operation, request)
        result = read(await self._send(call), call.operation)
        log_done(call.operation, result)
        return result

    async def _pages(self, listing: Listing, read: PageReader[T]) -> AsyncIterator[T]:
        """Every item of a list, fetching the next page once the items before it are consumed."""
        call = listing.first
        seen: set[str] = set()
        while True:
            items: Sequence[T]
            items, token = read(await self._send(call), call.operation)
            for item in items:
                yield item
            if token is None:
                return
            call = listing.after(token, seen)

    async def _list(self, request: Request, read: PageReader[T]) -> AsyncIterator[T]:
        """Every item of the list a request object asks for; nothing is sent before it is iterated."""
        listing = _operations.listing(request)
        log_request(listing.first.operation, request)
        async for item in self._pages(listing, read):
            yield item
