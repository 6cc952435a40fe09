"""Typed, validated Amazon Connect Customer Profiles integrations on top of boto3.

Build a ``PutIntegrationRequest`` (or call ``IntegrationClient.put_integration``)
from the attrs models; every object checks itself against the AWS model and the
documented AppFlow rules when it is built, and the client maps every AWS error to
a typed exception. See the README for a complete example.
"""

from __future__ import annotations

from customer_profiles_typed.client import CustomerProfilesClient, IntegrationClient
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
from customer_profiles_typed.errors import (
    AccessDeniedError,
    BadRequestError,
    CustomerProfilesError,
    CustomerProfilesWarning,
    InternalServerError,
    ResourceNotFoundError,
    ServiceError,
    ThrottlingError,
    TransportError,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
)
from customer_profiles_typed.integration import Integration
from customer_profiles_typed.models import (
    AnyFlowDefinition,
    ConnectorOperator,
    FlowDefinition,
    IncrementalPullConfig,
    MarketoSourceProperties,
    OperatorT,
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
from customer_profiles_typed._validation_hook import skip_rules

__all__ = [
    "AccessDeniedError",
    "AnyFlowDefinition",
    "BadRequestError",
    "ConnectorOperator",
    "CustomerProfilesClient",
    "CustomerProfilesError",
    "CustomerProfilesWarning",
    "DataPullMode",
    "FlowDefinition",
    "IncrementalPullConfig",
    "Integration",
    "IntegrationClient",
    "InternalServerError",
    "MarketoConnectorOperator",
    "MarketoSourceProperties",
    "OperatorPropertiesKeys",
    "OperatorT",
    "PutIntegrationRequest",
    "ResourceNotFoundError",
    "S3ConnectorOperator",
    "S3SourceProperties",
    "SalesforceConnectorOperator",
    "SalesforceSourceProperties",
    "ScheduledTriggerProperties",
    "Scope",
    "ServiceError",
    "ServiceNowConnectorOperator",
    "ServiceNowSourceProperties",
    "SourceConnectorProperties",
    "SourceConnectorType",
    "SourceFlowConfig",
    "Task",
    "TaskType",
    "ThrottlingError",
    "TransportError",
    "TriggerConfig",
    "TriggerProperties",
    "TriggerType",
    "ValidationError",
    "ValidationProblem",
    "ValidationWarning",
    "ZendeskConnectorOperator",
    "ZendeskSourceProperties",
    "skip_rules",
]
