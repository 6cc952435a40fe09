"""Helpers shared by the tests: the botocore oracle, a canonical request, the scripts."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.serialize
import botocore.validate
from botocore.exceptions import ParamValidationError

import strategies
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

KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

CANONICAL: dict[str, Any] = {
    "DomainName": "my-domain",
    "ObjectTypeName": "Customer",
    "FlowDefinition": {
        "FlowName": "Customer_Profiles_flow",
        "KmsArn": KMS_ARN,
        "SourceFlowConfig": {
            "ConnectorType": "S3",
            "SourceConnectorProperties": {"S3": {"BucketName": "my-bucket"}},
        },
        "Tasks": [
            {
                "TaskType": "Filter",
                "SourceFields": ["colA", "colB"],
                "ConnectorOperator": {"S3": "PROJECTION"},
            },
            {
                "TaskType": "Map",
                "SourceFields": ["colA"],
                "DestinationField": "colA",
                "ConnectorOperator": {"S3": "NO_OP"},
                "TaskProperties": {},
            },
            {
                "TaskType": "Map",
                "SourceFields": ["colB"],
                "DestinationField": "colB",
                "ConnectorOperator": {"S3": "NO_OP"},
                "TaskProperties": {},
            },
        ],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    },
}
"""The admin guide's S3 example shape (rules file, section 5.3): a valid request."""


def canonical_request() -> dict[str, Any]:
    """A fresh copy of the canonical request, free to mutate."""
    return copy.deepcopy(CANONICAL)


def s3_flow(**changes: Any) -> FlowDefinition[S3ConnectorOperator]:
    """The canonical flow built in code, with some fields replaced."""
    fields: dict[str, Any] = {
        "flow_name": "Customer_Profiles_flow",
        "kms_arn": KMS_ARN,
        "source_flow_config": SourceFlowConfig(
            source_connector_properties=S3SourceProperties(bucket_name="my-bucket")
        ),
        "tasks": [
            Task(
                task_type=TaskType.FILTER,
                source_fields=["colA", "colB"],
                connector_operator=S3ConnectorOperator.PROJECTION,
            ),
            Task(
                task_type=TaskType.MAP,
                source_fields=["colA"],
                destination_field="colA",
                connector_operator=S3ConnectorOperator.NO_OP,
            ),
            Task(
                task_type=TaskType.MAP,
                source_fields=["colB"],
                destination_field="colB",
                connector_operator=S3ConnectorOperator.NO_OP,
            ),
        ],
        "trigger_config": TriggerConfig(trigger_type=TriggerType.ON_DEMAND),
    }
    fields.update(changes)
    return FlowDefinition(**fields)


def botocore_errors(kwargs: Any) -> str:
    """botocore's ParamValidator report for PutIntegration input ('' when it accepts)."""
    report: str = (
        botocore.validate.ParamValidator()
        .validate(kwargs, strategies.operation_model().input_shape)
        .generate_report()
    )
    return report


def serialize(kwargs: Any) -> bytes:
    """The HTTP body botocore's REST-JSON serializer makes of PutIntegration input."""
    serializer = botocore.serialize.create_serializer("rest-json")
    request: dict[str, Any] = serializer.serialize_to_request(kwargs, strategies.operation_model())
    body: bytes = request["body"]
    return body


SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
"""The project's scripts folder (the code generators)."""


def load_script(name: str) -> ModuleType:
    """A script of ``scripts/``, imported from its file (``generate_models`` first: the others import it)."""
    found = sys.modules.get(name)
    if found is not None:
        return found
    if name != "generate_models":
        load_script("generate_models")
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class Reached(Exception):
    """Raised by a test hook where botocore goes on with a call: it got through every check before."""


def validates(client: Any) -> bool:
    """Whether botocore refuses a call with a wrong type itself (its parameter validation is on)."""

    def stop(**_: Any) -> None:
        raise Reached

    client.meta.events.register("before-call.customer-profiles.GetDomain", stop, unique_id="test-stop")
    try:
        client.get_domain(DomainName=5)
    except ParamValidationError:
        return True
    except Reached:
        return False
    raise AssertionError("the call neither failed validation nor reached the stop")
