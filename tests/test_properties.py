"""Property tests: generated valid requests pass, generated invalid ones are refused.

The oracle is the installed botocore model and botocore itself, never a list
written here: valid requests come from the model's shapes (``strategies``), and
botocore's ``ParamValidator`` and REST-JSON serializer judge what we send.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strategies
from customer_profiles_typed import Integration, PutIntegrationRequest, ValidationError, ValidationWarning
from support import botocore_errors, serialize

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
FEW = settings(SETTINGS, max_examples=25)
MANY = settings(SETTINGS, max_examples=2000)
"""For the central claim: thousands of valid requests pass, and botocore agrees."""


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    """WARN rules fire on random input; they are tested one by one in test_rules.py."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidationWarning)
        yield


def _wire_paths(error: ValidationError) -> list[str]:
    return [problem.wire_path for problem in error.errors]


@MANY
@given(strategies.requests())
def test_generated_valid_requests_pass_and_botocore_agrees(kwargs: dict[str, Any]) -> None:
    assert botocore_errors(kwargs) == ""
    request = PutIntegrationRequest.from_boto3(kwargs)
    sent = request.to_boto3()
    assert botocore_errors(sent) == ""
    assert serialize(sent)


@SETTINGS
@given(strategies.requests(with_flow=True))
def test_round_trip_from_boto3_to_boto3_is_exact(kwargs: dict[str, Any]) -> None:
    assert PutIntegrationRequest.from_boto3(kwargs).to_boto3() == kwargs


@FEW
@given(strategies.requests(with_flow=True, full=True))
def test_round_trip_with_every_optional_member(kwargs: dict[str, Any]) -> None:
    sent = PutIntegrationRequest.from_boto3(kwargs).to_boto3()
    assert sent == kwargs
    assert json.loads(serialize(sent)) == json.loads(serialize(kwargs))


@pytest.mark.parametrize("kind", strategies.BOTOCORE_KINDS + strategies.OUR_KINDS)
@FEW
@given(data=st.data())
def test_invalid_requests_are_refused_at_the_mutated_path(kind: str, data: Any) -> None:
    mutation: strategies.Mutation = data.draw(strategies.mutations((kind,)))
    with pytest.raises(ValidationError) as caught:
        PutIntegrationRequest.from_boto3(mutation.kwargs)
    assert mutation.reported_by(_wire_paths(caught.value)), (mutation.path, caught.value.errors)


@SETTINGS
@given(strategies.mutations(strategies.BOTOCORE_KINDS + strategies.OUR_KINDS))
def test_mixed_invalid_requests_raise_only_validation_error(mutation: strategies.Mutation) -> None:
    try:
        PutIntegrationRequest.from_boto3(mutation.kwargs)
    except ValidationError as error:
        assert mutation.reported_by(_wire_paths(error)), (mutation.path, error.errors)
    else:
        pytest.fail(f"{mutation.kind} at {mutation.path} was accepted")


@SETTINGS
@given(strategies.mutations(strategies.BOTOCORE_KINDS))
def test_everything_botocore_refuses_we_refuse(mutation: strategies.Mutation) -> None:
    assert botocore_errors(mutation.kwargs), f"botocore accepts {mutation.kind} at {mutation.path}"
    with pytest.raises(ValidationError):
        PutIntegrationRequest.from_boto3(mutation.kwargs)


@SETTINGS
@given(strategies.responses())
def test_responses_round_trip_with_unknown_keys_and_enum_values(response: dict[str, Any]) -> None:
    integration = Integration.from_boto3(response)
    assert integration.to_boto3() == response
    known = set(strategies.operation_model().output_shape.members)
    assert dict(integration.unknown_fields) == {
        key: value for key, value in response.items() if key not in known
    }
    for name in ("created_at", "last_updated_at"):
        moment = getattr(integration, name)
        assert moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0
