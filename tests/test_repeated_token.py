"""A service that repeats a NextToken ends the listing with ``TransportError``, never a loop.

Each list is driven on botocore's (and aiobotocore's) Stubber: two real pages,
then a page whose token was handed out before. The items before the repeat are
yielded; then the listing stops with an error naming the operation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.stub import Stubber

from customer_profiles_typed import AsyncCustomerProfiles, CustomerProfiles, TransportError
from test_resources_async import run

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
URI = "arn:aws:appflow:us-east-1:123456789012:flow/f"


def _integration(number: int) -> dict[str, Any]:
    return {"DomainName": "d", "Uri": f"{URI}{number}", "CreatedAt": NOW, "LastUpdatedAt": NOW}


def _domain(number: int) -> dict[str, Any]:
    return {"DomainName": f"d{number}", "CreatedAt": NOW, "LastUpdatedAt": NOW}


def _queue(stubber: Any, method: str, params: dict[str, Any], items: Callable[[int], dict[str, Any]]) -> None:
    """Page 1 gives token a, page 2 token b, page 3 token a again."""
    stubber.add_response(method, {"Items": [items(1)], "NextToken": "a"}, params)
    stubber.add_response(method, {"Items": [items(2)], "NextToken": "b"}, {**params, "NextToken": "a"})
    stubber.add_response(method, {"Items": [items(3)], "NextToken": "a"}, {**params, "NextToken": "b"})


def _consume(items: Iterator[Any], found: list[Any]) -> None:
    for item in items:
        found.append(item)


def test_a_repeated_token_stops_list_integrations(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        _queue(stubber, "list_integrations", {"DomainName": "d"}, _integration)
        found: list[Any] = []
        with pytest.raises(TransportError) as caught:
            _consume(CustomerProfiles(boto3_client).list_integrations(domain_name="d"), found)
        stubber.assert_no_pending_responses()
    assert [item.uri for item in found] == [f"{URI}1", f"{URI}2", f"{URI}3"]
    assert caught.value.operation == "ListIntegrations"
    assert "repeated a NextToken" in str(caught.value)


def test_a_repeated_token_stops_a_generated_list(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        _queue(stubber, "list_domains", {}, _domain)
        found: list[Any] = []
        with pytest.raises(TransportError) as caught:
            _consume(CustomerProfiles(boto3_client).list_domains(), found)
    assert [item.domain_name for item in found] == ["d1", "d2", "d3"]
    assert caught.value.operation == "ListDomains"
    assert "repeated a NextToken" in str(caught.value)


def test_a_repeated_token_stops_an_async_list() -> None:
    from aiobotocore.stub import AioStubber  # type: ignore[import-untyped]

    async def scenario(client: Any) -> tuple[list[str], str]:
        found: list[str] = []
        with AioStubber(client) as stubber:
            _queue(stubber, "list_domains", {}, _domain)
            with pytest.raises(TransportError) as caught:
                async for domain in AsyncCustomerProfiles(client).list_domains():
                    found.append(domain.domain_name)
        return found, str(caught.value)

    found, message = run(scenario)
    assert found == ["d1", "d2", "d3"]
    assert "repeated a NextToken" in message


def test_distinct_tokens_are_followed_to_the_end(make_client: Callable[..., Any]) -> None:
    boto3_client = make_client()
    with Stubber(boto3_client) as stubber:
        stubber.add_response("list_domains", {"Items": [_domain(1)], "NextToken": "a"}, {})
        stubber.add_response("list_domains", {"Items": [_domain(2)], "NextToken": "b"}, {"NextToken": "a"})
        stubber.add_response("list_domains", {"Items": [_domain(3)]}, {"NextToken": "b"})
        names = [domain.domain_name for domain in CustomerProfiles(boto3_client).list_domains()]
    assert names == ["d1", "d2", "d3"]
