"""Typing cases for the models: what a type checker accepts, and the misuse it rejects.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from typing_extensions import assert_type

from customer_profiles_typed import (
    DataPullMode,
    FlowDefinition,
    Integration,
    OperatorPropertiesKeys,
    PutIntegrationRequest,
    S3ConnectorOperator,
    S3SourceProperties,
    SalesforceConnectorOperator,
    SalesforceSourceProperties,
    ScheduledTriggerProperties,
    Scope,
    SourceConnectorType,
    SourceFlowConfig,
    Task,
    TaskType,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
    ZendeskConnectorOperator,
    ZendeskSourceProperties,
)

KMS = "arn:aws:kms:us-east-1:123456789012:key/abc"
ON_DEMAND = TriggerConfig(trigger_type=TriggerType.ON_DEMAND)


def a_well_typed_s3_flow() -> None:
    projection = Task(
        task_type=TaskType.FILTER,
        source_fields=["a", "b"],
        connector_operator=S3ConnectorOperator.PROJECTION,
    )
    assert_type(projection, Task[S3ConnectorOperator])
    mapping = Task(
        task_type=TaskType.MAP,
        source_fields=("a",),
        destination_field="a",
        connector_operator=S3ConnectorOperator.NO_OP,
        task_properties={OperatorPropertiesKeys.DESTINATION_DATA_TYPE: "string"},
    )
    source = SourceFlowConfig(source_connector_properties=S3SourceProperties(bucket_name="bucket"))
    assert_type(source, SourceFlowConfig[S3ConnectorOperator])
    assert_type(source.connector_type, SourceConnectorType)
    flow = FlowDefinition(
        flow_name="flow",
        kms_arn=KMS,
        source_flow_config=source,
        tasks=[projection, mapping],
        trigger_config=TriggerConfig(
            trigger_type=TriggerType.SCHEDULED,
            trigger_properties=TriggerProperties(
                scheduled=ScheduledTriggerProperties(
                    schedule_expression="rate(1hours)",
                    data_pull_mode=DataPullMode.COMPLETE,
                    schedule_start_time=datetime.now(timezone.utc),
                    schedule_offset=60,
                )
            ),
        ),
    )
    assert_type(flow, FlowDefinition[S3ConnectorOperator])
    assert_type(flow.tasks, Sequence[Task[S3ConnectorOperator]])
    assert_type(flow.tasks[0].connector_operator, S3ConnectorOperator)
    request = PutIntegrationRequest(domain_name="d", object_type_name="T", flow_definition=flow)
    assert_type(request.tags, Mapping[str, str] | None)
    assert_type(request.event_trigger_names, tuple[str, ...] | None)


def a_well_typed_salesforce_flow() -> FlowDefinition[SalesforceConnectorOperator]:
    return FlowDefinition(
        flow_name="sf",
        kms_arn=KMS,
        source_flow_config=SourceFlowConfig(
            source_connector_properties=SalesforceSourceProperties(object="Contact"),
            connector_profile_name="my-salesforce",
        ),
        tasks=[
            Task(
                task_type=TaskType.FILTER,
                source_fields=["Id"],
                connector_operator=SalesforceConnectorOperator.PROJECTION,
            )
        ],
        trigger_config=ON_DEMAND,
    )


def the_response(integration: Integration) -> None:
    assert_type(integration.created_at, datetime)
    assert_type(integration.last_updated_at, datetime)
    assert_type(integration.scope, Scope | str | None)
    assert_type(integration.uri, str)
    assert_type(integration.tags, Mapping[str, str] | None)
    assert_type(integration.is_unstructured, bool | None)


def connector_mismatches() -> None:
    zendesk = SourceFlowConfig(source_connector_properties=ZendeskSourceProperties(object="tickets"))
    s3_task = Task(task_type=TaskType.FILTER, source_fields=["a"], connector_operator=S3ConnectorOperator.PROJECTION)
    FlowDefinition(flow_name="f", kms_arn=KMS, source_flow_config=zendesk, tasks=[s3_task], trigger_config=ON_DEMAND)  # type: ignore[misc]  # pyright: ignore[reportArgumentType]
    FlowDefinition(flow_name="f", kms_arn=KMS, source_flow_config=zendesk, tasks=[Task(task_type=TaskType.MAP, source_fields=["a"], connector_operator=SalesforceConnectorOperator.NO_OP)], trigger_config=ON_DEMAND)  # type: ignore[misc]  # pyright: ignore[reportArgumentType]
    _flow: FlowDefinition[ZendeskConnectorOperator] = FlowDefinition(flow_name="f", kms_arn=KMS, source_flow_config=SourceFlowConfig(source_connector_properties=S3SourceProperties(bucket_name="b")), tasks=[s3_task], trigger_config=ON_DEMAND)  # type: ignore[arg-type, list-item]  # pyright: ignore[reportAssignmentType]
    _tasks: list[Task[ZendeskConnectorOperator]] = [s3_task]  # type: ignore[list-item]  # pyright: ignore[reportAssignmentType]


def missing_and_wrong_fields() -> None:
    Task(task_type=TaskType.MAP, source_fields=["a"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    S3SourceProperties()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    S3SourceProperties(bucket_name="b", bucket_prefx="p")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    S3SourceProperties("b")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    PutIntegrationRequest(uri="u")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    TriggerConfig(trigger_type="OnDemand")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Task(task_type=TriggerType.EVENT, source_fields=["a"], connector_operator=S3ConnectorOperator.NO_OP)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Task(task_type=TaskType.MAP, source_fields=["a"], connector_operator="NO_OP")  # type: ignore[type-var]  # pyright: ignore[reportArgumentType]
    Task(task_type=TaskType.MAP, source_fields=["a"], connector_operator=S3ConnectorOperator.NO_OP, task_properties={"VALUE": "x"})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    ScheduledTriggerProperties(schedule_expression="rate(1days)", schedule_start_time="2030-01-01T00:00:00Z")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    ScheduledTriggerProperties(schedule_expression="rate(1days)", data_pull_mode=Scope.DOMAIN)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    PutIntegrationRequest(domain_name="d", scope="DOMAIN")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def frozen_and_typed_results(integration: Integration, request: PutIntegrationRequest) -> None:
    integration.uri = "other"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
    _when: str = integration.created_at  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    _scope: Scope = integration.scope  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    request.tags["team"] = "x"  # type: ignore[index]  # pyright: ignore[reportIndexIssue, reportOptionalSubscript]
