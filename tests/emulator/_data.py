"""Request data shared by the emulator tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types_boto3_customer_profiles.type_defs import FlowDefinitionTypeDef

KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def make_flow_definition(flow_name: str) -> FlowDefinitionTypeDef:
    """A valid S3 ``FlowDefinition`` named ``flow_name``."""
    return {
        "FlowName": flow_name,
        "KmsArn": KMS_ARN,
        "SourceFlowConfig": {
            "ConnectorType": "S3",
            "SourceConnectorProperties": {"S3": {"BucketName": "customer-exports", "BucketPrefix": "daily/"}},
        },
        "Tasks": [
            {
                "SourceFields": ["email"],
                "TaskType": "Map",
                "DestinationField": "EmailAddress",
                "ConnectorOperator": {"S3": "NO_OP"},
            }
        ],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }
