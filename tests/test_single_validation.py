"""One validation per call: the clients this library builds leave botocore's parameter validation off.

That is safe only if nothing botocore's ``ParamValidator`` refuses ever reaches
botocore through this library's methods. The property test below sends odd
input (any JSON value at any level, and valid requests with one constraint
botocore checks broken) through every method of a client the library built,
for every operation it covers, and catches what reaches botocore just before
it would serialize: each such request must pass ``ParamValidator``. The
documented rules are skipped there, so that as much as possible gets through;
the AWS model's own constraints are never skipped.

Also here: a client you pass in keeps its configuration; an explicit
``parameter_validation`` is kept; the clients reuse the service model the boto3
client holds instead of loading it a second time.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import botocore.validate
import pytest
from boto3.session import Session
from botocore.config import Config
from botocore.exceptions import ParamValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

import model_strategies
from support import Reached, validates
from customer_profiles_typed import CustomerProfiles, PutIntegrationRequest, ValidationError, _model, skip_rules
from customer_profiles_typed._operations import method_name
from customer_profiles_typed._wire import FIELDS, SHAPE_CLASSES
from customer_profiles_typed.aio import AsyncCustomerProfiles
from model_strategies import BOTOCORE_KINDS
from test_properties import SETTINGS
from test_properties import _quiet as _quiet  # autouse: WARN rules fire on random input

REGION = "us-east-1"
EACH = settings(SETTINGS, max_examples=50)

INTEGRATION_KEYWORDS: dict[str, dict[str, str]] = {
    "GetIntegration": {"DomainName": "domain_name", "Uri": "uri"},
    "DeleteIntegration": {"DomainName": "domain_name", "Uri": "uri"},
    "ListIntegrations": {
        "DomainName": "domain_name",
        "IncludeHidden": "include_hidden",
        "MaxResults": "page_size",
    },
    "ListAccountIntegrations": {
        "Uri": "uri",
        "IncludeHidden": "include_hidden",
        "MaxResults": "page_size",
    },
}
"""The integration operations that have keyword methods only: wire member -> keyword.

``NextToken`` is no keyword: a listing sends the token the previous page gave.
"""

REQUEST_OPERATIONS = ["PutIntegration", *model_strategies.operations()]
"""Every operation with a request class (and a ``..._request`` method)."""


def _session() -> Session:
    return Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION)


@pytest.fixture(scope="module")
def built() -> Iterator[tuple[CustomerProfiles, list[str]]]:
    """A client the library built, and botocore's report on each request that reached botocore."""
    profiles = CustomerProfiles(session=_session())
    reports: list[str] = []

    def judge(params: Any, model: Any, **_: Any) -> None:
        report = botocore.validate.ParamValidator().validate(params, model.input_shape)
        reports.append(report.generate_report())
        raise Reached

    profiles.boto3_client.meta.events.register(
        "before-parameter-build.customer-profiles", judge, unique_id="test-judge"
    )
    yield profiles, reports


def _send(call: Any) -> None:
    """Make a call; a list is iterated so that its first page is sent."""
    try:
        result = call()
        if isinstance(result, Iterator):
            next(result, None)
    except (ValidationError, Reached):
        pass


def _reached_cleanly(reports: list[str], before: int) -> None:
    for report in reports[before:]:
        assert report == "", f"botocore refuses what this library let through:\n{report}"


def _odd_requests(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    """Loose input, requests with one constraint botocore checks broken, and valid ones (which get through)."""
    mutated = model_strategies.mutations(operation, BOTOCORE_KINDS).map(lambda mutation: mutation.kwargs)
    return model_strategies.loose_requests(operation) | mutated | model_strategies.requests(operation)


def _request_class(operation: str) -> Any:
    if operation == "PutIntegration":
        return PutIntegrationRequest
    return SHAPE_CLASSES[model_strategies.input_shape(operation).name]


def _flat(operation: str) -> bool:
    """Whether no member of the input holds a structure (so every keyword takes a plain value)."""
    def holds_structure(shape: Any) -> bool:
        if shape.type_name == "list":
            return holds_structure(shape.member)
        if shape.type_name == "map":
            return holds_structure(shape.value)
        return bool(shape.type_name == "structure")

    return not any(holds_structure(member) for member in model_strategies.input_shape(operation).members.values())


KEYWORD_OPERATIONS = [operation for operation in REQUEST_OPERATIONS if _flat(operation)]


def test_the_operations_cover_every_method_of_the_client() -> None:
    """Every operation method of the client is exercised below, in one form or both."""
    covered = {method_name(operation) for operation in [*REQUEST_OPERATIONS, *INTEGRATION_KEYWORDS]}
    methods = {
        name
        for name in dir(CustomerProfiles)
        if not name.startswith("_") and callable(getattr(CustomerProfiles, name)) and not name.endswith("_request")
    }
    assert methods == covered
    assert KEYWORD_OPERATIONS, "no operation takes plain keywords only"


@pytest.mark.parametrize("operation", REQUEST_OPERATIONS)
@EACH
@given(data=st.data())
def test_request_methods_let_nothing_through_that_botocore_refuses(
    built: tuple[CustomerProfiles, list[str]], operation: str, data: Any
) -> None:
    profiles, reports = built
    kwargs = data.draw(_odd_requests(operation), label="kwargs")
    before = len(reports)
    send = getattr(profiles, f"{method_name(operation)}_request")
    with skip_rules("all"):
        _send(lambda: send(_request_class(operation).from_boto3(kwargs)))
    _reached_cleanly(reports, before)


@pytest.mark.parametrize("operation", [*KEYWORD_OPERATIONS, *INTEGRATION_KEYWORDS])
@EACH
@given(data=st.data())
def test_keyword_methods_let_nothing_through_that_botocore_refuses(
    built: tuple[CustomerProfiles, list[str]], operation: str, data: Any
) -> None:
    profiles, reports = built
    kwargs = data.draw(_odd_requests(operation), label="kwargs")
    if operation in INTEGRATION_KEYWORDS:
        names = INTEGRATION_KEYWORDS[operation]
    else:
        shape = model_strategies.input_shape(operation).name
        names = {wire: python for python, wire in FIELDS[shape].items()}
        names["MaxResults"] = "page_size"  # a list's keyword; its pages follow NextToken
    method = getattr(profiles, method_name(operation))
    parameters = inspect.signature(method).parameters
    keywords = {names[key]: value for key, value in kwargs.items() if names.get(key) in parameters}
    for name, parameter in parameters.items():
        if parameter.default is inspect.Parameter.empty:
            keywords.setdefault(name, None)  # a required value left out, as code can: None
    before = len(reports)
    with skip_rules("all"):
        _send(lambda: method(**keywords))
    _reached_cleanly(reports, before)


def test_a_valid_request_does_reach_botocore(built: tuple[CustomerProfiles, list[str]]) -> None:
    """The catch above is not vacuous: a valid call gets to botocore, and botocore agrees."""
    profiles, reports = built
    before = len(reports)
    with pytest.raises(Reached):
        profiles.get_domain(domain_name="example")
    assert reports[before:] == [""]


# --- configuration ------------------------------------------------------------------


async def __validates_async(client: Any) -> bool:
    """``_validates`` for an aiobotocore client."""

    def stop(**_: Any) -> None:
        raise Reached

    client.meta.events.register("before-call.customer-profiles.GetDomain", stop, unique_id="test-stop")
    try:
        await client.get_domain(DomainName=5)
    except ParamValidationError:
        return True
    except Reached:
        return False
    raise AssertionError("the call neither failed validation nor reached the stop")


def test_a_built_client_leaves_botocore_validation_off() -> None:
    assert not validates(CustomerProfiles(session=_session()).boto3_client)


def test_a_built_client_keeps_the_other_settings() -> None:
    config = Config(retries={"mode": "adaptive", "max_attempts": 7}, connect_timeout=3)
    client = CustomerProfiles(session=_session(), config=config).boto3_client
    assert not validates(client)
    retries = client.meta.config.retries
    assert retries is not None and retries.get("mode") == "adaptive"
    assert retries.get("total_max_attempts") == 8  # botocore counts the first try
    assert client.meta.config.connect_timeout == 3


def test_an_explicit_parameter_validation_is_kept() -> None:
    profiles = CustomerProfiles(session=_session(), config=Config(parameter_validation=True))
    assert validates(profiles.boto3_client)


def test_a_client_you_pass_in_keeps_its_configuration() -> None:
    client = _session().client("customer-profiles")
    CustomerProfiles(client)
    assert validates(client)


def test_an_opened_async_client_leaves_botocore_validation_off() -> None:
    from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
    from aiobotocore.session import get_session

    async def opened(config: Any) -> tuple[Any, bool]:
        profiles = AsyncCustomerProfiles(
            session=get_session(),
            region_name=REGION,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            config=config,
        )
        async with profiles:
            client = profiles.aiobotocore_client
            return client.meta.config, await __validates_async(client)

    config, validates = asyncio.run(opened(None))
    assert isinstance(config, AioConfig) and not validates
    config, validates = asyncio.run(opened(AioConfig(connect_timeout=4, parameter_validation=True)))
    assert isinstance(config, AioConfig) and config.connect_timeout == 4 and validates


# --- the service model ----------------------------------------------------------------


def test_the_client_model_is_adopted_when_none_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_model, "_loaded", None)
    profiles = CustomerProfiles(session=_session())
    assert _model.service_model() is profiles.boto3_client.meta.service_model


def test_a_loaded_model_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = _model.service_model()
    profiles = CustomerProfiles(session=_session())
    assert profiles.boto3_client.meta.service_model is not loaded
    assert _model.service_model() is loaded


def test_a_stand_in_without_a_service_model_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_model, "_loaded", None)

    class Meta:
        service_model = "not a model"

    class StandIn:
        meta = Meta()

    _model.adopt(StandIn())
    assert _model.service_model().service_name == _model.SERVICE_NAME
