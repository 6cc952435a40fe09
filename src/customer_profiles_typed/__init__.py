"""Typed, validated Amazon Connect Customer Profiles integrations on top of boto3.

Build a ``PutIntegrationRequest`` (or call ``IntegrationClient.put_integration``)
from the attrs models; every object checks itself against the AWS model and the
documented AppFlow rules when it is built, and the client maps every AWS error to
a typed exception. See the README for a complete example.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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
    service_error_from,
    transport_error_from,
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

if TYPE_CHECKING:
    from customer_profiles_typed.client import CustomerProfilesClient, IntegrationClient
    from customer_profiles_typed.builders import (
        FieldMapping,
        flow_definition,
        mapping_tasks,
        marketo_flow,
        on_demand_trigger,
        rate,
        s3_flow,
        salesforce_flow,
        scheduled_trigger,
        servicenow_flow,
        zendesk_flow,
    )
    from customer_profiles_typed.specs import (
        Spec,
        SpecError,
        SpecProblem,
        dumps_specs,
        loads_specs,
        read_specs,
        write_specs,
    )

_LAZY: dict[str, str] = {
    "CustomerProfilesClient": "customer_profiles_typed.client",
    "IntegrationClient": "customer_profiles_typed.client",
    "FieldMapping": "customer_profiles_typed.builders",
    "flow_definition": "customer_profiles_typed.builders",
    "mapping_tasks": "customer_profiles_typed.builders",
    "marketo_flow": "customer_profiles_typed.builders",
    "on_demand_trigger": "customer_profiles_typed.builders",
    "rate": "customer_profiles_typed.builders",
    "s3_flow": "customer_profiles_typed.builders",
    "salesforce_flow": "customer_profiles_typed.builders",
    "scheduled_trigger": "customer_profiles_typed.builders",
    "servicenow_flow": "customer_profiles_typed.builders",
    "zendesk_flow": "customer_profiles_typed.builders",
    "Spec": "customer_profiles_typed.specs",
    "SpecError": "customer_profiles_typed.specs",
    "SpecProblem": "customer_profiles_typed.specs",
    "dumps_specs": "customer_profiles_typed.specs",
    "loads_specs": "customer_profiles_typed.specs",
    "read_specs": "customer_profiles_typed.specs",
    "write_specs": "customer_profiles_typed.specs",
}
"""Names loaded on first use: the client, the builders and the spec files.

Importing the package loads the models and errors only; each of these loads
the first time it is used, so a program pays for what it uses.
"""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AccessDeniedError",
    "AnyFlowDefinition",
    "BadRequestError",
    "ConnectorOperator",
    "CustomerProfilesClient",
    "CustomerProfilesError",
    "CustomerProfilesWarning",
    "DataPullMode",
    "FieldMapping",
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
    "Spec",
    "SpecError",
    "SpecProblem",
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
    "dumps_specs",
    "flow_definition",
    "loads_specs",
    "mapping_tasks",
    "marketo_flow",
    "on_demand_trigger",
    "rate",
    "read_specs",
    "s3_flow",
    "salesforce_flow",
    "scheduled_trigger",
    "service_error_from",
    "servicenow_flow",
    "skip_rules",
    "transport_error_from",
    "write_specs",
    "zendesk_flow",
]
