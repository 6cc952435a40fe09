from collections.abc import Mapping
from types import TracebackType
from typing import Any

from botocore.client import BaseClient
from typing_extensions import Self

class _ANY:
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...

# Compares equal to anything; use it as a value in ``expected_params``.
ANY: _ANY

# Service responses and expected parameters are the operation's (dynamic)
# request and response dicts.
class Stubber:
    client: BaseClient
    def __init__(self, client: BaseClient) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exception_type: type[BaseException] | None,
        exception_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
    def activate(self) -> None: ...
    def deactivate(self) -> None: ...
    def add_response(
        self, method: str, service_response: Mapping[str, Any], expected_params: Mapping[str, Any] | None = None
    ) -> None: ...
    def add_client_error(
        self,
        method: str,
        service_error_code: str = "",
        service_message: str = "",
        http_status_code: int = 400,
        service_error_meta: Mapping[str, Any] | None = None,
        expected_params: Mapping[str, Any] | None = None,
        response_meta: Mapping[str, Any] | None = None,
        modeled_fields: Mapping[str, Any] | None = None,
    ) -> None: ...
    def assert_no_pending_responses(self) -> None: ...
