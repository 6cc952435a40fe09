"""Python name <-> AWS wire name tables, written out rather than derived.

The API is irregular exactly where it matters (``Servicenow`` as a connector type
but ``ServiceNow`` as a key), so every name is listed here once and everything
else (the converter, the validators, the path of every error) reads these tables.
``tests/test_wire_names.py`` checks that every attrs field and every member of
the AWS model has an entry.

The tables of classes (``CLASS_SHAPES``, ``SHAPE_CLASSES``, ``RESPONSE_CLASSES``,
``RESPONSE_CLASS_OF_SHAPE``) name the generated model classes rather than import
them (``ClassTable``, ``ShapeTable``): a program that puts integrations never
imports the models of domains, object types, event triggers or tags.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Mapping, ValuesView
from enum import Enum
from typing import Any, TypeVar

import attrs

from customer_profiles_typed import _wire_tables
from customer_profiles_typed.enums import (
    MarketoConnectorOperator,
    S3ConnectorOperator,
    SalesforceConnectorOperator,
    ServiceNowConnectorOperator,
    SourceConnectorType,
    ZendeskConnectorOperator,
)
from customer_profiles_typed.models.integrations import (
    FlowDefinition,
    IncrementalPullConfig,
    Integration,
    MarketoSourceProperties,
    PutIntegrationRequest,
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

V = TypeVar("V")

ClassName = tuple[str, str]
"""A class named, not imported: (its module, its name)."""


def _named(module: str, name: str) -> ClassName:
    """The name of a class of a generated model module (``_wire_tables`` gives the module in ``models``)."""
    return (f"customer_profiles_typed.models.{module}", name)


def _imported(named: ClassName) -> type:
    """The class a name stands for, its module imported if it is not yet."""
    module, name = named
    found: type = getattr(importlib.import_module(module), name)
    return found


class ClassTable(Mapping[type, V]):
    """attrs class -> a value, for classes at hand and classes only named.

    A lookup by class (``table[cls]``, ``cls in table``, ``table.get(cls)``)
    imports nothing: a class of a generated model module is matched by its
    module and name (and must be that very class). ``values()`` lists the values
    without importing anything either. Only listing the classes themselves
    (iterating, ``keys()``, ``items()``) imports every model module it names.
    """

    def __init__(self, classes: Mapping[type, V], named: Mapping[ClassName, V]) -> None:
        """The table of ``classes`` (imported already) and of the classes ``named``."""
        self._found: dict[type, V] = dict(classes)
        self._classes = dict(classes)
        self._named = dict(named)
        self._by_module: dict[str, dict[str, V]] = {}
        for (module, name), value in self._named.items():
            self._by_module.setdefault(module, {})[name] = value
        self._listed: dict[type | ClassName, V] = {}
        self._listed.update(self._classes.items())
        self._listed.update(self._named.items())
        self._every: dict[type, V] | None = None

    def __getitem__(self, cls: type) -> V:
        try:
            return self._found[cls]
        except KeyError:
            pass
        found = self._match(cls)
        if found is None:
            raise KeyError(cls)
        return found

    def __contains__(self, cls: object) -> bool:
        return (isinstance(cls, type) and cls in self._found) or self._match(cls) is not None

    def _match(self, cls: object) -> V | None:
        """The value of a named class, matched by its module and name (``None``: not in the table)."""
        module: object = getattr(cls, "__module__", None)
        name: object = getattr(cls, "__qualname__", None)
        if not isinstance(module, str) or not isinstance(name, str) or not isinstance(cls, type):
            return None
        names = self._by_module.get(module)
        value = None if names is None else names.get(name)
        defined: object = getattr(sys.modules.get(module), name, None)
        if value is None or defined is not cls:
            return None
        self._found[cls] = value
        return value

    def __iter__(self) -> Iterator[type]:
        return iter(self._every_class())

    def __len__(self) -> int:
        return len(self._listed)

    def values(self) -> ValuesView[V]:
        """The values, in the table's order, without importing any model module."""
        return self._listed.values()

    def _every_class(self) -> dict[type, V]:
        """Every class and its value, the named ones imported."""
        if self._every is None:
            every = dict(self._classes)
            for named, value in self._named.items():
                every[_imported(named)] = value
            self._found.update(every)
            self._every = every
        return self._every


class ShapeTable(Mapping[str, type]):
    """AWS shape -> the attrs class that models it, a generated class imported on first lookup.

    ``shape in table`` and listing the shapes import nothing; ``table[shape]``
    imports the model module of that one class.
    """

    def __init__(self, classes: Mapping[str, type], named: Mapping[str, ClassName]) -> None:
        """The table of ``classes`` (imported already) and of the classes ``named``."""
        self._found: dict[str, type] = dict(classes)
        self._named = dict(named)
        self._shapes = (*classes, *named)

    def __getitem__(self, shape: str) -> type:
        try:
            return self._found[shape]
        except KeyError:
            pass
        found = self._found[shape] = _imported(self._named[shape])
        return found

    def __contains__(self, shape: object) -> bool:
        return shape in self._found or shape in self._named

    def __iter__(self) -> Iterator[str]:
        return iter(self._shapes)

    def __len__(self) -> int:
        return len(self._shapes)


@attrs.frozen
class Connector:
    """Everything that names one source connector, in each place the API names it."""

    key: str
    """The member name in ``SourceConnectorProperties`` and ``ConnectorOperator``."""
    properties_class: type[SourceConnectorProperties[Any]]
    """The attrs class of the source properties."""
    properties_shape: str
    """The AWS shape of the source properties."""
    operator_enum: type[Enum]
    """The enum of the connector's operators."""

    @property
    def connector_type(self) -> SourceConnectorType:
        """The ``SourceFlowConfig.ConnectorType`` value (the properties class says it)."""
        return self.properties_class.connector_type


CONNECTORS: tuple[Connector, ...] = (
    Connector("Marketo", MarketoSourceProperties, "MarketoSourceProperties", MarketoConnectorOperator),
    Connector("S3", S3SourceProperties, "S3SourceProperties", S3ConnectorOperator),
    Connector(
        "Salesforce",
        SalesforceSourceProperties,
        "SalesforceSourceProperties",
        SalesforceConnectorOperator,
    ),
    Connector(
        "ServiceNow",
        ServiceNowSourceProperties,
        "ServiceNowSourceProperties",
        ServiceNowConnectorOperator,
    ),
    Connector("Zendesk", ZendeskSourceProperties, "ZendeskSourceProperties", ZendeskConnectorOperator),
)
"""The five source connectors Customer Profiles supports."""

CONNECTOR_BY_KEY: dict[str, Connector] = {c.key: c for c in CONNECTORS}
CONNECTOR_BY_TYPE: dict[str, Connector] = {c.connector_type.value: c for c in CONNECTORS}
CONNECTOR_BY_CLASS: dict[type, Connector] = {c.properties_class: c for c in CONNECTORS}
CONNECTOR_BY_OPERATOR: dict[type, Connector] = {c.operator_enum: c for c in CONNECTORS}

CONNECTOR_TYPE_ALIASES: dict[str, str] = {"ServiceNow": "Servicenow"}
"""Connector type spellings seen in the wild (CloudFormation, rule C2) -> the API's spelling."""


def connector_of(properties: object) -> Connector:
    """The connector of a source properties object."""
    return CONNECTOR_BY_CLASS[type(properties)]


_INTEGRATION_SHAPES: dict[type, str] = {
    PutIntegrationRequest: "PutIntegrationRequest",
    FlowDefinition: "FlowDefinition",
    SourceFlowConfig: "SourceFlowConfig",
    IncrementalPullConfig: "IncrementalPullConfig",
    MarketoSourceProperties: "MarketoSourceProperties",
    S3SourceProperties: "S3SourceProperties",
    SalesforceSourceProperties: "SalesforceSourceProperties",
    ServiceNowSourceProperties: "ServiceNowSourceProperties",
    ZendeskSourceProperties: "ZendeskSourceProperties",
    Task: "Task",
    TriggerConfig: "TriggerConfig",
    TriggerProperties: "TriggerProperties",
    ScheduledTriggerProperties: "ScheduledTriggerProperties",
    Integration: "PutIntegrationResponse",
}
"""The hand-written integration classes -> the AWS shape each models."""

_REQUEST_CLASSES: dict[str, ClassName] = {
    shape: _named(module, name) for shape, (module, name) in _wire_tables.REQUEST_CLASSES.items()
}

CLASS_SHAPES: ClassTable[str] = ClassTable(
    _INTEGRATION_SHAPES, {named: shape for shape, named in _REQUEST_CLASSES.items()}
)
"""attrs class -> the AWS shape it models: every request-side class, and ``Integration``."""

SHAPE_CLASSES: ShapeTable = ShapeTable(
    {shape: cls for cls, shape in _INTEGRATION_SHAPES.items()}, _REQUEST_CLASSES
)
"""AWS shape -> the class of ``CLASS_SHAPES`` that models it."""

RESPONSE_CLASSES: ClassTable[tuple[str, ...]] = ClassTable(
    {},
    {_named(module, name): shapes for (module, name), shapes in _wire_tables.RESPONSE_CLASSES.items()},
)
"""Generated response class -> the AWS shapes it reads, the one it models first."""

RESPONSE_CLASS_OF_SHAPE: ShapeTable = ShapeTable(
    {},
    {
        shape: _named(module, name)
        for (module, name), shapes in _wire_tables.RESPONSE_CLASSES.items()
        for shape in shapes
    },
)
"""AWS response shape -> the generated class that reads it."""

FIELDS: dict[str, dict[str, str]] = {
    "PutIntegrationRequest": {
        "domain_name": "DomainName",
        "uri": "Uri",
        "object_type_name": "ObjectTypeName",
        "object_type_names": "ObjectTypeNames",
        "tags": "Tags",
        "flow_definition": "FlowDefinition",
        "role_arn": "RoleArn",
        "event_trigger_names": "EventTriggerNames",
        "scope": "Scope",
    },
    "FlowDefinition": {
        "flow_name": "FlowName",
        "kms_arn": "KmsArn",
        "source_flow_config": "SourceFlowConfig",
        "tasks": "Tasks",
        "trigger_config": "TriggerConfig",
        "description": "Description",
    },
    "SourceFlowConfig": {
        "connector_type": "ConnectorType",
        "source_connector_properties": "SourceConnectorProperties",
        "connector_profile_name": "ConnectorProfileName",
        "incremental_pull_config": "IncrementalPullConfig",
    },
    "IncrementalPullConfig": {"datetime_type_field_name": "DatetimeTypeFieldName"},
    "MarketoSourceProperties": {"object": "Object"},
    "S3SourceProperties": {"bucket_name": "BucketName", "bucket_prefix": "BucketPrefix"},
    "SalesforceSourceProperties": {
        "object": "Object",
        "enable_dynamic_field_update": "EnableDynamicFieldUpdate",
        "include_deleted_records": "IncludeDeletedRecords",
    },
    "ServiceNowSourceProperties": {"object": "Object"},
    "ZendeskSourceProperties": {"object": "Object"},
    "Task": {
        "task_type": "TaskType",
        "source_fields": "SourceFields",
        "connector_operator": "ConnectorOperator",
        "destination_field": "DestinationField",
        "task_properties": "TaskProperties",
    },
    "TriggerConfig": {"trigger_type": "TriggerType", "trigger_properties": "TriggerProperties"},
    "TriggerProperties": {"scheduled": "Scheduled"},
    "ScheduledTriggerProperties": {
        "schedule_expression": "ScheduleExpression",
        "data_pull_mode": "DataPullMode",
        "schedule_start_time": "ScheduleStartTime",
        "schedule_end_time": "ScheduleEndTime",
        "timezone": "Timezone",
        "schedule_offset": "ScheduleOffset",
        "first_execution_from": "FirstExecutionFrom",
    },
    "PutIntegrationResponse": {
        "domain_name": "DomainName",
        "uri": "Uri",
        "object_type_name": "ObjectTypeName",
        "created_at": "CreatedAt",
        "last_updated_at": "LastUpdatedAt",
        "tags": "Tags",
        "object_type_names": "ObjectTypeNames",
        "workflow_id": "WorkflowId",
        "is_unstructured": "IsUnstructured",
        "role_arn": "RoleArn",
        "event_trigger_names": "EventTriggerNames",
        "scope": "Scope",
    },
    "GetIntegrationRequest": {"domain_name": "DomainName", "uri": "Uri"},
    "DeleteIntegrationRequest": {"domain_name": "DomainName", "uri": "Uri"},
    "ListIntegrationsRequest": {
        "domain_name": "DomainName",
        "next_token": "NextToken",
        "page_size": "MaxResults",
        "include_hidden": "IncludeHidden",
    },
    "ListAccountIntegrationsRequest": {
        "uri": "Uri",
        "next_token": "NextToken",
        "page_size": "MaxResults",
        "include_hidden": "IncludeHidden",
    },
    **_wire_tables.FIELDS,
}
"""AWS shape -> {Python attribute or parameter: wire member}.

``SourceFlowConfig.connector_type`` is a property; the ``...Request`` shapes of the
read and delete operations map the keyword parameters of ``IntegrationClient``.
"""

COLLAPSED_SHAPES: frozenset[str] = frozenset({"SourceConnectorProperties", "ConnectorOperator"})
"""Wire structures with one member per connector that Python folds into one value.

``SourceConnectorProperties.S3.BucketName`` is ``source_connector_properties.bucket_name``
in Python, and ``ConnectorOperator.S3`` is ``connector_operator``.
"""

WIRE_TO_PYTHON: dict[str, dict[str, str]] = {
    shape: {wire: python for python, wire in fields.items()} for shape, fields in FIELDS.items()
}
"""AWS shape -> {wire member: Python attribute}."""


def python_member(shape: str, wire_member: str) -> str | None:
    """The Python attribute of a wire member; ``None`` where Python folds the level away."""
    if shape in COLLAPSED_SHAPES:
        return None
    fields = WIRE_TO_PYTHON.get(shape)
    if fields is None:
        return wire_member
    return fields.get(wire_member, wire_member)


REQUIRED_BY_RULE: dict[str, dict[str, str]] = {"Task": {"ConnectorOperator": "K7"}}
"""Shape -> {member the AWS model leaves optional: the rule that requires it}.

Rule K7 says every task holds exactly one connector's operator, and ``Task`` has
no way to represent a task without one, so a missing ``ConnectorOperator`` is
reported like a missing required member (and stops the request being built).
"""


ARN_PATTERNS: dict[str, tuple[str, str, str]] = {
    "KmsArn": (r"arn:aws[a-z-]*:kms:.*:[0-9]+:.*", r"arn:aws:kms:.*:[0-9]+:.*", "kms"),
    "RoleArn": (r"arn:aws[a-z-]*:iam:.*:[0-9]+:.*", r"arn:aws:iam:.*:[0-9]+:.*", "iam"),
}
"""ARN shape -> (any partition: else an error, the ``aws`` partition: else a warning, service).

The model's patterns hard-code the ``aws`` partition; rule A3 requires the ARN
prefix and service in any partition and only warns about another partition.
"""

LIST_ITEMS_CHECKED_AS: dict[str, str] = {"FieldNameList": "fieldName"}
"""List shape -> the shape its items are checked against, where the model's item shape lags.

``ObjectTypeKey.FieldNames`` names fields of ``Fields``, whose names may hold dots
since the model's ``fieldName`` shape allows them; the list's own item shape
``name`` still refuses dots. Refusing them would refuse what AWS accepts, so
the items are checked as field names and rule O32 warns about a dotted one.
"""

FULL_MATCH_SHAPES: frozenset[str] = frozenset({"FlowName", "ConnectorProfileName"})
"""Shapes whose unanchored pattern is documented to cover the whole value (F2, C5)."""
