"""Where the emulator used to differ from the service: each difference, now answered as AWS answers.

One test (or a few) per difference: the setup's operations are served, NextTokens
are short, opaque and bound to their request, an integration URI belongs to
one domain, a re-put keeps an integration's tags, and ``IsUnstructured``,
``Scope`` and ``EventTriggerNames`` are answered as the model documents them.
"""

from __future__ import annotations

import base64
import binascii
import runpy
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from customer_profiles_typed import CustomerProfiles
from customer_profiles_typed.testing._errors import ServiceError
from customer_profiles_typed.testing._pagination import TokenBook
from customer_profiles_typed.testing._state import Store

from ._boto import ClientError, error_response
from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "whole_setup.py"
CONNECT_URI = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
CONDITIONS: Any = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "total", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]


def _code(error: BaseException) -> str:
    code: str = error_response(error)["Error"]["Code"]
    return code


# --- The setup's operations are served ------------------------------------------------


def test_the_readme_whole_setup_runs_against_the_emulator(customer_profiles_client: CustomerProfilesClient) -> None:
    example = runpy.run_path(str(EXAMPLE), run_name="whole_setup")
    profiles = CustomerProfiles(customer_profiles_client)
    uri = example["apply"](profiles, example["plan"](), region="us-east-1")

    domain = example["DOMAIN"]
    integration = profiles.get_integration(domain_name=domain, uri=uri)
    assert integration.event_trigger_names == (example["TRIGGER"],)
    assert integration.tags == example["TAGS"]
    object_type = profiles.get_profile_object_type(domain_name=domain, object_type_name=example["OBJECT_TYPE"])
    assert object_type.tags == example["TAGS"]
    assert object_type.fields is not None and set(object_type.fields) == set(example["COLUMNS"])
    trigger = profiles.get_event_trigger(domain_name=domain, event_trigger_name=example["TRIGGER"])
    assert trigger.object_type_name == example["OBJECT_TYPE"]


# --- NextToken ---------------------------------------------------------------------------


def test_a_token_after_a_long_escaped_key_stays_within_1024_characters(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    # 255 characters that a JSON encoding escapes to six each.
    uris = ["é" * 254 + letter for letter in "ab"]
    for uri in uris:
        customer_profiles_client.put_integration(DomainName=domain, Uri=uri, ObjectTypeName="T")
    first = customer_profiles_client.list_integrations(DomainName=domain, MaxResults=1)
    token = first["NextToken"]
    assert len(token) <= 64
    rest = customer_profiles_client.list_integrations(DomainName=domain, MaxResults=1, NextToken=token)
    assert [item["Uri"] for item in [*first["Items"], *rest["Items"]]] == uris
    assert "NextToken" not in rest


def test_a_token_tells_nothing_of_the_listing(customer_profiles_client: CustomerProfilesClient) -> None:
    for name in ("alpha-domain", "beta-domain"):
        customer_profiles_client.create_domain(DomainName=name, DefaultExpirationDays=3)
    token = customer_profiles_client.list_domains(MaxResults=1)["NextToken"]
    assert "alpha" not in token
    padded = token + "=" * (-len(token) % 4)
    try:
        decoded = base64.urlsafe_b64decode(padded.encode())
    except (ValueError, binascii.Error):
        decoded = b""
    assert b"alpha" not in decoded


def test_a_token_of_another_operation_is_a_bad_request(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    customer_profiles_client.create_domain(DomainName="second-domain", DefaultExpirationDays=3)
    for index in range(3):
        customer_profiles_client.put_integration(
            DomainName=domain, Uri=f"{CONNECT_URI}-{index}", ObjectTypeName="T"
        )
    domains_token = customer_profiles_client.list_domains(MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.list_integrations(DomainName=domain, NextToken=domains_token)
    assert _code(raised.value) == "BadRequestException"
    assert error_response(raised.value)["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_a_token_of_another_domain_is_a_bad_request(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    customer_profiles_client.create_domain(DomainName="second-domain", DefaultExpirationDays=3)
    for index in range(3):
        customer_profiles_client.put_integration(DomainName=domain, Uri=f"{CONNECT_URI}-{index}", ObjectTypeName="T")
        customer_profiles_client.put_integration(
            DomainName="second-domain", Uri=f"{CONNECT_URI}-other-{index}", ObjectTypeName="T"
        )
    token = customer_profiles_client.list_integrations(DomainName=domain, MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.list_integrations(DomainName="second-domain", MaxResults=1, NextToken=token)
    assert _code(raised.value) == "BadRequestException"


def test_a_token_of_another_filter_is_a_bad_request(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    for index in range(3):
        customer_profiles_client.put_integration(DomainName=domain, Uri=f"{CONNECT_URI}-{index}", ObjectTypeName="T")
    token = customer_profiles_client.list_integrations(DomainName=domain, MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.list_integrations(DomainName=domain, IncludeHidden=True, NextToken=token)
    assert _code(raised.value) == "BadRequestException"


def test_a_token_serves_its_own_request_again_and_any_page_size(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    uris = [f"{CONNECT_URI}-{index}" for index in range(4)]
    for uri in uris:
        customer_profiles_client.put_integration(DomainName=domain, Uri=uri, ObjectTypeName="T")
    token = customer_profiles_client.list_integrations(DomainName=domain, MaxResults=1)["NextToken"]
    # A retried call gets the same token; the token resumes with any MaxResults.
    assert customer_profiles_client.list_integrations(DomainName=domain, MaxResults=1)["NextToken"] == token
    rest = customer_profiles_client.list_integrations(DomainName=domain, MaxResults=10, NextToken=token)
    assert [item["Uri"] for item in rest["Items"]] == uris[1:]


def test_a_book_forgets_its_least_recently_used_tokens() -> None:
    book = TokenBook(capacity=2)
    first = book.issue("scope", "a")
    second = book.issue("scope", "b")
    assert book.resolve(first, "scope") == "a"  # now the most recently used
    book.issue("scope", "c")
    assert len(book) == 2
    assert book.resolve(first, "scope") == "a"
    with pytest.raises(ServiceError) as raised:
        book.resolve(second, "scope")
    assert raised.value.code == "BadRequestException"
    assert "expired" in raised.value.message


def test_a_token_of_another_store_is_unknown() -> None:
    # Each account and region has a store, and each store its own book.
    mine, theirs = Store(), Store()
    token = mine.tokens.issue("scope", "a")
    with pytest.raises(ServiceError):
        theirs.tokens.resolve(token, "scope")


# --- One integration, one domain ----------------------------------------------------


def test_a_uri_of_another_domain_is_refused(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    customer_profiles_client.create_domain(DomainName="second-domain", DefaultExpirationDays=3)
    customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T")
    with pytest.raises(ClientError) as raised:
        customer_profiles_client.put_integration(DomainName="second-domain", Uri=CONNECT_URI, ObjectTypeName="T")
    assert error_response(raised.value)["Error"] == {
        "Code": "BadRequestException",
        "Message": f"Integration {CONNECT_URI} already belongs to domain {domain}.",
    }
    assert customer_profiles_client.list_integrations(DomainName="second-domain")["Items"] == []
    listed = customer_profiles_client.list_account_integrations(Uri=CONNECT_URI)["Items"]
    assert [item["DomainName"] for item in listed] == [domain]

    # Once deleted from its domain, the URI may go to another.
    customer_profiles_client.delete_integration(DomainName=domain, Uri=CONNECT_URI)
    moved = customer_profiles_client.put_integration(DomainName="second-domain", Uri=CONNECT_URI, ObjectTypeName="T")
    assert moved["DomainName"] == "second-domain"


# --- Tags of an existing integration -------------------------------------------------


def test_a_re_put_without_tags_keeps_the_integrations_tags(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T", Tags={"a": "1"})
    again = customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="U")
    assert again["Tags"] == {"a": "1"}
    assert customer_profiles_client.get_integration(DomainName=domain, Uri=CONNECT_URI)["Tags"] == {"a": "1"}


def test_tags_sent_on_a_re_put_are_added_as_tag_resource_adds_them(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    customer_profiles_client.put_integration(
        DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T", Tags={"a": "1", "b": "2"}
    )
    again = customer_profiles_client.put_integration(
        DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T", Tags={"b": "changed", "c": "3"}
    )
    assert again["Tags"] == {"a": "1", "b": "changed", "c": "3"}


# --- IsUnstructured, Scope, EventTriggerNames --------------------------------------------


def test_is_unstructured_is_true_exactly_for_the_unstructured_object_type(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    flow = make_flow_definition("raw-import")
    put = customer_profiles_client.put_integration(
        DomainName=domain, ObjectTypeName="_unstructured", FlowDefinition=flow
    )
    assert put["IsUnstructured"] is True
    assert customer_profiles_client.get_integration(DomainName=domain, Uri=put["Uri"])["IsUnstructured"] is True
    listed = customer_profiles_client.list_integrations(DomainName=domain)["Items"]
    assert [item["IsUnstructured"] for item in listed] == [True]

    structured = customer_profiles_client.put_integration(
        DomainName=domain, ObjectTypeName="CustomerRecord", FlowDefinition=flow
    )
    assert structured["IsUnstructured"] is False


def test_scope_is_profile_when_none_was_sent(customer_profiles_client: CustomerProfilesClient, domain: str) -> None:
    put = customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T")
    assert put["Scope"] == "PROFILE"
    assert customer_profiles_client.get_integration(DomainName=domain, Uri=CONNECT_URI)["Scope"] == "PROFILE"
    assert customer_profiles_client.list_integrations(DomainName=domain)["Items"][0]["Scope"] == "PROFILE"
    listed = customer_profiles_client.list_account_integrations(Uri=CONNECT_URI)["Items"]
    assert listed[0]["Scope"] == "PROFILE"
    domain_scoped = customer_profiles_client.put_integration(
        DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T", Scope="DOMAIN"
    )
    assert domain_scoped["Scope"] == "DOMAIN"


def test_event_trigger_names_are_an_empty_list_where_the_model_says_so(
    customer_profiles_client: CustomerProfilesClient, domain: str
) -> None:
    put = customer_profiles_client.put_integration(DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T")
    assert put["EventTriggerNames"] == []
    assert customer_profiles_client.get_integration(DomainName=domain, Uri=CONNECT_URI)["EventTriggerNames"] == []
    # List items answer the same, so an integration reads back equal from any call.
    assert customer_profiles_client.list_integrations(DomainName=domain)["Items"][0]["EventTriggerNames"] == []

    customer_profiles_client.create_event_trigger(
        DomainName=domain, EventTriggerName="big-order", ObjectTypeName="T", EventTriggerConditions=CONDITIONS
    )
    named = customer_profiles_client.put_integration(
        DomainName=domain, Uri=CONNECT_URI, ObjectTypeName="T", EventTriggerNames=["big-order"]
    )
    assert named["EventTriggerNames"] == ["big-order"]
    assert customer_profiles_client.list_integrations(DomainName=domain)["Items"][0]["EventTriggerNames"] == [
        "big-order"
    ]
