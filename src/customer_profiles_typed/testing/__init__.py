"""Test helpers: a local, stateful HTTP emulator of the Customer Profiles API.

``Emulator`` serves the real REST-JSON wire protocol on a loopback address,
so unmodified boto3 clients can be tested against it; ``pytest_plugin``
offers it as pytest fixtures.
"""

from __future__ import annotations

from customer_profiles_typed.testing._emulator import Emulator
from customer_profiles_typed.testing._state import StoredDomain, StoredIntegration

__all__ = ["Emulator", "StoredDomain", "StoredIntegration"]
