"""Server-side validation of requests against the botocore model."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast

import pytest

from customer_profiles_typed.testing import Emulator
from customer_profiles_typed.testing._botocore import service_model
from customer_profiles_typed.testing._validation import validate_input

from ._boto import ClientError, error_response, no_client_validation
from ._data import make_flow_definition
from ._http import send

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient


@pytest.fixture
def customer_profiles_emulator_options() -> dict[str, Any]:
    """An emulator that serves unsigned requests: the raw ones here are not signed."""
    return {"verify_signatures": False}


@pytest.fixture
def lenient_client(customer_profiles_emulator: Emulator) -> Any:
    """A boto3 client that skips its own parameter checks (typed ``Any`` to send bad input)."""
    return customer_profiles_emulator.client(config=no_client_validation())


def _bad_request_message(call: Any, **params: Any) -> str:
    with pytest.raises(ClientError) as raised:
        call(**params)
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "BadRequestException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    return str(response["Error"]["Message"])


def test_an_invalid_enum_deep_in_the_flow_is_refused_with_its_wire_path(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    flow = cast("dict[str, Any]", make_flow_definition("bad-flow"))
    flow["Tasks"] = [{"SourceFields": ["email"], "TaskType": "Teleport"}]
    message = _bad_request_message(
        customer_profiles_client.put_integration, DomainName=domain, ObjectTypeName="T", FlowDefinition=flow
    )
    # FlowDefinition is sensitive in the model, so the bad value is not echoed.
    assert message == (
        "1 validation error detected: Value at 'FlowDefinition.Tasks[0].TaskType' failed to satisfy "
        "constraint: must be one of Arithmetic, Filter, Map, Mask, Merge, Truncate, Validate (TaskType), "
        "got (value not shown: sensitive)"
    )


def test_a_uri_label_must_match_its_pattern(customer_profiles_client: CustomerProfilesClient) -> None:
    message = _bad_request_message(
        customer_profiles_client.create_domain, DomainName="no spaces allowed", DefaultExpirationDays=3
    )
    assert message == (
        "1 validation error detected: Value at 'DomainName' failed to satisfy constraint: "
        "must match the pattern '^[a-zA-Z0-9_-]+$', got 'no spaces allowed'"
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"DomainName": "d"}, "at 'DefaultExpirationDays' failed to satisfy constraint: DefaultExpirationDays is required"),
        ({"DomainName": "d", "DefaultExpirationDays": "ten"}, "at 'DefaultExpirationDays' failed to satisfy constraint: must be an integer, got str"),
        ({"DomainName": "d", "DefaultExpirationDays": 5000}, "at 'DefaultExpirationDays' failed to satisfy constraint: must be at most 1098, got 5000"),
        ({"DomainName": "d", "DefaultExpirationDays": 0}, "at 'DefaultExpirationDays' failed to satisfy constraint: must be at least 1, got 0"),
        ({"DomainName": "d", "DefaultExpirationDays": 3, "Tags": {f"k{i}": "v" for i in range(51)}}, "at 'Tags' failed to satisfy constraint: must have at most 50 entries, has 51"),
        ({"DomainName": "d", "DefaultExpirationDays": 3, "Tags": {"aws:owner": "me"}}, "at 'Tags['aws:owner']' failed to satisfy constraint: must match the pattern '^(?!aws:)"),
        ({"DomainName": "d", "DefaultExpirationDays": 3, "Matching": {"JobSchedule": {"DayOfTheWeek": "FUNDAY", "Time": "25:00"}}}, "3 validation errors detected"),
    ],
)
def test_create_domain_constraints(lenient_client: Any, params: dict[str, Any], expected: str) -> None:
    message = _bad_request_message(lenient_client.create_domain, **params)
    assert expected in message
    if "Matching" not in params:
        assert message.startswith("1 validation error detected: Value at '")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"Uri": ""}, "at 'Uri' failed to satisfy constraint: must be at least 1 characters, is 0"),
        ({"Uri": "u", "EventTriggerNames": ["a", "b"]}, "at 'EventTriggerNames' failed to satisfy constraint: must have at most 1 items, has 2"),
        ({"Uri": "u", "Scope": "GALAXY"}, "at 'Scope' failed to satisfy constraint: must be one of PROFILE, DOMAIN (Scope), got 'GALAXY'"),
        ({"Uri": "u", "RoleArn": "arn:aws:s3:::not-a-role"}, "at 'RoleArn' failed to satisfy constraint: must be an ARN of the form arn:<partition>:iam:<region>:<account>:<resource>, got 'arn:aws:s3:::not-a-role'"),
        ({"Uri": "u", "ObjectTypeNames": {"k": "1-starts-with-digit"}}, "at 'ObjectTypeNames['k']' failed to satisfy constraint: must match the pattern '^[a-zA-Z_][a-zA-Z_0-9-]*$', got '1-starts-with-digit'"),
    ],
)
def test_put_integration_constraints(
    lenient_client: Any, domain: str, params: dict[str, Any], expected: str
) -> None:
    message = _bad_request_message(lenient_client.put_integration, DomainName=domain, **params)
    assert message.startswith("1 validation error detected: Value at '")
    assert expected in message


def test_missing_members_of_the_flow_are_named_and_sensitive_values_not_echoed(lenient_client: Any, domain: str) -> None:
    flow = cast("dict[str, Any]", make_flow_definition("secret-flow"))
    del flow["TriggerConfig"]
    flow["KmsArn"] = "not-an-arn-but-long-enough"
    message = _bad_request_message(lenient_client.put_integration, DomainName=domain, FlowDefinition=flow)
    assert message == (
        "2 validation errors detected: "
        "Value at 'FlowDefinition.TriggerConfig' failed to satisfy constraint: TriggerConfig is required; "
        "Value at 'FlowDefinition.KmsArn' failed to satisfy constraint: must be an ARN of the form "
        "arn:<partition>:kms:<region>:<account>:<resource>, got (value not shown: sensitive)"
    )
    assert "not-an-arn" not in message


def test_query_string_members_are_typed_and_ranged(customer_profiles_emulator: Emulator) -> None:
    wrong_type = send(customer_profiles_emulator, "GET", "/domains?max-results=many")
    assert wrong_type.status == 400
    assert wrong_type.body == {
        "Message": "1 validation error detected: Value at 'MaxResults' failed to satisfy constraint: "
        "must be an integer, got str"
    }
    out_of_range = send(customer_profiles_emulator, "GET", "/domains?max-results=101")
    assert out_of_range.status == 400
    assert out_of_range.body == {
        "Message": "1 validation error detected: Value at 'MaxResults' failed to satisfy constraint: "
        "must be at most 100, got 101"
    }
    not_boolean = send(customer_profiles_emulator, "GET", "/domains/d/integrations?include-hidden=maybe")
    assert not_boolean.status == 400
    assert not_boolean.body == {
        "Message": "1 validation error detected: Value at 'IncludeHidden' failed to satisfy constraint: "
        "must be a boolean, got str"
    }


def test_unknown_keys_are_refused_at_every_depth(customer_profiles_emulator: Emulator, domain: str) -> None:
    top = send(
        customer_profiles_emulator, "POST", "/domains/other", json.dumps({"DefaultExpirationDays": 3, "Colour": "red"}).encode()
    )
    assert top.status == 400
    assert top.headers["x-amzn-errortype"] == "BadRequestException"
    assert top.body["Message"].startswith(
        "1 validation error detected: Value at 'Colour' failed to satisfy constraint: "
        "unknown parameter 'Colour' in CreateDomainRequest; valid: DomainName, DefaultExpirationDays, "
    )
    assert [stored.name for stored in customer_profiles_emulator.domains()] == [domain]

    flow = cast("dict[str, Any]", make_flow_definition("extra-flow"))
    flow["Tasks"][0]["Priority"] = 1
    nested = send(
        customer_profiles_emulator,
        "PUT",
        f"/domains/{domain}/integrations",
        json.dumps({"ObjectTypeName": "T", "FlowDefinition": flow}).encode(),
    )
    assert nested.status == 400
    # FlowDefinition is sensitive: an unknown key in it is data, named by position only.
    assert nested.body["Message"].startswith(
        "1 validation error detected: Value at 'FlowDefinition.Tasks[0][<key #4, not shown>]' failed "
        "to satisfy constraint: an unknown key (not shown: sensitive) in Task; valid: ConnectorOperator, "
    )
    assert "Priority" not in nested.body["Message"]
    assert customer_profiles_emulator.integrations(domain) == []


def test_body_members_of_the_wrong_json_type_are_refused(customer_profiles_emulator: Emulator, domain: str) -> None:
    answer = send(
        customer_profiles_emulator,
        "PUT",
        f"/domains/{domain}/integrations",
        json.dumps({"Uri": "u", "Tags": "not-a-map", "EventTriggerNames": "t"}).encode(),
    )
    assert answer.status == 400
    assert answer.body == {
        "Message": "2 validation errors detected: "
        "Value at 'Tags' failed to satisfy constraint: must be a dict, got str; "
        "Value at 'EventTriggerNames' failed to satisfy constraint: must be a list, got str"
    }


def test_a_body_that_is_not_a_json_object_is_refused(customer_profiles_emulator: Emulator) -> None:
    # Not JSON at all is SerializationException (tests/emulator/test_limits.py); JSON of the wrong kind is bad input.
    for body, code in ((b"{not json", "SerializationException"), (b"[1, 2]", "BadRequestException")):
        answer = send(customer_profiles_emulator, "POST", "/domains/d", body)
        assert answer.status == 400
        assert answer.headers["x-amzn-errortype"] == code
        assert answer.headers["x-amzn-requestid"]


def test_a_uri_member_sent_in_the_body_is_refused(customer_profiles_emulator: Emulator) -> None:
    answer = send(
        customer_profiles_emulator,
        "POST",
        "/domains/d",
        json.dumps({"DomainName": "other", "DefaultExpirationDays": 3}).encode(),
    )
    assert answer.status == 400
    assert customer_profiles_emulator.domains() == []


def test_validate_input_accepts_a_valid_request_and_lists_every_problem() -> None:
    operation = service_model().operation_model("PutIntegration")
    valid = {"DomainName": "d", "ObjectTypeName": "T", "FlowDefinition": make_flow_definition("flow-f")}
    assert validate_input(operation, valid) == []
    problems = validate_input(operation, {"Uri": 7, "Scope": "X", "Extra": True})
    assert len(problems) == 4
    assert "Value at 'DomainName' failed to satisfy constraint: DomainName is required" in problems
    assert "Value at 'Uri' failed to satisfy constraint: must be a string, got int" in problems
    assert "Value at 'Scope' failed to satisfy constraint: must be one of PROFILE, DOMAIN (Scope), got 'X'" in problems
    assert any(
        problem.startswith(
            "Value at 'Extra' failed to satisfy constraint: unknown parameter 'Extra' in PutIntegrationRequest; "
        )
        for problem in problems
    )
