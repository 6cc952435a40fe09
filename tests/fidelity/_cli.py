"""The AWS CLI as the fidelity tests run it, and the credentials every fidelity client signs with.

Each command runs as a subprocess with a clean environment: the credentials
and region in ``AWS_*`` variables, empty config and credentials files, a home
directory of its own, one attempt per call, ``--output json`` and a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest

ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
"""The access key every fidelity client signs with (AWS's documented example key)."""

SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
"""The secret that goes with ``ACCESS_KEY_ID``."""

REGION = "us-east-1"
"""The region every fidelity client signs for."""

ACCOUNT_ID = "123456789012"
"""The account the emulator serves; it appears in the ARNs it makes."""

AWS_CLI_VARIABLE = "CPT_AWS_CLI"
"""The environment variable naming the ``aws`` executable to drive."""

CLI_TIMEOUT = 60.0
"""Seconds one ``aws`` command may take before the test fails."""


@dataclass(frozen=True)
class CliRun:
    """What one ``aws`` command did: its arguments, exit code and output."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        """The JSON document printed on stdout; ``{}`` for a command that printed nothing."""
        if not self.stdout.strip():
            return {}
        document = json.loads(self.stdout)
        assert isinstance(document, dict), f"aws {' '.join(self.args)} printed {self.stdout!r}"
        return cast("dict[str, Any]", document)


class AwsCli:
    """Runs ``aws customer-profiles <command> ...`` against one emulator, signed with its credentials."""

    def __init__(self, executable: str, endpoint_url: str, home: Path) -> None:
        """Bind the ``aws`` at ``executable`` to ``endpoint_url``; ``home`` holds its (empty) config."""
        self.executable = executable
        """The ``aws`` executable."""
        self.endpoint_url = endpoint_url
        """The emulator every command is sent to (``--endpoint-url``)."""
        config = home / "config"
        credentials = home / "credentials"
        config.write_text("")
        credentials.write_text("")
        self.env: dict[str, str] = {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
            "AWS_DEFAULT_REGION": REGION,
            "AWS_CONFIG_FILE": str(config),
            "AWS_SHARED_CREDENTIALS_FILE": str(credentials),
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_RETRY_MODE": "standard",
            "AWS_EC2_METADATA_DISABLED": "true",
            "HOME": str(home),
            "USERPROFILE": str(home),
            "PATH": os.environ.get("PATH", os.defpath),
        }
        """The whole environment of every command: none of the caller's AWS settings leak in."""
        if "SYSTEMROOT" in os.environ:
            self.env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]

    def run(self, command: str, *args: str) -> CliRun:
        """Run one command with ``--output json``; its exit code is not checked."""
        argv = (
            self.executable,
            "customer-profiles",
            command,
            *args,
            "--endpoint-url",
            self.endpoint_url,
            "--output",
            "json",
        )
        try:
            done = subprocess.run(
                argv,
                env=self.env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=CLI_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            done = None  # killed by subprocess.run
        if done is None:
            pytest.fail(f"aws customer-profiles {command} took more than {CLI_TIMEOUT:.0f} s", pytrace=False)
        return CliRun((command, *args), done.returncode, done.stdout, done.stderr)

    def __call__(self, command: str, *args: str) -> dict[str, Any]:
        """Run one command that must succeed (exit code 0); return the JSON it printed."""
        done = self.run(command, *args)
        assert done.returncode == 0, (
            f"aws customer-profiles {command} exited {done.returncode}: {done.stderr.strip()}"
        )
        return done.json()


def as_json(value: object) -> str:
    """``value`` as the JSON text of a CLI argument (``--fields '{...}'``)."""
    return json.dumps(value, separators=(",", ":"))


