"""Shared pytest configuration and fixtures.

Hypothesis: no test may fail because of how long it took (CI machines are slow
and shared), so the per-example ``deadline`` and the ``too_slow`` health check
are off everywhere. On CI (``CI`` set) examples are also derandomized and the
example database is not written.

Fixtures: a canonical request and boto3 clients that never reach AWS.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.config import Config
from hypothesis import HealthCheck, settings

from support import canonical_request

settings.register_profile(
    "dev",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
    print_blob=True,
)
settings.load_profile(
    "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false", "no") else "dev"
)


@pytest.fixture
def canonical() -> dict[str, Any]:
    """A fresh copy of the canonical request (the admin guide's S3 example), free to mutate."""
    return canonical_request()


@pytest.fixture
def make_client() -> Callable[..., Any]:
    """Build a boto3 customer-profiles client with dummy keys and no retries.

    Nothing reaches the network as long as a Stubber is active or a ``before-send``
    handler answers.
    """

    def build(**config: Any) -> Any:
        session = boto3.session.Session(
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="example-secret",
            region_name="us-east-1",
        )
        return session.client(
            "customer-profiles",
            config=Config(retries={"total_max_attempts": 1}, **config),
        )

    return build
