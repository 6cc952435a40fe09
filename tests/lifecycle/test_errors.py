"""Failures over HTTP: every modeled error, unknown codes, lost connections, unreadable answers."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from botocore.exceptions import ClientError, ConnectionClosedError, EndpointConnectionError, ReadTimeoutError

from customer_profiles_typed import (
    AccessDeniedError,
    BadRequestError,
    CustomerProfilesError,
    InternalServerError,
    ResourceNotFoundError,
    ServiceError,
    ThrottlingError,
    TransportError,
)
from customer_profiles_typed.testing import Emulator, StoredIntegration

from ._api import Api, _botocore_session, no_retries
from ._calls import CALLS, EXISTING_URI, OPERATIONS
from ._data import DOMAIN, connect_uri, s3_flow

Connect = Callable[..., Api]

EXCEPTIONS: dict[str, type[ServiceError]] = {
    "BadRequestException": BadRequestError,
    "AccessDeniedException": AccessDeniedError,
    "ResourceNotFoundException": ResourceNotFoundError,
    "ThrottlingException": ThrottlingError,
    "InternalServerException": InternalServerError,
}
"""The exception each AWS error code must raise."""


def _modeled_errors() -> list[tuple[str, str, int]]:
    model = _botocore_session().get_service_model("customer-profiles")
    return [
        (operation, shape.name, int(shape.metadata["error"]["httpStatusCode"]))
        for operation in OPERATIONS
        for shape in model.operation_model(operation).error_shapes
    ]


MODELED_ERRORS = _modeled_errors()


@pytest.fixture
def existing(domain: str, customer_profiles_emulator: Emulator) -> list[StoredIntegration]:
    """The domain's state before the call under test: one integration, ``EXISTING_URI``."""
    customer_profiles_emulator.add_integration(domain, EXISTING_URI, object_type_name="Existing")
    return customer_profiles_emulator.integrations(domain)


def test_every_modeled_error_has_its_own_exception() -> None:
    for operation in OPERATIONS:
        codes = {code for op, code, _ in MODELED_ERRORS if op == operation}
        assert codes, operation
        assert codes <= EXCEPTIONS.keys(), operation
    assert len(MODELED_ERRORS) == 25


@pytest.mark.parametrize(
    ("operation", "code", "status"), MODELED_ERRORS, ids=[f"{op}-{code}" for op, code, _ in MODELED_ERRORS]
)
def test_a_modeled_error_raises_its_typed_exception(
    api: Api,
    customer_profiles_emulator: Emulator,
    existing: list[StoredIntegration],
    operation: str,
    code: str,
    status: int,
) -> None:
    customer_profiles_emulator.inject_fault(operation, error_code=code, message=f"{operation} refused")
    before = customer_profiles_emulator.request_count(operation)

    with pytest.raises(ServiceError) as raised:
        CALLS[operation](api, DOMAIN)

    error = raised.value
    assert type(error) is EXCEPTIONS[code]
    assert isinstance(error, CustomerProfilesError)
    assert (error.code, error.message, error.http_status, error.operation) == (
        code,
        f"{operation} refused",
        status,
        operation,
    )
    cause = error.__cause__
    assert isinstance(cause, ClientError)
    assert cause.operation_name == operation
    metadata = cause.response["ResponseMetadata"]
    assert error.request_id == metadata["RequestId"] == metadata["HTTPHeaders"]["x-amzn-requestid"]
    assert error.request_id is not None and uuid.UUID(error.request_id).version == 4
    assert error.response["Error"]["Code"] == code
    assert f"{operation} failed: {code} (HTTP {status})" in str(error)
    assert customer_profiles_emulator.request_count(operation) - before == 1
    assert customer_profiles_emulator.integrations(DOMAIN) == existing


@pytest.mark.parametrize("operation", OPERATIONS)
def test_an_unknown_error_code_is_a_plain_service_error(
    api: Api, customer_profiles_emulator: Emulator, existing: list[StoredIntegration], operation: str
) -> None:
    customer_profiles_emulator.inject_fault(operation, error_code="BrandNewException", status=409, message="new")

    with pytest.raises(ServiceError) as raised:
        CALLS[operation](api, DOMAIN)

    error = raised.value
    assert type(error) is ServiceError
    assert (error.code, error.message, error.http_status, error.operation) == ("BrandNewException", "new", 409, operation)
    assert error.request_id is not None
    assert isinstance(error.__cause__, ClientError)


def test_a_flow_name_taken_in_another_domain_is_a_bad_request(
    api: Api, domain: str, customer_profiles_emulator: Emulator
) -> None:
    customer_profiles_emulator.client().create_domain(DomainName="second", DefaultExpirationDays=30)
    api.put_integration(domain_name=domain, object_type_name="T", flow_definition=s3_flow("shared-flow"))

    with pytest.raises(BadRequestError) as raised:
        api.put_integration(domain_name="second", object_type_name="T", flow_definition=s3_flow("shared-flow"))

    assert raised.value.message == "Flow with name shared-flow already exists."
    assert raised.value.http_status == 400
    assert customer_profiles_emulator.integrations("second") == []


def test_a_foreign_access_key_is_an_unrecognized_client(connect: Connect, flavour: str) -> None:
    with Emulator(access_key_id="AKIDONLYTHISONE") as guarded:
        api = connect(no_retries(), emulator=guarded)
        with pytest.raises(ServiceError) as raised:
            api.list_integrations(domain_name=DOMAIN)
        assert type(raised.value) is ServiceError
        assert (raised.value.code, raised.value.http_status) == ("UnrecognizedClientException", 403)
        assert raised.value.operation == "ListIntegrations"


def _http_method(operation: str) -> str:
    return str(_botocore_session().get_service_model("customer-profiles").operation_model(operation).http["method"])


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_dropped_connection_is_a_transport_error(
    api: Api, flavour: str, customer_profiles_emulator: Emulator, existing: list[StoredIntegration], operation: str
) -> None:
    # Under aiobotocore, aiohttp itself sends an idempotent request (GET, PUT,
    # DELETE) once more when the server disconnects, whatever botocore's retry
    # settings: the async client then gives up only on the second drop.
    resent = flavour == "async" and _http_method(operation) in {"GET", "PUT", "DELETE"}
    customer_profiles_emulator.inject_fault(operation, drop_connection=True, times=2)

    with pytest.raises(TransportError) as raised:
        CALLS[operation](api, DOMAIN)

    assert raised.value.operation == operation
    assert isinstance(raised.value.__cause__, ConnectionClosedError)
    assert str(raised.value).startswith(f"{operation} failed: ConnectionClosedError")
    assert customer_profiles_emulator.request_count(operation) == (2 if resent else 1)
    assert customer_profiles_emulator.integrations(DOMAIN) == existing


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_read_timeout_is_a_transport_error(
    connect: Connect, customer_profiles_emulator: Emulator, existing: list[StoredIntegration], operation: str
) -> None:
    # The emulator performs the operation and holds the answer back past the
    # client's read timeout; stopping the emulator releases it.
    api = connect(no_retries(read_timeout=0.2))
    customer_profiles_emulator.inject_fault(operation, latency=60)

    with pytest.raises(TransportError) as raised:
        CALLS[operation](api, DOMAIN)

    assert raised.value.operation == operation
    assert isinstance(raised.value.__cause__, ReadTimeoutError)
    assert customer_profiles_emulator.request_count(operation) == 1


def test_a_put_that_timed_out_may_still_have_taken_effect(
    connect: Connect, customer_profiles_emulator: Emulator, domain: str
) -> None:
    api = connect(no_retries(read_timeout=0.2))
    customer_profiles_emulator.inject_fault("PutIntegration", latency=60)

    with pytest.raises(TransportError):
        api.put_integration(domain_name=domain, uri=connect_uri(5), object_type_name="Late")

    assert [s.uri for s in customer_profiles_emulator.integrations(domain)] == [connect_uri(5)]


def test_a_refused_connection_is_a_transport_error(connect: Connect) -> None:
    with Emulator() as gone:
        api = connect(no_retries(connect_timeout=5), emulator=gone)
    with pytest.raises(TransportError) as raised:
        api.get_integration(domain_name=DOMAIN, uri=EXISTING_URI)
    assert raised.value.operation == "GetIntegration"
    assert isinstance(raised.value.__cause__, EndpointConnectionError)


@pytest.mark.parametrize("operation", ["PutIntegration", "GetIntegration", "DeleteIntegration"])
def test_an_answer_that_is_not_json_is_a_transport_error(
    api: Api, customer_profiles_emulator: Emulator, existing: list[StoredIntegration], operation: str
) -> None:
    # A 200 answer whose body is not JSON: botocore would hand back a response
    # with no output members at all. The request went out, so this is not the
    # caller's ValidationError. (An answer that is JSON but lacks required
    # members: tests/test_broken_answers.py.)
    customer_profiles_emulator.inject_fault(operation, malformed_body=True)

    with pytest.raises(TransportError) as raised:
        CALLS[operation](api, DOMAIN)

    assert raised.value.operation == operation
    assert str(raised.value).startswith(f"{operation} failed: the response could not be read: the body is not JSON")
    assert customer_profiles_emulator.integrations(DOMAIN) == existing


@pytest.mark.parametrize("operation", ["ListIntegrations", "ListAccountIntegrations"])
def test_a_list_answer_that_is_not_json_is_never_an_empty_page(
    api: Api, customer_profiles_emulator: Emulator, existing: list[StoredIntegration], operation: str
) -> None:
    # Items is optional in the model, so botocore would read a body that is
    # not JSON as a page without items; the body is checked before it is parsed.
    customer_profiles_emulator.inject_fault(operation, malformed_body=True)

    with pytest.raises(TransportError) as raised:
        CALLS[operation](api, DOMAIN)
    assert raised.value.operation == operation
    assert "the body is not JSON" in str(raised.value)
    assert [item.uri for item in CALLS[operation](api, DOMAIN)] == [EXISTING_URI]
