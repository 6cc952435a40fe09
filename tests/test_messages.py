"""Messages that say what to do: a string where an enum belongs, a dict where a model belongs.

The suggestion names the model's own member or value, never the string the
user gave (inside a FlowDefinition that string is sensitive).
"""

from __future__ import annotations

import copy
from typing import Any, cast

import pytest

from customer_profiles_typed import (
    FieldContentType,
    ObjectTypeField,
    PutIntegrationRequest,
    S3ConnectorOperator,
    Task,
    TaskType,
    ValidationError,
)
from support import canonical_request


def _message(build: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        build()
    return str(caught.value)


@pytest.mark.parametrize("given", ["Map", "map", "MAP", "Mapp"])
def test_a_string_task_type_names_the_member(given: str) -> None:
    message = _message(
        lambda: Task(
            task_type=cast(TaskType, given),
            source_fields=["a"],
            destination_field="a",
            connector_operator=S3ConnectorOperator.NO_OP,
        )
    )
    assert "use TaskType.MAP" in message


def test_a_string_nobody_could_mean_gets_no_suggestion() -> None:
    message = _message(lambda: ObjectTypeField(content_type=cast(FieldContentType, "colour")))
    assert "must be a FieldContentType member, got str" in message
    assert "use " not in message


def test_a_string_operator_names_the_connector_enums() -> None:
    message = _message(
        lambda: Task(
            task_type=TaskType.MAP,
            source_fields=["a"],
            destination_field="a",
            connector_operator=cast(S3ConnectorOperator, "NO_OP"),
        )
    )
    assert "MarketoConnectorOperator.NO_OP" in message or "S3ConnectorOperator.NO_OP" in message


def test_a_dict_flow_definition_points_at_from_boto3() -> None:
    message = _message(
        lambda: PutIntegrationRequest(domain_name="d", flow_definition=cast(Any, {"FlowName": "x"}))
    )
    assert "from_boto3" in message and "FlowDefinition(...)" in message


def test_a_wire_enum_in_the_wrong_case_offers_the_models_value_only() -> None:
    kwargs: dict[str, Any] = copy.deepcopy(dict(canonical_request()))
    task = kwargs["FlowDefinition"]["Tasks"][1]
    task["TaskType"] = "map"
    message = _message(lambda: PutIntegrationRequest.from_boto3(kwargs))
    assert "did you mean 'Map'?" in message
    # The value given stays hidden: the flow definition is sensitive.
    assert "'map'" not in message
