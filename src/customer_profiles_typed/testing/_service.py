"""The emulated service: one HTTP request in, one HTTP answer out.

The pipeline per request is: route by the model, count the call,
authenticate the caller (SigV4), apply the operation's rate limit, apply a
planned fault, parse the input from its wire locations, validate it, run
the operation on the state of the caller's account and region, and
serialize its output. Every answer carries a fresh ``x-amzn-RequestId``.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from customer_profiles_typed.testing._auth import Authenticator, Caller
from customer_profiles_typed.testing._botocore import OperationModel, ServiceModel
from customer_profiles_typed.testing._errors import (
    BAD_REQUEST,
    INTERNAL,
    NOT_IMPLEMENTED,
    THROTTLING,
    UNKNOWN_OPERATION,
    ServiceError,
)
from customer_profiles_typed.testing._faults import Fault, FaultPlan
from customer_profiles_typed.testing._operations import HANDLERS, Context
from customer_profiles_typed.testing._ratelimit import RateLimiter
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


class Stores:
    """The state of every account and region: one ``Store`` each, made on first use (thread-safe)."""

    def __init__(self, factory: Callable[[], Store]) -> None:
        """Make each new store with ``factory``."""
        self._factory = factory
        self._lock = threading.Lock()
        self._stores: dict[tuple[str, str], Store] = {}

    def get(self, account_id: str, region: str) -> Store:
        """The store of ``account_id`` in ``region``, created empty the first time."""
        with self._lock:
            store = self._stores.get((account_id, region))
            if store is None:
                store = self._stores[(account_id, region)] = self._factory()
            return store


class Service:
    """The emulated Customer Profiles service, for every account and region."""

    def __init__(
        self,
        model: ServiceModel,
        stores: Stores,
        faults: FaultPlan,
        *,
        authenticator: Authenticator,
        rate_limiter: RateLimiter,
    ) -> None:
        """Serve the operations of ``model`` on ``stores``, applying rate limits and ``faults``."""
        self._router = Router(model)
        self._stores = stores
        self._faults = faults
        self._authenticator = authenticator
        self._rate_limiter = rate_limiter
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
            operation, labels, caller = self._admit(request)
            fault = self._faults.take(operation.name)
            if fault is not None and fault.replaces_operation:
                response = self._faulty_response(fault, request_id)
            else:
                response = self._run(operation, labels, caller, request, request_id)
        except ServiceError as error:
            response = _error_response(error, request_id)
        except Exception as error:
            _log.exception("the emulator failed on %s %s", request.method, request.path)
            response = _error_response(ServiceError(INTERNAL, f"Emulator error: {error!r}"), request_id)
        latency = fault.latency if fault is not None else None
        return dataclasses.replace(response, delay=latency) if latency else response

    def _admit(self, request: HttpRequest) -> tuple[OperationModel, dict[str, str], Caller]:
        """The operation a request calls, its URI labels and its caller, once counted, authenticated and let through.

        Requests refused here (unsigned, badly signed, throttled) use up no fault.
        """
        resolved = self._router.resolve(request.method, request.path, request.query)
        if resolved is None:
            raise ServiceError(UNKNOWN_OPERATION, f"No operation matches {request.method} {request.path}.")
        operation, labels = resolved
        with self._counts_lock:
            self._counts[operation.name] += 1
        caller = self._authenticator.authenticate(request)
        if not self._rate_limiter.admit(operation.name, caller.account_id, caller.region):
            raise ServiceError(THROTTLING, "Rate exceeded")
        return operation, labels, caller

    def _run(
        self,
        operation: OperationModel,
        labels: dict[str, str],
        caller: Caller,
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
            store=self._stores.get(caller.account_id, caller.region),
            operation=operation,
            region=caller.region,
            account_id=caller.account_id,
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
