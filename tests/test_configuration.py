"""A client that cannot be built says what to do, as a ``ConfigurationError``.

No region, an unknown profile, the async extra missing: each raises this
library's ``ConfigurationError`` (a ``CustomerProfilesError``) naming the fix,
never botocore's exception or a bare ``ModuleNotFoundError``. Also the version
a user reads with ``__version__`` and ``--version``.
"""

from __future__ import annotations

import asyncio
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from botocore.exceptions import NoRegionError

import customer_profiles_typed
from customer_profiles_typed import (
    AsyncCustomerProfiles,
    ConfigurationError,
    CustomerProfiles,
    CustomerProfilesError,
    IntegrationClient,
)
from customer_profiles_typed.cli import main


@pytest.fixture
def no_aws_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An environment with no region, no profile and empty shared AWS files."""
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))


@pytest.mark.usefixtures("no_aws_config")
@pytest.mark.parametrize("client_class", [CustomerProfiles, IntegrationClient])
def test_no_region_names_the_three_ways_to_give_one(client_class: type[CustomerProfiles]) -> None:
    with pytest.raises(ConfigurationError) as caught:
        client_class()
    message = str(caught.value)
    assert "region_name" in message and "AWS_REGION" in message and "profile" in message
    assert isinstance(caught.value, CustomerProfilesError)
    assert isinstance(caught.value.__cause__, NoRegionError)


@pytest.mark.usefixtures("no_aws_config")
def test_an_unknown_profile_in_the_environment_is_a_configuration_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile")
    with pytest.raises(ConfigurationError) as caught:
        CustomerProfiles(region_name="us-east-1")
    assert "no-such-profile" in str(caught.value) and "profile" in str(caught.value)


@pytest.mark.usefixtures("no_aws_config")
def test_async_no_region_names_the_fix() -> None:
    async def open_client() -> None:
        async with AsyncCustomerProfiles():
            pass

    with pytest.raises(ConfigurationError) as caught:
        asyncio.run(open_client())
    assert "AWS_REGION" in str(caught.value)
    assert isinstance(caught.value.__cause__, NoRegionError)


def test_async_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes the import fail as if the package were absent.
    monkeypatch.setitem(sys.modules, "aiobotocore", None)
    monkeypatch.setitem(sys.modules, "aiobotocore.session", None)

    async def open_client() -> None:
        async with AsyncCustomerProfiles(region_name="us-east-1"):
            pass

    with pytest.raises(ConfigurationError) as caught:
        asyncio.run(open_client())
    assert "customer-profiles-typed[async]" in str(caught.value)
    assert isinstance(caught.value.__cause__, ImportError)


def test_version_is_the_installed_distributions() -> None:
    assert customer_profiles_typed.__version__ == version("customer-profiles-typed")


def test_the_command_line_prints_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"customer-profiles-typed {version('customer-profiles-typed')}"
