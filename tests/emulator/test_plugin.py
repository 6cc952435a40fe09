"""The pytest plugin's fixtures, used here and loaded by pytest itself in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import customer_profiles_typed
from customer_profiles_typed.testing import Emulator

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient


def test_the_client_fixture_talks_to_the_emulator_fixture(
    customer_profiles_client: CustomerProfilesClient, customer_profiles_emulator: Emulator
) -> None:
    assert customer_profiles_emulator.running
    customer_profiles_client.create_domain(DomainName="plugin", DefaultExpirationDays=3)
    assert [domain.name for domain in customer_profiles_emulator.domains()] == ["plugin"]
    assert customer_profiles_client.meta.endpoint_url == customer_profiles_emulator.endpoint_url


def test_pytest_loads_the_plugin_and_closes_the_client_and_emulator_after_each_test(tmp_path: Path) -> None:
    (tmp_path / "test_uses_fixtures.py").write_text(
        textwrap.dedent(
            """
            import threading

            seen = []
            closed = []

            def test_first(customer_profiles_client, customer_profiles_emulator):
                customer_profiles_client.create_domain(DomainName="one", DefaultExpirationDays=3)
                assert [d.name for d in customer_profiles_emulator.domains()] == ["one"]
                seen.append(customer_profiles_emulator)
                close = customer_profiles_client.close
                customer_profiles_client.close = lambda: (closed.append(True), close())

            def test_second(customer_profiles_emulator):
                assert not seen[0].running
                assert closed == [True]
                assert customer_profiles_emulator.domains() == []
                names = [t.name for t in threading.enumerate()]
                assert sum(n == "customer-profiles-emulator" for n in names) == 1
            """
        )
    )
    source_root = str(Path(customer_profiles_typed.__file__).resolve().parent.parent)
    environment = {**os.environ, "PYTHONPATH": source_root, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "customer_profiles_typed.testing.pytest_plugin",
            "-q",
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_the_plugin_is_declared_as_a_pytest11_entry_point() -> None:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    text = pyproject.read_text()
    assert '[project.entry-points.pytest11]\ncustomer_profiles_typed = "customer_profiles_typed.testing.pytest_plugin"' in text
