"""The exception tree: the code table, what each error carries, and pickling."""

from __future__ import annotations

import pickle

import pytest
from botocore.exceptions import ClientError

import strategies
from customer_profiles_typed import (
    AccessDeniedError,
    BadRequestError,
    CustomerProfilesError,
    InternalServerError,
    ResourceNotFoundError,
    ServiceError,
    ThrottlingError,
    TransportError,
    ValidationError,
    ValidationProblem,
)
from customer_profiles_typed.errors import SERVICE_ERRORS, service_error_from

TABLE = {
    "BadRequestException": BadRequestError,
    "AccessDeniedException": AccessDeniedError,
    "ResourceNotFoundException": ResourceNotFoundError,
    "ThrottlingException": ThrottlingError,
    "InternalServerException": InternalServerError,
}


def test_the_code_table_is_the_documented_one_and_covers_the_model() -> None:
    assert SERVICE_ERRORS == TABLE
    modeled = {shape.name for shape in strategies.operation_model().error_shapes}
    assert set(TABLE) == modeled


def _client_error(code: str) -> ClientError:
    return ClientError(
        {
            "Error": {"Code": code, "Message": "nope"},
            "ResponseMetadata": {"RequestId": "rid-7", "HTTPStatusCode": 400},
        },
        "PutIntegration",
    )


@pytest.mark.parametrize("code", [*TABLE, "BrandNewException"])
def test_service_errors_carry_the_response(code: str) -> None:
    error = service_error_from(_client_error(code))
    assert type(error) is TABLE.get(code, ServiceError)
    assert isinstance(error, CustomerProfilesError)
    assert (error.code, error.message, error.http_status, error.request_id) == (code, "nope", 400, "rid-7")
    assert "rid-7" in str(error) and code in str(error)


@pytest.mark.parametrize("code", [*TABLE, "BrandNewException"])
def test_service_errors_pickle(code: str) -> None:
    error = service_error_from(_client_error(code))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (copy.code, copy.message, copy.http_status, copy.request_id, copy.operation) == (
        error.code,
        error.message,
        error.http_status,
        error.request_id,
        error.operation,
    )
    assert str(copy) == str(error)


def test_validation_errors_pickle_and_stay_value_errors() -> None:
    problem = ValidationProblem(path="a.b", wire_path="A.B", message="bad", rule="K4")
    error = ValidationError([problem], subject="request")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, ValidationError) and isinstance(copy, ValueError)
    assert copy.errors == (problem,) and str(copy) == str(error)


def test_transport_errors_pickle() -> None:
    error = TransportError("EndpointConnectionError: refused", operation="PutIntegration")
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.operation) == (str(error), error.operation)
