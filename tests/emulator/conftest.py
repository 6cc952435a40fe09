"""Fixtures of the emulator tests.

The plugin's fixtures are imported rather than named in ``pytest_plugins``
so the suite works whether or not the package (and its pytest11 entry
point) is installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from customer_profiles_typed.testing import Emulator
from customer_profiles_typed.testing.pytest_plugin import (
    customer_profiles_client,
    customer_profiles_emulator,
)

from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.type_defs import FlowDefinitionTypeDef

__all__ = ["customer_profiles_client", "customer_profiles_emulator", "domain", "flow_definition"]

DOMAIN = "test-domain"


@pytest.fixture
def flow_definition() -> FlowDefinitionTypeDef:
    """A valid S3 ``FlowDefinition`` named ``customer-import``."""
    return make_flow_definition("customer-import")


@pytest.fixture
def domain(customer_profiles_emulator: Emulator) -> str:
    """The name of a domain created in the emulator for the test."""
    client = customer_profiles_emulator.client()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    return DOMAIN
