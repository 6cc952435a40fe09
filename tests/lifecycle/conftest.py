"""Fixtures of the lifecycle tests: the emulator, a domain, and each client in turn.

The plugin's fixtures are imported rather than named in ``pytest_plugins``
so the suite works whether or not the package (and its pytest11 entry
point) is installed. ``flavour`` runs a test once with ``IntegrationClient``
and once with ``AsyncIntegrationClient``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from botocore.config import Config

from customer_profiles_typed.testing import AccessKey, Emulator
from customer_profiles_typed.testing.pytest_plugin import (
    customer_profiles_client,
    customer_profiles_emulator,
    customer_profiles_integration_client,
)

from ._api import ACCESS_KEY_ID, FLAVOURS, SECRET_ACCESS_KEY, Api, no_retries, open_api
from ._data import DOMAIN

__all__ = [
    "api",
    "connect",
    "customer_profiles_client",
    "customer_profiles_emulator",
    "customer_profiles_emulator_options",
    "customer_profiles_integration_client",
    "domain",
    "flavour",
]

Connect = Callable[..., Api]


@pytest.fixture
def customer_profiles_emulator_options() -> dict[str, Any]:
    """The emulator knows the access key the lifecycle clients sign with."""
    return {"credentials": [AccessKey(ACCESS_KEY_ID, SECRET_ACCESS_KEY)]}


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    """``"sync"`` or ``"async"``: which client the test drives."""
    return str(request.param)


@pytest.fixture
def connect(flavour: str, customer_profiles_emulator: Emulator) -> Iterator[Connect]:
    """Open clients of the test's flavour bound to the emulator (closed after the test)."""
    opened: list[Api] = []

    def open_one(config: Config | None = None, emulator: Emulator | None = None) -> Api:
        api = open_api(flavour, emulator or customer_profiles_emulator, config)
        opened.append(api)
        return api

    yield open_one
    for api in opened:
        api.close()


@pytest.fixture
def api(connect: Connect) -> Api:
    """A client of the test's flavour that makes exactly one attempt per call."""
    return connect(no_retries())


@pytest.fixture
def domain(customer_profiles_emulator: Emulator) -> str:
    """The name of a domain created in the emulator for the test."""
    customer_profiles_emulator.client().create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    return DOMAIN
