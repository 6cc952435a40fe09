from collections.abc import Mapping
from typing import Any

class AWSPreparedRequest:
    method: str
    url: str
    headers: Any
    body: bytes | str | None
    stream_output: bool
    def __init__(
        self,
        method: str,
        url: str,
        headers: Any,
        body: bytes | str | None,
        stream_output: bool,
        context: dict[str, Any] | None = None,
    ) -> None: ...

class AWSResponse:
    url: str
    status_code: int
    headers: Any
    raw: Any
    # ``raw`` is a urllib3 response or anything with ``stream()``.
    def __init__(self, url: str, status_code: int, headers: Mapping[str, str], raw: Any) -> None: ...
    @property
    def content(self) -> bytes: ...
    @property
    def text(self) -> str: ...
