"""Connecting: no credentials is one early usage error; a refused connection is not retried ten times."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import boto3.session
import pytest

from customer_profiles_typed.testing import Emulator
from support import validates

from .helpers import Runner, s3_spec, write_json


@pytest.fixture
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment of the command tests without its access key."""
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")


@pytest.mark.usefixtures("no_credentials")
def test_plan_without_credentials_stops_before_any_item(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    specs = [write_json(tmp_path / f"{name}.json", s3_spec(name)) for name in ("d1", "d2")]
    result = cli("plan", *specs, "--endpoint-url", emulator.endpoint_url)
    assert result.code == 2
    assert result.out == ""  # no item planned, none failed
    (line,) = result.err.splitlines()
    assert line.startswith("error: no AWS credentials found: ")
    for fix in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "--profile", "aws configure"):
        assert fix in line
    assert emulator.request_count() == 0


@pytest.mark.usefixtures("no_credentials")
def test_get_without_credentials_is_a_usage_error(cli: Runner, emulator: Emulator) -> None:
    result = cli("get", "--domain", "d", "--uri", "u", "--endpoint-url", emulator.endpoint_url)
    assert result.code == 2
    assert "no AWS credentials found" in result.err and "NoCredentialsError" not in result.err


def test_a_profile_without_credentials_is_named(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    config.write_text("[profile empty]\nregion = us-east-1\n", encoding="utf-8")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    result = cli("list", "--domain", "d", "--profile", "empty", "--endpoint-url", "http://127.0.0.1:9")
    assert result.code == 2
    assert "the profile 'empty' has no AWS credentials" in result.err


def _closed_port_url() -> str:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # nothing listens there once it is closed
    return f"http://127.0.0.1:{port}"


def _count_sends(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the URL of every attempt the commands' clients send (botocore's ``before-send``)."""
    sent: list[str] = []
    original: Any = boto3.session.Session.client

    def record(request: Any, **_: Any) -> None:
        sent.append(str(request.url))

    def client(self: Any, *args: Any, **kwargs: Any) -> Any:
        made = original(self, *args, **kwargs)
        made.meta.events.register("before-send.customer-profiles", record)
        return made

    monkeypatch.setattr(boto3.session.Session, "client", client)
    return sent


def test_a_refused_local_endpoint_is_tried_once_whatever_max_attempts_says(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _count_sends(monkeypatch)
    url = _closed_port_url()
    result = cli("get", "--domain", "d", "--uri", "u", "--endpoint-url", url, "--max-attempts", "10")
    assert result.code == 1
    assert len(sent) == 1
    assert url in result.err and "--endpoint-url" in result.err
    assert len(result.err.splitlines()) == 1


def test_plan_tries_each_read_once_against_a_refused_endpoint(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sent = _count_sends(monkeypatch)
    spec = write_json(tmp_path / "s.json", s3_spec("d1"))
    result = cli("plan", spec, "--endpoint-url", _closed_port_url(), "--item-attempts", "1")
    assert result.code == 1
    assert "EndpointConnectionError" in result.out
    # The item's read and the domain's reads, each sent once: not ten times each.
    assert 1 <= len(sent) <= 4


def test_connection_attempts_depend_on_where_the_endpoint_is() -> None:
    from customer_profiles_typed.cli._aws import CONNECT_ATTEMPTS, connect_attempts

    assert connect_attempts(None) == CONNECT_ATTEMPTS
    assert connect_attempts("https://profile.eu-west-1.amazonaws.com") == CONNECT_ATTEMPTS
    assert connect_attempts("https://vpce-1.profile.us-east-1.vpce.amazonaws.com") == CONNECT_ATTEMPTS
    assert connect_attempts("http://localhost:4566") == 1
    assert connect_attempts("http://127.0.0.1:1") == 1
    assert connect_attempts("https://notamazonaws.com") == 1
    assert 1 < CONNECT_ATTEMPTS < 10


def test_the_command_line_client_does_not_validate_twice() -> None:
    import argparse

    from customer_profiles_typed.cli._aws import connect

    args = argparse.Namespace(
        profile=None, region="us-east-1", endpoint_url="http://127.0.0.1:9", retry_mode="standard",
        max_attempts=2, account_id=None,
    )
    client = connect(args).client.boto3_client
    assert not validates(client)
    assert client.meta.config.retries == {"mode": "standard", "total_max_attempts": 2}
