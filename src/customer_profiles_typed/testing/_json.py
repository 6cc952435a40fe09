"""Type guards for decoded JSON values, which arrive typed as ``Any``."""

from __future__ import annotations

from typing import Any, TypeGuard


def is_object(value: object) -> TypeGuard[dict[str, Any]]:
    """True if ``value`` is a JSON object (keys of JSON objects are always strings)."""
    return isinstance(value, dict)


def is_array(value: object) -> TypeGuard[list[Any]]:
    """True if ``value`` is a JSON array."""
    return isinstance(value, list)
