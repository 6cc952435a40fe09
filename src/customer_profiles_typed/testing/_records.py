"""The records the emulator's store holds: one frozen dataclass per resource.

Timestamps are epoch seconds. Nested parts of a definition (matching
settings, fields, keys, conditions...) are kept as sent, keyed by the model's
member names. Members AWS marks sensitive (an object type's ``Description``,
``Fields`` and ``Keys``; an event trigger's ``Description`` and
``EventTriggerConditions``) are left out of the records' reprs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StoredDomain:
    """A domain as the emulator holds it (timestamps are epoch seconds)."""

    name: str
    default_expiration_days: int
    created_at: float
    last_updated_at: float
    default_encryption_key: str | None = None
    dead_letter_queue_url: str | None = None
    matching: Mapping[str, Any] | None = None
    rule_based_matching: Mapping[str, Any] | None = None
    data_store: Mapping[str, Any] | None = None
    tags: Mapping[str, str] | None = None


@dataclass(frozen=True)
class StoredIntegration:
    """An integration as the emulator holds it (timestamps are epoch seconds).

    ``flow_name`` is set for integrations created from a ``FlowDefinition``;
    ``hidden`` ones are listed only when ``IncludeHidden`` is true. ``scope``
    is as sent (answers say ``PROFILE`` when it is ``None``).
    """

    domain_name: str
    uri: str
    created_at: float
    last_updated_at: float
    object_type_name: str | None = None
    object_type_names: Mapping[str, str] | None = None
    tags: Mapping[str, str] | None = None
    flow_name: str | None = None
    workflow_id: str | None = None
    is_unstructured: bool | None = False
    role_arn: str | None = None
    event_trigger_names: tuple[str, ...] | None = None
    scope: str | None = None
    hidden: bool = False


@dataclass(frozen=True)
class StoredObjectType:
    """A profile object type as the emulator holds it (timestamps are epoch seconds).

    ``fields`` and ``keys`` are the ``Fields`` and ``Keys`` maps as sent.
    """

    domain_name: str
    name: str
    description: str = field(repr=False)
    created_at: float
    last_updated_at: float
    template_id: str | None = None
    expiration_days: int | None = None
    encryption_key: str | None = None
    allow_profile_creation: bool | None = None
    source_last_updated_timestamp_format: str | None = None
    max_profile_object_count: int | None = None
    source_priority: int | None = None
    fields: Mapping[str, Mapping[str, Any]] | None = field(default=None, repr=False)
    keys: Mapping[str, Sequence[Mapping[str, Any]]] | None = field(default=None, repr=False)
    tags: Mapping[str, str] | None = None


@dataclass(frozen=True)
class StoredEventTrigger:
    """An event trigger as the emulator holds it (timestamps are epoch seconds).

    ``conditions`` and ``limits`` are ``EventTriggerConditions`` and
    ``EventTriggerLimits`` as sent.
    """

    domain_name: str
    name: str
    object_type_name: str
    conditions: Sequence[Mapping[str, Any]] = field(repr=False)
    created_at: float
    last_updated_at: float
    description: str | None = field(default=None, repr=False)
    segment_filter: str | None = None
    limits: Mapping[str, Any] | None = None
    tags: Mapping[str, str] | None = None


@dataclass
class DomainState:
    """Everything one domain holds, by name (integrations by URI); mutable, inside the store only."""

    record: StoredDomain
    integrations: dict[str, StoredIntegration] = field(default_factory=lambda: {})
    object_types: dict[str, StoredObjectType] = field(default_factory=lambda: {})
    event_triggers: dict[str, StoredEventTrigger] = field(default_factory=lambda: {})
