"""Access control by SigV4 access key: only the keys the emulator knows are served."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from customer_profiles_typed.testing import Emulator

from ._boto import ClientError, error_response, no_retries
from ._http import send


@pytest.fixture
def guarded() -> Iterator[Emulator]:
    """An emulator that knows only the access key ``AKIDEXAMPLE``."""
    with Emulator(access_key_id="AKIDEXAMPLE") as emulator:
        yield emulator


def test_the_configured_access_key_is_accepted(guarded: Emulator) -> None:
    client = guarded.client()
    client.create_domain(DomainName="guarded", DefaultExpirationDays=3)
    assert [domain.name for domain in guarded.domains()] == ["guarded"]


def test_another_access_key_is_unrecognized(guarded: Emulator) -> None:
    client = guarded.client(access_key_id="AKIDOTHER", config=no_retries())
    with pytest.raises(ClientError) as raised:
        client.create_domain(DomainName="intruder", DefaultExpirationDays=3)
    response = error_response(raised.value)
    assert response["Error"]["Code"] == "UnrecognizedClientException"
    assert response["Error"]["Message"] == "The security token included in the request is invalid."
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert response["ResponseMetadata"]["RequestId"]
    assert guarded.domains() == []
    assert guarded.request_count("CreateDomain") == 1


def test_an_unsigned_request_is_missing_its_authentication_token(guarded: Emulator) -> None:
    answer = send(guarded, "GET", "/domains")
    assert answer.status == 403
    assert answer.headers["x-amzn-errortype"] == "MissingAuthenticationTokenException"
    assert answer.body == {"Message": "Missing Authentication Token"}


def test_denied_requests_do_not_use_up_faults(guarded: Emulator) -> None:
    guarded.inject_fault("ListDomains", error_code="BadRequestException")
    intruder = guarded.client(access_key_id="AKIDOTHER", config=no_retries())
    with pytest.raises(ClientError):
        intruder.list_domains()
    assert guarded.pending_faults("ListDomains") == 1


def test_without_signature_checks_any_access_key_is_accepted() -> None:
    with Emulator(access_key_id="AKIDEXAMPLE", verify_signatures=False) as lenient:
        client = lenient.client(access_key_id="ANYTHING", secret_access_key="whatever")
        assert client.list_domains()["Items"] == []
