"""What the rules of one object share: an analysis of the object, made once for all of them.

Several rules of a class read the same facts of an object (the tasks of a flow,
the fields and keys of an object type), so the facts are gathered in one pass
and kept for the object checked last: its rules run one after the other.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["LastAnalysis"]

O = TypeVar("O")
A = TypeVar("A")


class LastAnalysis(Generic[O, A]):
    """``analyse(obj)`` for the object asked about last, made again only for another object.

    Held through a weak reference that forgets the analysis (and the values,
    sensitive ones included, it points to) as soon as the object is gone.
    """

    __slots__ = ("_analyse", "_entry")

    def __init__(self, analyse: Callable[[O], A]) -> None:
        """Keep the analysis of the object checked last; ``analyse`` makes one."""
        self._analyse = analyse
        self._entry: tuple[weakref.ref[O], A] | None = None

    def of(self, obj: O) -> A:
        """The analysis of ``obj``, made now unless it is the object asked about last."""
        entry = self._entry
        if entry is not None and entry[0]() is obj:
            return entry[1]
        found = self._analyse(obj)
        self._entry = (weakref.ref(obj, self._forget), found)
        return found

    def _forget(self, gone: weakref.ref[O]) -> None:
        entry = self._entry
        if entry is not None and entry[0] is gone:
            self._entry = None
