"""Retries are boto3's: throttled and dropped calls are resent under a standard retry config.

These tests wait for botocore's real backoff (a random delay of up to 1, 2
then 4 seconds), so they are kept few.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from botocore.config import Config

from customer_profiles_typed import ThrottlingError
from customer_profiles_typed.testing import Emulator

from ._api import Api
from ._data import connect_uri

Connect = Callable[..., Api]


def test_throttled_puts_succeed_within_the_retry_budget(
    connect: Connect, customer_profiles_emulator: Emulator, domain: str
) -> None:
    api = connect(Config(retries={"mode": "standard", "total_max_attempts": 4}))
    customer_profiles_emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=3)

    put = api.put_integration(domain_name=domain, uri=connect_uri(1), object_type_name="Eventually")

    assert put.object_type_name == "Eventually"
    assert customer_profiles_emulator.request_count("PutIntegration") == 4
    assert customer_profiles_emulator.pending_faults("PutIntegration") == 0
    assert [(s.uri, s.object_type_name) for s in customer_profiles_emulator.integrations(domain)] == [
        (connect_uri(1), "Eventually")
    ]


def test_throttling_beyond_the_retry_budget_is_a_throttling_error(
    connect: Connect, customer_profiles_emulator: Emulator, domain: str
) -> None:
    api = connect(Config(retries={"mode": "standard", "total_max_attempts": 2}))
    customer_profiles_emulator.inject_fault("PutIntegration", error_code="ThrottlingException", times=3)

    with pytest.raises(ThrottlingError) as raised:
        api.put_integration(domain_name=domain, uri=connect_uri(1), object_type_name="Never")

    assert raised.value.http_status == 429
    assert customer_profiles_emulator.request_count("PutIntegration") == 2
    assert customer_profiles_emulator.integrations(domain) == []
    assert api.put_integration(domain_name=domain, uri=connect_uri(1), object_type_name="Later").uri == connect_uri(1)


def test_a_dropped_connection_is_retried(connect: Connect, customer_profiles_emulator: Emulator, domain: str) -> None:
    api = connect(Config(retries={"mode": "standard", "total_max_attempts": 2}))
    customer_profiles_emulator.add_integration(domain, connect_uri(1), object_type_name="There")
    customer_profiles_emulator.inject_fault("GetIntegration", drop_connection=True)

    assert api.get_integration(domain_name=domain, uri=connect_uri(1)).object_type_name == "There"
    assert customer_profiles_emulator.request_count("GetIntegration") == 2
