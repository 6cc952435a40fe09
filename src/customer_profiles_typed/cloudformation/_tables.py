"""Where CloudFormation's shapes of a setup's resources differ from boto3's keyword arguments.

Written by ``scripts/generate_cloudformation.py`` from the resource schemas
cfn-lint ships and the installed botocore model; do not edit by hand.
``tests/test_cloudformation_tables.py`` fails when it is out of date.

Every table is keyed by the operation of a spec item, then by a boto3 wire path
with ``[*]`` for any item of a list and ``{*}`` for the value of any entry of a
map (``{key}`` for its key): ``FlowDefinition.Tasks[*].TaskProperties``. A path
no table names is the same in both shapes.
"""

from __future__ import annotations

from collections.abc import Mapping

RESOURCE_TYPES: Mapping[str, str] = {
    'CreateDomain': 'AWS::CustomerProfiles::Domain',
    'PutProfileObjectType': 'AWS::CustomerProfiles::ObjectType',
    'CreateEventTrigger': 'AWS::CustomerProfiles::EventTrigger',
    'PutIntegration': 'AWS::CustomerProfiles::Integration',
}
"""The operation of a spec item -> the resource type that makes the same resource."""

MAPS_AS_LISTS: Mapping[str, Mapping[str, tuple[str, str]]] = {
    'CreateDomain': {
        'Tags': ('Key', 'Value'),
    },
    'PutProfileObjectType': {
        'Fields': ('Name', 'ObjectTypeField'),
        'Keys': ('Name', 'ObjectTypeKeyList'),
        'Tags': ('Key', 'Value'),
    },
    'CreateEventTrigger': {
        'Tags': ('Key', 'Value'),
    },
    'PutIntegration': {
        'FlowDefinition.Tasks[*].TaskProperties': ('OperatorPropertyKey', 'Property'),
        'ObjectTypeNames': ('Key', 'Value'),
        'Tags': ('Key', 'Value'),
    },
}
"""boto3 maps that a template writes as a list of objects: path -> (key property, value property)."""

EPOCH_SECONDS: Mapping[str, frozenset[str]] = {
    'CreateDomain': frozenset(),
    'PutProfileObjectType': frozenset(),
    'CreateEventTrigger': frozenset(),
    'PutIntegration': frozenset({
        'FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.FirstExecutionFrom',
        'FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleEndTime',
        'FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleStartTime',
    }),
}
"""Timestamps that a template writes as a number of seconds since 1970-01-01T00:00:00Z."""

NOT_IN_TEMPLATES: Mapping[str, frozenset[str]] = {
    'CreateDomain': frozenset(),
    'PutProfileObjectType': frozenset(),
    'CreateEventTrigger': frozenset(),
    'PutIntegration': frozenset({'RoleArn'}),
}
"""boto3 members that the resource type has no property for."""

ENUMS_NOT_IN_TEMPLATES: Mapping[str, Mapping[str, frozenset[str]]] = {
    'CreateDomain': {},
    'PutProfileObjectType': {},
    'CreateEventTrigger': {},
    'PutIntegration': {},
}
"""Enum values of the API that the resource type's schema does not accept: path -> values."""

ENUM_SPELLINGS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    'CreateDomain': {},
    'PutProfileObjectType': {},
    'CreateEventTrigger': {},
    'PutIntegration': {
        'FlowDefinition.SourceFlowConfig.ConnectorType': {'Servicenow': 'ServiceNow'},
    },
}
"""Enum values a template spells differently: path -> API value -> template value."""

READ_ONLY: Mapping[str, frozenset[str]] = {
    'CreateDomain': frozenset({
        'CreatedAt',
        'DataStore.Readiness',
        'LastUpdatedAt',
        'RuleBasedMatching.Status',
        'Stats',
    }),
    'PutProfileObjectType': frozenset({
        'CreatedAt',
        'LastUpdatedAt',
        'MaxAvailableProfileObjectCount',
    }),
    'CreateEventTrigger': frozenset({
        'CreatedAt',
        'LastUpdatedAt',
    }),
    'PutIntegration': frozenset({
        'CreatedAt',
        'LastUpdatedAt',
    }),
}
"""Properties that AWS sets (the schema's readOnlyProperties): never part of a request."""

TEMPLATE_ONLY: Mapping[str, frozenset[str]] = {
    'CreateDomain': frozenset(),
    'PutProfileObjectType': frozenset(),
    'CreateEventTrigger': frozenset(),
    'PutIntegration': frozenset(),
}
"""Writable properties that boto3 has no member for: a request cannot hold them."""
