"""Package attributes loaded on first use: the module ``__getattr__`` of the lazy packages.

The package root, ``models`` and ``enums`` name their members in a table and
import a member's module the first time the member is asked for (PEP 562).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def attribute_loader(package: str, modules: Mapping[str, str]) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: ``name`` imported from ``modules[name]``, then kept there.

    A name the table does not hold raises ``AttributeError``, as any module does.
    """

    def load(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return load
