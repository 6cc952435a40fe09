"""Fault injection: every fault ends in a documented outcome, never a hang, and state stays sound."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import pytest

from customer_profiles_typed.testing import Emulator

from ._boto import ClientError, ConnectionClosedError, ReadTimeoutError, config, error_response, no_retries

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

URI = "arn:aws:connect:us-east-1:123456789012:instance/faults"


def _put(client: CustomerProfilesClient, domain: str, object_type: str = "T") -> str:
    return client.put_integration(DomainName=domain, Uri=URI, ObjectTypeName=object_type)["Uri"]


def test_throttling_then_success_is_absorbed_by_boto3_retries(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=2)
    put = customer_profiles_client.put_integration(DomainName=domain, Uri=URI, ObjectTypeName="T")
    assert put["ResponseMetadata"]["RetryAttempts"] == 2
    assert customer_profiles_emulator.request_count("PutIntegration") == 3
    assert [item.uri for item in customer_profiles_emulator.integrations(domain)] == [URI]


def test_throttling_beyond_the_retry_budget_surfaces_as_client_error(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    client = customer_profiles_emulator.client(config=config(retries={"mode": "standard", "total_max_attempts": 2}))
    customer_profiles_emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=5)
    with pytest.raises(ClientError) as raised:
        _put(client, domain)
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "ThrottlingException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert response["ResponseMetadata"]["RetryAttempts"] == 1
    assert customer_profiles_emulator.pending_faults("PutIntegration") == 3
    assert customer_profiles_emulator.integrations(domain) == []


def test_server_errors_are_retried_then_succeed(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_emulator.inject_fault("PutIntegration", error_code="InternalServerException")
    customer_profiles_emulator.inject_fault("PutIntegration", error_code="ServiceUnavailable", status=503)
    assert _put(customer_profiles_client, domain) == URI
    assert customer_profiles_emulator.request_count("PutIntegration") == 3
    assert len(customer_profiles_emulator.integrations(domain)) == 1


def test_an_unmodeled_error_code_keeps_its_code_and_status(customer_profiles_emulator: Emulator, domain: str) -> None:
    client = customer_profiles_emulator.client(config=no_retries())
    customer_profiles_emulator.inject_fault("GetDomain", error_code="ServiceUnavailable", status=503)
    with pytest.raises(ClientError) as raised:
        client.get_domain(DomainName=domain)
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "ServiceUnavailable"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 503


def test_a_dropped_connection_is_retried_and_the_integration_exists_once(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_emulator.inject_fault("PutIntegration", drop_connection=True)
    put = customer_profiles_client.put_integration(DomainName=domain, Uri=URI, ObjectTypeName="T")
    assert put["ResponseMetadata"]["RetryAttempts"] == 1
    assert len(customer_profiles_emulator.integrations(domain)) == 1


def test_a_dropped_connection_without_retries_raises_connection_closed(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    client = customer_profiles_emulator.client(config=no_retries())
    customer_profiles_emulator.inject_fault("PutIntegration", drop_connection=True)
    with pytest.raises(ConnectionClosedError):
        _put(client, domain)
    assert customer_profiles_emulator.integrations(domain) == []
    assert _put(client, domain) == URI


def test_an_answer_slower_than_the_read_timeout_raises_read_timeout(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    client = customer_profiles_emulator.client(config=no_retries(read_timeout=0.3))
    customer_profiles_emulator.inject_fault("GetDomain", latency=30)
    with pytest.raises(ReadTimeoutError):
        client.get_domain(DomainName=domain)
    assert client.get_domain(DomainName=domain)["DomainName"] == domain


def test_a_slow_put_retried_after_a_timeout_leaves_one_integration(
    customer_profiles_emulator: Emulator, domain: str
) -> None:
    client = customer_profiles_emulator.client(
        config=config(read_timeout=0.3, retries={"mode": "standard", "total_max_attempts": 2})
    )
    customer_profiles_emulator.inject_fault("PutIntegration", latency=30)
    first = client.put_integration(DomainName=domain, Uri=URI, ObjectTypeName="T")
    assert first["ResponseMetadata"]["RetryAttempts"] == 1
    stored = customer_profiles_emulator.integrations(domain)
    assert [item.uri for item in stored] == [URI]
    assert customer_profiles_emulator.request_count("PutIntegration") == 2


def test_latency_within_the_timeout_only_delays_the_answer(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    customer_profiles_emulator.inject_fault("ListIntegrations", latency=0.05)
    assert customer_profiles_client.list_integrations(DomainName=domain)["Items"] == []


def test_latency_combined_with_an_error_delays_the_error(customer_profiles_emulator: Emulator, domain: str) -> None:
    client = customer_profiles_emulator.client(config=no_retries())
    customer_profiles_emulator.inject_fault("GetDomain", error_code="AccessDeniedException", latency=0.05)
    with pytest.raises(ClientError) as raised:
        client.get_domain(DomainName=domain)
    assert error_response(raised.value)["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_latency_delays_an_error_the_operation_raises(customer_profiles_emulator: Emulator, domain: str) -> None:
    # A missing resource and invalid input are both found after the fault is taken.
    client = customer_profiles_emulator.client(
        config=config(read_timeout=0.3, parameter_validation=False, retries={"mode": "standard", "total_max_attempts": 1})
    )
    missing = "arn:aws:connect:us-east-1:123456789012:instance/missing"
    customer_profiles_emulator.inject_fault("GetIntegration", latency=30)
    with pytest.raises(ReadTimeoutError):
        client.get_integration(DomainName=domain, Uri=missing)
    customer_profiles_emulator.inject_fault("CreateDomain", latency=30)
    with pytest.raises(ReadTimeoutError):
        client.create_domain(DomainName="too-short-lived", DefaultExpirationDays=0)
    assert customer_profiles_emulator.pending_faults("GetIntegration") == 0
    assert customer_profiles_emulator.pending_faults("CreateDomain") == 0
    # Without a fault the same errors come back at once.
    with pytest.raises(ClientError) as not_found:
        client.get_integration(DomainName=domain, Uri=missing)
    assert error_response(not_found.value)["Error"]["Code"] == "ResourceNotFoundException"
    with pytest.raises(ClientError) as invalid:
        client.create_domain(DomainName="too-short-lived", DefaultExpirationDays=0)
    assert error_response(invalid.value)["Error"]["Code"] == "BadRequestException"


def test_a_malformed_body_parses_to_a_response_without_fields(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator, domain: str
) -> None:
    # botocore keeps a 200 answer whose body is not JSON, with none of the output fields.
    customer_profiles_emulator.inject_fault("PutIntegration", malformed_body=True)
    put = cast("dict[str, Any]", customer_profiles_client.put_integration(DomainName=domain, Uri=URI, ObjectTypeName="T"))
    assert put["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert put["ResponseMetadata"]["RequestId"]
    assert "Uri" not in put
    assert customer_profiles_emulator.integrations(domain) == []


def test_faults_apply_in_order_and_only_to_their_operation(customer_profiles_emulator: Emulator, domain: str) -> None:
    client = customer_profiles_emulator.client(config=no_retries())
    customer_profiles_emulator.inject_fault("GetDomain", error_code="BadRequestException")
    customer_profiles_emulator.inject_fault("GetDomain", error_code="ResourceNotFoundException")
    assert client.list_domains()["Items"][0]["DomainName"] == domain
    codes: list[str] = []
    for _ in range(2):
        with pytest.raises(ClientError) as raised:
            client.get_domain(DomainName=domain)
        codes.append(error_response(raised.value)["Error"]["Code"])
    assert codes == ["BadRequestException", "ResourceNotFoundException"]
    assert client.get_domain(DomainName=domain)["DomainName"] == domain


def test_clear_faults_forgets_planned_faults(customer_profiles_emulator: Emulator, domain: str) -> None:
    customer_profiles_emulator.inject_fault("GetDomain", error_code="ThrottlingException", times=10)
    customer_profiles_emulator.clear_faults()
    assert customer_profiles_emulator.pending_faults("GetDomain") == 0
    client = customer_profiles_emulator.client(config=no_retries())
    assert client.get_domain(DomainName=domain)["DomainName"] == domain


@pytest.mark.parametrize(
    ("operation", "options", "problem"),
    [
        ("NoSuchOperation", {"error_code": "ThrottlingException"}, "unknown operation"),
        ("GetDomain", {}, "a fault needs"),
        ("GetDomain", {"error_code": "ThrottlingException", "drop_connection": True}, "at most one"),
        ("GetDomain", {"error_code": "TeapotException"}, "pass status="),
        ("GetDomain", {"error_code": "ThrottlingException", "times": 0}, "times must be at least 1"),
        ("GetDomain", {"latency": -1.0}, "latency must not be negative"),
        ("GetDomain", {"drop_connection": True, "status": 500}, "only with error_code"),
        ("GetDomain", {"error_code": "Weird", "status": 200}, "HTTP error status"),
    ],
)
def test_inject_fault_refuses_contradictory_options(
    operation: str, options: dict[str, Any], problem: str
) -> None:
    emulator = Emulator()
    with pytest.raises(ValueError, match=problem):
        emulator.inject_fault(operation, **options)
