"""Typed, validated Amazon Connect Customer Profiles integrations on top of boto3."""

from __future__ import annotations

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

__all__ = [
    "DataPullMode",
    "MarketoConnectorOperator",
    "OperatorPropertiesKeys",
    "S3ConnectorOperator",
    "SalesforceConnectorOperator",
    "Scope",
    "ServiceNowConnectorOperator",
    "SourceConnectorType",
    "TaskType",
    "TriggerType",
    "ZendeskConnectorOperator",
]
