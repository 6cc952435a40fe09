"""How deeply parsed JSON nests, measured without recursion.

Python's JSON parser recurses: on some versions a deep document raises
``RecursionError``, on others (3.13) it parses. Readers of untrusted JSON
therefore measure the depth themselves, with one iterative walk, and refuse a
document past their limit the same way on every version.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

__all__ = ["MAX_WIRE_DEPTH", "nests_deeper_than"]

MAX_WIRE_DEPTH = 100
"""How deeply a request or response body may nest lists and objects; AWS's deepest shape needs about 12."""


def nests_deeper_than(document: object, limit: int) -> bool:
    """Whether ``document`` nests lists and objects (dicts) more than ``limit`` levels deep.

    Walked level by level, keeping only the lists and dicts of each level: a
    document of many scalars costs one ``isinstance`` per value.
    """
    containers = (dict, list)
    level: list[object] = [document] if isinstance(document, containers) else []
    depth = 1
    while level:
        if depth > limit:
            return True
        below: list[object] = []
        for value in level:
            children: Iterable[object] = (
                cast("dict[object, object]", value).values()
                if isinstance(value, dict)
                else cast("list[object]", value)
            )
            below += [child for child in children if isinstance(child, containers)]
        level = below
        depth += 1
    return False
