"""pytest fixtures for testing Customer Profiles code against the local emulator.

Installed with the package, this plugin is registered under the ``pytest11``
entry point, so the fixtures are available in any test suite:

- ``customer_profiles_emulator``: a running ``Emulator`` (one per test,
  stopped afterwards);
- ``customer_profiles_client``: a plain boto3 Customer Profiles client bound
  to that emulator, with dummy credentials and region (closed after the test);
- ``customer_profiles_integration_client``: an ``IntegrationClient`` wrapping
  that boto3 client.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from customer_profiles_typed.client import IntegrationClient
from customer_profiles_typed.testing._emulator import Emulator

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient


@pytest.fixture
def customer_profiles_emulator() -> Iterator[Emulator]:
    """A running Customer Profiles emulator on a free loopback port, stopped after the test."""
    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def customer_profiles_client(customer_profiles_emulator: Emulator) -> Iterator[CustomerProfilesClient]:
    """A boto3 Customer Profiles client talking to ``customer_profiles_emulator``, closed after the test."""
    client = customer_profiles_emulator.client()
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def customer_profiles_integration_client(
    customer_profiles_client: CustomerProfilesClient,
) -> IntegrationClient:
    """An ``IntegrationClient`` over ``customer_profiles_client``, bound to the emulator."""
    return IntegrationClient(customer_profiles_client)
