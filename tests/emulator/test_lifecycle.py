"""Starting, stopping and binding: loopback only, free ports, no leaked threads or sockets."""

from __future__ import annotations

import errno
import gc
import socket
import threading
import warnings

import pytest

from customer_profiles_typed.testing import Emulator

from ._boto import ConnectionClosedError, EndpointConnectionError, ReadTimeoutError, no_retries


def _emulator_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("customer-profiles-emulator")]


def test_context_manager_starts_and_stops() -> None:
    with Emulator() as emulator:
        assert emulator.running
        assert emulator.endpoint_url == f"http://127.0.0.1:{emulator.port}"
        assert emulator.port > 0
    assert not emulator.running
    with pytest.raises(RuntimeError):
        _ = emulator.endpoint_url


def test_explicit_start_and_stop_are_idempotent() -> None:
    emulator = Emulator()
    assert emulator.start() is emulator
    port = emulator.port
    assert emulator.start() is emulator
    assert emulator.port == port
    emulator.stop()
    emulator.stop()
    assert not emulator.running


def test_free_ports_by_default_and_an_explicit_port_is_honoured() -> None:
    with Emulator() as first, Emulator() as second:
        assert first.port != second.port
        taken = first.port
    with Emulator(port=taken) as again:
        assert again.port == taken
        assert again.client().list_domains()["Items"] == []


def test_a_taken_port_fails_to_start_and_leaves_no_socket_behind() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        emulator = Emulator(port=taken.getsockname()[1])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            with pytest.raises(OSError) as raised:
                emulator.start()
            assert raised.value.errno == errno.EADDRINUSE
            del raised  # its traceback holds the half-built server
            gc.collect()
    assert not emulator.running
    assert _emulator_threads() == []
    assert [str(warning.message) for warning in caught if warning.category is ResourceWarning] == []


def test_state_survives_a_restart() -> None:
    emulator = Emulator()
    with emulator:
        emulator.client().create_domain(DomainName="kept", DefaultExpirationDays=3)
    with emulator:
        assert emulator.client().get_domain(DomainName="kept")["DomainName"] == "kept"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com", "::"])
def test_only_loopback_addresses_are_accepted(host: str) -> None:
    with pytest.raises(ValueError):
        Emulator(host=host)


def test_localhost_means_the_ipv4_loopback() -> None:
    assert Emulator(host="localhost").host == "127.0.0.1"


def test_stop_closes_kept_alive_and_in_flight_connections_without_leaking() -> None:
    before = _emulator_threads()
    assert before == []
    emulator = Emulator().start()
    client = emulator.client(config=no_retries(read_timeout=0.3))
    client.create_domain(DomainName="alive", DefaultExpirationDays=3)  # leaves a kept-alive connection
    emulator.inject_fault("GetDomain", latency=60)
    with pytest.raises(ReadTimeoutError):
        client.get_domain(DomainName="alive")  # its answer is still pending in the emulator
    port = emulator.port
    emulator.stop()
    assert _emulator_threads() == []
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with pytest.raises((ConnectionClosedError, EndpointConnectionError)):
        client.list_domains()


def test_a_stopped_emulator_refuses_new_work_quickly() -> None:
    emulator = Emulator().start()
    client = emulator.client(config=no_retries(connect_timeout=1))
    emulator.stop()
    with pytest.raises(EndpointConnectionError):
        client.list_domains()
