"""IntegrationClient on botocore's Stubber: the exact params boto3 receives, errors mapped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from botocore.stub import Stubber

import strategies
from customer_profiles_typed import (
    Integration,
    IntegrationClient,
    PutIntegrationRequest,
    S3ConnectorOperator,
    ServiceError,
    Task,
    TaskType,
    TransportError,
    ValidationError,
)
from customer_profiles_typed.errors import SERVICE_ERRORS
from support import CANONICAL, KMS_ARN, s3_flow

CREATED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
RESPONSE = {
    "DomainName": "my-domain",
    "Uri": "arn:aws:appflow:us-east-1:123456789012:flow/Customer_Profiles_flow",
    "ObjectTypeName": "Customer",
    "CreatedAt": CREATED,
    "LastUpdatedAt": CREATED,
}


def test_put_integration_sends_exactly_the_documented_params(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    client = IntegrationClient(boto3_client)
    with Stubber(boto3_client) as stubber:
        stubber.add_response("put_integration", RESPONSE, expected_params=CANONICAL)
        integration = client.put_integration(
            domain_name="my-domain",
            object_type_name="Customer",
            flow_definition=s3_flow(
                tasks=[
                    Task(
                        task_type=TaskType.FILTER,
                        source_fields=["colA", "colB"],
                        connector_operator=S3ConnectorOperator.PROJECTION,
                    ),
                    *[
                        Task(
                            task_type=TaskType.MAP,
                            source_fields=[name],
                            destination_field=name,
                            connector_operator=S3ConnectorOperator.NO_OP,
                            task_properties={},
                        )
                        for name in ("colA", "colB")
                    ],
                ]
            ),
        )
        stubber.assert_no_pending_responses()
    assert integration.uri == RESPONSE["Uri"]
    assert integration.created_at == CREATED and integration.created_at.tzinfo is not None


def test_a_request_read_from_boto3_kwargs_is_sent_unchanged(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        stubber.add_response("put_integration", RESPONSE, expected_params=CANONICAL)
        IntegrationClient(boto3_client).put_integration_request(
            PutIntegrationRequest.from_boto3(CANONICAL)
        )
        stubber.assert_no_pending_responses()


def _modeled_errors() -> list[tuple[str, int]]:
    return [
        (shape.name, int(shape.metadata["error"]["httpStatusCode"]))
        for shape in strategies.operation_model().error_shapes
    ]


@pytest.mark.parametrize(("code", "status"), [*_modeled_errors(), ("SomethingNewException", 418)])
def test_service_errors_map_to_their_class(
    make_client: Callable[..., Any], code: str, status: int
) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        stubber.add_client_error(
            "put_integration",
            service_error_code=code,
            service_message="it went wrong",
            http_status_code=status,
            response_meta={"RequestId": "req-42"},
        )
        with pytest.raises(ServiceError) as caught:
            IntegrationClient(boto3_client).put_integration(domain_name="d", uri="u")
    error = caught.value
    assert type(error) is SERVICE_ERRORS.get(code, ServiceError)
    assert (error.code, error.message, error.http_status, error.request_id, error.operation) == (
        code,
        "it went wrong",
        status,
        "req-42",
        "PutIntegration",
    )
    assert isinstance(error.__cause__, ClientError)
    assert error.__cause__.response["Error"]["Code"] == code


def test_unknown_codes_stay_plain_service_errors() -> None:
    assert "SomethingNewException" not in SERVICE_ERRORS


def test_transport_failures_become_transport_error(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()

    def refuse(request: Any, **_: Any) -> None:
        raise EndpointConnectionError(endpoint_url=request.url)

    boto3_client.meta.events.register("before-send.customer-profiles.PutIntegration", refuse)
    with pytest.raises(TransportError) as caught:
        IntegrationClient(boto3_client).put_integration(domain_name="d", uri="u")
    assert caught.value.operation == "PutIntegration"
    assert isinstance(caught.value.__cause__, EndpointConnectionError)


def test_flow_contents_never_reach_the_log(
    make_client: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    secrets = ["SecretFlow_1", "secret-bucket-77", "secretColumn"]
    flow = s3_flow(
        flow_name=secrets[0],
        kms_arn=KMS_ARN,
        tasks=[
            Task(
                task_type=TaskType.FILTER,
                source_fields=[secrets[2]],
                connector_operator=S3ConnectorOperator.PROJECTION,
            )
        ],
    )
    boto3_client = make_client()
    caplog.set_level(logging.DEBUG, logger="customer_profiles_typed")
    with Stubber(boto3_client) as stubber:
        stubber.add_response("put_integration", RESPONSE)
        IntegrationClient(boto3_client).put_integration(
            domain_name="my-domain", object_type_name="Customer", flow_definition=flow
        )
    ours = [r for r in caplog.records if r.name.startswith("customer_profiles_typed")]
    assert ours, "the client logs its calls at DEBUG"
    text = "\n".join(record.getMessage() for record in ours)
    for secret in [*secrets, KMS_ARN]:
        assert secret not in text


def test_client_refuses_both_a_client_and_settings(make_client: Callable[..., Any]) -> None:
    with pytest.raises(TypeError):
        IntegrationClient(make_client(), region_name="us-east-1")


def test_response_is_read_into_an_integration_with_request_id(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        stubber.add_response("put_integration", {**RESPONSE, "Scope": "DOMAIN"})
        integration = IntegrationClient(boto3_client).put_integration(domain_name="d", uri="u")
    assert isinstance(integration, Integration)
    assert integration.scope == "DOMAIN"
    with pytest.raises(ValidationError):
        Integration.from_boto3({"DomainName": "d"})
