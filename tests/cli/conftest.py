"""Fixtures of the command line tests: hermetic AWS settings, an emulator, a runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed.testing import AccessKey, Emulator

from .helpers import HERE, Runner


ACCESS_KEY = AccessKey("cli-test-key", "cli-test-secret")
"""The credentials the commands find in the environment, and the emulator knows."""


@pytest.fixture(autouse=True)
def aws_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Dummy credentials and a region from the environment; no profile, config file or account."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", ACCESS_KEY.secret_access_key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_ACCOUNT_ID", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def in_cli_folder(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from tests/cli, so that spec paths (and the outputs naming them) are relative."""
    monkeypatch.chdir(HERE)
    return HERE


@pytest.fixture
def emulator_options() -> dict[str, Any]:
    """More keyword arguments of the ``emulator`` (none; a test module overrides this to change them)."""
    return {}


@pytest.fixture
def emulator(emulator_options: dict[str, Any]) -> Iterator[Emulator]:
    """A running emulator that knows the environment's access key."""
    with Emulator(credentials=[ACCESS_KEY], **emulator_options) as running:
        yield running


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run ``main`` with arguments; returns its exit code, stdout and stderr."""
    return Runner(capsys)
