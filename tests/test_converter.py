"""The converter: exact wire dicts, and timestamps that serialize as boto3 would."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import strategies
from customer_profiles_typed import (
    PutIntegrationRequest,
    ScheduledTriggerProperties,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
    ValidationWarning,
)
from support import botocore_errors, canonical_request, s3_flow, serialize


def _scheduled(start: Any) -> dict[str, Any]:
    kwargs = canonical_request()
    kwargs["FlowDefinition"]["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {"ScheduleExpression": "rate(1days)", "ScheduleStartTime": start}
        },
    }
    return kwargs


@settings(max_examples=100, deadline=None, database=None)
@given(strategies.TIMESTAMPS)
def test_iso_strings_send_the_same_body_as_their_datetime(moment: datetime) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidationWarning)  # G13: most moments are past
        from_text = PutIntegrationRequest.from_boto3(_scheduled(moment.isoformat())).to_boto3()
        from_datetime = PutIntegrationRequest.from_boto3(_scheduled(moment)).to_boto3()
    assert json.loads(serialize(from_text)) == json.loads(serialize(from_datetime))
    # and botocore given the string itself sends those same bytes
    assert json.loads(serialize(_scheduled(moment.isoformat()))) == json.loads(serialize(from_datetime))


def test_absent_optional_fields_are_left_out_and_enums_become_values() -> None:
    trigger = TriggerConfig(
        trigger_type=TriggerType.SCHEDULED,
        trigger_properties=TriggerProperties(
            scheduled=ScheduledTriggerProperties(
                schedule_expression="rate(1days)",
                schedule_start_time=datetime(2999, 1, 1, tzinfo=timezone.utc),
            )
        ),
    )
    wire = PutIntegrationRequest(
        domain_name="my-domain", object_type_name="Customer", flow_definition=s3_flow(trigger_config=trigger)
    ).to_boto3()
    assert botocore_errors(wire) == ""
    assert wire["FlowDefinition"]["TriggerConfig"] == {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {
                "ScheduleExpression": "rate(1days)",
                "ScheduleStartTime": datetime(2999, 1, 1, tzinfo=timezone.utc),
            }
        },
    }
    assert type(wire["FlowDefinition"]["TriggerConfig"]["TriggerType"]) is str


def test_servicenow_is_sent_with_each_spelling_where_it_belongs() -> None:
    kwargs = canonical_request()
    flow = kwargs["FlowDefinition"]
    flow["SourceFlowConfig"] = {
        "ConnectorType": "Servicenow",
        "ConnectorProfileName": "snow",
        "SourceConnectorProperties": {"ServiceNow": {"Object": "incident"}},
    }
    for task in flow["Tasks"]:
        task["ConnectorOperator"] = {"ServiceNow": task["ConnectorOperator"]["S3"]}
    assert PutIntegrationRequest.from_boto3(kwargs).to_boto3() == kwargs
    assert botocore_errors(kwargs) == ""


@settings(max_examples=50, deadline=None, database=None)
@given(st.sampled_from(strategies.connector_keys()))
def test_every_connector_round_trips(key: str) -> None:
    kwargs = canonical_request()
    flow = kwargs["FlowDefinition"]
    properties_shape = strategies.shape("SourceConnectorProperties").members[key]
    required = {name: "abc" for name in properties_shape.required_members}
    flow["SourceFlowConfig"] = {
        "ConnectorType": strategies.connector_type_of(key),
        "ConnectorProfileName": "profile",
        "SourceConnectorProperties": {key: required},
    }
    for task in flow["Tasks"]:
        task["ConnectorOperator"] = {key: task["ConnectorOperator"]["S3"]}
    assert PutIntegrationRequest.from_boto3(kwargs).to_boto3() == kwargs


def test_enum_members_in_a_wire_dict_read_like_their_values() -> None:
    """boto3 takes str-enum members for enum fields; so does from_boto3, everywhere."""
    from customer_profiles_typed import (
        S3ConnectorOperator,
        SourceConnectorType,
        TaskType,
        TriggerType,
    )

    plain = canonical_request()
    with_members = canonical_request()
    flow = with_members["FlowDefinition"]
    flow["SourceFlowConfig"]["ConnectorType"] = SourceConnectorType.S3
    flow["TriggerConfig"]["TriggerType"] = TriggerType(flow["TriggerConfig"]["TriggerType"])
    for task in flow["Tasks"]:
        task["TaskType"] = TaskType(task["TaskType"])
        task["ConnectorOperator"] = {"S3": S3ConnectorOperator(task["ConnectorOperator"]["S3"])}
    assert not botocore_errors(with_members)
    assert PutIntegrationRequest.from_boto3(with_members) == PutIntegrationRequest.from_boto3(plain)
