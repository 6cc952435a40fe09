"""Invalid arguments raise ValidationError at call time, naming the parameter, and send nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from customer_profiles_typed import ValidationError
from customer_profiles_typed.testing import Emulator

from ._api import Api
from ._data import DOMAIN, connect_uri

BAD_DOMAIN = "no spaces!"
URI = connect_uri(1)

Call = Callable[[Api], Any]

CASES: list[tuple[str, Call, list[tuple[str, str]]]] = [
    (
        "put-domain-pattern",
        lambda api: api.put_integration(domain_name=BAD_DOMAIN, uri=URI, object_type_name="T"),
        [("domain_name", "DomainName")],
    ),
    ("put-empty-uri", lambda api: api.put_integration(domain_name=DOMAIN, uri="", object_type_name="T"), [("uri", "Uri")]),
    (
        "put-both",
        lambda api: api.put_integration(domain_name=BAD_DOMAIN, uri="", object_type_name="T"),
        [("domain_name", "DomainName"), ("uri", "Uri")],
    ),
    ("get-domain-pattern", lambda api: api.get_integration(domain_name=BAD_DOMAIN, uri=URI), [("domain_name", "DomainName")]),
    ("get-empty-uri", lambda api: api.get_integration(domain_name=DOMAIN, uri=""), [("uri", "Uri")]),
    ("get-long-uri", lambda api: api.get_integration(domain_name=DOMAIN, uri="u" * 256), [("uri", "Uri")]),
    (
        "delete-domain-pattern",
        lambda api: api.delete_integration(domain_name=BAD_DOMAIN, uri=URI),
        [("domain_name", "DomainName")],
    ),
    ("delete-empty-uri", lambda api: api.delete_integration(domain_name=DOMAIN, uri=""), [("uri", "Uri")]),
    (
        "list-domain-pattern",
        lambda api: api.start_list_integrations(domain_name=BAD_DOMAIN),
        [("domain_name", "DomainName")],
    ),
    ("list-page-size-0", lambda api: api.start_list_integrations(domain_name=DOMAIN, page_size=0), [("page_size", "MaxResults")]),
    (
        "list-page-size-101",
        lambda api: api.start_list_integrations(domain_name=DOMAIN, page_size=101),
        [("page_size", "MaxResults")],
    ),
    (
        "list-page-size-bool",
        lambda api: api.start_list_integrations(domain_name=DOMAIN, page_size=True),
        [("page_size", "MaxResults")],
    ),
    (
        "list-include-hidden-str",
        lambda api: api.start_list_integrations(domain_name=DOMAIN, include_hidden="yes"),
        [("include_hidden", "IncludeHidden")],
    ),
    ("list-account-empty-uri", lambda api: api.start_list_account_integrations(uri=""), [("uri", "Uri")]),
    (
        "list-account-page-size-0",
        lambda api: api.start_list_account_integrations(uri=URI, page_size=0),
        [("page_size", "MaxResults")],
    ),
    (
        "list-account-page-size-101",
        lambda api: api.start_list_account_integrations(uri=URI, page_size=101),
        [("page_size", "MaxResults")],
    ),
]


@pytest.mark.parametrize(("call", "expected"), [(call, expected) for _, call, expected in CASES], ids=[c[0] for c in CASES])
def test_invalid_arguments_are_refused_before_anything_is_sent(
    api: Api, domain: str, customer_profiles_emulator: Emulator, call: Call, expected: list[tuple[str, str]]
) -> None:
    before = customer_profiles_emulator.request_count()

    with pytest.raises(ValidationError) as raised:
        call(api)

    assert isinstance(raised.value, ValueError)
    assert [(problem.path, problem.wire_path) for problem in raised.value.errors] == expected
    assert customer_profiles_emulator.request_count() == before
    assert customer_profiles_emulator.integrations(domain) == []


def test_a_valid_call_after_a_refused_one_goes_through(api: Api, domain: str, customer_profiles_emulator: Emulator) -> None:
    with pytest.raises(ValidationError):
        api.start_list_integrations(domain_name=domain, page_size=0)
    assert api.list_integrations(domain_name=domain, page_size=1) == []
    assert customer_profiles_emulator.request_count("ListIntegrations") == 1
