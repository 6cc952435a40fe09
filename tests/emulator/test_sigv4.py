"""SigV4 verification: signatures are recomputed from the known secret and refused as AWS refuses them."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import importlib
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from customer_profiles_typed import CustomerProfiles
from customer_profiles_typed.errors import ServiceError
from customer_profiles_typed.testing import Emulator
from customer_profiles_typed.testing._auth import SignedAuthorization, expected_signature, parse_authorization
from customer_profiles_typed.testing._server import HttpRequest

from ._boto import ClientError, error_response, no_retries
from ._http import RawResponse, send

_signing: Any = importlib.import_module("botocore.auth")
_credentials: Any = importlib.import_module("botocore.credentials")
_requests: Any = importlib.import_module("botocore.awsrequest")

MISMATCH = "The request signature we calculated does not match the signature you provided."


def sign(
    emulator: Emulator,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    secret: str | None = None,
    service: str = "profile",
    extra_headers: dict[str, str] | None = None,
) -> dict[str, str]:
    """The headers botocore's signer gives a request to ``emulator`` (its default key unless told)."""
    key = emulator.default_credentials
    request = _requests.AWSRequest(
        method=method,
        url=emulator.endpoint_url + path,
        headers={"Content-Type": "application/json", **(extra_headers or {})},
        data=body,
    )
    credentials = _credentials.Credentials(key.access_key_id, secret or key.secret_access_key)
    _signing.SigV4Auth(credentials, service, emulator.region).add_auth(request)
    return {str(name): str(value) for name, value in request.headers.items()}


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def sign_independently(emulator: Emulator, method: str, path: str, headers: dict[str, str], body: bytes) -> dict[str, str]:
    """Sign as the SigV4 specification says, without botocore, every header given included.

    ``path`` must need no escaping and carry no query string.
    """
    key = emulator.default_credentials
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    signed = {name.lower(): value for name, value in headers.items()}
    signed |= {"host": f"{emulator.host}:{emulator.port}", "x-amz-date": stamp}
    names = sorted(signed)
    canonical = "\n".join(
        [
            method,
            path,
            "",
            "".join(f"{name}:{signed[name].strip()}\n" for name in names),
            ";".join(names),
            hashlib.sha256(body).hexdigest(),
        ]
    )
    scope = f"{stamp[:8]}/{emulator.region}/profile/aws4_request"
    string_to_sign = "\n".join(["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    signing_key = b"AWS4" + key.secret_access_key.encode()
    for part in (stamp[:8], emulator.region, "profile", "aws4_request"):
        signing_key = _hmac(signing_key, part)
    signature = hmac.new(signing_key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    authorization = (
        f"AWS4-HMAC-SHA256 Credential={key.access_key_id}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={signature}"
    )
    return {**headers, "X-Amz-Date": stamp, "Authorization": authorization}


def error_code(answer: RawResponse) -> str:
    """The error code of a raw answer."""
    return answer.headers["x-amzn-errortype"]


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """A running emulator with its default credentials."""
    with Emulator() as running:
        yield running


CREATE = json.dumps({"DefaultExpirationDays": 3}).encode()


def test_a_request_signed_with_the_known_secret_is_served(emulator: Emulator) -> None:
    answer = send(emulator, "POST", "/domains/signed", CREATE, sign(emulator, "POST", "/domains/signed", CREATE))
    assert answer.status == 200, answer.body
    assert [domain.name for domain in emulator.domains()] == ["signed"]


def test_a_request_signed_by_another_sigv4_implementation_is_served_even_with_a_signed_user_agent(
    emulator: Emulator,
) -> None:
    headers = {"Content-Type": "application/json", "User-Agent": "other-sdk/1.0"}
    signed = sign_independently(emulator, "POST", "/domains/elsewhere", headers, CREATE)
    answer = send(emulator, "POST", "/domains/elsewhere", CREATE, signed)
    assert answer.status == 200, answer.body
    assert [domain.name for domain in emulator.domains()] == ["elsewhere"]
    signed["User-Agent"] = "changed/2.0"  # same request otherwise: it would be a BadRequest if it got through
    answer = send(emulator, "POST", "/domains/elsewhere", CREATE, signed)
    assert (answer.status, error_code(answer)) == (403, "InvalidSignatureException")


def test_a_signature_that_leaves_out_the_host_is_an_incomplete_signature(emulator: Emulator) -> None:
    headers = sign(emulator, "GET", "/domains")
    authorization = headers["Authorization"]
    headers["Authorization"] = authorization.replace("SignedHeaders=content-type;host;", "SignedHeaders=content-type;")
    assert headers["Authorization"] != authorization
    answer = send(emulator, "GET", "/domains", headers=headers)
    assert (answer.status, error_code(answer)) == (403, "IncompleteSignatureException")
    assert "'Host'" in answer.body["Message"]


def test_a_wrong_secret_is_refused_with_invalid_signature(emulator: Emulator) -> None:
    client = emulator.client(secret_access_key="not-the-secret", config=no_retries())
    with pytest.raises(ClientError) as raised:
        client.create_domain(DomainName="forged", DefaultExpirationDays=3)
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "InvalidSignatureException"
    assert response["Error"]["Message"].startswith(MISMATCH)
    assert "The String-to-Sign should have been" in response["Error"]["Message"]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert emulator.domains() == []
    assert emulator.request_count("CreateDomain") == 1


def test_the_typed_client_reports_a_wrong_secret_as_a_403_service_error(emulator: Emulator) -> None:
    profiles = CustomerProfiles(emulator.client(secret_access_key="not-the-secret", config=no_retries()))
    with pytest.raises(ServiceError) as raised:
        profiles.get_domain(domain_name="any")
    assert (raised.value.code, raised.value.http_status) == ("InvalidSignatureException", 403)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda path, body: (path, body.replace(b"3", b"4")), "body"),
        (lambda path, body: ("/domains/other", body), "path"),
    ],
    ids=["body", "path"],
)
def test_a_request_changed_after_signing_is_refused(emulator: Emulator, change: Any, where: str) -> None:
    headers = sign(emulator, "POST", "/domains/signed", CREATE)
    path, body = change("/domains/signed", CREATE)
    answer = send(emulator, "POST", path, body, headers)
    assert (answer.status, error_code(answer)) == (403, "InvalidSignatureException"), where
    assert emulator.domains() == []


def test_a_changed_query_string_is_refused(emulator: Emulator) -> None:
    headers = sign(emulator, "GET", "/domains?max-results=5")
    assert send(emulator, "GET", "/domains?max-results=5", headers=headers).status == 200
    answer = send(emulator, "GET", "/domains?max-results=6", headers=headers)
    assert (answer.status, error_code(answer)) == (403, "InvalidSignatureException")


def test_a_signed_payload_hash_that_lies_about_the_body_is_refused(emulator: Emulator) -> None:
    headers = sign(
        emulator, "POST", "/domains/signed", CREATE, extra_headers={"X-Amz-Content-SHA256": "0" * 64}
    )
    answer = send(emulator, "POST", "/domains/signed", CREATE, headers)
    assert (answer.status, error_code(answer)) == (403, "InvalidSignatureException")
    assert emulator.domains() == []


def test_a_request_signed_with_the_date_header_is_served(emulator: Emulator) -> None:
    headers = sign(emulator, "GET", "/domains", extra_headers={"Date": "Mon, 01 Jan 2024 00:00:00 GMT"})
    assert "X-Amz-Date" not in headers
    assert send(emulator, "GET", "/domains", headers=headers).status == 200


def test_paginated_listings_sign_and_verify_their_next_token(emulator: Emulator) -> None:
    client = emulator.client(config=no_retries())
    for name in ("a", "b", "c"):
        client.create_domain(DomainName=name, DefaultExpirationDays=3)
    first = client.list_domains(MaxResults=1)
    second = client.list_domains(MaxResults=1, NextToken=first["NextToken"])
    assert [item["DomainName"] for item in first["Items"] + second["Items"]] == ["a", "b"]


def test_the_signature_is_recomputed_over_escaped_paths_and_queries_as_botocore_signs_them() -> None:
    path = "/tags/arn%3Aaws%3Aprofile%3Aus-east-1%3A123456789012%3Adomains%2Fshop"
    query = "include-hidden=true&next-token=a%2Fb%2Bc%3D"
    request = _requests.AWSRequest(
        method="GET", url=f"http://127.0.0.1:4566{path}?{query}", headers={"Content-Type": "application/json"}
    )
    _signing.SigV4Auth(_credentials.Credentials("AKID", "secret"), "profile", "eu-west-1").add_auth(request)
    headers = {str(name): str(value) for name, value in request.headers.items()}
    received = HttpRequest(
        method="GET",
        path=path,
        query={"include-hidden": ["true"], "next-token": ["a/b+c="]},
        headers={**headers, "Host": "127.0.0.1:4566"},
        body=b"",
    )
    authorization: SignedAuthorization = parse_authorization(headers["Authorization"])
    signature, _, _ = expected_signature(received, authorization, "secret", headers["X-Amz-Date"])
    assert signature == authorization.signature
    other, _, _ = expected_signature(received, authorization, "other-secret", headers["X-Amz-Date"])
    assert other != authorization.signature


@pytest.mark.parametrize(
    ("offset", "message"),
    [(+360.0, "Signature expired: "), (-360.0, "Signature not yet current: ")],
    ids=["request-too-old", "request-in-the-future"],
)
def test_a_request_time_more_than_five_minutes_off_is_refused(offset: float, message: str) -> None:
    with Emulator(wall_clock=lambda: time.time() + offset) as skewed:
        client = skewed.client(config=no_retries())
        with pytest.raises(ClientError) as raised:
            client.list_domains()
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "InvalidSignatureException"
    assert response["Error"]["Message"].startswith(message)
    assert "5 min." in response["Error"]["Message"]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_a_request_time_within_five_minutes_is_accepted() -> None:
    with Emulator(wall_clock=lambda: time.time() + 240.0) as skewed:
        assert skewed.client(config=no_retries()).list_domains()["Items"] == []


@pytest.mark.parametrize(
    ("authorization", "hint"),
    [
        ("Bearer abc", "AWS4-HMAC-SHA256"),
        ("AWS4-HMAC-SHA256 Credential=emulator-access-key/20240101/us-east-1/profile/aws4_request", "'Signature'"),
        ("AWS4-HMAC-SHA256 Credential=k/20240101/profile/aws4_request, SignedHeaders=host, Signature=ab", "5 slash"),
        ("AWS4-HMAC-SHA256 garbage", "missing equal-sign"),
    ],
    ids=["other-scheme", "no-signature", "short-credential", "not-key-value"],
)
def test_an_unreadable_authorization_header_is_an_incomplete_signature(
    emulator: Emulator, authorization: str, hint: str
) -> None:
    answer = send(emulator, "GET", "/domains", headers={"Authorization": authorization, "X-Amz-Date": "20240101T000000Z"})
    assert (answer.status, error_code(answer)) == (403, "IncompleteSignatureException")
    assert hint in answer.body["Message"]


def test_a_signed_request_without_a_date_is_an_incomplete_signature(emulator: Emulator) -> None:
    headers = sign(emulator, "GET", "/domains")
    del headers["X-Amz-Date"]
    answer = send(emulator, "GET", "/domains", headers=headers)
    assert (answer.status, error_code(answer)) == (403, "IncompleteSignatureException")
    assert "'X-Amz-Date' or a 'Date' header" in answer.body["Message"]


def test_a_credential_scoped_to_another_service_is_refused(emulator: Emulator) -> None:
    answer = send(emulator, "GET", "/domains", headers=sign(emulator, "GET", "/domains", service="s3"))
    assert (answer.status, error_code(answer)) == (403, "InvalidSignatureException")
    assert answer.body["Message"] == "Credential should be scoped to correct service: 'profile'."


def test_a_credential_scoped_to_another_day_than_the_request_is_refused(emulator: Emulator) -> None:
    headers = sign(emulator, "GET", "/domains")
    scope_day = headers["X-Amz-Date"][:8]
    headers["Authorization"] = headers["Authorization"].replace(f"/{scope_day}/", "/20000101/")
    answer = send(emulator, "GET", "/domains", headers=headers)
    assert (answer.status, error_code(answer)) == (403, "InvalidSignatureException")
    assert "Date in Credential scope does not match" in answer.body["Message"]


def test_without_verification_any_secret_and_unsigned_requests_are_served() -> None:
    with Emulator(verify_signatures=False) as lenient:
        lenient.client(secret_access_key="anything").create_domain(DomainName="one", DefaultExpirationDays=3)
        assert send(lenient, "GET", "/domains").status == 200
        assert [domain.name for domain in lenient.domains()] == ["one"]


def test_verification_can_be_switched_while_running(emulator: Emulator) -> None:
    forger = emulator.client(secret_access_key="not-the-secret", config=no_retries())
    emulator.verify_signatures = False
    assert forger.list_domains()["Items"] == []
    emulator.verify_signatures = True
    assert emulator.verify_signatures
    with pytest.raises(ClientError) as raised:
        forger.list_domains()
    assert error_response(raised.value)["Error"]["Code"] == "InvalidSignatureException"


def test_the_secret_never_shows_in_the_credentials_repr(emulator: Emulator) -> None:
    key = emulator.default_credentials
    assert key.secret_access_key == "emulator-secret"
    assert "emulator-secret" not in repr(key)
    assert key.access_key_id in repr(key)
