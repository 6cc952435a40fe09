"""Requests built in code with the model classes, against the same request as a dict literal.

What a program pays for writing a request as typed objects instead of the
nested dict boto3 takes. Each case builds the same request fresh in every call,
written out the same way on both sides (the same loop over the same field
names, the same values), and the sides run interleaved, round by round; the
ratio is taken per round and its median printed with its interquartile range:

- the 500-task S3 ``PutIntegration`` request (one projection over 499 fields,
  499 Map tasks): ``PutIntegrationRequest(..., flow_definition=FlowDefinition(
  ..., tasks=[Task(...), ...]))`` with every check on, as a user writes it;
  also through the builders (``s3_flow`` + ``scheduled_trigger``), which write
  the same flow;
- one Map ``Task`` against its dict;
- a 100-field ``PutProfileObjectTypeRequest`` (``ObjectTypeField`` per field,
  one ``ObjectTypeKey``).

Before anything is timed, each typed request is checked to give back exactly
its dict literal (``to_boto3() == literal``): both sides build the same request.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable
from typing import Any

import _common as c
from customer_profiles_typed import (
    DataPullMode,
    FieldContentType,
    FlowDefinition,
    ObjectTypeField,
    ObjectTypeKey,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    S3ConnectorOperator,
    S3SourceProperties,
    ScheduledTriggerProperties,
    SourceFlowConfig,
    StandardIdentifier,
    Task,
    TaskType,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
    rate,
    s3_flow,
    scheduled_trigger,
)

TARGET = 3.0
"""Objects built in code cost at most 3x the dict literal."""

LITERAL = "dict literal"


# --- The integration request ------------------------------------------------------


def integration_literal(fields: list[str]) -> dict[str, Any]:
    """The 500-task request as a boto3 user writes it: a nested dict literal."""
    return {
        "DomainName": c.DOMAIN,
        "ObjectTypeName": c.OBJECT_TYPE,
        "Tags": {"team": "crm"},
        "FlowDefinition": {
            "FlowName": c.FLOW_NAME,
            "KmsArn": c.KMS_ARN,
            "SourceFlowConfig": {
                "ConnectorType": "S3",
                "SourceConnectorProperties": {"S3": {"BucketName": c.BUCKET, "BucketPrefix": c.PREFIX}},
            },
            "Tasks": [
                {"TaskType": "Filter", "SourceFields": list(fields), "ConnectorOperator": {"S3": "PROJECTION"}},
                *[
                    {
                        "TaskType": "Map",
                        "SourceFields": [field],
                        "DestinationField": field,
                        "ConnectorOperator": {"S3": "NO_OP"},
                        "TaskProperties": {},
                    }
                    for field in fields
                ],
            ],
            "TriggerConfig": {
                "TriggerType": "Scheduled",
                "TriggerProperties": {
                    "Scheduled": {
                        "ScheduleExpression": "rate(15minutes)",
                        "DataPullMode": "Incremental",
                        "ScheduleStartTime": c.START,
                    }
                },
            },
        },
    }


def integration_objects(fields: list[str]) -> PutIntegrationRequest:
    """The same request written with the model constructors, every check on."""
    return PutIntegrationRequest(
        domain_name=c.DOMAIN,
        object_type_name=c.OBJECT_TYPE,
        tags={"team": "crm"},
        flow_definition=FlowDefinition(
            flow_name=c.FLOW_NAME,
            kms_arn=c.KMS_ARN,
            source_flow_config=SourceFlowConfig(
                source_connector_properties=S3SourceProperties(bucket_name=c.BUCKET, bucket_prefix=c.PREFIX),
            ),
            tasks=[
                Task(
                    task_type=TaskType.FILTER,
                    source_fields=list(fields),
                    connector_operator=S3ConnectorOperator.PROJECTION,
                ),
                *[
                    Task(
                        task_type=TaskType.MAP,
                        source_fields=[field],
                        destination_field=field,
                        connector_operator=S3ConnectorOperator.NO_OP,
                        task_properties={},
                    )
                    for field in fields
                ],
            ],
            trigger_config=TriggerConfig(
                trigger_type=TriggerType.SCHEDULED,
                trigger_properties=TriggerProperties(
                    scheduled=ScheduledTriggerProperties(
                        schedule_expression="rate(15minutes)",
                        data_pull_mode=DataPullMode.INCREMENTAL,
                        schedule_start_time=c.START,
                    )
                ),
            ),
        ),
    )


def integration_builders(fields: list[str]) -> PutIntegrationRequest:
    """The same request with its flow from the builders (``s3_flow``, ``scheduled_trigger``)."""

    return PutIntegrationRequest(
        domain_name=c.DOMAIN,
        object_type_name=c.OBJECT_TYPE,
        tags={"team": "crm"},
        flow_definition=s3_flow(
            flow_name=c.FLOW_NAME,
            kms_arn=c.KMS_ARN,
            bucket_name=c.BUCKET,
            bucket_prefix=c.PREFIX,
            fields=fields,
            trigger=scheduled_trigger(
                rate(15, "minutes"),
                data_pull_mode=DataPullMode.INCREMENTAL,
                schedule_start_time=c.START,
            ),
        ),
    )


# --- One task -----------------------------------------------------------------------


def task_literal(field: str) -> dict[str, Any]:
    """One Map task as a dict literal."""
    return {
        "TaskType": "Map",
        "SourceFields": [field],
        "DestinationField": field,
        "ConnectorOperator": {"S3": "NO_OP"},
        "TaskProperties": {},
    }


def task_object(field: str) -> Task[S3ConnectorOperator]:
    """The same task as a ``Task``, checked when built."""

    return Task(
        task_type=TaskType.MAP,
        source_fields=[field],
        destination_field=field,
        connector_operator=S3ConnectorOperator.NO_OP,
        task_properties={},
    )


# --- The object type ---------------------------------------------------------------


def object_type_objects(names: list[str]) -> PutProfileObjectTypeRequest:
    """The same object type written with the model constructors, every check on."""

    return PutProfileObjectTypeRequest(
        domain_name=c.DOMAIN,
        object_type_name=c.OBJECT_TYPE,
        description="Customers exported as CSV files",
        expiration_days=365,
        allow_profile_creation=True,
        fields={
            name: ObjectTypeField(
                source=f"_source.{name}",
                target=f"_profile.Attributes.{name}",
                content_type=FieldContentType.STRING,
            )
            for name in names
        },
        keys={
            "customer_id": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE],
                    field_names=[names[0]],
                )
            ]
        },
        tags={"team": "crm"},
    )


# --- Running -------------------------------------------------------------------------


def compare(
    title: str,
    literal: Callable[[], object],
    typed: dict[str, Callable[[], object]],
    *,
    rounds: int,
    budget: float,
) -> dict[str, float]:
    """Time ``literal`` against each ``typed`` way, interleaved; print; each way's ratio."""
    candidates = {LITERAL: literal, **typed}
    inner = c.calibrate_inner(next(iter(typed.values())), target=0.05)
    result = c.interleaved(candidates, rounds=rounds, inner=inner, budget=budget)
    print(f"-- {title}")
    print(f"   {'':<28} {'per call':>10}  vs dict literal (IQR)")
    ratios: dict[str, float] = {}
    for name in candidates:
        ratio = result.ratio(name, LITERAL)
        spread = ""
        if name != LITERAL:
            ratios[name] = ratio
            low, high = result.ratio_spread(name, LITERAL)
            spread = f" ({low:.2f}-{high:.2f})"
        print(f"   {name:<28} {c.fmt_time(result.median(name)):>10}  {ratio:5.2f}x{spread}")
    print(f"   ({len(result.seconds[LITERAL])} rounds of {inner} calls; medians of per-round ratios)")
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--budget", type=float, default=15.0, help="seconds per case before stopping early")
    parser.add_argument("--tasks", type=int, default=c.LARGE_TASKS)
    parser.add_argument("--fields", type=int, default=c.OBJECT_TYPE_FIELDS)
    args = parser.parse_args(argv)
    c.header("Objects in code: model constructors vs the dict literal of the same request", c.machine())
    warnings.simplefilter("error")

    fields = c.field_names(args.tasks - 1)
    names = c.field_names(args.fields)
    # The same request on both sides, and the payloads the other benchmarks use.
    literal = integration_literal(fields)
    assert literal == c.request_wire(args.tasks)
    assert integration_objects(fields).to_boto3() == literal
    assert integration_builders(fields).to_boto3() == literal
    one_task = integration_objects(fields[:1]).to_boto3()["FlowDefinition"]["Tasks"][1]
    assert one_task == task_literal(fields[0])
    assert object_type_objects(names).to_boto3() == c.object_type_literal(names)

    ratios: dict[str, dict[str, float]] = {}
    ratios[f"request, {args.tasks} tasks"] = compare(
        f"PutIntegrationRequest, {args.tasks} tasks",
        lambda: integration_literal(fields),
        {
            "model constructors": lambda: integration_objects(fields),
            "builders (s3_flow)": lambda: integration_builders(fields),
        },
        rounds=args.rounds,
        budget=args.budget,
    )
    field = fields[0]
    ratios["one Task"] = compare(
        "one Map Task",
        lambda: task_literal(field),
        {"model constructors": lambda: task_object(field)},
        rounds=args.rounds,
        budget=args.budget,
    )
    ratios[f"object type, {args.fields} fields"] = compare(
        f"PutProfileObjectTypeRequest, {args.fields} fields",
        lambda: c.object_type_literal(names),
        {"model constructors": lambda: object_type_objects(names)},
        rounds=args.rounds,
        budget=args.budget,
    )
    for case, found in ratios.items():
        for way, ratio in found.items():
            print(
                f"target: {case}, {way}, <= {TARGET:.0f}x the dict literal: "
                f"{ratio:.2f}x, {c.verdict(ratio, TARGET)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
