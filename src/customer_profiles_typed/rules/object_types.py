"""The rules of object types (``object-type-rules.md``) the AWS model cannot express, one function per rule."""

from __future__ import annotations

__all__: list[str] = []
