"""pytest fixtures for testing Customer Profiles code against the local emulator.

Installed with the package, this plugin is registered under the ``pytest11``
entry point, so the fixtures are available in any test suite:

- ``customer_profiles_emulator``: a running ``Emulator`` (one per test,
  stopped afterwards). Like AWS it checks SigV4 signatures: sign with its
  ``default_credentials`` (as the client fixtures do), or add your own keys;
- ``customer_profiles_emulator_options``: the keyword arguments that
  emulator is made with, none by default. Override it in a ``conftest.py``
  to configure every emulator of a suite, e.g. with
  ``{"verify_signatures": False}`` for tests that do not care about
  credentials, or ``{"credentials": [AccessKey("AKID", "secret")]}``;
- ``customer_profiles_client``: a plain boto3 Customer Profiles client bound
  to that emulator, signing with its default credentials in its region
  (closed after the test);
- ``customer_profiles_integration_client``: an ``IntegrationClient`` wrapping
  that boto3 client.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed.client import IntegrationClient
from customer_profiles_typed.testing._emulator import Emulator

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient


@pytest.fixture
def customer_profiles_emulator_options() -> dict[str, Any]:
    """Keyword arguments of the ``Emulator`` that ``customer_profiles_emulator`` starts (override to change them)."""
    return {}


@pytest.fixture
def customer_profiles_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A running Customer Profiles emulator on a free loopback port, stopped after the test.

    It is made with ``customer_profiles_emulator_options``; a suite that
    imports this fixture without that one gets an emulator with no options.
    """
    try:
        options: dict[str, Any] = request.getfixturevalue("customer_profiles_emulator_options")
    except pytest.FixtureLookupError:
        options = {}
    with Emulator(**options) as emulator:
        yield emulator


@pytest.fixture
def customer_profiles_client(customer_profiles_emulator: Emulator) -> Iterator[CustomerProfilesClient]:
    """A boto3 Customer Profiles client signing for ``customer_profiles_emulator``, closed after the test."""
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
