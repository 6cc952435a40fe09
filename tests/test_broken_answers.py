"""Answers that cannot be read are ``TransportError`` naming the operation, never "nothing there".

Over real HTTP, sync and async: a scripted raw server (``raw_http``) sends
what no endpoint should (an HTML page, an empty or cut-short body, a JSON
array, ``null``, timestamps botocore's parser chokes on), and the emulator's
``malformed_body`` fault. A JSON object that is well formed but lacks what
the model requires is a ``TransportError`` too; one that only omits an
optional ``Items`` is an empty page, as AWS sends it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Any, cast

import boto3
import pytest
from botocore.config import Config

from customer_profiles_typed import AsyncCustomerProfiles, CustomerProfiles, TransportError, ValidationError
from customer_profiles_typed.testing import Emulator
from raw_http import Answer, RawServer
from test_resources_sync import CASES

FLAVORS = ["sync", "async"]
URI = "arn:aws:appflow:us-east-1:123456789012:flow/f"
ACCESS_KEY_ID, SECRET_ACCESS_KEY, REGION = "AKIDEXAMPLE", "example-secret", "us-east-1"
ONE_ATTEMPT = Config(retries={"mode": "standard", "total_max_attempts": 1})

INTEGRATION_CALLS: list[tuple[str, str, dict[str, Any]]] = [
    ("PutIntegration", "put_integration", {"domain_name": "d", "uri": URI, "object_type_name": "T"}),
    ("GetIntegration", "get_integration", {"domain_name": "d", "uri": URI}),
    ("ListIntegrations", "list_integrations", {"domain_name": "d"}),
    ("ListAccountIntegrations", "list_account_integrations", {"uri": URI}),
    ("DeleteIntegration", "delete_integration", {"domain_name": "d", "uri": URI}),
]
EVERY_CALL = INTEGRATION_CALLS + [(case.operation, case.method, case.arguments) for case in CASES]
"""(operation, method, arguments) of every method of the clients."""


def sync_profiles(url: str, config: Config = ONE_ATTEMPT, **options: Any) -> CustomerProfiles:
    """A sync client of ``url`` (one attempt per call unless ``config`` says otherwise)."""
    session = boto3.session.Session(
        aws_access_key_id=ACCESS_KEY_ID, aws_secret_access_key=SECRET_ACCESS_KEY, region_name=REGION
    )
    client = session.client("customer-profiles", endpoint_url=url, config=config)
    return CustomerProfiles(client, **options)


def sync_call(profiles: CustomerProfiles, method: str, arguments: dict[str, Any]) -> Any:
    """Call a method; a list is consumed whole."""
    result = getattr(profiles, method)(**arguments)
    return list(result) if isinstance(result, Iterator) else result


async def async_call(profiles: AsyncCustomerProfiles, method: str, arguments: dict[str, Any]) -> Any:
    """Call a method, awaited; a list is consumed whole."""
    result = getattr(profiles, method)(**arguments)
    if isinstance(result, AsyncIterator):
        return [item async for item in result]
    awaited: Awaitable[Any] = result
    return await awaited


def outcomes(
    flavor: str,
    url: str,
    calls: list[tuple[str, str, dict[str, Any]]],
    config: Config = ONE_ATTEMPT,
    **options: Any,
) -> list[BaseException | Any]:
    """What each call gives against ``url``: its result or the exception it raised (one client for all).

    ``config`` is the botocore client's; ``options`` go to the typed client.
    """
    if flavor == "sync":
        profiles = sync_profiles(url, config, **options)
        found: list[BaseException | Any] = []
        for _, method, arguments in calls:
            try:
                found.append(sync_call(profiles, method, arguments))
            except Exception as error:
                found.append(error)
        return found

    async def each() -> list[BaseException | Any]:
        async with AsyncCustomerProfiles(
            endpoint_url=url,
            config=config,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            **options,
        ) as profiles:
            results: list[BaseException | Any] = []
            for _, method, arguments in calls:
                try:
                    results.append(await async_call(profiles, method, arguments))
                except Exception as error:
                    results.append(error)
            return results

    return asyncio.run(each())


def one_outcome(
    flavor: str, url: str, operation: str, method: str, arguments: dict[str, Any], **options: Any
) -> Any:
    """What one call gives: its result, or the exception it raised (``options`` as for ``outcomes``)."""
    return outcomes(flavor, url, [(operation, method, arguments)], **options)[0]


LIST = ("ListIntegrations", "list_integrations", {"domain_name": "d"})

BROKEN_PAGES = {
    "html": Answer.json(b"<html><body>502 Bad Gateway</body></html>", content_type="text/html"),
    "empty": Answer.json(b""),
    "cut-short": Answer.json(b'{"Items": [{"DomainName": "d", "Ur', content_length=400),
    "cut-short-unframed": Answer.json(b'{"Items": [{"DomainName": "d", "Ur', content_length=-1),
    "array": Answer.json(b"[]"),
    "null": Answer.json(b"null"),
    "string": Answer.json(b'"Items"'),
    "number": Answer.json(b"42"),
    "too-deep": Answer.json(b"[" * 5000 + b"]" * 5000),
}


REASONS = {
    "html": "the body is not JSON (text/html, 41 bytes)",
    "empty": "the body is empty",
    "cut-short": "the body is 34 bytes where its Content-Length says 400",
    "cut-short-unframed": "the body is not JSON (application/json, 34 bytes)",
    "array": "the body is a JSON array, not a JSON object",
    "null": "the body is JSON null, not a JSON object",
    "string": "the body is a JSON string, not a JSON object",
    "number": "the body is a JSON number, not a JSON object",
    "too-deep": "the body nests too deeply to be read (10000 bytes)",
}
"""What the error says of each broken page (after "the response could not be read: ")."""

# aiohttp itself refuses a body shorter than its Content-Length (ConnectionClosedError,
# a TransportError already); urllib3 is told not to under botocore.
BROKEN_CASES = [(kind, flavor) for kind in BROKEN_PAGES for flavor in FLAVORS if (kind, flavor) != ("cut-short", "async")]


@pytest.mark.parametrize(("kind", "flavor"), BROKEN_CASES, ids=[f"{kind}-{flavor}" for kind, flavor in BROKEN_CASES])
def test_a_list_page_that_is_not_a_json_object_is_never_an_empty_list(kind: str, flavor: str) -> None:
    with RawServer(BROKEN_PAGES[kind]) as server:
        outcome = one_outcome(flavor, server.url, *LIST)
    assert server.requests == ["GET /domains/d/integrations HTTP/1.1"]
    assert isinstance(outcome, TransportError), outcome
    assert outcome.operation == "ListIntegrations"
    assert str(outcome) == f"ListIntegrations failed: the response could not be read: {REASONS[kind]}"


@pytest.mark.parametrize("flavor", FLAVORS)
def test_a_json_object_is_judged_by_the_model(flavor: str) -> None:
    # The model makes Items optional: a list with nothing in it may come without.
    for body in (b"{}", b'{"Items": []}'):
        with RawServer(Answer.json(body)) as server:
            assert one_outcome(flavor, server.url, *LIST) == []
    # A get must answer its required members.
    with RawServer(Answer.json(b"{}")) as server:
        found = outcomes(
            flavor,
            server.url,
            [
                ("GetIntegration", "get_integration", {"domain_name": "d", "uri": URI}),
                ("GetDomain", "get_domain", {"domain_name": "d"}),
            ],
        )
    for outcome in found:
        assert isinstance(outcome, TransportError)
        assert isinstance(outcome.__cause__, ValidationError)
        assert {problem.rule for problem in outcome.__cause__.errors} == {"required"}
    # And a page that is no JSON object is never one with nothing in it.
    with RawServer(BROKEN_PAGES["html"]) as server:
        assert isinstance(one_outcome(flavor, server.url, *LIST), TransportError)


@pytest.mark.parametrize("flavor", FLAVORS)
def test_every_method_reads_a_broken_answer_as_a_transport_error(flavor: str) -> None:
    for body in (b"[]", b"null", b"<html></html>"):
        with RawServer(Answer.json(body)) as server:
            found = outcomes(flavor, server.url, EVERY_CALL)
        assert len(server.requests) == len(EVERY_CALL)
        wrong = [
            (operation, body, outcome)
            for (operation, _, _), outcome in zip(EVERY_CALL, found)
            if not (isinstance(outcome, TransportError) and outcome.operation == operation)
        ]
        assert wrong == []


PARSER_FAILURES = {
    "a word for a time": (b'"yesterday"', ValueError),
    "a time out of range": (b"1e300", RuntimeError),
}


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("value", list(PARSER_FAILURES))
def test_what_botocores_parser_cannot_read_is_a_transport_error(flavor: str, value: str) -> None:
    created, raw_error = PARSER_FAILURES[value]
    item = b'{"DomainName": "d", "Uri": "u", "CreatedAt": %s, "LastUpdatedAt": 1}' % created
    calls = [
        ("ListIntegrations", "list_integrations", {"domain_name": "d"}, b'{"Items": [%s]}' % item),
        ("GetIntegration", "get_integration", {"domain_name": "d", "uri": URI}, item),
        ("GetDomain", "get_domain", {"domain_name": "d"}, b'{"DomainName": "d", "CreatedAt": %s, "LastUpdatedAt": 1}' % created),
    ]
    for operation, method, arguments, body in calls:
        with RawServer(Answer.json(body)) as server:
            outcome = one_outcome(flavor, server.url, operation, method, arguments)
        assert isinstance(outcome, TransportError), (operation, outcome)
        assert outcome.operation == operation
        assert str(outcome).startswith(f"{operation} failed: the response could not be read: {raw_error.__name__}")
        assert isinstance(outcome.__cause__, raw_error)


@pytest.mark.parametrize("flavor", FLAVORS)
def test_the_emulators_malformed_body_is_a_transport_error_for_generated_operations(flavor: str) -> None:
    with Emulator(verify_signatures=False) as emulator:
        emulator.client().create_domain(DomainName="shop", DefaultExpirationDays=3)
        emulator.inject_fault("ListDomains", malformed_body=True)
        emulator.inject_fault("GetDomain", malformed_body=True)
        found = outcomes(
            flavor,
            emulator.endpoint_url,
            [("ListDomains", "list_domains", {}), ("GetDomain", "get_domain", {"domain_name": "shop"})] * 2,
        )
    assert [type(outcome).__name__ for outcome in found[:2]] == ["TransportError", "TransportError"]
    assert all("the body is not JSON" in str(outcome) for outcome in found[:2])
    # Once the faults are used up, the same calls read the domain.
    listed = cast("list[Any]", found[2])
    assert [domain.domain_name for domain in listed] == ["shop"]
    got: Any = found[3]
    assert got.domain_name == "shop"


def test_calls_made_on_the_boto3_client_directly_are_left_as_they_were() -> None:
    # The checks act only on the calls this library makes: the wrapped client keeps botocore's reading.
    with RawServer(Answer.json(b"<html></html>", content_type="text/html")) as server:
        profiles = sync_profiles(server.url)
        boto3_client: Any = profiles.boto3_client
        direct = boto3_client.list_integrations(DomainName="d")
        with pytest.raises(TransportError):
            list(profiles.list_integrations(domain_name="d"))
    assert "Items" not in direct
    assert direct["ResponseMetadata"]["HTTPStatusCode"] == 200
