"""Builders for the usual flow (project the source fields, map each one, run on a trigger) and its object type.

They save typing, never hide fields: each returns the same plain model objects
you would write by hand (a ``FlowDefinition`` you can read, change with
``attrs.evolve`` or send as is), in the canonical shape of the AWS examples:

- one ``Filter`` task with the ``PROJECTION`` operator listing every source field, first;
- one ``Map`` task with ``NO_OP`` per field, with its ``DestinationField`` and
  ``TaskProperties`` (``{}``, or the ``SOURCE_DATA_TYPE``/``DESTINATION_DATA_TYPE``
  you give);
- a trigger from ``scheduled_trigger(rate(15, "minutes"))`` or ``on_demand_trigger()``.

::

    flow = s3_flow(
        flow_name="customers-from-s3",
        kms_arn=KMS_KEY,
        bucket_name="example-customer-exports",
        bucket_prefix="customers/",
        fields=["customer_id", "email", FieldMapping("tel", "phone")],
        trigger=scheduled_trigger(rate(15, "minutes"), data_pull_mode=DataPullMode.INCREMENTAL),
    )

``object_type_from_flow`` then derives the object type that reads what the flow
produces: one field per Map task's ``DestinationField``, sourced from
``_source.<DestinationField>``, so the two definitions cannot drift apart::

    object_type = object_type_from_flow(
        flow,
        domain_name="demo-domain",
        object_type_name="CustomerCsv",
        description="Customers exported as CSV",
        fields={
            "customer_id": FieldSpec(key=(StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE)),
            "email": FieldSpec(
                target="_profile.EmailAddress",
                content_type=FieldContentType.EMAIL_ADDRESS,
                key=(StandardIdentifier.PROFILE,),
            ),
        },
    )

The objects check themselves as they are built, as any model object does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal, TypeAlias, Union, cast

import attrs

from customer_profiles_typed import _model, _wire
from customer_profiles_typed._paths import ROOT, Path
from customer_profiles_typed.enums import (
    DataPullMode,
    FieldContentType,
    MarketoConnectorOperator,
    OperatorPropertiesKeys,
    S3ConnectorOperator,
    SalesforceConnectorOperator,
    ServiceNowConnectorOperator,
    StandardIdentifier,
    TaskType,
    TriggerType,
    ZendeskConnectorOperator,
)
from customer_profiles_typed.errors import ValidationError, ValidationProblem
from customer_profiles_typed.models import (
    AnyFlowDefinition,
    FlowDefinition,
    IncrementalPullConfig,
    MarketoSourceProperties,
    OperatorT,
    S3SourceProperties,
    SalesforceSourceProperties,
    ScheduledTriggerProperties,
    ServiceNowSourceProperties,
    SourceConnectorProperties,
    SourceFlowConfig,
    Task,
    TriggerConfig,
    TriggerProperties,
    ZendeskSourceProperties,
)

if TYPE_CHECKING:
    from botocore.model import Shape

    from customer_profiles_typed.models import ObjectTypeField, ObjectTypeKey, PutProfileObjectTypeRequest

__all__ = [
    "FieldMapping",
    "FieldSpec",
    "Fields",
    "RateUnit",
    "flow_definition",
    "mapping_tasks",
    "marketo_flow",
    "object_type_from_flow",
    "on_demand_trigger",
    "rate",
    "s3_flow",
    "salesforce_flow",
    "scheduled_trigger",
    "servicenow_flow",
    "zendesk_flow",
]


@attrs.frozen
class FieldMapping:
    """One source field mapped to a destination field, with optional data types.

    ``FieldMapping("tel", "phone", source_data_type="string")`` becomes a ``Map``
    task from ``tel`` to ``phone`` with ``SOURCE_DATA_TYPE: string``. Without a
    destination, the field keeps its source name (the AWS example's choice).
    """

    source: str
    """The source field (a CSV column, a Salesforce field...)."""

    destination: str | None = None
    """The destination field; ``None`` keeps the source name."""

    source_data_type: str | None = attrs.field(default=None, kw_only=True)
    """The ``SOURCE_DATA_TYPE`` task property, e.g. ``"string"``; connector-specific, free-form."""

    destination_data_type: str | None = attrs.field(default=None, kw_only=True)
    """The ``DESTINATION_DATA_TYPE`` task property, e.g. ``"string"``."""


Fields: TypeAlias = Union[Mapping[str, str], Iterable[Union[str, FieldMapping]]]
"""The fields of a flow: ``{"source": "destination", ...}``, or a list of names and ``FieldMapping``\\ s."""


def _identifiers(values: Iterable[StandardIdentifier] | None) -> tuple[StandardIdentifier, ...] | None:
    """Freeze key roles; a value that is not a list of them is kept for validation to name."""
    raw: object = values
    if values is None or isinstance(raw, (str, bytes, Mapping)) or not isinstance(raw, Iterable):
        return cast("tuple[StandardIdentifier, ...] | None", values)
    return tuple(values)


@attrs.frozen(kw_only=True)
class FieldSpec:
    """What one field of a flow means to its object type: profile target, content type, key roles.

    ``FieldSpec(target="_profile.EmailAddress", content_type=FieldContentType.EMAIL_ADDRESS,
    key=(StandardIdentifier.PROFILE,))`` maps the field onto the profile's email
    address, matches it as an email address and makes it a ``PROFILE`` key named
    after the field. Every part is optional: a field without a spec is stored as is.
    """

    target: str | None = None
    """Where the value goes in a standard object, e.g. ``"_profile.EmailAddress"``; ``None`` stores it only."""

    content_type: FieldContentType | None = None
    """How the value is normalised for matching (``EMAIL_ADDRESS``, ``PHONE_NUMBER``...); AWS's default is ``STRING``."""

    key: tuple[StandardIdentifier, ...] | None = attrs.field(default=None, converter=_identifiers)
    """The roles of a key made of this field, e.g. ``(StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE)``.

    ``None``: the field is no key. ``()``: a key that is only searchable.
    """

    key_name: str | None = None
    """The name of that key; ``None`` names it after the field. Key names, and the fields of a key, hold no dots."""


RateUnit: TypeAlias = Literal["minute", "minutes", "hour", "hours", "day", "days"]
"""The units of a ``rate(...)`` schedule; singular forms are written plural, as AppFlow wants."""


def rate(every: int, unit: RateUnit) -> str:
    """AppFlow's rate expression: ``rate(15, "minutes")`` is ``"rate(15minutes)"``.

    No space and a plural unit, always (rule G5): ``rate(1, "day")`` is
    ``"rate(1days)"``. Raises ``ValueError`` for a count below 1 or an unknown unit.
    """
    count = cast(object, every)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"a rate needs a whole count of at least 1, got {every!r}")
    name = cast(object, unit)
    plural = (name if name.endswith("s") else f"{name}s") if isinstance(name, str) else None
    if plural not in ("minutes", "hours", "days"):
        raise ValueError(f"a rate's unit is minutes, hours or days, got {unit!r}")
    return f"rate({every}{plural})"


def scheduled_trigger(
    schedule_expression: str,
    *,
    data_pull_mode: DataPullMode | None = None,
    schedule_start_time: datetime | None = None,
    schedule_end_time: datetime | None = None,
    timezone: str | None = None,
    schedule_offset: int | None = None,
    first_execution_from: datetime | None = None,
) -> TriggerConfig:
    """A ``Scheduled`` trigger: ``scheduled_trigger(rate(1, "hours"), data_pull_mode=DataPullMode.COMPLETE)``.

    The arguments are the fields of ``ScheduledTriggerProperties``; those left
    out are left out of the request (AWS's defaults apply).
    """
    return TriggerConfig(
        trigger_type=TriggerType.SCHEDULED,
        trigger_properties=TriggerProperties(
            scheduled=ScheduledTriggerProperties(
                schedule_expression=schedule_expression,
                data_pull_mode=data_pull_mode,
                schedule_start_time=schedule_start_time,
                schedule_end_time=schedule_end_time,
                timezone=timezone,
                schedule_offset=schedule_offset,
                first_execution_from=first_execution_from,
            )
        ),
    )


def on_demand_trigger() -> TriggerConfig:
    """An ``OnDemand`` trigger: the flow runs when started with AppFlow's ``StartFlow``."""
    return TriggerConfig(trigger_type=TriggerType.ON_DEMAND)


def _describe(value: object) -> str:
    """``value`` for an error message: its type, and its repr when that is short."""
    if value is None:
        return "None"
    shown = repr(value)
    kind = type(value).__name__
    return kind if len(shown) > 60 else f"{kind} {shown}"


def _mappings(fields: Fields) -> list[FieldMapping]:
    """The fields as ``FieldMapping``\\ s; ``TypeError``/``ValueError`` naming what is wrong."""
    given = cast(object, fields)
    if isinstance(given, (str, bytes)):
        raise TypeError("fields is a list of field names or a mapping, not a single string")
    found: list[FieldMapping] = []
    if isinstance(given, Mapping):
        for source, destination in cast("Mapping[object, object]", given).items():
            if not isinstance(source, str) or not isinstance(destination, str):
                raise TypeError(
                    f"fields maps source field names to destination field names (str to str), "
                    f"got {_describe(source)} to {_describe(destination)}"
                )
            found.append(FieldMapping(source, destination))
    elif isinstance(given, Iterable):
        for position, item in enumerate(cast("Iterable[object]", given)):
            if isinstance(item, FieldMapping):
                found.append(item)
            elif isinstance(item, str):
                found.append(FieldMapping(item))
            else:
                raise TypeError(
                    f"fields[{position}] is a field name (str) or a FieldMapping, "
                    f"got {_describe(item)}"
                )
    else:
        raise TypeError(
            "fields is a list of field names and FieldMappings, or a mapping of source to "
            f"destination names, got {_describe(given)}"
        )
    if not found:
        raise ValueError("a flow needs at least one field")
    return found


def _map_properties(field: FieldMapping) -> dict[OperatorPropertiesKeys, str]:
    properties: dict[OperatorPropertiesKeys, str] = {}
    if field.source_data_type is None and field.destination_data_type is None:
        return properties  # the usual case
    if field.source_data_type is not None:
        properties[OperatorPropertiesKeys.SOURCE_DATA_TYPE] = field.source_data_type
    if field.destination_data_type is not None:
        properties[OperatorPropertiesKeys.DESTINATION_DATA_TYPE] = field.destination_data_type
    return properties


def mapping_tasks(operators: type[OperatorT], fields: Fields) -> list[Task[OperatorT]]:
    """The projection ``Filter`` task, then one ``Map``/``NO_OP`` task per field.

    ``operators`` is the source connector's operator enum, e.g.
    ``mapping_tasks(S3ConnectorOperator, ["id", "email"])``. A source field
    mapped twice is projected once. Arguments of the wrong kind raise
    ``TypeError`` naming the argument; no field at all raises ``ValueError``.
    """
    if not any(operators is connector.operator_enum for connector in _wire.CONNECTORS):
        names = ", ".join(c.operator_enum.__name__ for c in _wire.CONNECTORS)
        raise TypeError(f"operators is a connector's operator enum ({names}), got {_describe(operators)}")
    mappings = _mappings(fields)
    projected = list(dict.fromkeys(field.source for field in mappings))
    tasks: list[Task[OperatorT]] = [
        Task(
            task_type=TaskType.FILTER,
            source_fields=projected,
            connector_operator=operators.PROJECTION,
        )
    ]
    map_type, no_op = TaskType.MAP, operators.NO_OP  # read once: enum class attributes cost a lookup
    tasks += [
        Task(
            task_type=map_type,
            source_fields=[field.source],
            destination_field=field.destination if field.destination is not None else field.source,
            connector_operator=no_op,
            task_properties=_map_properties(field),
        )
        for field in mappings
    ]
    return tasks


def _incremental(datetime_type_field_name: str | None) -> IncrementalPullConfig | None:
    if datetime_type_field_name is None:
        return None
    return IncrementalPullConfig(datetime_type_field_name=datetime_type_field_name)


def flow_definition(
    *,
    flow_name: str,
    kms_arn: str,
    source: SourceConnectorProperties[OperatorT],
    fields: Fields,
    trigger: TriggerConfig,
    connector_profile_name: str | None = None,
    incremental_pull_config: IncrementalPullConfig | None = None,
    description: str | None = None,
) -> FlowDefinition[OperatorT]:
    """A flow from any source: its fields projected and mapped, run by ``trigger``.

    ``source`` is the source properties object (``S3SourceProperties(...)``,
    ``ZendeskSourceProperties(...)``...); it fixes the operator enum of every
    task, so the result is typed ``FlowDefinition[<that connector's operators>]``.
    A ``source``, ``fields`` or ``trigger`` of the wrong kind raises ``TypeError``
    naming the argument; the values themselves are checked as the objects are built.
    """
    connector = _wire.CONNECTOR_BY_CLASS.get(type(source))
    if connector is None:
        names = ", ".join(c.properties_class.__name__ for c in _wire.CONNECTORS)
        raise TypeError(
            f"source is a source properties object ({names}), got {_describe(source)}; "
            "for S3, for instance: S3SourceProperties(bucket_name=...), or use s3_flow()"
        )
    if not isinstance(cast(object, trigger), TriggerConfig):
        raise TypeError(
            "trigger is a TriggerConfig, e.g. scheduled_trigger(rate(15, \"minutes\")) or "
            f"on_demand_trigger(), got {_describe(trigger)}"
        )
    operators = cast("type[OperatorT]", connector.operator_enum)
    return FlowDefinition(
        flow_name=flow_name,
        kms_arn=kms_arn,
        source_flow_config=SourceFlowConfig(
            source_connector_properties=source,
            connector_profile_name=connector_profile_name,
            incremental_pull_config=incremental_pull_config,
        ),
        tasks=mapping_tasks(operators, fields),
        trigger_config=trigger,
        description=description,
    )


def s3_flow(
    *,
    flow_name: str,
    kms_arn: str,
    bucket_name: str,
    fields: Fields,
    trigger: TriggerConfig,
    bucket_prefix: str | None = None,
    datetime_type_field_name: str | None = None,
    description: str | None = None,
) -> FlowDefinition[S3ConnectorOperator]:
    """A flow that reads the files under ``bucket_prefix`` of an S3 bucket (no connector profile).

    ``kms_arn`` is normally the domain's key. S3 schedules run at most every 15
    minutes (rule G6).
    """
    return flow_definition(
        flow_name=flow_name,
        kms_arn=kms_arn,
        source=S3SourceProperties(bucket_name=bucket_name, bucket_prefix=bucket_prefix),
        fields=fields,
        trigger=trigger,
        incremental_pull_config=_incremental(datetime_type_field_name),
        description=description,
    )


def salesforce_flow(
    *,
    flow_name: str,
    kms_arn: str,
    object: str,
    connector_profile_name: str,
    fields: Fields,
    trigger: TriggerConfig,
    enable_dynamic_field_update: bool | None = None,
    include_deleted_records: bool | None = None,
    datetime_type_field_name: str | None = None,
    description: str | None = None,
) -> FlowDefinition[SalesforceConnectorOperator]:
    """A flow that reads a Salesforce object (``"Contact"``...) through an AppFlow connector profile.

    ``datetime_type_field_name`` (often ``"LastModifiedDate"``) picks the field
    of incremental pulls; left out, AppFlow uses its default.
    """
    return flow_definition(
        flow_name=flow_name,
        kms_arn=kms_arn,
        source=SalesforceSourceProperties(
            object=object,
            enable_dynamic_field_update=enable_dynamic_field_update,
            include_deleted_records=include_deleted_records,
        ),
        fields=fields,
        trigger=trigger,
        connector_profile_name=connector_profile_name,
        incremental_pull_config=_incremental(datetime_type_field_name),
        description=description,
    )


def marketo_flow(
    *,
    flow_name: str,
    kms_arn: str,
    object: str,
    connector_profile_name: str,
    fields: Fields,
    trigger: TriggerConfig,
    datetime_type_field_name: str | None = None,
    description: str | None = None,
) -> FlowDefinition[MarketoConnectorOperator]:
    """A flow that reads a Marketo object (``"leads"``...) through an AppFlow connector profile."""
    return flow_definition(
        flow_name=flow_name,
        kms_arn=kms_arn,
        source=MarketoSourceProperties(object=object),
        fields=fields,
        trigger=trigger,
        connector_profile_name=connector_profile_name,
        incremental_pull_config=_incremental(datetime_type_field_name),
        description=description,
    )


def servicenow_flow(
    *,
    flow_name: str,
    kms_arn: str,
    object: str,
    connector_profile_name: str,
    fields: Fields,
    trigger: TriggerConfig,
    datetime_type_field_name: str | None = None,
    description: str | None = None,
) -> FlowDefinition[ServiceNowConnectorOperator]:
    """A flow that reads a ServiceNow table (``"incident"``...) through an AppFlow connector profile."""
    return flow_definition(
        flow_name=flow_name,
        kms_arn=kms_arn,
        source=ServiceNowSourceProperties(object=object),
        fields=fields,
        trigger=trigger,
        connector_profile_name=connector_profile_name,
        incremental_pull_config=_incremental(datetime_type_field_name),
        description=description,
    )


def zendesk_flow(
    *,
    flow_name: str,
    kms_arn: str,
    object: str,
    connector_profile_name: str,
    fields: Fields,
    trigger: TriggerConfig,
    datetime_type_field_name: str | None = None,
    description: str | None = None,
) -> FlowDefinition[ZendeskConnectorOperator]:
    """A flow that reads a Zendesk object (``"tickets"``...) through an AppFlow connector profile."""
    return flow_definition(
        flow_name=flow_name,
        kms_arn=kms_arn,
        source=ZendeskSourceProperties(object=object),
        fields=fields,
        trigger=trigger,
        connector_profile_name=connector_profile_name,
        incremental_pull_config=_incremental(datetime_type_field_name),
        description=description,
    )


_FLOW_PATH = Path(ROOT, "flow", "FlowDefinition")
"""The ``flow`` argument of ``object_type_from_flow``: a FlowDefinition."""

_FIELDS_PATH = ROOT.attribute("PutProfileObjectTypeRequest", "fields")
"""The ``fields`` argument of ``object_type_from_flow``, spelled as the request's ``Fields``."""

_NO_SPEC = FieldSpec()
"""The spec of a destination field that ``fields`` does not mention: stored as is."""


@attrs.frozen
class _Name:
    """The constraint of a name shape of the AWS model: length bounds and pattern."""

    low: int
    high: int
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, shape: Shape) -> _Name:
        metadata = shape.metadata
        return cls(
            int(metadata.get("min", 1)), int(metadata.get("max", 10**9)), re.compile(metadata.get("pattern", ".*"))
        )

    def breaks(self, name: str) -> bool:
        return not self.low <= len(name) <= self.high or self.pattern.fullmatch(name) is None

    def __str__(self) -> str:
        return f"{self.low}-{self.high} characters matching {self.pattern.pattern}"


def _argument_problems(destinations: Mapping[str, int], fields: Mapping[str, FieldSpec]) -> list[ValidationProblem]:
    """What makes the object type impossible to derive: every problem, at its path."""
    problems: list[ValidationProblem] = []

    def problem(where: Path, message: str, rule: str) -> None:
        problems.append(ValidationProblem(path=where.python, wire_path=where.wire, message=message, rule=rule))

    tasks = _FLOW_PATH.attribute("FlowDefinition", "tasks")
    if not destinations:
        problem(tasks, "the flow has no Map task with a destination_field: it produces no field to read", "X6")
    field_name = _Name.of(_model.map_key_value(_model.shape("FieldMap"))[0])
    key_name = _Name.of(_model.map_key_value(_model.shape("KeyMap"))[0])
    key_field = _Name.of(_model.list_member(_model.shape("FieldNameList")))
    for name, position in destinations.items():
        if field_name.breaks(name):
            problem(
                tasks.index(position).attribute("Task", "destination_field"),
                f"this destination field cannot name an object type field, which is {field_name}: "
                "rename it in the Map task (value not shown: sensitive)",
                "pattern",
            )
    for position, (name, spec) in enumerate(fields.items()):
        where = _FIELDS_PATH.hidden_key(position)
        if name not in destinations:
            problem(
                where,
                "names a destination field that no Map task of the flow produces: the object type "
                "would read a field the records never have; spell it as the Map task's "
                "destination_field (value not shown: sensitive)",
                "X6",
            )
        elif spec.key is not None and key_field.breaks(name):
            problem(
                Path(where, "key", None),
                f"a field of a key needs a name of {key_field} (a key's FieldNames hold no dots): "
                "rename the destination field or write the key by hand (value not shown: sensitive)",
                "pattern",
            )
        elif spec.key is not None and key_name.breaks(spec.key_name or name):
            problem(
                Path(where, "key_name" if spec.key_name is not None else "key", None),
                f"the key of this field needs a name of {key_name}: set key_name (value not shown: sensitive)",
                "pattern",
            )
    return problems


def _check_arguments(flow: object, fields: object) -> None:
    """``TypeError`` naming the argument of ``object_type_from_flow`` that is of the wrong kind."""
    if not isinstance(flow, FlowDefinition):
        raise TypeError(f"flow is a FlowDefinition, e.g. s3_flow(...), got {_describe(flow)}")
    if not isinstance(fields, Mapping):
        raise TypeError(f"fields maps destination field names to FieldSpecs, got {_describe(fields)}")
    for position, (name, spec) in enumerate(cast("Mapping[object, object]", fields).items()):
        if not isinstance(name, str) or not isinstance(spec, FieldSpec):
            raise TypeError(
                f"fields maps destination field names (str) to FieldSpecs; entry #{position} maps "
                f"{type(name).__name__} to {_describe(spec)}"
            )


def object_type_from_flow(
    flow: AnyFlowDefinition,
    *,
    domain_name: str,
    object_type_name: str,
    description: str,
    fields: Mapping[str, FieldSpec],
    keys: Mapping[str, Sequence[ObjectTypeKey]] | None = None,
    allow_profile_creation: bool | None = None,
    expiration_days: int | None = None,
    encryption_key: str | None = None,
    source_last_updated_timestamp_format: str | None = None,
    max_profile_object_count: int | None = None,
    source_priority: int | None = None,
    tags: Mapping[str, str] | None = None,
) -> PutProfileObjectTypeRequest:
    """The object type that reads what ``flow`` produces: one field per Map task, in task order.

    Each Map task's ``DestinationField`` becomes a field of that name with
    ``Source="_source.<DestinationField>"`` (rule X6: that is the record Customer
    Profiles receives). ``fields`` says, for the destination fields that need it,
    their ``target``, ``content_type`` and key roles (``FieldSpec``); a key is named
    after its field unless ``key_name`` says otherwise, and fields that share a key
    name give that key one definition each. ``keys`` adds definitions written by
    hand, e.g. a key of several fields. The other arguments are the request's own.

    Raises ``ValidationError`` listing, each at its path, every entry of ``fields``
    that names a destination field the flow does not produce (rule X6), and every
    destination field or key name the AWS model does not allow as such (the names
    are not shown: AWS marks both definitions sensitive). The request then checks
    itself as any request does; its problems name a field by position,
    ``fields[<key #n, not shown>]``, the n-th destination field of the flow.
    Arguments of the wrong kind raise ``TypeError`` naming the argument.
    """
    _check_arguments(flow, fields)
    from customer_profiles_typed.links import produced_fields
    from customer_profiles_typed.models import ObjectTypeField, ObjectTypeKey, PutProfileObjectTypeRequest

    destinations = produced_fields(flow)
    problems = _argument_problems(destinations, fields)
    if problems:
        raise ValidationError(problems, subject="object_type_from_flow arguments")
    object_fields: dict[str, ObjectTypeField] = {}
    object_keys: dict[str, list[ObjectTypeKey]] = {}
    for name in destinations:
        spec = fields.get(name, _NO_SPEC)
        object_fields[name] = ObjectTypeField(source=f"_source.{name}", target=spec.target, content_type=spec.content_type)
        if spec.key is not None:
            object_keys.setdefault(spec.key_name or name, []).append(
                ObjectTypeKey(standard_identifiers=list(spec.key), field_names=[name])
            )
    for name, definitions in (keys or {}).items():
        object_keys.setdefault(name, []).extend(definitions)
    return PutProfileObjectTypeRequest(
        domain_name=domain_name,
        object_type_name=object_type_name,
        description=description,
        fields=object_fields,
        keys=object_keys,
        allow_profile_creation=allow_profile_creation,
        expiration_days=expiration_days,
        encryption_key=encryption_key,
        source_last_updated_timestamp_format=source_last_updated_timestamp_format,
        max_profile_object_count=max_profile_object_count,
        source_priority=source_priority,
        tags=tags,
    )
