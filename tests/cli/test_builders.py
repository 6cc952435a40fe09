"""Flow builders: canonical shape, valid without warnings, round trip through boto3's shape."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_typed import (
    DataPullMode,
    FlowDefinition,
    PutIntegrationRequest,
    S3ConnectorOperator,
    ValidationWarning,
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

from .helpers import KMS_KEY


@pytest.fixture(autouse=True)
def no_warnings() -> Iterator[None]:
    """A built flow must not even warn."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        yield


def _round_trip(flow: FlowDefinition[Any]) -> dict[str, Any]:
    request = PutIntegrationRequest(domain_name="d1", object_type_name="T", flow_definition=flow)
    wire: dict[str, Any] = dict(request.to_boto3())
    assert PutIntegrationRequest.from_boto3(wire) == request
    flow_wire: dict[str, Any] = wire["FlowDefinition"]
    return flow_wire


def test_the_s3_flow_has_the_canonical_shape() -> None:
    flow = s3_flow(
        flow_name="Customer_Profiles_flow",
        kms_arn=KMS_KEY,
        bucket_name="my-bucket",
        fields=["colA", "colB"],
        trigger=on_demand_trigger(),
    )
    # Rules file, section 5.3: the admin guide's example, task for task.
    assert _round_trip(flow) == {
        "FlowName": "Customer_Profiles_flow",
        "KmsArn": KMS_KEY,
        "SourceFlowConfig": {"ConnectorType": "S3", "SourceConnectorProperties": {"S3": {"BucketName": "my-bucket"}}},
        "Tasks": [
            {"TaskType": "Filter", "SourceFields": ["colA", "colB"], "ConnectorOperator": {"S3": "PROJECTION"}},
            {"TaskType": "Map", "SourceFields": ["colA"], "DestinationField": "colA", "ConnectorOperator": {"S3": "NO_OP"}, "TaskProperties": {}},
            {"TaskType": "Map", "SourceFields": ["colB"], "DestinationField": "colB", "ConnectorOperator": {"S3": "NO_OP"}, "TaskProperties": {}},
        ],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }


def test_mappings_data_types_and_schedule() -> None:
    start = datetime(2099, 1, 1, tzinfo=timezone.utc)
    flow = salesforce_flow(
        flow_name="contacts",
        kms_arn=KMS_KEY,
        object="Contact",
        connector_profile_name="my-salesforce",
        fields=[
            "Id",
            FieldMapping("Email", "email", source_data_type="email", destination_data_type="string"),
            FieldMapping("Email", "email_copy"),
        ],
        trigger=scheduled_trigger(rate(1, "hour"), data_pull_mode=DataPullMode.INCREMENTAL, schedule_start_time=start),
        datetime_type_field_name="LastModifiedDate",
        include_deleted_records=False,
    )
    wire = _round_trip(flow)
    assert wire["SourceFlowConfig"] == {
        "ConnectorType": "Salesforce",
        "ConnectorProfileName": "my-salesforce",
        "SourceConnectorProperties": {"Salesforce": {"Object": "Contact", "IncludeDeletedRecords": False}},
        "IncrementalPullConfig": {"DatetimeTypeFieldName": "LastModifiedDate"},
    }
    tasks = wire["Tasks"]
    assert tasks[0] == {"TaskType": "Filter", "SourceFields": ["Id", "Email"], "ConnectorOperator": {"Salesforce": "PROJECTION"}}
    assert [(t["SourceFields"], t["DestinationField"]) for t in tasks[1:]] == [
        (["Id"], "Id"),
        (["Email"], "email"),
        (["Email"], "email_copy"),
    ]
    assert tasks[2]["TaskProperties"] == {"SOURCE_DATA_TYPE": "email", "DESTINATION_DATA_TYPE": "string"}
    assert wire["TriggerConfig"] == {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {"ScheduleExpression": "rate(1hours)", "DataPullMode": "Incremental", "ScheduleStartTime": start}
        },
    }


def test_a_mapping_of_source_to_destination_names() -> None:
    tasks = mapping_tasks(S3ConnectorOperator, {"tel": "phone", "mail": "email"})
    assert [(t.source_fields, t.destination_field) for t in tasks] == [
        (("tel", "mail"), None),
        (("tel",), "phone"),
        (("mail",), "email"),
    ]
    assert tasks[0].connector_operator is S3ConnectorOperator.PROJECTION
    assert {t.connector_operator for t in tasks[1:]} == {S3ConnectorOperator.NO_OP}


@pytest.mark.parametrize(
    ("build", "key"),
    [(marketo_flow, "Marketo"), (servicenow_flow, "ServiceNow"), (zendesk_flow, "Zendesk")],
)
def test_the_other_connectors(build: Any, key: str) -> None:
    flow = build(
        flow_name="saas", kms_arn=KMS_KEY, object="things", connector_profile_name="profile",
        fields=["id"], trigger=on_demand_trigger(),
    )  # fmt: skip
    wire = _round_trip(flow)
    assert list(wire["SourceFlowConfig"]["SourceConnectorProperties"]) == [key]
    assert {next(iter(t["ConnectorOperator"])) for t in wire["Tasks"]} == {key}


def test_the_generic_builder_follows_the_source() -> None:
    flow = flow_definition(
        flow_name="tickets",
        kms_arn=KMS_KEY,
        source=ZendeskSourceProperties(object="tickets"),
        connector_profile_name="zendesk",
        fields=["id"],
        trigger=on_demand_trigger(),
        description="Zendesk tickets",
    )
    assert _round_trip(flow)["Tasks"][0]["ConnectorOperator"] == {"Zendesk": "PROJECTION"}


@pytest.mark.parametrize(
    ("every", "unit", "expected"),
    [(15, "minutes", "rate(15minutes)"), (1, "day", "rate(1days)"), (2, "hours", "rate(2hours)")],
)
def test_rate_writes_appflows_form(every: int, unit: Any, expected: str) -> None:
    assert rate(every, unit) == expected


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        rate(0, "minutes")
    with pytest.raises(ValueError, match="minutes, hours or days"):
        rate(1, "weeks")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one field"):
        mapping_tasks(S3ConnectorOperator, [])
    with pytest.raises(TypeError, match="not a single string"):
        mapping_tasks(S3ConnectorOperator, "colA")


def _s3(**changes: Any) -> FlowDefinition[Any]:
    arguments: dict[str, Any] = {
        "flow_name": "f",
        "kms_arn": KMS_KEY,
        "bucket_name": "my-bucket",
        "fields": ["colA"],
        "trigger": on_demand_trigger(),
        **changes,
    }
    return s3_flow(**arguments)


def _any_source(source: Any) -> FlowDefinition[Any]:
    return flow_definition(flow_name="f", kms_arn=KMS_KEY, source=source, fields=["a"], trigger=on_demand_trigger())


def _anything(value: object) -> Any:
    """``value`` typed ``Any``: what a caller without a type checker may pass."""
    return value


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        pytest.param(lambda: _any_source("S3"), TypeError, r"^source is a source properties object \(.*S3SourceProperties.*\), got str 'S3'", id="source-str"),
        pytest.param(lambda: _any_source(None), TypeError, r"^source is a source properties object .*, got None", id="source-none"),
        pytest.param(lambda: _s3(fields=None), TypeError, r"^fields is a list of field names .*, got None$", id="fields-none"),
        pytest.param(lambda: _s3(fields=5), TypeError, r"^fields is a list of field names .*, got int 5$", id="fields-int"),
        pytest.param(lambda: _s3(fields=["colA", 5]), TypeError, r"^fields\[1\] is a field name \(str\) or a FieldMapping, got int 5$", id="fields-item-int"),
        pytest.param(lambda: _s3(fields={"colA": 5}), TypeError, r"^fields maps source .* \(str to str\), got str 'colA' to int 5$", id="fields-map-value-int"),
        pytest.param(lambda: _s3(fields=b"colA"), TypeError, r"not a single string", id="fields-bytes"),
        pytest.param(lambda: _s3(trigger="rate(15minutes)"), TypeError, r"^trigger is a TriggerConfig, .*got str 'rate\(15minutes\)'$", id="trigger-str"),
        pytest.param(lambda: _s3(trigger=None), TypeError, r"^trigger is a TriggerConfig, .*got None$", id="trigger-none"),
        pytest.param(lambda: mapping_tasks(_anything("S3"), ["a"]), TypeError, r"^operators is a connector's operator enum \(.*S3ConnectorOperator.*\), got str 'S3'$", id="operators-str"),
        pytest.param(lambda: rate(5, _anything(None)), ValueError, r"^a rate's unit is minutes, hours or days, got None$", id="rate-unit-none"),
        pytest.param(lambda: rate(5, _anything(5)), ValueError, r"^a rate's unit is minutes, hours or days, got 5$", id="rate-unit-int"),
    ],
)
def test_arguments_of_the_wrong_kind_are_named(build: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        build()
