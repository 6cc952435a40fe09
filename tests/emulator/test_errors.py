"""Error answers: codes, messages, HTTP statuses and request ids as botocore parses them."""

from __future__ import annotations

import re
import urllib.parse
import uuid
from typing import TYPE_CHECKING

import pytest

from customer_profiles_typed.testing import Emulator
from customer_profiles_typed.testing._botocore import service_model
from customer_profiles_typed.testing._operations import HANDLERS
from customer_profiles_typed.testing._routes import Router

from ._boto import ClientError, error_response, no_retries
from ._calls import CONNECT_URI, VALID_CALLS
from ._http import send

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

MODELED_ERRORS = sorted(
    {
        (shape.name, int(shape.metadata["error"]["httpStatusCode"]))
        for name in HANDLERS
        for shape in service_model().operation_model(name).error_shapes
    }
)


def test_every_emulated_operation_has_a_valid_call() -> None:
    assert set(VALID_CALLS) == set(HANDLERS)
    assert len(MODELED_ERRORS) == 5


@pytest.mark.parametrize(("code", "status"), MODELED_ERRORS, ids=[code for code, _ in MODELED_ERRORS])
def test_every_modeled_error_of_every_operation_reaches_client_error(
    customer_profiles_emulator: Emulator, code: str, status: int
) -> None:
    client = customer_profiles_emulator.client(config=no_retries())
    client.create_domain(DomainName="errors", DefaultExpirationDays=3)
    for operation, call in VALID_CALLS.items():
        customer_profiles_emulator.inject_fault(operation, error_code=code, message=f"{operation} says no")
        with pytest.raises(ClientError) as raised:
            call(client, "errors")
        response = error_response(raised.value)
        assert response["Error"] == {"Code": code, "Message": f"{operation} says no"}, operation
        metadata = response["ResponseMetadata"]
        assert metadata["HTTPStatusCode"] == status
        assert metadata["HTTPHeaders"]["x-amzn-errortype"] == code
        assert uuid.UUID(metadata["RequestId"]).version == 4
        assert getattr(raised.value, "operation_name") == operation
    assert customer_profiles_emulator.domains()[0].name == "errors"


def test_modeled_errors_raise_the_client_exception_classes(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(customer_profiles_client.exceptions.ResourceNotFoundException):
        customer_profiles_client.get_domain(DomainName="ghost")
    customer_profiles_client.create_domain(DomainName="once", DefaultExpirationDays=3)
    with pytest.raises(customer_profiles_client.exceptions.BadRequestException):
        customer_profiles_client.create_domain(DomainName="once", DefaultExpirationDays=3)


def test_successful_answers_carry_a_request_id(customer_profiles_client: CustomerProfilesClient) -> None:
    first = customer_profiles_client.list_domains()["ResponseMetadata"]["RequestId"]
    second = customer_profiles_client.list_domains()["ResponseMetadata"]["RequestId"]
    assert uuid.UUID(first).version == 4
    assert first != second


def test_an_unknown_route_is_an_unknown_operation(customer_profiles_emulator: Emulator) -> None:
    answer = send(customer_profiles_emulator, "GET", "/no/such/route")
    assert answer.status == 404
    assert answer.headers["x-amzn-errortype"] == "UnknownOperationException"
    assert uuid.UUID(answer.headers["x-amzn-requestid"]).version == 4
    assert "GET /no/such/route" in answer.body["Message"]


def test_a_modeled_but_not_emulated_operation_says_so(customer_profiles_client: CustomerProfilesClient) -> None:
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.search_profiles(DomainName="d", KeyName="_email", Values=["a@example.com"])
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "NotImplementedException"
    assert "SearchProfiles" in response["Error"]["Message"]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 501


def test_routing_tells_apart_operations_sharing_a_path(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator
) -> None:
    customer_profiles_client.create_domain(DomainName="routes", DefaultExpirationDays=3)
    customer_profiles_client.put_integration(DomainName="routes", Uri=CONNECT_URI, ObjectTypeName="T")
    customer_profiles_client.get_integration(DomainName="routes", Uri=CONNECT_URI)
    customer_profiles_client.list_integrations(DomainName="routes")
    customer_profiles_client.delete_integration(DomainName="routes", Uri=CONNECT_URI)
    counts = {
        name: customer_profiles_emulator.request_count(name)
        for name in ("CreateDomain", "PutIntegration", "GetIntegration", "ListIntegrations", "DeleteIntegration")
    }
    assert counts == dict.fromkeys(counts, 1)
    assert customer_profiles_emulator.request_count() == 5


def test_a_request_that_is_not_valid_http_gets_a_json_error_with_a_request_id(
    customer_profiles_emulator: Emulator,
) -> None:
    answer = send(
        customer_profiles_emulator,
        "POST",
        "/domains/d",
        b"{}",
        headers={"Content-Length": "-5", "Content-Type": "application/json"},
    )
    assert answer.status == 400
    assert answer.headers["x-amzn-errortype"] == "BadRequestException"
    assert uuid.UUID(answer.headers["x-amzn-requestid"]).version == 4
    assert customer_profiles_emulator.domains() == []


def test_every_operation_of_the_model_is_routed_to_itself() -> None:
    model = service_model()
    router = Router(model)
    misrouted: list[str] = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        path, _, static_query = str(http["requestUri"]).partition("?")
        concrete = re.sub(r"\{[^}]+\}", "label-value", path)
        resolved = router.resolve(str(http["method"]), concrete, urllib.parse.parse_qs(static_query, keep_blank_values=True))
        if resolved is None or resolved[0].name != name:
            misrouted.append(name)
    assert len(model.operation_names) > 9
    assert misrouted == []
