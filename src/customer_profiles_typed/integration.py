"""The response side: ``Integration``, what AWS says about an integration.

``PutIntegration``, ``GetIntegration`` and the items of ``ListIntegrations`` and
``ListAccountIntegrations`` all have this shape. Responses are read leniently: a
key this version does not know is kept in ``unknown_fields`` and an enum value
it does not know is kept as a plain string, so a newer AWS never breaks reading
and ``to_boto3`` gives everything back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from customer_profiles_typed._timestamps import as_utc
from customer_profiles_typed.enums import Scope

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Integration"]


def _utc(value: datetime) -> datetime:
    """Normalize a timestamp to an aware UTC ``datetime`` (boto3 hands out local time)."""
    if not hasattr(value, "astimezone"):
        return value  # not a datetime: kept as is for the caller to report
    return as_utc(value)


def _frozen_map(values: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    return None if values is None else MappingProxyType(dict(values))


def _frozen_extra(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


def _names(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen(kw_only=True)
class Integration:
    """An integration of a Customer Profiles domain, as AWS describes it.

    AWS shapes ``PutIntegrationResponse``, ``GetIntegrationResponse`` and
    ``ListIntegrationItem``.
    """

    domain_name: str
    """The unique name of the domain. Wire ``DomainName``."""

    uri: str
    """The URI of the integration's source, e.g. the ARN of the AppFlow flow AWS created. Wire ``Uri``."""

    created_at: datetime
    """When the integration was created, as an aware UTC ``datetime``. Wire ``CreatedAt``."""

    last_updated_at: datetime
    """When the integration was last updated, as an aware UTC ``datetime``. Wire ``LastUpdatedAt``."""

    object_type_name: str | None = None
    """The name of the profile object type. Wire ``ObjectTypeName``."""

    tags: Mapping[str, str] | None = attrs.field(default=None, converter=_frozen_map)
    """The tags of the integration. Wire ``Tags``."""

    object_type_names: Mapping[str, str] | None = attrs.field(default=None, converter=_frozen_map)
    """Event type of an external application -> object type name used to ingest it. Wire ``ObjectTypeNames``."""

    workflow_id: str | None = None
    """The id of the workflow that set up the integration, if any. Wire ``WorkflowId``."""

    is_unstructured: bool | None = None
    """Whether the integration ingests unstructured data (object type ``_unstructured``). Wire ``IsUnstructured``."""

    role_arn: str | None = None
    """The ARN of the IAM role the integration's workflow runs as. Wire ``RoleArn``."""

    event_trigger_names: tuple[str, ...] | None = attrs.field(default=None, converter=_names)
    """The names of the event triggers of the integration. Wire ``EventTriggerNames``."""

    scope: Scope | str | None = None
    """Profile-level (``Scope.PROFILE``) or domain-level (``Scope.DOMAIN``) data; a value newer than this library stays a ``str``. Wire ``Scope``."""

    unknown_fields: Mapping[str, Any] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_frozen_extra, repr=False
    )
    """Keys of the response this version of the library does not know, kept as sent."""

    request_id: str | None = attrs.field(default=None, eq=False, repr=False)
    """The AWS request id of the call that returned this (from ``ResponseMetadata``), if known."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "created_at", _utc(self.created_at))
        object.__setattr__(self, "last_updated_at", _utc(self.last_updated_at))

    @classmethod
    def from_boto3(cls, response: Mapping[str, Any]) -> Self:
        """Read a boto3 response (``ResponseMetadata`` is ignored), leniently.

        Unknown keys land in ``unknown_fields``; an unknown ``Scope`` stays a
        string. A response that lacks a required member or has a wrong type
        raises ``ValidationError`` naming the field.
        """
        from customer_profiles_typed._converter import structure_integration

        return structure_integration(cls, response)

    def to_boto3(self) -> dict[str, Any]:
        """Return the wire dict of the integration, unknown fields included."""
        from customer_profiles_typed._converter import unstructure_integration

        return unstructure_integration(self)
