"""The YAML loader of spec files: the safe loader with CloudFormation's short tags, bounded.

A spec file is input from anywhere, so reading it must stay cheap and say
where it went wrong. ``spec_loader`` is ``cloudformation._intrinsics.yaml_loader``
(PyYAML's safe loader knowing ``!Ref``...) with these differences:

- a key written twice in one mapping is an error at the second one, as a JSON
  spec's is (``<<`` merge keys may still be overridden, as YAML defines);
- aliases may add at most ``MAX_ALIAS_NODES`` nodes to a document in all (each
  use adds the nodes of what it names), and never name a node they sit in: an
  "alias bomb" of a few KiB that would expand to billions of nodes is refused
  at the alias that crosses the bound, before anything is built;
- timestamps are read as the strings they are written as, so the model judges
  them like a JSON spec's (a year 0, or an instant before the first UTC
  ``datetime``, is a problem at its field, not an exception of ``datetime``);
- a scalar that cannot be read as its type (an integer of more digits than
  Python converts, ``!!int abc``) is an error at its line and column.

Every refusal is a ``yaml.MarkedYAMLError`` with the position; those of the
bounds are instances of ``spec_loader().Refused``.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["MAX_ALIAS_NODES", "duplicate_key_message", "long_integer_message", "spec_loader"]

MAX_ALIAS_NODES = 10_000
"""How many nodes the aliases of one YAML document may add in all; a spec needs none."""

_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"


def duplicate_key_message(key: object) -> str:
    """What a key written twice in one mapping (YAML) or object (JSON) is called."""
    return f"the key {key!r} appears twice in one object"


def long_integer_message(digits: int) -> str:
    """What an integer too long for Python to convert from text is called."""
    return f"an integer of {digits} digits is too long to read; no request field holds one"


def _children(node: Any) -> list[Any]:
    """The nodes right under a node: a sequence's items, a mapping's keys and values."""
    kind = type(node).__name__
    if kind == "SequenceNode":
        return list(node.value)
    if kind == "MappingNode":
        return [part for pair in node.value for part in pair]
    return []


@functools.cache
def spec_loader() -> Any:
    """The loader class of YAML spec files (``ImportError`` without PyYAML)."""
    # Imported here: the package ``cloudformation`` imports ``specs``, which imports this module.
    from customer_profiles_typed.cloudformation._intrinsics import yaml_loader, yaml_module

    yaml = yaml_module()
    error_base: Any = yaml.MarkedYAMLError

    class Refused(error_base):  # type: ignore[misc]
        """A YAML document beyond the bounds of a spec file."""

    base: Any = yaml_loader()

    class SpecLoader(base):  # type: ignore[misc]
        """The safe loader with short tags, duplicate keys, an alias bound and string timestamps."""

        def __init__(self, stream: Any) -> None:
            base.__init__(self, stream)
            self._sizes: dict[int, int] = {}
            self._complete: set[int] = set()
            self._added = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                target = self.anchors.get(event.anchor)
                if target is not None:
                    self._use(target, event.start_mark)
                return base.compose_node(self, parent, index)
            node = base.compose_node(self, parent, index)
            if getattr(event, "anchor", None) is not None:
                self._complete.add(id(node))
            return node

        def _use(self, target: Any, mark: Any) -> None:
            if id(target) not in self._complete:
                raise Refused(None, None, "an alias inside the node it names", mark)
            self._added += self._size(target)
            if self._added > MAX_ALIAS_NODES:
                raise Refused(
                    None, None, f"aliases add more than {MAX_ALIAS_NODES} nodes to the document", mark
                )

        def _size(self, node: Any) -> int:
            """The nodes under ``node``, itself included, counting each alias use (no recursion)."""
            sizes = self._sizes
            pending: list[tuple[Any, bool]] = [(node, False)]
            while pending:
                current, counted = pending.pop()
                if id(current) in sizes:
                    continue
                children = _children(current)
                if counted:
                    sizes[id(current)] = 1 + sum(sizes[id(child)] for child in children)
                else:
                    pending.append((current, True))
                    pending.extend((child, False) for child in children if id(child) not in sizes)
            return sizes[id(node)]

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                seen: set[object] = set()
                for key_node, _ in node.value:
                    if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                        continue
                    key = self.construct_object(key_node)
                    if key in seen:
                        raise error_base(None, None, duplicate_key_message(key), key_node.start_mark)
                    seen.add(key)
            return base.construct_mapping(self, node, deep=deep)

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return base.construct_object(self, node, deep=deep)
            except (ValueError, KeyError, IndexError, TypeError, OverflowError):
                if node.tag == _INT and isinstance(node.value, str):
                    digits = sum(character.isdigit() for character in node.value)
                    message = long_integer_message(digits)
                else:
                    message = f"a value that cannot be read as its type ({node.tag})"
                raise error_base(None, None, message, node.start_mark) from None

    SpecLoader.Refused = Refused
    SpecLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return SpecLoader
