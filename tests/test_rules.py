"""One test per documented rule the library implements (IDs of the rules file).

SAFE rules raise ``ValidationError`` at the right path, through ``from_boto3`` and
when building objects in code; WARN rules emit ``ValidationWarning`` and the
request is still built; ``skip_rules`` lets a SAFE rule through but never a
model constraint.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from customer_profiles_typed import (
    IncrementalPullConfig,
    OperatorPropertiesKeys,
    PutIntegrationRequest,
    S3ConnectorOperator,
    SalesforceSourceProperties,
    ScheduledTriggerProperties,
    SourceFlowConfig,
    Task,
    TaskType,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
    ValidationError,
    ValidationWarning,
    ZendeskConnectorOperator,
    skip_rules,
)
from support import canonical_request, s3_flow

Edit = Callable[[dict[str, Any]], None]


def flow_of(kwargs: dict[str, Any]) -> dict[str, Any]:
    flow: dict[str, Any] = kwargs["FlowDefinition"]
    return flow


def edited(edit: Edit) -> dict[str, Any]:
    kwargs = canonical_request()
    edit(kwargs)
    return kwargs


def refused(kwargs: dict[str, Any], rule: str, wire_path: str, **options: Any) -> ValidationError:
    # Warnings that come along with the error are beside the point here.
    with warnings.catch_warnings(record=True), pytest.raises(ValidationError) as caught:
        warnings.simplefilter("always")
        PutIntegrationRequest.from_boto3(kwargs, **options)
    found = [(p.rule, p.wire_path) for p in caught.value.errors]
    assert (rule, wire_path) in found, found
    return caught.value


def warned(kwargs: dict[str, Any], rule: str) -> PutIntegrationRequest:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        request = PutIntegrationRequest.from_boto3(kwargs)
    rules = [
        w.message.problem.rule
        for w in caught
        if isinstance(w.message, ValidationWarning) and w.message.problem is not None
    ]
    assert rule in rules, rules
    return request


def accepted_quietly(kwargs: dict[str, Any]) -> PutIntegrationRequest:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        return PutIntegrationRequest.from_boto3(kwargs)


def scheduled(**schedule: Any) -> Edit:
    def edit(kwargs: dict[str, Any]) -> None:
        flow_of(kwargs)["TriggerConfig"] = {
            "TriggerType": "Scheduled",
            "TriggerProperties": {"Scheduled": {"ScheduleExpression": "rate(1days)", **schedule}},
        }

    return edit


def test_the_canonical_request_is_accepted_without_warnings() -> None:
    request = accepted_quietly(canonical_request())
    assert request.to_boto3() == canonical_request()


# --- SAFE rules ------------------------------------------------------------------


def test_k4_a_flow_without_a_projection_task_is_refused() -> None:
    def edit(kwargs: dict[str, Any]) -> None:
        del flow_of(kwargs)["Tasks"][0]

    refused(edited(edit), "K4", "FlowDefinition.Tasks")
    with pytest.raises(ValidationError) as caught:
        s3_flow(tasks=[])
    assert [(p.rule, p.path) for p in caught.value.errors] == [("K4", "tasks")]


def test_k5_a_filter_task_with_no_op_is_refused() -> None:
    def edit(kwargs: dict[str, Any]) -> None:
        flow_of(kwargs)["Tasks"][1]["TaskType"] = "Filter"

    error = refused(edited(edit), "K5", "FlowDefinition.Tasks[1].ConnectorOperator")
    assert error.errors[0].path == "flow_definition.tasks[1].connector_operator"
    with pytest.raises(ValidationError, match=r"\(K5\)"):
        Task(
            task_type=TaskType.FILTER,
            source_fields=["colA"],
            connector_operator=S3ConnectorOperator.NO_OP,
        )


def test_k7_an_operator_of_another_connector_is_refused() -> None:
    def edit(kwargs: dict[str, Any]) -> None:
        flow_of(kwargs)["Tasks"][2]["ConnectorOperator"] = {"Zendesk": "NO_OP"}

    refused(edited(edit), "K7", "FlowDefinition.Tasks[2].ConnectorOperator.Zendesk")
    zendesk_task: Any = Task(
        task_type=TaskType.MAP,
        source_fields=["colA"],
        destination_field="colA",
        connector_operator=ZendeskConnectorOperator.NO_OP,
    )
    with pytest.raises(ValidationError) as caught:
        s3_flow(tasks=[*s3_flow().tasks, zendesk_task])
    assert [(p.rule, p.path, p.wire_path) for p in caught.value.errors] == [
        ("K7", "tasks[3].connector_operator", "Tasks[3].ConnectorOperator.Zendesk")
    ]


def test_k7_a_task_holds_exactly_one_operator() -> None:
    def two(kwargs: dict[str, Any]) -> None:
        flow_of(kwargs)["Tasks"][1]["ConnectorOperator"] = {"S3": "NO_OP", "Zendesk": "NO_OP"}

    def none(kwargs: dict[str, Any]) -> None:
        del flow_of(kwargs)["Tasks"][1]["ConnectorOperator"]

    refused(edited(two), "K7", "FlowDefinition.Tasks[1].ConnectorOperator")
    refused(edited(none), "K7", "FlowDefinition.Tasks[1].ConnectorOperator")
    with pytest.raises(ValidationError, match=r"\(K7\)"):
        Task(task_type=TaskType.MAP, source_fields=["a"], connector_operator=None)  # type: ignore[type-var]


def test_c3_the_properties_hold_the_entry_of_the_connector_type() -> None:
    def edit(kwargs: dict[str, Any]) -> None:
        flow_of(kwargs)["SourceFlowConfig"]["ConnectorType"] = "Salesforce"

    refused(edited(edit), "C3", "FlowDefinition.SourceFlowConfig.SourceConnectorProperties")


def test_skip_rules_lets_a_safe_rule_through_but_never_a_model_constraint() -> None:
    def no_projection(kwargs: dict[str, Any]) -> None:
        del flow_of(kwargs)["Tasks"][0]

    kwargs = edited(no_projection)
    refused(kwargs, "K4", "FlowDefinition.Tasks")
    sent: Any = PutIntegrationRequest.from_boto3(kwargs, skip_rules={"K4"}).to_boto3()
    assert sent == kwargs
    with skip_rules("K4"):
        assert len(s3_flow(tasks=s3_flow().tasks[1:]).tasks) == 2
    kwargs["DomainName"] = "not a valid name"
    refused(kwargs, "pattern", "DomainName", skip_rules={"all"})
    with skip_rules("all"), pytest.raises(ValidationError, match=r"\(A3\)"):
        s3_flow(kms_arn="not-an-arn-but-long-enough")


# --- model constraints the rules file names ---------------------------------------


@pytest.mark.parametrize(
    ("rule", "edit", "rule_found", "wire_path"),
    [
        ("T1", lambda k: k.update(DomainName="my domain"), "pattern", "DomainName"),
        ("T5", lambda k: k.update(ObjectTypeName="1Customer"), "pattern", "ObjectTypeName"),
        ("T10", lambda k: k.update(Tags={"aws:owner": "me"}), "pattern", "Tags['aws:owner']"),
        ("T13", lambda k: k.update(EventTriggerNames=["a", "b"]), "max", "EventTriggerNames"),
        ("T14", lambda k: k.update(Scope="profile"), "enum", "Scope"),
        ("T15", lambda k: k.update(WorkflowId="w"), "unknown-key", "WorkflowId"),
        ("F2", lambda k: flow_of(k).update(FlowName="my flow"), "pattern", "FlowDefinition.FlowName"),
        ("F5", lambda k: flow_of(k).update(KmsArn="arn:aws:kms:x"), "min", "FlowDefinition.KmsArn"),
        (
            "A3",
            lambda k: flow_of(k).update(KmsArn="arn:aws:s3:::bucket-of-mine"),
            "A3",
            "FlowDefinition.KmsArn",
        ),
        (
            "K1",
            lambda k: flow_of(k)["Tasks"][1].update(TaskType="Map_all"),
            "enum",
            "FlowDefinition.Tasks[1].TaskType",
        ),
        (
            "K2",
            lambda k: flow_of(k)["Tasks"][1].update(ConnectorOperator={"S3": "CONTAINS"}),
            "enum",
            "FlowDefinition.Tasks[1].ConnectorOperator.S3",
        ),
        pytest.param(
            "K3",
            lambda k: flow_of(k)["Tasks"][1].update(TaskProperties={"DATA_TYPE": ""}),
            "pattern",
            "FlowDefinition.Tasks[1].TaskProperties['DATA_TYPE']",
            id="K3-empty-value",
        ),
        (
            "C1",
            lambda k: flow_of(k)["SourceFlowConfig"].update(ConnectorType="Slack"),
            "enum",
            "FlowDefinition.SourceFlowConfig.ConnectorType",
        ),
        ("G8", scheduled(ScheduleOffset=36001), "max", "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleOffset"),
        ("G10", scheduled(TimeZone="UTC"), "unknown-key", "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.TimeZone"),
        (
            "G11",
            lambda k: flow_of(k)["TriggerConfig"].update(FlowErrorDeactivationThreshold=3),
            "unknown-key",
            # Not a member name of the Customer Profiles model: inside the sensitive
            # FlowDefinition it is named by its position only.
            "FlowDefinition.TriggerConfig[<key #1, not shown>]",
        ),
    ],
)
def test_model_constraints_named_by_the_rules_file(
    rule: str, edit: Edit, rule_found: str, wire_path: str
) -> None:
    refused(edited(edit), rule_found, wire_path)


def test_t10_tag_keys_follow_the_literal_regex_where_plus_to_equals_is_a_range() -> None:
    accepted_quietly(edited(lambda k: k.update(Tags={"k1,;<": "v"})))


# --- WARN rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "edit"),
    [
        ("T3", lambda k: k.pop("FlowDefinition")),
        ("T4", lambda k: k.update(Uri="arn:aws:appflow:us-east-1:123456789012:flow/x")),
        ("T6", lambda k: k.pop("ObjectTypeName")),
        ("T8", lambda k: k.update(ObjectTypeNames={"SegmentTrack": "Customer"})),
        ("T11", lambda k: k.update(Tags={})),
        ("F4", lambda k: flow_of(k).update(Description="a description; with a semicolon")),
        ("A3", lambda k: k.update(RoleArn="arn:aws-cn:iam::123456789012:role/x")),
        ("C2", lambda k: flow_of(k)["SourceFlowConfig"].update(
            ConnectorType="ServiceNow",
            ConnectorProfileName="p",
            SourceConnectorProperties={"ServiceNow": {"Object": "incident"}},
        ) or [t.update(ConnectorOperator={"ServiceNow": t["ConnectorOperator"]["S3"]}) for t in flow_of(k)["Tasks"]]),
        ("C4", lambda k: flow_of(k)["SourceFlowConfig"]["SourceConnectorProperties"].update(
            Zendesk={"Object": "tickets"}
        )),
        ("C6", lambda k: flow_of(k)["SourceFlowConfig"].update(
            ConnectorType="Salesforce", SourceConnectorProperties={"Salesforce": {"Object": "Account"}}
        ) or [t.update(ConnectorOperator={"Salesforce": t["ConnectorOperator"]["S3"]}) for t in flow_of(k)["Tasks"]]),
        ("C10", lambda k: [t.update(SourceFields=[f.replace("col", "col.") for f in t["SourceFields"]]) for t in flow_of(k)["Tasks"]]),
        ("K6", lambda k: flow_of(k)["Tasks"][1].update(ConnectorOperator={"S3": "ADDITION"})),
        ("K8", lambda k: flow_of(k)["Tasks"][2].update(SourceFields=["colC"], DestinationField="colC")),
        ("K9", lambda k: flow_of(k)["Tasks"][1].pop("DestinationField")),
        ("G2", lambda k: flow_of(k)["TriggerConfig"].update(TriggerProperties={})),
        ("G3", lambda k: flow_of(k)["TriggerConfig"].update(TriggerType="Scheduled")),
        ("G5", scheduled(ScheduleExpression="rate(1 day)")),
        ("G6", lambda k: scheduled(ScheduleExpression="rate(5minutes)")(k)),
        ("G9", scheduled(Timezone="Eastern Time")),
        ("G13", scheduled(ScheduleStartTime=datetime(2001, 1, 1, tzinfo=timezone.utc))),
        ("G14", scheduled(
            ScheduleStartTime=datetime.now(timezone.utc) + timedelta(days=2),
            ScheduleEndTime=datetime.now(timezone.utc) + timedelta(days=1),
        )),
        ("G15", scheduled(FirstExecutionFrom=datetime.now(timezone.utc) + timedelta(days=1))),
        ("G16", scheduled(FirstExecutionFrom=datetime(5138, 11, 16, tzinfo=timezone.utc))),
        ("G18", lambda k: flow_of(k)["TriggerConfig"].update(TriggerType="Event")),
    ],
)
def test_warn_rules_warn_and_still_build(rule: str, edit: Edit) -> None:
    kwargs = edited(edit)
    request = warned(kwargs, rule)
    assert isinstance(request, PutIntegrationRequest)


def test_k9_task_shapes_warn_when_built_in_code() -> None:
    with pytest.warns(ValidationWarning, match=r"needs TRUNCATE_LENGTH.*\(K9\)"):
        Task(
            task_type=TaskType.TRUNCATE,
            source_fields=["colA"],
            connector_operator=S3ConnectorOperator.NO_OP,
            task_properties={OperatorPropertiesKeys.TRUNCATE_LENGTH: "²"},
        )
    with pytest.warns(ValidationWarning, match=r"MASK_VALUE.*\(K9\)"):
        Task(
            task_type=TaskType.MASK,
            source_fields=["colA"],
            connector_operator=S3ConnectorOperator.MASK_ALL,
            task_properties={OperatorPropertiesKeys.MASK_VALUE: "**"},
        )


def test_g5_the_canonical_forms_do_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        for expression in ("rate(15minutes)", "rate(1hours)", "rate(2days)", "cron(0 * * * ? *)"):
            ScheduledTriggerProperties(schedule_expression=expression)
    with pytest.warns(ValidationWarning, match=r"\(G5\)"):
        ScheduledTriggerProperties(schedule_expression="rate(١٥minutes)")


def test_g2_g3_on_trigger_configs_built_in_code() -> None:
    with pytest.warns(ValidationWarning, match=r"\(G3\)"):
        TriggerConfig(trigger_type=TriggerType.SCHEDULED)
    with pytest.warns(ValidationWarning, match=r"\(G2\)"):
        TriggerConfig(
            trigger_type=TriggerType.ON_DEMAND,
            trigger_properties=TriggerProperties(
                scheduled=ScheduledTriggerProperties(schedule_expression="rate(1days)")
            ),
        )


def test_c6_and_c8_saas_needs_a_profile_and_incremental_config_is_optional() -> None:
    with pytest.warns(ValidationWarning, match=r"\(C6\)"):
        SourceFlowConfig(source_connector_properties=SalesforceSourceProperties(object="Account"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        SourceFlowConfig(
            source_connector_properties=SalesforceSourceProperties(object="Account"),
            connector_profile_name="profile",
            incremental_pull_config=IncrementalPullConfig(),
        )


def test_k3_a_property_value_with_a_line_break_only_warns() -> None:
    """K3 asks for non-empty values; '.+' matched unanchored, as AWS does, accepts a line break."""
    kwargs = edited(
        lambda k: flow_of(k)["Tasks"][1].update(TaskProperties={"CONCAT_FORMAT": "{a}\n{b}"})
    )
    request = warned(kwargs, "pattern")
    assert request.to_boto3() == kwargs
