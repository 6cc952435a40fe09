"""Values of the right look but the wrong kind: foreign enums and instants past the ends of UTC.

botocore refuses an ``Enum`` that is not a ``str``; a ``datetime`` whose UTC
instant ``datetime`` cannot hold cannot be sent at all. Both are
``ValidationError``\\ s naming the field, never an exception of cattrs or of
``datetime`` (``OverflowError``).
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any

import pytest

from customer_profiles_typed import (
    Integration,
    PutIntegrationRequest,
    Task,
    TaskType,
    ValidationError,
    S3ConnectorOperator,
    on_demand_trigger,
    rate,
    s3_flow,
    scheduled_trigger,
)

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"


def s3_spec(domain: str) -> dict[str, Any]:
    """A valid S3 ``put_integration`` request as boto3 keyword arguments (plain data)."""
    flow = s3_flow(
        flow_name="hostile-flow", kms_arn=KMS_KEY, bucket_name="example-exports", fields=["a", "b"],
        trigger=on_demand_trigger(),
    )
    request = PutIntegrationRequest(domain_name=domain, object_type_name="o", flow_definition=flow)
    return copy.deepcopy(dict(request.to_boto3()))


class Foreign(Enum):
    """An enum of the caller's whose values are the API's, but which is not a ``str``."""

    MAP = "Map"


class ForeignStr(str, Enum):
    """A ``str`` enum of the caller's: botocore sends its value."""

    MAP = "Map"


WEST = timezone(timedelta(hours=-5))
EAST = timezone(timedelta(hours=5))
PAST_THE_END = datetime.max.replace(tzinfo=WEST)
BEFORE_THE_START = datetime.min.replace(tzinfo=EAST)


def _with_task_type(value: object) -> dict[str, Any]:
    spec = copy.deepcopy(s3_spec("d1"))
    spec["FlowDefinition"]["Tasks"][1]["TaskType"] = value
    return spec


def test_a_non_str_enum_is_refused_naming_the_member_to_use() -> None:
    with pytest.raises(ValidationError) as raised:
        PutIntegrationRequest.from_boto3(_with_task_type(Foreign.MAP))
    (problem,) = raised.value.errors
    assert problem.wire_path == "FlowDefinition.Tasks[1].TaskType"
    assert problem.rule == "type"
    assert "use TaskType.MAP or 'Map'" in problem.message


def test_a_str_enum_with_the_api_value_is_read_as_that_value() -> None:
    request = PutIntegrationRequest.from_boto3(_with_task_type(ForeignStr.MAP))
    assert request.flow_definition is not None
    assert request.flow_definition.tasks[1].task_type is TaskType.MAP


def test_a_model_given_a_foreign_enum_names_its_own() -> None:
    with pytest.raises(ValidationError, match=r"use TaskType\.MAP"):
        Task(
            task_type=Foreign.MAP,  # type: ignore[arg-type]
            source_fields=["a"],
            connector_operator=S3ConnectorOperator.NO_OP,
        )


@pytest.mark.parametrize("when", [PAST_THE_END, BEFORE_THE_START])
def test_an_instant_past_the_ends_of_utc_is_a_validation_error(when: datetime) -> None:
    with pytest.raises(ValidationError) as raised:
        scheduled_trigger(rate(1, "hours"), schedule_start_time=when)
    (problem,) = raised.value.errors
    assert problem.path == "schedule_start_time"
    assert "between 0001-01-01 and 9999-12-31 in UTC" in problem.message


@pytest.mark.parametrize("when", [PAST_THE_END, BEFORE_THE_START])
def test_from_boto3_refuses_such_an_instant_as_a_datetime_or_a_string(when: datetime) -> None:
    for value in (when, when.isoformat()):
        spec = copy.deepcopy(s3_spec("d1"))
        spec["FlowDefinition"]["TriggerConfig"] = {
            "TriggerType": "Scheduled",
            "TriggerProperties": {
                "Scheduled": {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": value}
            },
        }
        with pytest.raises(ValidationError) as raised:
            PutIntegrationRequest.from_boto3(spec)
        assert [p.wire_path for p in raised.value.errors] == [
            "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleStartTime"
        ]


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00"])
def test_a_response_with_such_an_instant_is_a_validation_error(when: str) -> None:
    answer = {"DomainName": "d", "Uri": "u", "ObjectTypeName": "o", "CreatedAt": when, "LastUpdatedAt": when}
    with pytest.raises(ValidationError, match="in UTC"):
        Integration.from_boto3(answer)
