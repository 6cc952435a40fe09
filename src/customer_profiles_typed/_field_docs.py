"""Field documentation for ``help()`` and pydoc: an "Attributes:" section built from the attribute docstrings.

The docstring under each field of a model class is what IDEs show on hover, but
Python keeps no such docstring at run time, so ``help(Task)`` would list the
fields without a word. A class that inherits ``FieldDocs`` gets a ``__doc__``
that is its own docstring followed by an "Attributes:" section holding the
docstring of each attrs field, in the order of the fields (inherited ones
included). The section is read from the class's source file with ``ast`` the
first time ``__doc__`` is asked for, never at import: importing a model costs
one small object per class. Without the source (a build that ships no ``.py``
files) the docstring is the class's own.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["FieldDocs", "module_field_docs"]


@functools.cache
def module_field_docs(filename: str) -> Mapping[str, Mapping[str, str]]:
    """Class name -> field name -> docstring, for the classes of one source file."""
    try:
        tree = ast.parse(Path(filename).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    found: dict[str, dict[str, str]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        docs: dict[str, str] = {}
        for statement, following in zip(node.body, node.body[1:]):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = inspect.cleandoc(following.value.value)
        found.setdefault(node.name, docs)
    return found


def _field_docs_of(cls: type) -> Mapping[str, str]:
    module = sys.modules.get(cls.__module__)
    filename = getattr(module, "__file__", None)
    if not filename:
        return {}
    return module_field_docs(filename).get(cls.__name__, {})


def _attributes_section(owner: type) -> str:
    """The "Attributes:" section of an attrs class, or ``""`` if no field has a docstring."""
    fields: tuple[object, ...] = getattr(owner, "__attrs_attrs__", ())
    lines: list[str] = []
    for field in fields:
        name = str(getattr(field, "name", ""))
        doc = next((docs[name] for docs in map(_field_docs_of, owner.__mro__) if name in docs), None)
        if doc is None:
            continue
        first, *rest = doc.splitlines()
        lines.append(f"    {name}: {first}")
        lines += [f"        {line}" if line else "" for line in rest]
    return "Attributes:\n" + "\n".join(lines) if lines else ""


class _Doc:
    """A class's ``__doc__``: its own docstring, plus the field section once asked for."""

    __slots__ = ("_built", "_own")

    def __init__(self, own: str) -> None:
        self._own = own
        self._built: dict[type, str] = {}

    def __get__(self, instance: object, owner: type | None = None) -> str:
        cls = owner if owner is not None else type(instance)
        built = self._built.get(cls)
        if built is None:
            section = _attributes_section(cls)
            own = inspect.cleandoc(self._own)
            built = self._built[cls] = f"{own}\n\n{section}" if section else own
        return built


class FieldDocs:
    """Mixin: ``help()`` and pydoc show the docstring of every attrs field of the class."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("__doc__")
        if isinstance(own, str):  # attrs copies a _Doc over to the slotted class: kept as is
            setattr(cls, "__doc__", _Doc(own))  # noqa: B010 - __doc__ is typed str on type
