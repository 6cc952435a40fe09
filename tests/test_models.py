"""The request models: built in code, frozen, and silent about the sensitive flow."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from customer_profiles_typed import (
    FlowDefinition,
    OperatorPropertiesKeys,
    PutIntegrationRequest,
    S3ConnectorOperator,
    SourceConnectorType,
    SourceFlowConfig,
    Task,
    TaskType,
    ValidationError,
    ZendeskSourceProperties,
)
from support import s3_flow

SECRET = "hunter2-do-not-print"


def test_connector_type_follows_the_properties_class() -> None:
    config = SourceFlowConfig(
        source_connector_properties=ZendeskSourceProperties(object="tickets"),
        connector_profile_name="zendesk",
    )
    assert config.connector_type is SourceConnectorType.ZENDESK


def test_models_are_frozen_and_collections_immutable() -> None:
    flow = s3_flow()
    assert isinstance(flow.tasks, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        flow.flow_name = "other"  # type: ignore[misc]
    task = Task(
        task_type=TaskType.MAP,
        source_fields=["a"],
        destination_field="a",
        connector_operator=S3ConnectorOperator.NO_OP,
        task_properties={OperatorPropertiesKeys.SOURCE_DATA_TYPE: "string"},
    )
    assert task.source_fields == ("a",)
    with pytest.raises(TypeError):
        task.task_properties[OperatorPropertiesKeys.VALUE] = "x"  # type: ignore[index]


def test_flow_contents_are_not_in_reprs() -> None:
    flow = s3_flow(flow_name=SECRET, description=SECRET)
    request = PutIntegrationRequest(domain_name="d", object_type_name="Customer", flow_definition=flow)
    assert SECRET not in repr(flow)
    assert SECRET not in repr(request)
    assert "FlowDefinition(<sensitive>)" in repr(request)


def test_bad_sensitive_values_are_not_echoed_in_errors() -> None:
    bad_arn = f"arn:aws:s3:::{SECRET}"
    with pytest.raises(ValidationError) as caught:
        s3_flow(kms_arn=bad_arn)
    assert [p.rule for p in caught.value.errors] == ["A3"]
    assert SECRET not in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        PutIntegrationRequest.from_boto3(
            {
                "DomainName": "d",
                "ObjectTypeName": "Customer",
                "FlowDefinition": {
                    **_flow_wire(),
                    "KmsArn": bad_arn,
                    "FlowName": f"has space {SECRET}",
                },
            }
        )
    assert {p.wire_path for p in caught.value.errors} == {
        "FlowDefinition.KmsArn",
        "FlowDefinition.FlowName",
    }
    assert SECRET not in str(caught.value)


def test_unknown_task_property_keys_are_not_echoed() -> None:
    flow = _flow_wire()
    flow["Tasks"][0]["TaskProperties"] = {SECRET: "x"}
    with pytest.raises(ValidationError) as caught:
        PutIntegrationRequest.from_boto3({"DomainName": "d", "FlowDefinition": flow})
    assert [p.wire_path for p in caught.value.errors] == [
        "FlowDefinition.Tasks[0].TaskProperties[<key #0, not shown>]"
    ]
    assert SECRET not in str(caught.value)


def test_non_sensitive_values_are_named_to_help() -> None:
    with pytest.raises(ValidationError, match="'bad name'"):
        PutIntegrationRequest(domain_name="bad name", uri="u")


def _flow_wire() -> dict[str, Any]:
    flow: FlowDefinition[S3ConnectorOperator] = s3_flow()
    wire = PutIntegrationRequest(
        domain_name="d", object_type_name="Customer", flow_definition=flow
    ).to_boto3()
    return dict(wire["FlowDefinition"])
