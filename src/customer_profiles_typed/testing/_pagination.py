"""``MaxResults``/``NextToken`` pagination over sorted listings.

A token is a short random string (22 characters) that stands for a row kept
server-side in a ``TokenBook``: the request it was issued for (its operation
and every argument but ``MaxResults`` and ``NextToken``) and the sort key of
the last item returned. It says nothing about the listing, it is accepted
only by the same request (another operation's, domain's or filter's token is
``BadRequestException``), and a page boundary stays stable while items are
added or removed between calls. The same request at the same position gets
the same token back, so a retried call is answered identically. A book keeps
the most recently used ``TOKEN_CAPACITY`` tokens; an older one is refused as
expired.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from customer_profiles_typed.testing._errors import BAD_REQUEST, ServiceError

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 100
"""Items per page when the caller sends no ``MaxResults``."""

TOKEN_CAPACITY = 10_000
"""Tokens a ``TokenBook`` remembers; the least recently used are forgotten first."""

_TOKEN_BYTES = 16
"""Random bytes per token: 22 URL-safe characters, far below the model's 1024."""


class TokenBook:
    """The NextTokens handed out, each bound to its request and position (thread-safe)."""

    def __init__(self, capacity: int = TOKEN_CAPACITY) -> None:
        """Create an empty book remembering up to ``capacity`` tokens."""
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._lock = threading.Lock()
        self._rows: OrderedDict[str, tuple[Hashable, str]] = OrderedDict()
        self._issued: dict[tuple[Hashable, str], str] = {}

    def issue(self, scope: Hashable, after: str) -> str:
        """The token of the page after sort key ``after`` for the request ``scope``."""
        with self._lock:
            token = self._issued.get((scope, after))
            if token is None:
                token = secrets.token_urlsafe(_TOKEN_BYTES)
                while token in self._rows:
                    token = secrets.token_urlsafe(_TOKEN_BYTES)
                self._rows[token] = (scope, after)
                self._issued[(scope, after)] = token
                while len(self._rows) > self._capacity:
                    _, row = self._rows.popitem(last=False)
                    del self._issued[row]
            else:
                self._rows.move_to_end(token)
            return token

    def resolve(self, token: str, scope: Hashable) -> str:
        """The sort key ``token`` stands for; ``BadRequestException`` unless issued for ``scope``."""
        with self._lock:
            row = self._rows.get(token)
            if row is None:
                raise ServiceError(BAD_REQUEST, "The NextToken is not valid or has expired.")
            if row[0] != scope:
                raise ServiceError(BAD_REQUEST, "The NextToken was issued for another request.")
            self._rows.move_to_end(token)
            return row[1]

    def __len__(self) -> int:
        """How many tokens the book remembers."""
        with self._lock:
            return len(self._rows)


_PROCESS_BOOK = TokenBook()
"""The book of ``paginate`` calls that name none (a store always names its own)."""


def paginate(
    items: Sequence[T],
    key: Callable[[T], str],
    *,
    max_results: int | None,
    next_token: str | None,
    tokens: TokenBook | None = None,
    scope: Hashable = (),
) -> tuple[list[T], str | None]:
    """One page of ``items`` (sorted by ``key``) and the token of the next page, if any.

    ``scope`` identifies the request (tokens of another scope are refused);
    ``tokens`` is the book they are kept in, a process-wide one if ``None``.
    """
    book = tokens if tokens is not None else _PROCESS_BOOK
    size = max_results if max_results is not None else DEFAULT_PAGE_SIZE
    remaining = list(items)
    if next_token is not None:
        after = book.resolve(next_token, scope)
        remaining = [item for item in remaining if key(item) > after]
    page = remaining[:size]
    token = book.issue(scope, key(page[-1])) if len(remaining) > size and page else None
    return page, token
