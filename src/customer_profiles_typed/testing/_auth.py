"""Reading the SigV4 ``Authorization`` header of a request.

The emulator does not check signatures; it reads the credential scope to
learn the caller's access key and the region the request was signed for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/(\d{8})/([^/,\s]+)/([^/,\s]+)/aws4_request")


@dataclass(frozen=True)
class Credential:
    """The credential scope of a SigV4-signed request."""

    access_key_id: str
    date: str
    region: str
    service: str


def parse_authorization(header: str | None) -> Credential | None:
    """The credential of an ``AWS4-HMAC-SHA256`` Authorization header, or ``None``."""
    if not header or not header.startswith("AWS4-HMAC-SHA256 "):
        return None
    found = _CREDENTIAL.search(header)
    if found is None:
        return None
    return Credential(*found.groups())
