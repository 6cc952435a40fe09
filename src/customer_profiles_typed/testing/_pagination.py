"""``MaxResults``/``NextToken`` pagination over sorted listings.

A token is an opaque, URL-safe encoding of the sort key of the last item
returned, so a page boundary stays stable while items are added or removed
between calls.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import TypeVar

from customer_profiles_typed.testing._errors import BAD_REQUEST, ServiceError
from customer_profiles_typed.testing._json import is_object

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 100
"""Items per page when the caller sends no ``MaxResults``."""


def _encode(after: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": after}).encode()).decode()


def _decode(token: str) -> str:
    try:
        document = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, binascii.Error) as error:
        raise ServiceError(BAD_REQUEST, "The NextToken is not valid.") from error
    after = document.get("after") if is_object(document) else None
    if not isinstance(after, str):
        raise ServiceError(BAD_REQUEST, "The NextToken is not valid.")
    return after


def paginate(
    items: Sequence[T],
    key: Callable[[T], str],
    *,
    max_results: int | None,
    next_token: str | None,
) -> tuple[list[T], str | None]:
    """One page of ``items`` (sorted by ``key``) and the token of the next page, if any."""
    size = max_results if max_results is not None else DEFAULT_PAGE_SIZE
    remaining = list(items)
    if next_token is not None:
        after = _decode(next_token)
        remaining = [item for item in remaining if key(item) > after]
    page = remaining[:size]
    token = _encode(key(page[-1])) if len(remaining) > size and page else None
    return page, token
