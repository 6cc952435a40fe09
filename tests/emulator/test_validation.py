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
    assert message == (
        "1 validation error detected: Value at 'FlowDefinition.Tasks[0].TaskType' failed to satisfy "
        "constraint: Member must satisfy enum value set: "
        "[Arithmetic, Filter, Map, Mask, Merge, Truncate, Validate]"
    )


def test_a_uri_label_must_match_its_pattern(customer_profiles_client: CustomerProfilesClient) -> None:
    message = _bad_request_message(
        customer_profiles_client.create_domain, DomainName="no spaces allowed", DefaultExpirationDays=3
    )
    assert "at 'DomainName'" in message
    assert "regular expression pattern" in message


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"DomainName": "d"}, "Value null at 'DefaultExpirationDays' failed to satisfy constraint: Member must not be null"),
        ({"DomainName": "d", "DefaultExpirationDays": "ten"}, "at 'DefaultExpirationDays' failed to satisfy constraint: Member must be of type integer"),
        ({"DomainName": "d", "DefaultExpirationDays": 5000}, "Member must have value less than or equal to 1098"),
        ({"DomainName": "d", "DefaultExpirationDays": 0}, "Member must have value greater than or equal to 1"),
        ({"DomainName": "d", "DefaultExpirationDays": 3, "Tags": {f"k{i}": "v" for i in range(51)}}, "at 'Tags' failed to satisfy constraint: Member must have length less than or equal to 50"),
        ({"DomainName": "d", "DefaultExpirationDays": 3, "Tags": {"aws:owner": "me"}}, "Map key: Value 'aws:owner' at 'Tags' failed to satisfy constraint: Member must satisfy regular expression pattern"),
        ({"DomainName": "d", "DefaultExpirationDays": 3, "Matching": {"JobSchedule": {"DayOfTheWeek": "FUNDAY", "Time": "25:00"}}}, "3 validation errors detected"),
    ],
)
def test_create_domain_constraints(lenient_client: Any, params: dict[str, Any], expected: str) -> None:
    assert expected in _bad_request_message(lenient_client.create_domain, **params)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"Uri": ""}, "at 'Uri' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        ({"Uri": "u", "EventTriggerNames": ["a", "b"]}, "at 'EventTriggerNames' failed to satisfy constraint: Member must have length less than or equal to 1"),
        ({"Uri": "u", "Scope": "GALAXY"}, "Value 'GALAXY' at 'Scope'"),
        ({"Uri": "u", "RoleArn": "arn:aws:s3:::not-a-role"}, "at 'RoleArn' failed to satisfy constraint: Member must satisfy regular expression pattern"),
        ({"Uri": "u", "ObjectTypeNames": {"k": "1-starts-with-digit"}}, "at 'ObjectTypeNames[k]'"),
    ],
)
def test_put_integration_constraints(
    lenient_client: Any, domain: str, params: dict[str, Any], expected: str
) -> None:
    assert expected in _bad_request_message(lenient_client.put_integration, DomainName=domain, **params)


def test_missing_members_of_the_flow_are_named_and_sensitive_values_not_echoed(lenient_client: Any, domain: str) -> None:
    flow = cast("dict[str, Any]", make_flow_definition("secret-flow"))
    del flow["TriggerConfig"]
    flow["KmsArn"] = "not-an-arn-but-long-enough"
    message = _bad_request_message(lenient_client.put_integration, DomainName=domain, FlowDefinition=flow)
    assert "Value null at 'FlowDefinition.TriggerConfig' failed to satisfy constraint: Member must not be null" in message
    assert "Value at 'FlowDefinition.KmsArn'" in message
    assert "not-an-arn" not in message


def test_query_string_members_are_typed_and_ranged(customer_profiles_emulator: Emulator) -> None:
    wrong_type = send(customer_profiles_emulator, "GET", "/domains?max-results=many")
    assert wrong_type.status == 400
    assert "at 'MaxResults' failed to satisfy constraint: Member must be of type integer" in wrong_type.body["Message"]
    out_of_range = send(customer_profiles_emulator, "GET", "/domains?max-results=101")
    assert "Member must have value less than or equal to 100" in out_of_range.body["Message"]
    not_boolean = send(customer_profiles_emulator, "GET", "/domains/d/integrations?include-hidden=maybe")
    assert "at 'IncludeHidden' failed to satisfy constraint: Member must be of type boolean" in not_boolean.body["Message"]


def test_unknown_keys_are_refused_at_every_depth(customer_profiles_emulator: Emulator, domain: str) -> None:
    top = send(
        customer_profiles_emulator, "POST", "/domains/other", json.dumps({"DefaultExpirationDays": 3, "Colour": "red"}).encode()
    )
    assert top.status == 400
    assert top.headers["x-amzn-errortype"] == "BadRequestException"
    assert top.body == {"Message": "1 validation error detected: Unknown member at 'Colour'"}

    flow = cast("dict[str, Any]", make_flow_definition("extra-flow"))
    flow["Tasks"][0]["Priority"] = 1
    nested = send(
        customer_profiles_emulator,
        "PUT",
        f"/domains/{domain}/integrations",
        json.dumps({"ObjectTypeName": "T", "FlowDefinition": flow}).encode(),
    )
    assert nested.body == {"Message": "1 validation error detected: Unknown member at 'FlowDefinition.Tasks[0].Priority'"}
    assert customer_profiles_emulator.integrations(domain) == []


def test_body_members_of_the_wrong_json_type_are_refused(customer_profiles_emulator: Emulator, domain: str) -> None:
    answer = send(
        customer_profiles_emulator,
        "PUT",
        f"/domains/{domain}/integrations",
        json.dumps({"Uri": "u", "Tags": "not-a-map", "EventTriggerNames": "t"}).encode(),
    )
    assert answer.status == 400
    assert "at 'Tags' failed to satisfy constraint: Member must be a map" in answer.body["Message"]
    assert "at 'EventTriggerNames' failed to satisfy constraint: Member must be a list" in answer.body["Message"]


def test_a_body_that_is_not_a_json_object_is_refused(customer_profiles_emulator: Emulator) -> None:
    for body in (b"{not json", b"[1, 2]"):
        answer = send(customer_profiles_emulator, "POST", "/domains/d", body)
        assert answer.status == 400
        assert answer.headers["x-amzn-errortype"] == "BadRequestException"
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
    assert any("'DomainName'" in problem and "must not be null" in problem for problem in problems)
    assert any("'Uri'" in problem and "must be of type string" in problem for problem in problems)
    assert any(problem == "Unknown member at 'Extra'" for problem in problems)
