"""The object type, event trigger, tag and domain methods of ``AsyncCustomerProfiles``, end to end.

Every method runs through a real aiobotocore client, in two ways that never
reach AWS: on aiobotocore's ``AioStubber``, which checks the exact params the
client receives; and over the HTTP request botocore serializes, which a
``before-send`` handler reads back into params (with the emulator's request
parser) and answers with a JSON body (with its serializer), so the answer goes
through botocore's parser too. The domain operations also run against the
emulator itself. The cases are those of the sync tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import pytest
from aiobotocore.awsrequest import AioAWSResponse  # type: ignore[import-untyped]
from aiobotocore.session import AioSession, get_session
from aiobotocore.stub import AioStubber  # type: ignore[import-untyped]
from botocore.config import Config

from customer_profiles_typed import (
    ResourceNotFoundError,
    ServiceError,
    TransportError,
    ValidationError,
)
from customer_profiles_typed.aio import AsyncCustomerProfiles, AsyncIntegrationClient
from customer_profiles_typed.testing import Emulator
from customer_profiles_typed.testing._botocore import service_model
from customer_profiles_typed.testing._routes import Router, parse_request
from customer_profiles_typed.testing._serialize import serialize_output
from test_resources_sync import ANSWERED, CASES, LISTS, MATCHING, MATCHING_READ, Case, bad_response, two_pages

T = TypeVar("T")

REGION = "us-east-1"
ACCESS_KEY_ID = "AKIDEXAMPLE"
SECRET_ACCESS_KEY = "example-secret"
NO_RETRIES = Config(retries={"mode": "standard", "total_max_attempts": 1})


@functools.lru_cache(maxsize=1)
def _aio_session() -> AioSession:
    # One session for every client: its loader parses the service model once.
    return get_session()


@contextlib.asynccontextmanager
async def aio_client(endpoint_url: str | None = None) -> AsyncIterator[Any]:
    """An open aiobotocore customer-profiles client with dummy keys and no retries."""
    async with _aio_session().create_client(
        "customer-profiles",
        region_name=REGION,
        endpoint_url=endpoint_url,
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_ACCESS_KEY,
        config=NO_RETRIES,
    ) as client:
        yield client


def run(scenario: Callable[[Any], Coroutine[Any, Any, T]]) -> T:
    """Run ``scenario(aiobotocore_client)`` on a new event loop."""

    async def main() -> T:
        async with aio_client() as client:
            return await scenario(client)

    return asyncio.run(main())


async def call(profiles: AsyncCustomerProfiles, method: str, arguments: dict[str, Any]) -> Any:
    """Call a method; a list is consumed whole, anything else awaited."""
    result = getattr(profiles, method)(**arguments)
    if isinstance(result, AsyncIterator):
        return [item async for item in result]
    awaited: Awaitable[Any] = result
    return await awaited


def sent_operations(client: Any) -> list[str]:
    """A list that fills with the operation of every call the client starts to make."""
    sent: list[str] = []

    def record(model: Any, **_: Any) -> None:
        sent.append(model.name)

    client.meta.events.register("before-parameter-build.customer-profiles", record)
    return sent


# --- every method, on aiobotocore's stubber -----------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_method_sends_exactly_its_params_and_reads_the_answer(case: Case) -> None:
    async def scenario(client: Any) -> Any:
        with AioStubber(client) as stubber:
            stubber.add_response(case.method, case.response, case.params)
            result = await call(AsyncCustomerProfiles(client), case.method, case.arguments)
            stubber.assert_no_pending_responses()
        return result

    assert run(scenario) == case.expected


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_request_variant_sends_the_request_unchanged(case: Case) -> None:
    request = case.request_class.from_boto3(case.params)

    async def scenario(client: Any) -> Any:
        with AioStubber(client) as stubber:
            stubber.add_response(case.method, case.response, case.params)
            result = getattr(AsyncCustomerProfiles(client), f"{case.method}_request")(request)
            if isinstance(result, AsyncIterator):
                result = [item async for item in result]
            else:
                result = await result
            stubber.assert_no_pending_responses()
        return result

    assert run(scenario) == case.expected


# --- every method, over the HTTP request botocore builds -----------------------------------


class _Body:
    """The raw body of a canned HTTP answer, read the way aiobotocore reads aiohttp's."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    async def read(self) -> bytes:
        return self._content


def answer_from_the_wire(client: Any, case: Case, seen: list[dict[str, Any]]) -> None:
    """Read each HTTP request of ``case`` back into params (into ``seen``) and answer it in JSON."""
    router = Router(service_model())

    def answer(request: Any, **_: Any) -> Any:
        url = urllib.parse.urlsplit(request.url)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        resolved = router.resolve(request.method, url.path, query)
        assert resolved is not None, f"no operation serves {request.method} {url.path}"
        operation, labels = resolved
        assert operation.name == case.operation
        body = request.body if isinstance(request.body, bytes) else (request.body or "").encode()
        seen.append(parse_request(operation, labels, query, dict(request.headers.items()), body))
        headers, content = serialize_output(operation.output_shape, case.response)
        headers = {"x-amzn-RequestId": "req-7", "Content-Type": "application/json", **headers}
        return AioAWSResponse(request.url, 200, headers, _Body(content))

    client.meta.events.register(f"before-send.customer-profiles.{case.operation}", answer)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_method_round_trips_through_the_serialized_http_request(case: Case) -> None:
    seen: list[dict[str, Any]] = []

    async def scenario(client: Any) -> Any:
        answer_from_the_wire(client, case, seen)
        return await call(AsyncCustomerProfiles(client), case.method, case.arguments)

    result = run(scenario)
    assert seen == [case.params]
    assert result == case.expected
    if hasattr(result, "request_id"):
        assert result.request_id == "req-7"


# --- pagination, errors, validation ----------------------------------------------------------


@pytest.mark.parametrize("case", LISTS, ids=str)
def test_lists_fetch_their_pages_lazily_over_next_token(case: Case) -> None:
    params, pages = two_pages(case)

    async def scenario(client: Any) -> None:
        sent = sent_operations(client)
        with AioStubber(client) as stubber:
            for expected, page in zip(params, pages):
                stubber.add_response(case.method, page, expected)
            items = getattr(AsyncCustomerProfiles(client), case.method)(**{**case.arguments, "page_size": 1})
            assert sent == []
            assert await anext(items) == case.expected[0]
            assert sent == [case.operation]
            assert await anext(items) == case.expected[1]
            assert sent == [case.operation] * 2
            assert [item async for item in items] == []
            stubber.assert_no_pending_responses()

    run(scenario)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_service_errors_map_to_their_class(case: Case) -> None:
    async def scenario(client: Any) -> ServiceError:
        with AioStubber(client) as stubber:
            stubber.add_client_error(
                case.method,
                service_error_code="ResourceNotFoundException",
                service_message="no such thing",
                http_status_code=404,
                response_meta={"RequestId": "req-9"},
            )
            with pytest.raises(ServiceError) as caught:
                await call(AsyncCustomerProfiles(client), case.method, case.arguments)
        return caught.value

    error = run(scenario)
    assert type(error) is ResourceNotFoundError
    assert (error.code, error.message, error.http_status, error.request_id, error.operation) == (
        "ResourceNotFoundException",
        "no such thing",
        404,
        "req-9",
        case.operation,
    )


@pytest.mark.parametrize("case", CASES, ids=str)
def test_invalid_arguments_raise_validation_error_and_send_nothing(case: Case) -> None:
    async def scenario(client: Any) -> tuple[list[str], ValidationError]:
        sent = sent_operations(client)
        with AioStubber(client):
            with pytest.raises(ValidationError) as caught:
                await call(AsyncCustomerProfiles(client), case.method, case.bad_arguments)
        return sent, caught.value

    sent, error = run(scenario)
    assert sent == []
    assert {problem.path for problem in error.errors} == {case.bad_path}


@pytest.mark.parametrize("case", LISTS, ids=str)
def test_a_list_checks_its_arguments_before_it_is_iterated(case: Case) -> None:
    async def scenario(client: Any) -> None:
        with pytest.raises(ValidationError):
            getattr(AsyncCustomerProfiles(client), case.method)(**case.bad_arguments)

    run(scenario)


@pytest.mark.parametrize("case", ANSWERED, ids=str)
def test_an_unreadable_answer_is_a_transport_error(case: Case) -> None:
    async def scenario(client: Any) -> TransportError:
        def answer(**_: Any) -> tuple[Any, dict[str, Any]]:
            return AioAWSResponse("https://profile.us-east-1.amazonaws.com", 200, {}, None), bad_response(case)

        client.meta.events.register(f"before-call.customer-profiles.{case.operation}", answer)
        with pytest.raises(TransportError) as caught:
            await call(AsyncCustomerProfiles(client), case.method, case.arguments)
        return caught.value

    error = run(scenario)
    assert error.operation == case.operation
    assert isinstance(error.__cause__, ValidationError)


def test_sensitive_members_never_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="customer_profiles_typed")
    case = next(case for case in CASES if case.method == "create_event_trigger")

    async def scenario(client: Any) -> None:
        with AioStubber(client) as stubber:
            stubber.add_response(case.method, case.response, case.params)
            await AsyncCustomerProfiles(client).create_event_trigger(**case.arguments)

    run(scenario)
    text = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("customer_profiles_typed"))
    assert "CreateEventTrigger domain_name=my-domain event_trigger_name=high-value-order" in text
    assert "event_trigger_conditions=<sensitive>" in text and "description=<sensitive>" in text
    for secret in ("_source.total", "Orders over 100", "GREATER_THAN"):
        assert secret not in text


def test_the_client_keeps_its_old_name_and_shows_its_own() -> None:
    assert AsyncIntegrationClient is AsyncCustomerProfiles
    assert repr(AsyncCustomerProfiles(region_name="eu-west-1")) == "AsyncCustomerProfiles(region_name='eu-west-1')"


# --- domains against the emulator -----------------------------------------------------------


def test_domain_operations_against_the_emulator() -> None:
    async def scenario(emulator: Emulator) -> None:
        async with aio_client(emulator.endpoint_url) as raw:
            profiles = AsyncCustomerProfiles(raw)
            created = await profiles.create_domain(
                domain_name="shop", default_expiration_days=30, matching=MATCHING, tags={"team": "crm"}
            )
            assert (created.domain_name, created.default_expiration_days, created.matching) == (
                "shop",
                30,
                MATCHING_READ,
            )
            assert created.request_id and created.created_at.tzinfo is not None
            await profiles.create_domain(domain_name="travel", default_expiration_days=7)
            fetched = await profiles.get_domain(domain_name="shop")
            assert (fetched.created_at, fetched.tags) == (created.created_at, {"team": "crm"})
            listed = [domain.domain_name async for domain in profiles.list_domains(page_size=1)]
            assert listed == ["shop", "travel"]
            assert emulator.request_count("ListDomains") == 2
            assert "shop" in await profiles.delete_domain(domain_name="shop")
            with pytest.raises(ResourceNotFoundError) as caught:
                await profiles.get_domain(domain_name="shop")
            assert caught.value.operation == "GetDomain"

    with Emulator(access_key_id=ACCESS_KEY_ID, secret_access_key=SECRET_ACCESS_KEY) as emulator:
        asyncio.run(scenario(emulator))
