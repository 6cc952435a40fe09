"""How deeply parsed JSON nests, measured without recursion.

Python's JSON parser recurses: on some versions a deep document raises
``RecursionError``, on others (3.13) it parses. Readers of untrusted JSON
therefore measure the depth themselves, with one iterative walk, and refuse a
document past their limit the same way on every version.
"""

from __future__ import annotations

from typing import cast

__all__ = ["MAX_WIRE_DEPTH", "nests_deeper_than"]

MAX_WIRE_DEPTH = 100
"""How deeply a request or response body may nest lists and objects; AWS's deepest shape needs about 12."""


def nests_deeper_than(document: object, limit: int) -> bool:
    """Whether ``document`` nests lists and objects (dicts) more than ``limit`` levels deep."""
    pending: list[tuple[object, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict):
            children: list[object] = list(cast("dict[object, object]", value).values())
        elif isinstance(value, list):
            children = cast("list[object]", value)
        else:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False
