"""Integrations: the ``PutIntegration`` request and the ``Integration`` response, as attrs classes.

The classes mirror the AWS structures of the same names, with two places where
the Python shape is more precise than the wire shape, so that a whole class of
mistakes cannot be written down:

- the connector type follows from the source properties class
  (``S3SourceProperties`` means ``ConnectorType: "S3"`` and the ``S3`` key);
- a task's connector operator is a member of one connector's operator enum
  (``S3ConnectorOperator.PROJECTION`` means ``ConnectorOperator: {"S3": "PROJECTION"}``).

``FlowDefinition``, ``SourceFlowConfig`` and ``Task`` are generic over that
operator enum, so a type checker rejects a Zendesk source with an S3 task.
Every object checks itself when it is built and raises ``ValidationError``
listing all its problems; see ``customer_profiles_typed.validation``.

``from_boto3`` and ``to_boto3`` are entry points, and an entry point may call up:
they import the converter and validation layers inside the method, at call
time, never at import time (``docs/architecture.md``, ``tests/test_layers.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeAlias, TypeVar, Union, cast

import attrs

from customer_profiles_typed import _validation_hook
from customer_profiles_typed._field_docs import FieldDocs
from customer_profiles_typed._timestamps import as_utc
from customer_profiles_typed.enums import (
    DataPullMode,
    MarketoConnectorOperator,
    OperatorPropertiesKeys,
    S3ConnectorOperator,
    SalesforceConnectorOperator,
    Scope,
    ServiceNowConnectorOperator,
    SourceConnectorType,
    TaskType,
    TriggerType,
    ZendeskConnectorOperator,
)
from customer_profiles_typed.models._base import EMPTY_MAP

if TYPE_CHECKING:
    from typing_extensions import Self

    from customer_profiles_typed.wire_types import PutIntegrationDict

__all__ = [
    "AnyFlowDefinition",
    "ConnectorOperator",
    "FlowDefinition",
    "IncrementalPullConfig",
    "Integration",
    "MarketoSourceProperties",
    "OperatorT",
    "PutIntegrationRequest",
    "S3SourceProperties",
    "SalesforceSourceProperties",
    "ScheduledTriggerProperties",
    "ServiceNowSourceProperties",
    "SourceConnectorProperties",
    "SourceFlowConfig",
    "Task",
    "TriggerConfig",
    "TriggerProperties",
    "ZendeskSourceProperties",
]

OperatorT = TypeVar(
    "OperatorT",
    MarketoConnectorOperator,
    S3ConnectorOperator,
    SalesforceConnectorOperator,
    ServiceNowConnectorOperator,
    ZendeskConnectorOperator,
)
"""The operator enum of one source connector; ties a flow's tasks to its source."""

ConnectorOperator: TypeAlias = Union[
    MarketoConnectorOperator,
    S3ConnectorOperator,
    SalesforceConnectorOperator,
    ServiceNowConnectorOperator,
    ZendeskConnectorOperator,
]
"""Any connector's operator: the AWS ``ConnectorOperator`` structure holds exactly one."""


MapT = TypeVar("MapT", bound="Mapping[Any, str] | None")


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    """Freeze a list of strings; anything that is not one is kept for validation to name."""
    raw: object = values
    kind = type(raw)
    if kind is list or kind is tuple:  # the usual cases, without an ABC check
        return tuple(values)
    if isinstance(raw, (str, bytes, Mapping)) or not hasattr(raw, "__iter__"):
        return cast("tuple[str, ...]", values)
    return tuple(values)


def _optional_strings(values: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if values is None else _strings(values)


def _frozen(values: MapT) -> MapT:
    """A read-only view of a private copy of a map; anything else is kept for validation."""
    raw: object = values
    if type(raw) is dict:  # the usual case, without an ABC check
        return cast("MapT", MappingProxyType(cast(Any, raw).copy()) if raw else EMPTY_MAP)
    if values is None:  # the other usual case
        return values
    if isinstance(cast(object, values), Mapping):
        items = cast("Mapping[Any, Any]", values)
        return cast("MapT", MappingProxyType(dict(items)))
    return values


def _str_map(values: Mapping[str, str] | None) -> Mapping[str, str] | None:
    """Freeze a map into a read-only view of a private copy."""
    return _frozen(values)


def _property_map(
    values: Mapping[OperatorPropertiesKeys, str] | None,
) -> Mapping[OperatorPropertiesKeys, str] | None:
    """Freeze a task's properties into a read-only view of a private copy."""
    return _frozen(values)


class _Checked(FieldDocs):
    """Mixin: run the model constraints and rules of the class once it is built."""

    __slots__ = ()

    __attrs_post_init__ = _validation_hook.on_init
    """Check the new object (attrs calls it last in ``__init__``); one call less than a method calling it."""


class _Sensitive(_Checked):
    """Mixin for the parts of a ``FlowDefinition``, which AWS marks sensitive: no values in reprs."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<sensitive>)"


# --- Source connectors -------------------------------------------------------


class SourceConnectorProperties(Generic[OperatorT]):
    """The properties of one source connector (AWS ``SourceConnectorProperties``).

    Use the subclass of the connector you read from: ``S3SourceProperties``,
    ``SalesforceSourceProperties``, ``MarketoSourceProperties``,
    ``ServiceNowSourceProperties`` or ``ZendeskSourceProperties``. The class
    chosen sets the flow's ``ConnectorType`` and which operator enum its tasks use.
    """

    __slots__ = ()

    connector_type: ClassVar[SourceConnectorType]
    """The connector these properties are for, e.g. ``SourceConnectorType.S3``: the flow's ``ConnectorType``."""


@attrs.frozen(kw_only=True, repr=False)
class MarketoSourceProperties(_Sensitive, SourceConnectorProperties[MarketoConnectorOperator]):
    """The properties that are applied when Marketo is being used as a source.

    AWS shape ``MarketoSourceProperties``; connector type ``Marketo``.
    """

    connector_type = SourceConnectorType.MARKETO

    object: str
    """The object specified in the Marketo flow source. Wire ``Object``; at most 512 characters, no whitespace."""


@attrs.frozen(kw_only=True, repr=False)
class S3SourceProperties(_Sensitive, SourceConnectorProperties[S3ConnectorOperator]):
    """The properties that are applied when Amazon S3 is being used as the flow source.

    AWS shape ``S3SourceProperties``; connector type ``S3``.
    """

    connector_type = SourceConnectorType.S3

    bucket_name: str
    """The Amazon S3 bucket name where the source files are stored. Wire ``BucketName``; 3-63 characters, no whitespace."""

    bucket_prefix: str | None = None
    """The object key prefix in the bucket under which the source files are stored. Wire ``BucketPrefix``; at most 512 characters."""


@attrs.frozen(kw_only=True, repr=False)
class SalesforceSourceProperties(
    _Sensitive, SourceConnectorProperties[SalesforceConnectorOperator]
):
    """The properties that are applied when Salesforce is being used as a source.

    AWS shape ``SalesforceSourceProperties``; connector type ``Salesforce``.
    """

    connector_type = SourceConnectorType.SALESFORCE

    object: str
    """The object specified in the Salesforce flow source. Wire ``Object``; at most 512 characters, no whitespace."""

    enable_dynamic_field_update: bool | None = None
    """Fetch new (recently added) fields of the Salesforce object dynamically while running a flow. Wire ``EnableDynamicFieldUpdate``."""

    include_deleted_records: bool | None = None
    """Whether Amazon AppFlow includes deleted records in the flow run. Wire ``IncludeDeletedRecords``."""


@attrs.frozen(kw_only=True, repr=False)
class ServiceNowSourceProperties(
    _Sensitive, SourceConnectorProperties[ServiceNowConnectorOperator]
):
    """The properties that are applied when ServiceNow is being used as a source.

    AWS shape ``ServiceNowSourceProperties``; connector type ``Servicenow``
    (wire key ``ServiceNow``: the API spells it both ways, this class sends each
    spelling where it belongs).
    """

    connector_type = SourceConnectorType.SERVICENOW

    object: str
    """The object specified in the ServiceNow flow source. Wire ``Object``; at most 512 characters, no whitespace."""


@attrs.frozen(kw_only=True, repr=False)
class ZendeskSourceProperties(_Sensitive, SourceConnectorProperties[ZendeskConnectorOperator]):
    """The properties that are applied when using Zendesk as a flow source.

    AWS shape ``ZendeskSourceProperties``; connector type ``Zendesk``.
    """

    connector_type = SourceConnectorType.ZENDESK

    object: str
    """The object specified in the Zendesk flow source. Wire ``Object``; at most 512 characters, no whitespace."""


@attrs.frozen(kw_only=True, repr=False)
class IncrementalPullConfig(_Sensitive):
    """The configuration of a scheduled incremental data pull.

    If a valid configuration is provided, its fields are used when querying the
    source for incremental records. AWS shape ``IncrementalPullConfig``.
    """

    datetime_type_field_name: str | None = None
    """The date-time or timestamp field used as the criterion to import incremental records. Wire ``DatetimeTypeFieldName``; at most 256 characters."""


@attrs.frozen(kw_only=True, repr=False)
class SourceFlowConfig(_Sensitive, Generic[OperatorT]):
    """How Customer Profiles retrieves data from the source. AWS shape ``SourceFlowConfig``.

    The wire ``ConnectorType`` is not a field: it follows from the class of
    ``source_connector_properties`` and is available as ``connector_type``.
    """

    source_connector_properties: SourceConnectorProperties[OperatorT]
    """The information required to query the source connector, e.g. ``S3SourceProperties(...)``. Wire ``SourceConnectorProperties``."""

    connector_profile_name: str | None = None
    """The name of the AppFlow connector profile, unique in the AWS account; SaaS sources need one. Wire ``ConnectorProfileName``; at most 256 characters."""

    incremental_pull_config: IncrementalPullConfig | None = None
    """The configuration of a scheduled incremental data pull. Wire ``IncrementalPullConfig``."""

    @property
    def connector_type(self) -> SourceConnectorType:
        """The type of the source connector, e.g. ``SourceConnectorType.S3``. Wire ``ConnectorType``."""
        # Also read while a new object checks itself, before the properties' type is checked:
        # properties of a wrong type have none, and the check reports them.
        return cast(SourceConnectorType, getattr(self.source_connector_properties, "connector_type", None))


# --- Tasks -------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Task(_Sensitive, Generic[OperatorT]):
    """One transformation applied to source fields while the flow runs. AWS shape ``Task``.

    What the service looks for depends on ``task_type``: a ``Filter`` task with
    ``PROJECTION`` lists the fields to transfer, a ``Map`` task with ``NO_OP``
    maps one source field to ``destination_field``, and so on.
    """

    task_type: TaskType
    """The kind of task, e.g. ``TaskType.MAP``. Wire ``TaskType``."""

    source_fields: tuple[str, ...] = attrs.field(converter=_strings)
    """The source fields to which the task is applied. Wire ``SourceFields``; each at most 2048 characters."""

    connector_operator: OperatorT
    """The operation performed on the source fields, from the source connector's enum, e.g. ``S3ConnectorOperator.NO_OP``. Wire ``ConnectorOperator``."""

    destination_field: str | None = None
    """A field in the destination, or a value the source field is validated against. Wire ``DestinationField``; at most 256 characters."""

    task_properties: Mapping[OperatorPropertiesKeys, str] | None = attrs.field(
        default=None, converter=_property_map
    )
    """Task-specific settings keyed by ``OperatorPropertiesKeys``, e.g. ``{DATA_TYPE: "string"}``. Wire ``TaskProperties``; values 1-2048 characters."""


# --- Triggers ----------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class ScheduledTriggerProperties(_Sensitive):
    """The settings of a flow run on a schedule. AWS shape ``ScheduledTriggerProperties``."""

    schedule_expression: str
    """How often the flow runs, in AppFlow's form such as ``rate(15minutes)`` or ``cron(...)``. Wire ``ScheduleExpression``; at most 256 characters."""

    data_pull_mode: DataPullMode | None = None
    """Whether each run transfers only new records (``INCREMENTAL``) or everything (``COMPLETE``). Wire ``DataPullMode``."""

    schedule_start_time: datetime | None = None
    """When the scheduled flow starts; should be in the future. Wire ``ScheduleStartTime``."""

    schedule_end_time: datetime | None = None
    """When the scheduled flow ends; should be after the start. Wire ``ScheduleEndTime``."""

    timezone: str | None = None
    """A descriptive IANA time zone name for the schedule, e.g. ``America/New_York``. Wire ``Timezone``; at most 256 characters."""

    schedule_offset: int | None = None
    """Seconds to wait after the scheduled time before the run starts. Wire ``ScheduleOffset``; 0-36000."""

    first_execution_from: datetime | None = None
    """The start of the data range of the first run; should be in the past. Wire ``FirstExecutionFrom``."""


@attrs.frozen(kw_only=True, repr=False)
class TriggerProperties(_Sensitive):
    """The settings of the flow trigger; only scheduled triggers have any. AWS shape ``TriggerProperties``."""

    scheduled: ScheduledTriggerProperties | None = None
    """The schedule of a ``Scheduled`` trigger. Wire ``Scheduled``."""


@attrs.frozen(kw_only=True, repr=False)
class TriggerConfig(_Sensitive):
    """When the flow runs. AWS shape ``TriggerConfig``."""

    trigger_type: TriggerType
    """``SCHEDULED``, ``EVENT`` or ``ON_DEMAND``. Wire ``TriggerType``."""

    trigger_properties: TriggerProperties | None = None
    """The settings of the trigger; only ``SCHEDULED`` uses them. Wire ``TriggerProperties``."""


# --- Flow definition ---------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class FlowDefinition(_Sensitive, Generic[OperatorT]):
    """How Customer Profiles creates and runs the Amazon AppFlow flow that feeds it.

    AWS shape ``FlowDefinition``. AWS marks the whole structure sensitive: its
    repr, this library's logs and its error messages never show its values.
    """

    flow_name: str
    """The name of the AppFlow flow, unique in the account and region. Letters, digits, ``_ ! @ # . -``; no spaces. Wire ``FlowName``; 2-256 characters."""

    kms_arn: str
    """The ARN of the AWS KMS key that encrypts the flow; normally the domain's key. Wire ``KmsArn``; 20-2048 characters."""

    source_flow_config: SourceFlowConfig[OperatorT]
    """Where the data comes from. Wire ``SourceFlowConfig``."""

    tasks: Sequence[Task[OperatorT]]
    """The tasks performed while the data is transferred: a ``Filter``/``PROJECTION`` task listing the fields, then the mappings. Wire ``Tasks``."""

    trigger_config: TriggerConfig
    """When the flow runs. Wire ``TriggerConfig``."""

    description: str | None = None
    """A description of the flow. Wire ``Description``; at most 2048 characters."""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.tasks, list):
            object.__setattr__(self, "tasks", tuple(self.tasks))
        _validation_hook.on_init(self)


AnyFlowDefinition: TypeAlias = Union[
    FlowDefinition[MarketoConnectorOperator],
    FlowDefinition[S3ConnectorOperator],
    FlowDefinition[SalesforceConnectorOperator],
    FlowDefinition[ServiceNowConnectorOperator],
    FlowDefinition[ZendeskConnectorOperator],
]
"""A flow definition for any one source connector."""


# --- The request -------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PutIntegrationRequest(_Checked):
    """The input of ``PutIntegration``: add or update an integration of a domain.

    Build it in code, or read boto3's keyword arguments with ``from_boto3``;
    ``to_boto3`` gives back exactly the keyword arguments of boto3's
    ``put_integration``. AWS shape ``PutIntegrationRequest``.
    """

    domain_name: str
    """The unique name of the Customer Profiles domain. Wire ``DomainName``; 1-64 of ``a-zA-Z0-9_-``."""

    uri: str | None = None
    """The URI of the source: an S3 bucket, an AppFlow flow, an event integration... Leave it out with ``flow_definition``: AWS creates the flow and returns its ARN. Wire ``Uri``; 1-255 characters."""

    object_type_name: str | None = None
    """The name of the profile object type the data is ingested as. Wire ``ObjectTypeName``; 1-255 characters."""

    object_type_names: Mapping[str, str] | None = attrs.field(default=None, converter=_str_map)
    """Event type of an external application (``SegmentIdentify``, ``ShopifyCreateCustomers``, ...) -> object type name used to ingest it. Wire ``ObjectTypeNames``."""

    tags: Mapping[str, str] | None = attrs.field(default=None, converter=_str_map)
    """Tags to organize, track, or control access to the integration. Wire ``Tags``; 1-50 entries, keys not starting with ``aws:``."""

    flow_definition: AnyFlowDefinition | None = None
    """The AppFlow flow Customer Profiles creates to pull the data. Wire ``FlowDefinition`` (sensitive)."""

    role_arn: str | None = None
    """The ARN of the IAM role Customer Profiles assumes to run the integration's workflow. Wire ``RoleArn``; at most 512 characters."""

    event_trigger_names: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_strings
    )
    """The names of the event triggers of the integration: exactly one. Wire ``EventTriggerNames``."""

    scope: Scope | None = None
    """Whether the integration holds profile-level (``PROFILE``, the default) or domain-level data. Wire ``Scope``."""

    @classmethod
    def from_boto3(cls, kwargs: Mapping[str, Any], *, skip_rules: Iterable[str] = ()) -> Self:
        """Read the keyword arguments of boto3's ``put_integration``, strictly.

        Timestamps may be ``datetime`` objects or ISO 8601 strings. Every problem
        found (model constraints, then the documented rules) is reported at once
        in one ``ValidationError``; likely mistakes are ``ValidationWarning``\\ s.
        ``skip_rules`` names rule IDs (``"K4"``...) or ``"all"`` to skip.
        """
        from customer_profiles_typed.validation import parse_request

        return parse_request(cls, kwargs, skip_rules=skip_rules)

    def to_boto3(self) -> PutIntegrationDict:
        """Return exactly the keyword arguments for boto3's ``put_integration``."""
        from customer_profiles_typed._converter import unstructure_request

        return cast("PutIntegrationDict", unstructure_request(self))


# --- The response ------------------------------------------------------------



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
class Integration(FieldDocs):
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
        from customer_profiles_typed import validation
        from customer_profiles_typed._converter import structure_integration

        validation.check_response("PutIntegrationResponse", response)
        return structure_integration(cls, response)

    def to_boto3(self) -> dict[str, Any]:
        """Return the wire dict of the integration, unknown fields included."""
        from customer_profiles_typed._converter import unstructure_integration

        return unstructure_integration(self)
