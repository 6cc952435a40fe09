"""No credentials: the first call raises ``ConfigurationError`` naming the fix, never ``TransportError``.

The client is built without credentials (they may appear before the first
call, e.g. by a refresh); the call that cannot be signed says what to do.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from botocore.exceptions import NoCredentialsError

from customer_profiles_typed import AsyncCustomerProfiles, ConfigurationError, CustomerProfiles

# Nothing listens here; a request that was signed would fail to connect instead.
ENDPOINT = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An environment with a region but no credentials anywhere botocore looks."""
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def _assert_names_the_fix(error: ConfigurationError, operation: str) -> None:
    message = str(error)
    assert message.startswith(f"{operation} was not sent: no AWS credentials found")
    for fix in ("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "profile_name", "aws configure"):
        assert fix in message
    assert isinstance(error.__cause__, NoCredentialsError)


def test_a_call_without_credentials_is_a_configuration_error() -> None:
    client = CustomerProfiles(region_name="us-east-1", endpoint_url=ENDPOINT)
    with pytest.raises(ConfigurationError) as caught:
        client.get_domain(domain_name="shop")
    _assert_names_the_fix(caught.value, "GetDomain")


def test_an_async_call_without_credentials_is_a_configuration_error() -> None:
    async def get() -> None:
        async with AsyncCustomerProfiles(region_name="us-east-1", endpoint_url=ENDPOINT) as client:
            await client.get_domain(domain_name="shop")

    with pytest.raises(ConfigurationError) as caught:
        asyncio.run(get())
    _assert_names_the_fix(caught.value, "GetDomain")
