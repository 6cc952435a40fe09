"""``python -m customer_profiles_typed emulator`` runs the emulator in the foreground."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import customer_profiles_typed
from customer_profiles_typed.__main__ import build_parser, main
from customer_profiles_typed.testing._botocore import new_client


def _child_environment() -> dict[str, str]:
    source_root = str(Path(customer_profiles_typed.__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": source_root + (os.pathsep + existing if existing else "")}


def test_the_emulator_command_serves_until_interrupted() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "customer_profiles_typed", "emulator", "--port", "0", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_environment(),
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert "listening on http://127.0.0.1:" in banner
        endpoint = banner.split("listening on ", 1)[1].split()[0]
        # The credentials the emulator knows by default (its banner names them).
        client = new_client(
            endpoint, region_name="us-east-1", access_key_id="emulator-access-key", secret_access_key="emulator-secret"
        )
        client.create_domain(DomainName="from-cli", DefaultExpirationDays=3)
        assert client.get_domain(DomainName="from-cli")["DomainName"] == "from-cli"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Emulator stopped." in out


def test_a_non_loopback_host_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["emulator", "--host", "10.1.2.3"]) == 2
    assert "loopback" in capsys.readouterr().err


def test_a_command_is_required() -> None:
    with pytest.raises(SystemExit) as raised:
        build_parser().parse_args([])
    assert raised.value.code == 2


def test_the_emulator_command_parses_its_options() -> None:
    args = build_parser().parse_args(["emulator", "--port", "4566", "--access-key-id", "AKIDEXAMPLE"])
    assert (args.command, args.port, args.host, args.access_key_id) == ("emulator", 4566, "127.0.0.1", "AKIDEXAMPLE")
