"""The service quotas one emulated account holds in one region, and the answer to a breach.

The defaults are AWS's documented defaults (``object-type-rules.md`` section 6,
``appflow-rules.md`` section 9); the library's own constants are reused where
it has them. No operation of these resources models a quota error
(``ServiceQuotaExceededException`` is not in their error shapes), so a breach
is answered with the error every one of them models for refused input:
``BadRequestException`` (400). The tags a resource may hold are not a quota
here: the model fixes them (50, no adjustment), see ``tag_limit``.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from customer_profiles_typed.links import DEFAULT_EVENT_TRIGGER_QUOTA, DEFAULT_OBJECT_TYPE_QUOTA
from customer_profiles_typed.rules.object_types import MAX_FIELDS, MAX_KEY_DEFINITIONS
from customer_profiles_typed.testing._botocore import service_model
from customer_profiles_typed.testing._errors import BAD_REQUEST, ServiceError

DEFAULT_DOMAIN_QUOTA = 100
"""Domains per account and region, AWS's default (adjustable)."""

DEFAULT_INTEGRATION_QUOTA = 50
"""Integrations per domain, AWS's default (adjustable at account level)."""


@dataclass(frozen=True)
class Quotas:
    """How many of each resource an emulated account may hold in one region.

    Every limit is a whole number, 0 or more; a call that would go beyond one
    is refused with ``BadRequestException`` and changes nothing. Updating a
    resource that already exists never counts against its quota.
    """

    domains: int = DEFAULT_DOMAIN_QUOTA
    """Domains per account and region (CreateDomain)."""

    integrations_per_domain: int = DEFAULT_INTEGRATION_QUOTA
    """Integrations per domain, hidden ones included (PutIntegration)."""

    object_types_per_domain: int = DEFAULT_OBJECT_TYPE_QUOTA
    """Profile object types per domain (PutProfileObjectType; rule O48)."""

    fields_per_object_type: int = MAX_FIELDS
    """Entries of an object type's ``Fields`` (PutProfileObjectType; rule O17)."""

    keys_per_object_type: int = MAX_KEY_DEFINITIONS
    """Key definitions of an object type, every entry of every key's list (rule O40)."""

    event_triggers_per_domain: int = DEFAULT_EVENT_TRIGGER_QUOTA
    """Event triggers per domain (CreateEventTrigger; rule E20)."""

    def __post_init__(self) -> None:
        """Refuse a limit that is not a whole number of 0 or more (``ValueError``)."""
        for field in dataclasses.fields(self):
            value: object = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"quota {field.name} must be a whole number of 0 or more, got {value!r}")


def quota_reached(limit: int, what: str, where: str) -> ServiceError:
    """The answer to one resource too many: ``what`` is e.g. "integrations per domain"."""
    return ServiceError(BAD_REQUEST, f"The quota of {what} ({limit}) is reached{where}.")


def over_quota(count: int, limit: int, what: str) -> ServiceError:
    """The answer to a definition with too many parts: ``what`` is e.g. "fields per object type"."""
    return ServiceError(BAD_REQUEST, f"{count} is above the quota of {limit} {what}.")


@functools.lru_cache(maxsize=1)
def tag_limit() -> int:
    """The most tags one resource may hold: the model's maximum of a ``TagResource`` tag map."""
    shape = service_model().operation_model("TagResource").input_shape
    assert shape is not None
    return int(shape.members["tags"].metadata["max"])
