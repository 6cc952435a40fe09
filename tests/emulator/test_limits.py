"""The emulator's front door: limits like the service's, which a test of normal use never reaches.

A body over the cap is answered 413 ``RequestEntityTooLargeException`` and
never read into memory; a body that is not JSON, or nests too deeply to be
read, is 400 ``SerializationException`` (not a 500 with a traceback); a
bounded pool of workers serves requests, so open connections hold no thread
while they are silent, and silent ones are closed after the idle timeout.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from customer_profiles_typed import CustomerProfiles, ServiceError
from customer_profiles_typed.testing import Emulator, ServerLimits
from customer_profiles_typed.testing._server import DEFAULT_MAX_REQUEST_BYTES

from ._boto import no_retries
from ._http import send

CAP = 4096


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """An emulator with small limits, serving unsigned requests."""
    limits = ServerLimits(max_request_bytes=CAP, workers=2, max_connections=40, idle_timeout=0.5)
    with Emulator(verify_signatures=False, limits=limits) as running:
        yield running


def _serving_threads() -> list[str]:
    return [thread.name for thread in threading.enumerate() if thread.name.startswith("customer-profiles-emulator-")]


def _domain_body(size: int) -> bytes:
    """A CreateDomain body of exactly ``size`` bytes (padded with spaces, still valid JSON)."""
    body = json.dumps({"DefaultExpirationDays": 3}).encode()
    return body + b" " * (size - len(body))


def test_a_body_over_the_cap_is_413_and_changes_nothing(emulator: Emulator) -> None:
    answer = send(emulator, "POST", "/domains/big", _domain_body(CAP + 1))
    assert answer.status == 413
    assert answer.headers["x-amzn-errortype"] == "RequestEntityTooLargeException"
    assert answer.body == {"Message": f"Request must be smaller than {CAP} bytes."}
    assert answer.headers["x-amzn-requestid"]
    assert emulator.domains() == []
    assert emulator.request_count() == 0  # refused at the door, like a request that is not HTTP


def test_a_body_at_the_cap_is_served(emulator: Emulator) -> None:
    answer = send(emulator, "POST", "/domains/fits", _domain_body(CAP))
    assert answer.status == 200
    assert [domain.name for domain in emulator.domains()] == ["fits"]


def test_a_chunked_body_over_the_cap_is_413(emulator: Emulator) -> None:
    connection = http.client.HTTPConnection(emulator.host, emulator.port, timeout=10)
    try:
        chunks = iter([b"{" + b" " * 2000, b" " * 2000, b" " * 2000 + b"}"])
        connection.request("POST", "/domains/chunked", body=chunks, encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 413
        assert response.getheader("X-Amzn-ErrorType") == "RequestEntityTooLargeException"
    finally:
        connection.close()
    assert emulator.domains() == []


def test_the_default_cap_refuses_before_reading_the_body() -> None:
    # A declared length over 10 MiB is answered at once: the body is never sent here.
    with Emulator(verify_signatures=False) as emulator, socket.create_connection((emulator.host, emulator.port), timeout=10) as raw:
        raw.sendall(
            b"POST /domains/huge HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n{" % (DEFAULT_MAX_REQUEST_BYTES + 1)
        )
        reply = raw.makefile("rb").readline()
    assert reply.startswith(b"HTTP/1.1 413 ")


def test_a_typed_client_reads_the_413_as_a_service_error(emulator: Emulator) -> None:
    profiles = CustomerProfiles(emulator.client(config=no_retries()))
    tags = {f"key{number}": "v" * 200 for number in range(40)}
    with pytest.raises(ServiceError) as raised:
        profiles.create_domain(domain_name="tagged", default_expiration_days=3, tags=tags)
    assert raised.value.code == "RequestEntityTooLargeException"
    assert raised.value.http_status == 413
    assert emulator.domains() == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "The request body is not valid JSON."),
        (b"\xff\xfe{}", "The request body is not valid JSON."),
        (b"[" * 1500 + b"]" * 1500, "The request body nests lists and objects too deeply to be read."),
        (b'{"Tags": {"a": ' + b"[" * 1500 + b"]" * 1500 + b"}}", "The request body nests lists and objects too deeply to be read."),
    ],
    ids=["not-json", "not-utf8", "deep-array", "deep-member"],
)
def test_a_body_that_cannot_be_read_is_a_serialization_exception(
    emulator: Emulator, body: bytes, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="customer_profiles_typed.testing")
    answer = send(emulator, "POST", "/domains/d", body)
    assert answer.status == 400
    assert answer.headers["x-amzn-errortype"] == "SerializationException"
    assert answer.body == {"Message": message}
    assert [record for record in caplog.records if record.levelno >= logging.WARNING] == []


def test_requests_beyond_the_worker_pool_wait_their_turn(emulator: Emulator) -> None:
    # Six calls at once, each answered after 0.2 s, on six connections: two workers serve them all.
    emulator.client().create_domain(DomainName="d", DefaultExpirationDays=3)
    emulator.inject_fault("GetDomain", latency=0.2, times=6)
    clients = [emulator.client(config=no_retries()) for _ in range(6)]
    seen: list[list[str]] = []
    start = threading.Barrier(6, timeout=30)

    def get(number: int) -> str:
        start.wait()
        seen.append(_serving_threads())
        return str(clients[number].get_domain(DomainName="d")["DomainName"])

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(get, range(6))) == ["d"] * 6
    workers = {name for names in seen for name in names if "worker" in name} | {
        name for name in _serving_threads() if "worker" in name
    }
    assert 1 <= len(workers) <= 2
    assert emulator.pending_faults("GetDomain") == 0


def test_silent_connections_hold_no_thread(emulator: Emulator) -> None:
    silent = [socket.create_connection((emulator.host, emulator.port), timeout=5) for _ in range(30)]
    try:
        # Served after the thirty were accepted (the listen queue is first in, first out).
        assert send(emulator, "GET", "/domains").status == 200
        assert len(_serving_threads()) <= 1 + 2  # the accepting thread and the workers
    finally:
        for connection in silent:
            connection.close()


def test_a_silent_connection_is_closed_after_the_idle_timeout(emulator: Emulator) -> None:
    with socket.create_connection((emulator.host, emulator.port), timeout=10) as silent:
        assert silent.recv(1) == b""  # closed by the emulator, well before the 10 s
    with socket.create_connection((emulator.host, emulator.port), timeout=10) as half_sent:
        half_sent.sendall(b"GET /domains HTTP/1.1\r\nHost: x\r\n")  # the headers never end
        assert half_sent.recv(1) == b""


def test_a_kept_alive_client_goes_on_after_its_connection_is_closed_as_idle(emulator: Emulator) -> None:
    client = emulator.client(config=no_retries())
    client.create_domain(DomainName="d", DefaultExpirationDays=3)
    # Two idle timeouts in a row pass: the client's older connection has been closed
    # (one timeout alone can race with a server thread scheduled late on a busy machine).
    for _ in range(2):
        with socket.create_connection((emulator.host, emulator.port), timeout=10) as marker:
            assert marker.recv(1) == b""
    assert client.get_domain(DomainName="d")["DomainName"] == "d"


def test_connections_beyond_the_bound_are_closed_at_once() -> None:
    limits = ServerLimits(max_connections=3, idle_timeout=30)
    with Emulator(verify_signatures=False, limits=limits) as emulator:
        held = [socket.create_connection((emulator.host, emulator.port), timeout=5) for _ in range(3)]
        try:
            with socket.create_connection((emulator.host, emulator.port), timeout=5) as extra:
                try:
                    assert extra.recv(1) == b""
                except ConnectionResetError:
                    pass
            held[0].close()
            # Once one is closed, a new connection is served again (retried while the close is seen).
            statuses = {_status_or_none(emulator) for _ in range(20)}
            assert 200 in statuses
        finally:
            for connection in held:
                connection.close()


def _status_or_none(emulator: Emulator) -> int | None:
    try:
        return send(emulator, "GET", "/domains").status
    except (OSError, http.client.HTTPException):
        return None


@pytest.mark.parametrize(
    "options",
    [{"max_request_bytes": 0}, {"workers": -1}, {"max_connections": 1.5}, {"idle_timeout": 0}, {"workers": True}, {"idle_timeout": float("nan")}],
)
def test_limits_must_be_positive(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="server limit"):
        ServerLimits(**options)


def test_the_emulator_tells_its_limits() -> None:
    assert Emulator().limits == ServerLimits()
    assert ServerLimits().max_request_bytes == 10 * 1024 * 1024
