"""Paths into a request, kept in both spellings: Python attributes and AWS wire names."""

from __future__ import annotations

import attrs

from customer_profiles_typed._wire import FIELDS, python_member


@attrs.frozen
class Path:
    """A location in a request: ``flow_definition.tasks[3]`` / ``FlowDefinition.Tasks[3]``."""

    python: str = ""
    wire: str = ""

    def member(self, shape: str, wire_member: str) -> Path:
        """Step into a wire member of a structure of the given AWS shape."""
        py = python_member(shape, wire_member)
        return Path(
            self.python if py is None else _join(self.python, py),
            _join(self.wire, wire_member),
        )

    def attribute(self, shape: str, python_name: str) -> Path:
        """Step into a Python attribute of an object modelling the given AWS shape."""
        wire = FIELDS.get(shape, {}).get(python_name, python_name)
        return Path(_join(self.python, python_name), _join(self.wire, wire))

    def wire_only(self, wire_member: str) -> Path:
        """Step into a wire level that Python folds away (``ConnectorOperator.S3``)."""
        return Path(self.python, _join(self.wire, wire_member))

    def index(self, position: int) -> Path:
        """Step into an item of a list."""
        return Path(f"{self.python}[{position}]", f"{self.wire}[{position}]")

    def key(self, key: object) -> Path:
        """Step into an entry of a map."""
        text = getattr(key, "value", key)
        return Path(f"{self.python}[{text!r}]", f"{self.wire}[{text!r}]")


ROOT = Path()


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name
