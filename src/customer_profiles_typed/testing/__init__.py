"""Test helpers: a local, stateful HTTP emulator of the Customer Profiles API.

``Emulator`` serves the real REST-JSON wire protocol on a loopback address,
so unmodified boto3 clients can be tested against it; ``pytest_plugin``
offers it as pytest fixtures. ``AccessKey`` is a credential the emulator
knows; ``RateLimit`` an optional per-operation rate limit; ``Quotas`` the
per-domain limits it answers as the service does; ``ServerLimits`` what its
HTTP server takes on (body size, threads, connections, idle time).
"""

from __future__ import annotations

from customer_profiles_typed.testing._auth import AccessKey
from customer_profiles_typed.testing._emulator import Emulator
from customer_profiles_typed.testing._quotas import Quotas
from customer_profiles_typed.testing._ratelimit import RateLimit
from customer_profiles_typed.testing._records import (
    StoredDomain,
    StoredEventTrigger,
    StoredIntegration,
    StoredObjectType,
)
from customer_profiles_typed.testing._server import ServerLimits

__all__ = [
    "AccessKey",
    "Emulator",
    "Quotas",
    "RateLimit",
    "ServerLimits",
    "StoredDomain",
    "StoredEventTrigger",
    "StoredIntegration",
    "StoredObjectType",
]
