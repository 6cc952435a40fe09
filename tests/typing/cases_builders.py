"""Typing cases for the flow builders: precise return types, and the misuse they reject.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import assert_type

from customer_profiles_typed import (
    DataPullMode,
    FlowDefinition,
    MarketoConnectorOperator,
    PutIntegrationRequest,
    S3ConnectorOperator,
    SalesforceConnectorOperator,
    ServiceNowConnectorOperator,
    Task,
    TriggerConfig,
    ZendeskConnectorOperator,
    ZendeskSourceProperties,
)
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

KMS = "arn:aws:kms:us-east-1:123456789012:key/abc"


def precise_return_types() -> None:
    s3 = s3_flow(flow_name="f", kms_arn=KMS, bucket_name="b", fields=["a"], trigger=on_demand_trigger())
    assert_type(s3, FlowDefinition[S3ConnectorOperator])
    assert_type(s3.tasks, Sequence[Task[S3ConnectorOperator]])
    salesforce = salesforce_flow(
        flow_name="f",
        kms_arn=KMS,
        object="Contact",
        connector_profile_name="p",
        fields={"Id": "id"},
        trigger=scheduled_trigger(rate(1, "hours"), data_pull_mode=DataPullMode.INCREMENTAL),
    )
    assert_type(salesforce, FlowDefinition[SalesforceConnectorOperator])
    common = {"flow_name": "f", "kms_arn": KMS, "object": "o", "connector_profile_name": "p"}
    assert_type(marketo_flow(**common, fields=["a"], trigger=on_demand_trigger()), FlowDefinition[MarketoConnectorOperator])
    assert_type(servicenow_flow(**common, fields=["a"], trigger=on_demand_trigger()), FlowDefinition[ServiceNowConnectorOperator])
    assert_type(zendesk_flow(**common, fields=["a"], trigger=on_demand_trigger()), FlowDefinition[ZendeskConnectorOperator])
    generic = flow_definition(
        flow_name="f", kms_arn=KMS, source=ZendeskSourceProperties(object="t"), fields=["id"], trigger=on_demand_trigger()
    )
    assert_type(generic, FlowDefinition[ZendeskConnectorOperator])
    assert_type(mapping_tasks(S3ConnectorOperator, [FieldMapping("a", "b", source_data_type="string")]), list[Task[S3ConnectorOperator]])
    assert_type(rate(15, "minutes"), str)
    assert_type(on_demand_trigger(), TriggerConfig)
    PutIntegrationRequest(domain_name="d", object_type_name="T", flow_definition=s3)


def misuse() -> None:
    s3 = s3_flow(flow_name="f", kms_arn=KMS, bucket_name="b", fields=["a"], trigger=on_demand_trigger())
    _zendesk: FlowDefinition[ZendeskConnectorOperator] = s3  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    _tasks: list[Task[ZendeskConnectorOperator]] = mapping_tasks(S3ConnectorOperator, ["a"])  # type: ignore[arg-type]  # pyright: ignore[reportAssignmentType]
    s3_flow(flow_name="f", kms_arn=KMS, bucket_name="b", fields=["a"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    s3_flow(flow_name="f", kms_arn=KMS, bucket="b", fields=["a"], trigger=on_demand_trigger())  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    s3_flow(flow_name="f", kms_arn=KMS, bucket_name="b", fields=[1], trigger=on_demand_trigger())  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    s3_flow(flow_name="f", kms_arn=KMS, bucket_name="b", fields=["a"], trigger="OnDemand")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    salesforce_flow(flow_name="f", kms_arn=KMS, object="Contact", fields=["Id"], trigger=on_demand_trigger())  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    rate(1, "weeks")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    scheduled_trigger(rate(1, "days"), data_pull_mode="Incremental")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    FieldMapping("a", "b", "string")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    mapping_tasks("S3", ["a"])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
