"""The tags this tool reserves, and the canonical hash of a ``FlowDefinition`` it records in one.

AWS never returns a ``FlowDefinition``; ``apply`` records the hash of the one it
puts in ``FLOW_HASH_TAG`` so that ``plan`` can tell whether the flow changed.
The hash is unsalted on purpose (any run must find the same one): whoever can
read the tags can confirm a guess of a flow's content, though not read it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from customer_profiles_typed.models import PutIntegrationRequest

__all__ = [
    "FLOW_HASH_TAG",
    "RESERVED_TAG_PREFIX",
    "canonical",
    "flow_fingerprint",
    "is_reserved_tag",
    "wire_fingerprint",
]

RESERVED_TAG_PREFIX = "customer-profiles-typed:"
"""Tag keys with this prefix belong to this tool; spec files may not set them."""

FLOW_HASH_TAG = RESERVED_TAG_PREFIX + "flow-sha256"
"""The tag holding the SHA-256 of the ``FlowDefinition`` that ``apply`` put last."""


def is_reserved_tag(key: str) -> bool:
    """Whether the tag ``key`` belongs to this tool."""
    return key.startswith(RESERVED_TAG_PREFIX)


def canonical(value: Any) -> Any:
    """``value`` for JSON: timestamps in UTC ISO 8601 (naive ones as UTC), mappings as dicts."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return aware.astimezone(timezone.utc).isoformat()
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, Any]", value)
        return {str(key): canonical(item) for key, item in mapping.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in cast("Iterable[Any]", value)]
    return value


def flow_fingerprint(request: PutIntegrationRequest) -> str | None:
    """The SHA-256 (hex) of the request's ``FlowDefinition`` in canonical JSON; ``None`` without one.

    Canonical: boto3's wire dict, keys sorted, timestamps in UTC ISO 8601, so a
    spec written with ``Z`` or ``+00:00`` or as epoch seconds hashes the same.
    """
    if request.flow_definition is None:
        return None
    return wire_fingerprint(request.to_boto3())


def wire_fingerprint(wire: Mapping[str, Any]) -> str | None:
    """``flow_fingerprint`` of a request already in boto3's shape (its ``to_boto3()``)."""
    flow = wire.get("FlowDefinition")
    if flow is None:
        return None
    text = json.dumps(canonical(flow), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()
