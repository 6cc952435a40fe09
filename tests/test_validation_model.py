"""Validation as a whole: every problem at once, both paths, nothing sent when invalid."""

from __future__ import annotations

import json
import pickle
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.stub import Stubber

from customer_profiles_typed import (
    IntegrationClient,
    PutIntegrationRequest,
    S3SourceProperties,
    ValidationError,
    ValidationWarning,
)
from support import canonical_request, s3_flow


def test_all_problems_are_reported_at_once_with_both_paths(canonical: dict[str, Any]) -> None:
    flow = canonical["FlowDefinition"]
    canonical["DomainName"] = "my domain"
    canonical["EventTriggerNames"] = ["one", "two"]
    flow["FlowName"] = "my flow"
    flow["Tasks"].append(
        {"TaskType": "Filter", "SourceFields": ["colA"], "ConnectorOperator": {"S3": "NO_OP"}}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidationWarning)
        with pytest.raises(ValidationError) as caught:
            PutIntegrationRequest.from_boto3(canonical)
    found = {(p.path, p.wire_path, p.rule) for p in caught.value.errors}
    assert found == {
        ("domain_name", "DomainName", "pattern"),
        ("event_trigger_names", "EventTriggerNames", "max"),
        ("flow_definition.flow_name", "FlowDefinition.FlowName", "pattern"),
        (
            "flow_definition.tasks[3].connector_operator",
            "FlowDefinition.Tasks[3].ConnectorOperator",
            "K5",
        ),
    }
    message = str(caught.value)
    assert message.startswith("invalid request: 4 problems")
    assert "flow_definition.tasks[3].connector_operator [FlowDefinition.Tasks[3].ConnectorOperator]" in message


def test_objects_built_in_code_report_all_their_own_problems() -> None:
    with pytest.raises(ValidationError) as caught:
        s3_flow(flow_name="x", kms_arn="short", description="d" * 2049)
    assert {(p.path, p.rule) for p in caught.value.errors} == {
        ("flow_name", "pattern"),
        ("kms_arn", "min"),
        ("kms_arn", "A3"),
        ("description", "max"),
    }


def test_wrong_types_in_code_are_validation_errors_not_crashes() -> None:
    for build in (
        lambda: s3_flow(tasks=None),
        lambda: s3_flow(trigger_config="Scheduled"),
        lambda: s3_flow(source_flow_config=S3SourceProperties(bucket_name="my-bucket")),
        lambda: PutIntegrationRequest(domain_name="d", flow_definition="flow"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValidationError):
            build()


def _recording_client(make_client: Callable[..., Any], sent: list[Any]) -> Any:
    """A boto3 client whose HTTP layer records each request and answers 200 itself."""
    boto3_client = make_client()

    def answer(request: Any, **_: Any) -> Any:
        sent.append(request)
        body = json.dumps(
            {"DomainName": "my-domain", "Uri": "u", "CreatedAt": 1.7e9, "LastUpdatedAt": 1.7e9}
        ).encode()
        return AWSResponse(request.url, 200, {"x-amzn-RequestId": "rid-1"}, _Raw(body))

    boto3_client.meta.events.register("before-send.customer-profiles.PutIntegration", answer)
    return boto3_client


class _Raw:
    """The least of a urllib3 response that botocore's AWSResponse reads."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, *_: Any, **__: Any) -> Any:
        yield self._body


def test_an_invalid_request_sends_nothing(make_client: Callable[..., Any]) -> None:
    sent: list[Any] = []
    client = IntegrationClient(_recording_client(make_client, sent))
    with pytest.raises(ValidationError):
        client.put_integration(domain_name="bad domain name", uri="u")
    with pytest.raises(ValidationError):
        client.put_integration(
            domain_name="d", object_type_name="Customer", flow_definition=s3_flow(), tags={"aws:x": "y"}
        )
    assert sent == []
    # the same client does send a valid request, so the recorder would have seen one
    integration = client.put_integration(domain_name="my-domain", uri="u")
    assert len(sent) == 1 and integration.request_id == "rid-1"
    assert json.loads(sent[0].body) == {"Uri": "u"}
    assert sent[0].url.endswith("/domains/my-domain/integrations")


def test_a_stubbed_client_with_nothing_queued_is_never_called(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        with pytest.raises(ValidationError):
            IntegrationClient(boto3_client).put_integration(
                domain_name="d", uri="u", event_trigger_names=["a", "b"]
            )
        stubber.assert_no_pending_responses()


@pytest.mark.parametrize(
    ("score", "rule"),
    [(5.0, "max"), (-1.0, "min"), ("abc", "type"), (True, "type"), ([1], "type"), (float("nan"), "type")],
)
def test_double_members_are_checked_for_type_and_range(score: object, rule: str) -> None:
    """Model ``double`` shapes (CreateDomain's merge confidence score, 0.0-1.0) get type and range checks."""
    from customer_profiles_typed import _checks
    from customer_profiles_typed._paths import ROOT

    request = {
        "DomainName": "d",
        "DefaultExpirationDays": 3,
        "Matching": {"Enabled": True, "AutoMerging": {"Enabled": True, "MinAllowedConfidenceScoreForMerging": 0.5}},
    }
    assert _checks.check_wire("CreateDomainRequest", request, ROOT) == []
    request["Matching"]["AutoMerging"]["MinAllowedConfidenceScoreForMerging"] = score  # type: ignore[index]
    findings = _checks.check_wire("CreateDomainRequest", request, ROOT)
    assert [(f.path.wire, f.rule) for f in findings] == [
        ("Matching.AutoMerging.MinAllowedConfidenceScoreForMerging", rule)
    ]


def test_warnings_carry_the_problem_as_data() -> None:
    """A ``ValidationWarning`` holds its ``ValidationProblem``: path, wire path, rule."""
    from customer_profiles_typed import ScheduledTriggerProperties, ValidationWarning

    with pytest.warns(ValidationWarning) as caught:
        ScheduledTriggerProperties(schedule_expression="rate(5 minutes)")
    problems = [w.message.problem for w in caught if isinstance(w.message, ValidationWarning)]
    assert [(p.path, p.wire_path, p.rule) for p in problems if p is not None] == [
        ("schedule_expression", "ScheduleExpression", "G5")
    ]


def test_with_warnings_as_errors_an_invalid_request_still_raises_its_validation_error() -> None:
    """Strict mode must not hide the errors behind the first warning."""
    kwargs = canonical_request()
    kwargs["DomainName"] = "bad name"
    kwargs["Tags"] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        with pytest.raises(ValidationError) as raised:
            PutIntegrationRequest.from_boto3(kwargs)
    assert [(p.wire_path, p.rule) for p in raised.value.errors] == [("DomainName", "pattern")]
    assert [(p.wire_path, p.rule) for p in raised.value.warnings] == [("Tags", "T11")]
    copy = pickle.loads(pickle.dumps(raised.value))
    assert (copy.errors, copy.warnings) == (raised.value.errors, raised.value.warnings)


def test_skipping_a_rule_that_does_not_exist_is_an_error() -> None:
    from customer_profiles_typed import skip_rules

    with pytest.raises(ValueError, match="'K44'"):
        with skip_rules("K44"):
            pass
    with pytest.raises(ValueError, match="'k4'"):
        PutIntegrationRequest.from_boto3(canonical_request(), skip_rules={"k4"})
    with skip_rules("K4", "all"):
        pass  # known IDs are fine


def test_a_required_member_given_as_none_is_reported_once() -> None:
    kwargs = canonical_request()
    kwargs["FlowDefinition"]["KmsArn"] = None
    with pytest.raises(ValidationError) as raised:
        PutIntegrationRequest.from_boto3(kwargs)
    assert [(p.wire_path, p.rule) for p in raised.value.errors] == [
        ("FlowDefinition.KmsArn", "required")
    ]
