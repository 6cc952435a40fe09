"""Raw HTTP requests to the emulator, for what boto3 would never send."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any

from customer_profiles_typed.testing import Emulator


@dataclass(frozen=True)
class RawResponse:
    """Status, headers (lower-cased names) and decoded JSON body of an answer."""

    status: int
    headers: dict[str, str]
    body: Any


def send(
    emulator: Emulator,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> RawResponse:
    """Send one unsigned request and read the whole answer."""
    connection = http.client.HTTPConnection(emulator.host, emulator.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {"Content-Type": "application/json"})
        response = connection.getresponse()
        raw = response.read()
        return RawResponse(
            status=response.status,
            headers={name.lower(): value for name, value in response.getheaders()},
            body=json.loads(raw) if raw else None,
        )
    finally:
        connection.close()
