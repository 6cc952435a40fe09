"""Reading the resource ARN of the tag operations (rule TG2 of ``object-type-rules.md``).

The forms, the domain first and the resource's name or URI verbatim after
its kind::

    arn:<partition>:profile:<region>:<account>:domains/<DomainName>
    arn:<partition>:profile:<region>:<account>:domains/<DomainName>/<kind>/<name>

``<kind>`` is ``object-types``, ``integrations`` (the name is the Uri, colons
and slashes included) or ``event-triggers``. An ARN of another region,
account or partition than the caller's, or of a kind the emulator does not
serve (event streams, segment definitions...), names nothing here: such a
resource cannot exist, so it is not found. Text that is no Customer Profiles
resource ARN at all is a bad request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from customer_profiles_typed.arns import partition_of
from customer_profiles_typed.errors import ValidationError
from customer_profiles_typed.testing._errors import BAD_REQUEST, NOT_FOUND, ServiceError

OBJECT_TYPES = "object-types"
INTEGRATIONS = "integrations"
EVENT_TRIGGERS = "event-triggers"

_ARN = re.compile(
    r"arn:(?P<partition>[^:]+):profile:(?P<region>[^:]*):(?P<account>[^:]*):"
    r"domains/(?P<domain>[^/]+)(?:/(?P<kind>[^/]+)/(?P<name>.+))?"
)


@dataclass(frozen=True)
class ResourceRef:
    """A resource of the caller's account and region: its domain, its kind and name (none for the domain)."""

    arn: str
    domain_name: str
    kind: str | None = None
    name: str | None = None

    def not_found(self) -> ServiceError:
        """The answer for a resource that does not exist."""
        return ServiceError(NOT_FOUND, f"Resource {self.arn} not found.")


def _partition(region: str) -> str | None:
    try:
        return partition_of(region)
    except ValidationError:
        return None


def parse_resource_arn(arn: str, *, region: str, account_id: str) -> ResourceRef:
    """The resource ``arn`` names in ``account_id``'s ``region``.

    ``BadRequestException`` for text of another form; ``ResourceNotFoundException``
    for an ARN of another place or of a kind no operation here makes.
    """
    found = _ARN.fullmatch(arn)
    if found is None:
        raise ServiceError(BAD_REQUEST, f"{arn} is not the ARN of a Customer Profiles resource.")
    ref = ResourceRef(arn=arn, domain_name=found["domain"], kind=found["kind"], name=found["name"])
    partition = _partition(region)
    elsewhere = (
        found["region"] != region
        or found["account"] != account_id
        or (partition is not None and found["partition"] != partition)
    )
    if elsewhere or ref.kind not in (None, OBJECT_TYPES, INTEGRATIONS, EVENT_TRIGGERS):
        raise ref.not_found()
    return ref
