"""botocore names the emulator tests need, behind an ``Any``-typed boundary.

botocore ships no type information; importing it dynamically here keeps the
test modules strictly typed.
"""

from __future__ import annotations

import importlib
from typing import Any, cast

_exceptions: Any = importlib.import_module("botocore.exceptions")
_config: Any = importlib.import_module("botocore.config")

ClientError: type[Exception] = _exceptions.ClientError
ParamValidationError: type[Exception] = _exceptions.ParamValidationError
ConnectionClosedError: type[Exception] = _exceptions.ConnectionClosedError
ReadTimeoutError: type[Exception] = _exceptions.ReadTimeoutError
EndpointConnectionError: type[Exception] = _exceptions.EndpointConnectionError


def config(**options: Any) -> object:
    """A ``botocore.config.Config`` with ``options``."""
    return cast(object, _config.Config(**options))


def no_retries(**options: Any) -> object:
    """A client config that makes exactly one attempt per call."""
    return config(retries={"mode": "standard", "total_max_attempts": 1}, **options)


def no_client_validation() -> object:
    """A client config without boto3's own parameter checks, so the server's are exercised."""
    return config(parameter_validation=False, retries={"mode": "standard", "total_max_attempts": 1})


def error_response(error: BaseException) -> dict[str, Any]:
    """The parsed ``response`` dictionary of a botocore ``ClientError``."""
    return cast("dict[str, Any]", getattr(error, "response"))
