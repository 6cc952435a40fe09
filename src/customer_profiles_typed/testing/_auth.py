"""SigV4 authentication: who sends a request, for which account and region.

The emulator knows a secret and an account per access key. It checks a
request the way AWS does: botocore's own signer recomputes, from the known
secret, the signature the request should carry, which is then compared in
constant time; nothing here signs by itself. Failures are answered with the
codes AWS's REST-JSON services send (all HTTP 403):

- no ``Authorization`` header: ``MissingAuthenticationTokenException``;
- a header that cannot be read (no ``Credential``, ``SignedHeaders`` or
  ``Signature``, ``Host`` not signed, no date, another algorithm):
  ``IncompleteSignatureException``;
- an unknown access key: ``UnrecognizedClientException``;
- a wrong signature, a credential scoped to another date or service, or a
  request time more than 5 minutes from now: ``InvalidSignatureException``.

With verification off, any request is served: its account is the one of a
known access key, else the default account; its region is the one of its
credential scope, else the default region.
"""

from __future__ import annotations

import datetime
import email.utils
import hmac
import importlib
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from hashlib import sha256
from typing import Any

from customer_profiles_typed.testing._errors import ServiceError
from customer_profiles_typed.testing._server import HttpRequest

_signing: Any = importlib.import_module("botocore.auth")
_credentials: Any = importlib.import_module("botocore.credentials")
_requests: Any = importlib.import_module("botocore.awsrequest")

MISSING_TOKEN = "MissingAuthenticationTokenException"
INCOMPLETE_SIGNATURE = "IncompleteSignatureException"
UNRECOGNIZED_CLIENT = "UnrecognizedClientException"
INVALID_SIGNATURE = "InvalidSignatureException"
AUTH_STATUS = 403
"""The HTTP status of every authentication failure."""

ALGORITHM = "AWS4-HMAC-SHA256"
ALLOWED_SKEW = datetime.timedelta(minutes=5)
"""How far a request's time may be from the emulator's (either way)."""

DEFAULT_ACCESS_KEY_ID = "emulator-access-key"
"""The access key an ``Emulator`` knows unless given another one."""

DEFAULT_SECRET_ACCESS_KEY = "emulator-secret"
"""The secret of the emulator's default access key unless given another one."""

_TIMESTAMP = "%Y%m%dT%H%M%SZ"
_ACCOUNT = re.compile(r"\d{12}")
_KEY_ID = re.compile(r"[^\s/,=]+")
_SECRET = re.compile(r".+", re.DOTALL)
_MISMATCH = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
)


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None


@dataclass(frozen=True)
class AccessKey:
    """An access key the emulator knows: its secret and the account it belongs to.

    ``account_id`` ``None`` means the emulator's default account; the keys an
    ``Emulator`` hands out always name their account. The secret never shows
    in the repr.
    """

    access_key_id: str
    """The access key ID clients sign with (the ``Credential=`` of their requests)."""

    secret_access_key: str = field(repr=False)
    """The secret the emulator checks signatures with."""

    account_id: str | None = None
    """The 12-digit AWS account of the key (``None``: the emulator's default account)."""

    def __post_init__(self) -> None:
        """Refuse keys a SigV4 ``Authorization`` header could not carry, and malformed accounts."""
        if not _matches(_KEY_ID, self.access_key_id):
            raise ValueError("access_key_id must be a non-empty string without spaces, '/', ',' or '='")
        if not _matches(_SECRET, self.secret_access_key):
            raise ValueError("secret_access_key must be a non-empty string")
        if self.account_id is not None and not _matches(_ACCOUNT, self.account_id):
            raise ValueError(f"account_id must be a 12-digit AWS account ID given as a string, got {self.account_id!r}")


class Keyring:
    """The access keys the emulator knows, by access key ID (thread-safe)."""

    def __init__(self, default_account_id: str) -> None:
        """Create an empty keyring; keys without an account go to ``default_account_id``."""
        if not _matches(_ACCOUNT, default_account_id):
            raise ValueError(f"account_id must be a 12-digit AWS account ID, got {default_account_id!r}")
        self.default_account_id = default_account_id
        self._lock = threading.Lock()
        self._keys: dict[str, AccessKey] = {}

    def add(self, key: AccessKey) -> AccessKey:
        """Know ``key`` (replacing a key with the same ID); returns it with its account resolved."""
        resolved = key if key.account_id is not None else replace(key, account_id=self.default_account_id)
        with self._lock:
            self._keys[resolved.access_key_id] = resolved
        return resolved

    def get(self, access_key_id: str) -> AccessKey | None:
        """The key with this ID, if known."""
        with self._lock:
            return self._keys.get(access_key_id)

    def all(self) -> list[AccessKey]:
        """Every known key, sorted by access key ID."""
        with self._lock:
            return [self._keys[name] for name in sorted(self._keys)]


@dataclass(frozen=True)
class Caller:
    """Who sent a request: access key (if signed), account and region it acts in."""

    access_key_id: str | None
    account_id: str
    region: str


@dataclass(frozen=True)
class SignedAuthorization:
    """The parts of an ``AWS4-HMAC-SHA256`` Authorization header."""

    access_key_id: str
    date: str
    region: str
    service: str
    terminator: str
    signed_headers: tuple[str, ...]
    signature: str


def _auth_error(code: str, message: str) -> ServiceError:
    return ServiceError(code, message, AUTH_STATUS)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def parse_authorization(header: str) -> SignedAuthorization:
    """Read an Authorization header; ``IncompleteSignatureException`` if it is not a SigV4 one."""
    algorithm, _, rest = header.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise _auth_error(INCOMPLETE_SIGNATURE, f"Unsupported authorization type: only {ALGORITHM} is accepted.")
    parameters: dict[str, str] = {}
    for pair in rest.split(","):
        name, equals, value = pair.strip().partition("=")
        if not equals:
            raise _auth_error(INCOMPLETE_SIGNATURE, "Invalid key=value pair (missing equal-sign) in Authorization header.")
        parameters[name] = value
    missing = [name for name in ("Credential", "Signature", "SignedHeaders") if not parameters.get(name)]
    if missing:
        raise _auth_error(
            INCOMPLETE_SIGNATURE, " ".join(f"Authorization header requires '{name}' parameter." for name in missing)
        )
    credential = parameters["Credential"]
    parts = credential.split("/")
    if len(parts) != 5 or not all(parts):
        raise _auth_error(
            INCOMPLETE_SIGNATURE,
            "Credential must have exactly 5 slash-delimited elements, "
            f"e.g. keyid/date/region/service/term, got '{credential}'",
        )
    key_id, date, region, service, terminator = parts
    signed_headers = tuple(name.strip().lower() for name in parameters["SignedHeaders"].split(";"))
    if "host" not in signed_headers:
        raise _auth_error(
            INCOMPLETE_SIGNATURE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."
        )
    return SignedAuthorization(
        access_key_id=key_id,
        date=date,
        region=region,
        service=service,
        terminator=terminator,
        signed_headers=signed_headers,
        signature=parameters["Signature"],
    )


def _request_time(headers: Mapping[str, str]) -> datetime.datetime:
    """The signing time: ``X-Amz-Date`` (ISO 8601 basic format), else ``Date`` (RFC 7231)."""
    amz_date = _header(headers, "X-Amz-Date")
    if amz_date is not None:
        try:
            return datetime.datetime.strptime(amz_date, _TIMESTAMP).replace(tzinfo=datetime.timezone.utc)
        except ValueError:
            raise _auth_error(
                INCOMPLETE_SIGNATURE, f"Date must be in ISO-8601 'basic format'. Got '{amz_date}'."
            ) from None
    http_date = _header(headers, "Date")
    if http_date is not None:
        try:
            parsed = email.utils.parsedate_to_datetime(http_date)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            # "-0000" (what botocore sends) leaves the zone unstated: it is UTC.
            utc = parsed.replace(tzinfo=datetime.timezone.utc) if parsed.tzinfo is None else parsed
            return utc.astimezone(datetime.timezone.utc)
    raise _auth_error(
        INCOMPLETE_SIGNATURE, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
    )


def _stamp(moment: datetime.datetime) -> str:
    return moment.strftime(_TIMESTAMP)


def expected_signature(
    request: HttpRequest, authorization: SignedAuthorization, secret: str, timestamp: str
) -> tuple[str, str, str]:
    """What botocore's signer computes for ``request`` with ``secret``: signature, canonical request, string to sign.

    The request is rebuilt from what was received: method, path, query,
    the headers named in ``SignedHeaders`` and the body.
    """
    headers: dict[str, str] = {}
    for name in authorization.signed_headers:
        value = _header(request.headers, name)
        if value is not None:
            headers[name] = value
    host = headers.get("host", "localhost")
    rebuilt = _requests.AWSRequest(
        method=request.method,
        url=f"http://{host}{request.path}",
        headers=headers,
        data=request.body,
        params=[(name, value) for name, values in request.query.items() for value in values],
    )
    rebuilt.context["timestamp"] = timestamp
    credentials = _credentials.Credentials(authorization.access_key_id, secret)
    signer = _signing.SigV4Auth(credentials, authorization.service, authorization.region)
    # The headers the client listed, exactly: botocore would otherwise drop the
    # ones it never signs itself (User-Agent...), which other signers may sign.
    signed_headers: Any = rebuilt.headers

    def headers_to_sign(_request: object) -> Any:
        return signed_headers

    signer.headers_to_sign = headers_to_sign
    canonical = str(signer.canonical_request(rebuilt))
    string_to_sign = str(signer.string_to_sign(rebuilt, canonical))
    return str(signer.signature(string_to_sign, rebuilt)), canonical, string_to_sign


class Authenticator:
    """Tells who sent a request, checking its SigV4 signature unless verification is off."""

    def __init__(
        self,
        keyring: Keyring,
        *,
        verify: bool,
        default_region: str,
        signing_name: str,
        wall_clock: Callable[[], float],
    ) -> None:
        """Check requests against ``keyring``; ``wall_clock`` gives the epoch seconds request times are checked against."""
        self.keyring = keyring
        self.verify = verify
        self._default_region = default_region
        self._signing_name = signing_name
        self._wall_clock = wall_clock

    def authenticate(self, request: HttpRequest) -> Caller:
        """The caller of ``request``; ``ServiceError`` (HTTP 403) if it is not properly signed."""
        header = _header(request.headers, "Authorization")
        if not self.verify:
            return self._unchecked(header)
        if not header:
            raise _auth_error(MISSING_TOKEN, "Missing Authentication Token")
        authorization = parse_authorization(header)
        moment = _request_time(request.headers)
        self._check_scope(authorization, moment)
        self._check_time(moment)
        key = self.keyring.get(authorization.access_key_id)
        if key is None:
            raise _auth_error(UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.")
        self._check_signature(request, authorization, key, moment)
        assert key.account_id is not None
        return Caller(key.access_key_id, key.account_id, authorization.region)

    def _unchecked(self, header: str | None) -> Caller:
        try:
            authorization = parse_authorization(header) if header else None
        except ServiceError:
            authorization = None
        if authorization is None:
            return Caller(None, self.keyring.default_account_id, self._default_region)
        key = self.keyring.get(authorization.access_key_id)
        account = key.account_id if key is not None and key.account_id is not None else self.keyring.default_account_id
        return Caller(authorization.access_key_id, account, authorization.region)

    def _check_scope(self, authorization: SignedAuthorization, moment: datetime.datetime) -> None:
        stamp = _stamp(moment)
        if authorization.date != stamp[:8]:
            raise _auth_error(
                INVALID_SIGNATURE,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                f"'{authorization.date}' != '{stamp[:8]}', from '{stamp}'.",
            )
        if authorization.service != self._signing_name:
            raise _auth_error(
                INVALID_SIGNATURE, f"Credential should be scoped to correct service: '{self._signing_name}'."
            )
        if authorization.terminator != "aws4_request":
            raise _auth_error(
                INVALID_SIGNATURE,
                f"Credential should be scoped with a valid terminator: 'aws4_request', not '{authorization.terminator}'.",
            )

    def _check_time(self, moment: datetime.datetime) -> None:
        now = datetime.datetime.fromtimestamp(self._wall_clock(), datetime.timezone.utc).replace(microsecond=0)
        if moment < now - ALLOWED_SKEW:
            raise _auth_error(
                INVALID_SIGNATURE,
                f"Signature expired: {_stamp(moment)} is now earlier than "
                f"{_stamp(now - ALLOWED_SKEW)} ({_stamp(now)} - 5 min.)",
            )
        if moment > now + ALLOWED_SKEW:
            raise _auth_error(
                INVALID_SIGNATURE,
                f"Signature not yet current: {_stamp(moment)} is still later than "
                f"{_stamp(now + ALLOWED_SKEW)} ({_stamp(now)} + 5 min.)",
            )

    def _check_signature(
        self, request: HttpRequest, authorization: SignedAuthorization, key: AccessKey, moment: datetime.datetime
    ) -> None:
        expected, canonical, string_to_sign = expected_signature(
            request, authorization, key.secret_access_key, _stamp(moment)
        )
        # Outside S3 the payload hash is the body's: a signed X-Amz-Content-SHA256
        # claiming another one does not make a changed body pass.
        claimed = _header(request.headers, "X-Amz-Content-SHA256")
        honest = claimed is None or "x-amz-content-sha256" not in authorization.signed_headers or (
            claimed == sha256(request.body).hexdigest()
        )
        if hmac.compare_digest(expected.encode(), authorization.signature.encode()) and honest:
            return
        raise _auth_error(
            INVALID_SIGNATURE,
            f"{_MISMATCH}\n\nThe Canonical String for this request should have been\n'{canonical}'\n\n"
            f"The String-to-Sign should have been\n'{string_to_sign}'\n",
        )

