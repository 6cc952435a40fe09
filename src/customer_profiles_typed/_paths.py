"""Paths into a request, kept in both spellings: Python attributes and AWS wire names.

A path is built step by step while checks walk a request, but its two strings are
only needed when a problem is found, so each step just records itself and the
strings are made (once) when asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from customer_profiles_typed._wire import FIELDS, python_member


def shown(value: object, write: Callable[[object], str] = repr) -> str:
    """``repr(value)`` (or ``write(value)``) for paths and messages, never raising.

    Python writes out no integer of more than 4,300 digits (``ValueError``):
    such a value is named by its type instead.
    """
    try:
        return write(value)
    except ValueError:
        return f"<{type(value).__name__} too long to show>"


class Path:
    """A location in a request: ``flow_definition.tasks[3]`` / ``FlowDefinition.Tasks[3]``."""

    __slots__ = ("_parent", "_python_step", "_wire_step", "_python", "_wire")

    def __init__(
        self,
        parent: Path | None = None,
        python_step: str | None = None,
        wire_step: str | None = None,
    ) -> None:
        self._parent = parent
        self._python_step = python_step
        self._wire_step = wire_step
        self._python: str | None = None if parent is not None else ""
        self._wire: str | None = None if parent is not None else ""

    @property
    def python(self) -> str:
        """The path as Python attributes, e.g. ``flow_definition.tasks[3].task_type``."""
        if self._python is None:
            assert self._parent is not None
            self._python = _extend(self._parent.python, self._python_step)
        return self._python

    @property
    def wire(self) -> str:
        """The path as AWS wire names, e.g. ``FlowDefinition.Tasks[3].TaskType``."""
        if self._wire is None:
            assert self._parent is not None
            self._wire = _extend(self._parent.wire, self._wire_step)
        return self._wire

    def member(self, shape: str, wire_member: str) -> Path:
        """Step into a wire member of a structure of the given AWS shape."""
        return Path(self, python_member(shape, wire_member), wire_member)

    def attribute(self, shape: str, python_name: str) -> Path:
        """Step into a Python attribute of an object modelling the given AWS shape."""
        return Path(self, python_name, FIELDS.get(shape, {}).get(python_name, python_name))

    def wire_only(self, wire_member: str) -> Path:
        """Step into a wire level that Python folds away (``ConnectorOperator.S3``)."""
        return Path(self, None, wire_member)

    def index(self, position: int) -> Path:
        """Step into an item of a list."""
        return Path(self, f"[{position}]", f"[{position}]")

    def key(self, key: object) -> Path:
        """Step into an entry of a map."""
        text = f"[{shown(getattr(key, 'value', key))}]"
        return Path(self, text, text)

    def hidden_key(self, position: int) -> Path:
        """Step into an entry of a map whose key must not be shown (sensitive): by position."""
        text = f"[<key #{position}, not shown>]"
        return Path(self, text, text)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Path):
            return NotImplemented
        return (self.python, self.wire) == (other.python, other.wire)

    def __hash__(self) -> int:
        return hash((self.python, self.wire))

    def __repr__(self) -> str:
        return f"Path(python={self.python!r}, wire={self.wire!r})"


ROOT = Path()
"""The request itself."""


def _extend(prefix: str, step: str | None) -> str:
    if step is None:
        return prefix
    if step.startswith("[") or not prefix:
        return f"{prefix}{step}"
    return f"{prefix}.{step}"
