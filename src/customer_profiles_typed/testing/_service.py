"""The emulated service: one HTTP request in, one HTTP answer out.

The pipeline per request is: route by the model, count the call, check the
caller's access key, apply a planned fault, parse the input from its wire
locations, validate it, run the operation and serialize its output. Every
answer carries a fresh ``x-amzn-RequestId``.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import threading
import uuid
from typing import Any

from customer_profiles_typed.testing._auth import Credential, parse_authorization
from customer_profiles_typed.testing._botocore import OperationModel, ServiceModel
from customer_profiles_typed.testing._errors import (
    ACCESS_DENIED,
    BAD_REQUEST,
    INTERNAL,
    NOT_IMPLEMENTED,
    UNKNOWN_OPERATION,
    ServiceError,
)
from customer_profiles_typed.testing._faults import Fault, FaultPlan
from customer_profiles_typed.testing._operations import HANDLERS, Context
from customer_profiles_typed.testing._routes import Router, parse_request
from customer_profiles_typed.testing._serialize import serialize_output
from customer_profiles_typed.testing._server import HttpRequest, HttpResponse
from customer_profiles_typed.testing._state import Store
from customer_profiles_typed.testing._validation import validate_input

_log = logging.getLogger("customer_profiles_typed.testing")

MALFORMED_BODY = b"<html><body>upstream request timeout</body></html>"
"""The body of a ``malformed_body`` fault: a 200 answer that is not JSON."""


def _json_headers(request_id: str) -> dict[str, str]:
    return {"Content-Type": "application/json", "x-amzn-RequestId": request_id}


def _error_response(error: ServiceError, request_id: str) -> HttpResponse:
    headers = _json_headers(request_id)
    headers["X-Amzn-ErrorType"] = error.code
    return HttpResponse(status=error.status, headers=headers, body=error.body())


def validation_message(problems: list[str]) -> str:
    """The BadRequestException message for a list of validation problems."""
    plural = "s" if len(problems) > 1 else ""
    return f"{len(problems)} validation error{plural} detected: " + "; ".join(problems)


class Service:
    """The emulated Customer Profiles service of one account."""

    def __init__(
        self,
        model: ServiceModel,
        store: Store,
        faults: FaultPlan,
        *,
        region: str,
        account_id: str,
        access_key_id: str | None,
    ) -> None:
        """Serve the operations of ``model`` on ``store``, applying ``faults``."""
        self._router = Router(model)
        self._store = store
        self._faults = faults
        self._region = region
        self._account_id = account_id
        self._access_key_id = access_key_id
        self._counts_lock = threading.Lock()
        self._counts: collections.Counter[str] = collections.Counter()

    def request_count(self, operation: str | None = None) -> int:
        """Requests received for ``operation`` (all operations if ``None``), faulty ones included."""
        with self._counts_lock:
            return sum(self._counts.values()) if operation is None else self._counts[operation]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Answer one HTTP request.

        Once a fault is taken for the call, its latency delays whatever the
        answer turns out to be: the fault's own, the operation's result, or an
        error the operation raised (a missing resource, invalid input...).
        """
        request_id = str(uuid.uuid4())
        fault: Fault | None = None
        try:
            operation, labels, credential = self._admit(request)
            fault = self._faults.take(operation.name)
            if fault is not None and fault.replaces_operation:
                response = self._faulty_response(fault, request_id)
            else:
                response = self._run(operation, labels, credential, request, request_id)
        except ServiceError as error:
            response = _error_response(error, request_id)
        except Exception as error:
            _log.exception("the emulator failed on %s %s", request.method, request.path)
            response = _error_response(ServiceError(INTERNAL, f"Emulator error: {error!r}"), request_id)
        latency = fault.latency if fault is not None else None
        return dataclasses.replace(response, delay=latency) if latency else response

    def _admit(self, request: HttpRequest) -> tuple[OperationModel, dict[str, str], Credential | None]:
        """The operation a request calls, its URI labels and its credential, once counted and allowed."""
        resolved = self._router.resolve(request.method, request.path, request.query)
        if resolved is None:
            raise ServiceError(UNKNOWN_OPERATION, f"No operation matches {request.method} {request.path}.")
        operation, labels = resolved
        with self._counts_lock:
            self._counts[operation.name] += 1
        authorization = next(
            (value for name, value in request.headers.items() if name.lower() == "authorization"), None
        )
        credential = parse_authorization(authorization)
        if self._access_key_id is not None and (
            credential is None or credential.access_key_id != self._access_key_id
        ):
            raise ServiceError(ACCESS_DENIED, "The security token included in the request is invalid.")
        return operation, labels, credential

    def _run(
        self,
        operation: OperationModel,
        labels: dict[str, str],
        credential: Credential | None,
        request: HttpRequest,
        request_id: str,
    ) -> HttpResponse:
        """Parse, validate and carry out the operation; its answer, or ``ServiceError``."""
        handler = HANDLERS.get(operation.name)
        if handler is None:
            raise ServiceError(NOT_IMPLEMENTED, f"The emulator does not implement {operation.name}.")
        params = parse_request(operation, labels, request.query, request.headers, request.body)
        problems = validate_input(operation, params)
        if problems:
            raise ServiceError(BAD_REQUEST, validation_message(problems))
        context = Context(
            store=self._store,
            operation=operation,
            region=credential.region if credential is not None else self._region,
            account_id=self._account_id,
        )
        output: dict[str, Any] = handler(context, params)
        headers, body = serialize_output(operation.output_shape, output)
        return HttpResponse(status=200, headers={**_json_headers(request_id), **headers}, body=body)

    def _faulty_response(self, fault: Fault, request_id: str) -> HttpResponse:
        if fault.drop_connection:
            return HttpResponse(status=0, drop_connection=True)
        if fault.malformed_body:
            return HttpResponse(status=200, headers=_json_headers(request_id), body=MALFORMED_BODY)
        assert fault.error_code is not None
        message = fault.message if fault.message is not None else f"Injected fault: {fault.error_code}"
        return _error_response(ServiceError(fault.error_code, message, fault.status), request_id)
