"""Fixtures of the fidelity tests: an emulator with known credentials, and the AWS CLI bound to it.

The CLI is the ``aws`` executable named by the ``CPT_AWS_CLI`` environment
variable; the ``fidelity`` nox session installs it in a virtualenv of its own
and sets the variable. Without it every test here fails (never skips): a
skipped fidelity test would hide exactly the difference it exists to show.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from customer_profiles_typed.testing import Emulator

from ._cli import ACCESS_KEY_ID, ACCOUNT_ID, AWS_CLI_VARIABLE, REGION, SECRET_ACCESS_KEY, AwsCli


@pytest.fixture(scope="session")
def aws_cli_executable() -> str:
    """The ``aws`` executable named by ``CPT_AWS_CLI``; fails every test when it is missing."""
    executable = os.environ.get(AWS_CLI_VARIABLE, "").strip()
    if not executable:
        pytest.fail(
            f"{AWS_CLI_VARIABLE} is not set: the fidelity tests drive the AWS CLI it names. "
            "Run them with `python3 scripts/check.py -s fidelity`.",
            pytrace=False,
        )
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        pytest.fail(f"{AWS_CLI_VARIABLE}={executable!r} is not an executable file", pytrace=False)
    return executable


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """A running emulator that knows the fidelity credentials, stopped after the test."""
    with Emulator(
        access_key_id=ACCESS_KEY_ID, secret_access_key=SECRET_ACCESS_KEY, region=REGION, account_id=ACCOUNT_ID
    ) as running:
        yield running


@pytest.fixture
def aws(aws_cli_executable: str, emulator: Emulator, tmp_path: Path) -> AwsCli:
    """The AWS CLI bound to ``emulator``."""
    return AwsCli(aws_cli_executable, emulator.endpoint_url, tmp_path)
