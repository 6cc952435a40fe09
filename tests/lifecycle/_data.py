"""Names and requests shared by the lifecycle tests."""

from __future__ import annotations

from customer_profiles_typed import (
    FlowDefinition,
    S3ConnectorOperator,
    S3SourceProperties,
    SourceFlowConfig,
    Task,
    TaskType,
    TriggerConfig,
    TriggerType,
)

DOMAIN = "lifecycle"
KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ACCOUNT_FLOW_PREFIX = "arn:aws:appflow:us-east-1:123456789012:flow/"


def connect_uri(number: int) -> str:
    """The URI of an Amazon Connect instance; the numbers sort as the URIs do."""
    return f"arn:aws:connect:us-east-1:123456789012:instance/i-{number:04d}"


def s3_flow(flow_name: str) -> FlowDefinition[S3ConnectorOperator]:
    """An on-demand S3 flow that projects and maps two fields."""
    fields = ["customer_id", "email"]
    return FlowDefinition(
        flow_name=flow_name,
        kms_arn=KMS_ARN,
        source_flow_config=SourceFlowConfig(
            source_connector_properties=S3SourceProperties(
                bucket_name="customer-exports", bucket_prefix="daily/"
            )
        ),
        tasks=[
            Task(
                task_type=TaskType.FILTER,
                source_fields=fields,
                connector_operator=S3ConnectorOperator.PROJECTION,
            ),
            *(
                Task(
                    task_type=TaskType.MAP,
                    source_fields=[field],
                    destination_field=field,
                    connector_operator=S3ConnectorOperator.NO_OP,
                )
                for field in fields
            ),
        ],
        trigger_config=TriggerConfig(trigger_type=TriggerType.ON_DEMAND),
    )
