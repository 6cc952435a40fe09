"""Typing cases for the botocore stubs in ``stubs/botocore``.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from typing import Any

import botocore.exceptions
import botocore.parsers
import botocore.session
from botocore.client import BaseClient
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError
from botocore.model import ListShape, OperationModel, Shape, StructureShape
from botocore.serialize import Serializer, create_serializer
from botocore.stub import ANY, Stubber
from botocore.validate import ParamValidationDecorator, ParamValidator
from typing_extensions import assert_type


def errors(error: ClientError, failure: BotoCoreError) -> None:
    assert_type(error.response, dict[str, Any])
    assert_type(error.operation_name, str)
    code: object = error.response.get("Error", {}).get("Code")
    assert isinstance(failure, EndpointConnectionError) or code is not None
    error.response.append("x")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    _operation: int = error.operation_name  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]


def misplaced_error() -> None:
    # ResponseParserError lives in botocore.parsers and is no BotoCoreError.
    _error: Exception = botocore.parsers.ResponseParserError()
    _boto_error: BotoCoreError = botocore.parsers.ResponseParserError()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    botocore.exceptions.ResponseParserError  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]


def model() -> None:
    service = botocore.session.get_session().get_service_model("customer-profiles")
    operation = service.operation_model("PutIntegration")
    assert_type(operation, OperationModel)
    assert_type(service.operation_names, list[str])
    request = operation.input_shape
    assert_type(request, StructureShape | None)
    if request is not None:
        assert_type(request.members, dict[str, Shape])
        assert_type(request.required_members, list[str])
    shape = service.shape_for("Tasks")
    if isinstance(shape, ListShape):
        assert_type(shape.member, Shape)
    operation.input_shape.members  # type: ignore[union-attr]  # pyright: ignore[reportOptionalMemberAccess]
    shape.required_members  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]


def serialize_and_validate(operation: OperationModel, params: dict[str, Any]) -> None:
    assert_type(create_serializer("rest-json"), ParamValidationDecorator)
    assert_type(create_serializer("rest-json", include_validation=False), Serializer)
    request = create_serializer("rest-json").serialize_to_request(params, operation)
    assert_type(request, dict[str, Any])
    if operation.input_shape is not None:
        report = ParamValidator().validate(params, operation.input_shape)
        assert_type(report.has_errors(), bool)
        assert_type(report.generate_report(), str)
    ParamValidator().validate(params, "PutIntegrationRequest")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def stubber(client: BaseClient) -> None:
    with Stubber(client) as stub:
        assert_type(stub, Stubber)
        stub.add_response("put_integration", {"DomainName": "d"}, {"DomainName": ANY})
        stub.add_client_error(
            "put_integration",
            service_error_code="BadRequestException",
            service_message="bad",
            http_status_code=400,
            expected_params={"DomainName": ANY},
            response_meta={"RequestId": "r"},
        )
        stub.add_client_error("put_integration", http_status_code="400")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        stub.assert_no_pending_responses()
    assert_type(client.meta.region_name, str)
    assert_type(client.meta.service_model.service_name, str)
    # Operation methods are dynamic on a plain BaseClient.
    assert_type(client.put_integration, Any)
