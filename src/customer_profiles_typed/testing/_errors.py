"""Service errors as the REST-JSON protocol puts them on the wire.

An error answer carries the HTTP status of its code, an ``X-Amzn-ErrorType``
header naming the code and a ``{"Message": ...}`` JSON body, which is what
botocore reads into ``ClientError.response``.
"""

from __future__ import annotations

import functools
import json

from customer_profiles_typed.testing._botocore import service_model

BAD_REQUEST = "BadRequestException"
NOT_FOUND = "ResourceNotFoundException"
ACCESS_DENIED = "AccessDeniedException"
THROTTLING = "ThrottlingException"
INTERNAL = "InternalServerException"
UNKNOWN_OPERATION = "UnknownOperationException"
NOT_IMPLEMENTED = "NotImplementedException"
SERIALIZATION = "SerializationException"
"""A body that cannot be read as JSON: the code AWS's JSON protocols answer (HTTP 400)."""

_UNMODELED_STATUSES = {UNKNOWN_OPERATION: 404, NOT_IMPLEMENTED: 501, SERIALIZATION: 400}


class ServiceError(Exception):
    """An error answer of the emulated service: error code, message and HTTP status."""

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        """Create the error; ``status`` defaults to the one the model gives ``code``."""
        resolved = status if status is not None else status_for(code)
        if resolved is None:
            raise ValueError(f"no HTTP status is known for error code {code!r}; pass status=")
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = resolved

    def body(self) -> bytes:
        """The JSON body of the error answer."""
        return json.dumps({"Message": self.message}).encode()


@functools.lru_cache(maxsize=1)
def _modeled_statuses() -> dict[str, int]:
    model = service_model()
    statuses: dict[str, int] = {}
    for name in model.operation_names:
        for shape in model.operation_model(name).error_shapes:
            error = shape.metadata.get("error", {})
            status = error.get("httpStatusCode")
            if isinstance(status, int):
                statuses[str(error.get("code", shape.name))] = status
    return statuses


def status_for(code: str) -> int | None:
    """The HTTP status the service answers with for error ``code``, if known."""
    if code in _UNMODELED_STATUSES:
        return _UNMODELED_STATUSES[code]
    return _modeled_statuses().get(code)
