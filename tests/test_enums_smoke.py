"""Smoke test: the installed package imports and its enums carry the AWS wire values."""

from __future__ import annotations

import customer_profiles_typed
from customer_profiles_typed import SourceConnectorType


def test_servicenow_has_the_aws_spelling() -> None:
    assert SourceConnectorType.SERVICENOW.value == "Servicenow"
    assert SourceConnectorType("Servicenow") is SourceConnectorType.SERVICENOW


def test_public_names_are_importable() -> None:
    for name in customer_profiles_typed.__all__:
        assert hasattr(customer_profiles_typed, name), name
