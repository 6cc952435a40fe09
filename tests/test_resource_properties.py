"""Property tests of the request and response classes of object types, event triggers, tags and domains.

For every operation of the generated resource modules, on input generated from
the installed botocore model (``model_strategies``), with botocore's
``ParamValidator`` and REST-JSON serializer as the oracle:

- valid requests round-trip exactly through ``from_boto3``/``to_boto3``, build
  the same objects when written in code, and pass botocore;
- one broken model constraint is refused with ``ValidationError`` at the broken
  place, never with another exception;
- whatever botocore refuses, the library refuses too;
- answers with keys and enum values newer than the model are read leniently and
  written back unchanged.

The documented rules may refuse model-valid input, so the model-level properties
run inside ``skip_rules("all")``; where rules stay on, only ``ValidationError``
may come out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import model_strategies
import strategies
from customer_profiles_typed import ValidationError, skip_rules
from customer_profiles_typed._wire import CLASS_SHAPES, RESPONSE_CLASS_OF_SHAPE, SHAPE_CLASSES
from model_strategies import BOTOCORE_KINDS
from strategies import Mutation
from test_properties import SETTINGS, _wire_paths
from test_properties import _quiet as _quiet  # autouse: WARN rules fire on random input

FEW = settings(SETTINGS, max_examples=40)
SOME = settings(SETTINGS, max_examples=60)
EACH = settings(SETTINGS, max_examples=12)
"""For each (operation, mutation kind) pair."""

OPERATIONS = model_strategies.operations()


def request_class(operation: str) -> Any:
    """The request class of an operation: named after its input shape."""
    return SHAPE_CLASSES[model_strategies.input_shape(operation).name]


def response_class(operation: str) -> Any:
    """The response class that reads an operation's answer."""
    return RESPONSE_CLASS_OF_SHAPE[model_strategies.output_shape(operation).name]


def rebuilt(value: Any) -> Any:
    """The same tree built again in code, innermost objects first (each checks itself again)."""
    if attrs.has(type(value)):
        fields = {field.name: rebuilt(getattr(value, field.name)) for field in attrs.fields(type(value))}
        return type(value)(**fields)
    if isinstance(value, tuple):
        return [rebuilt(item) for item in value]
    if isinstance(value, Mapping):
        return {key: rebuilt(item) for key, item in value.items()}
    return value


def leaves(value: Any) -> list[Any]:
    """Every scalar of a tree of response objects, ``unknown_fields`` included."""
    if attrs.has(type(value)):
        return [leaf for field in attrs.fields(type(value)) for leaf in leaves(getattr(value, field.name))]
    if isinstance(value, (tuple, list)):
        return [leaf for item in value for leaf in leaves(item)]
    if isinstance(value, Mapping):
        return [leaf for item in value.values() for leaf in leaves(item)]
    return [value]


def test_the_operations_are_those_of_every_generated_request_class() -> None:
    """The generator's operation list and the generated modules' request classes agree."""
    service = strategies.service_model()
    inputs = {service.operation_model(name).input_shape.name for name in service.operation_names}
    modules = {f"customer_profiles_typed.models.{resource}" for resource in model_strategies.resources()}
    generated = {cls for cls, shape in CLASS_SHAPES.items() if cls.__module__ in modules and shape in inputs}
    assert {request_class(operation) for operation in OPERATIONS} == generated
    for operation in OPERATIONS:
        assert request_class(operation).__name__ == f"{operation}Request"
        assert response_class(operation).__module__ in modules


@pytest.mark.parametrize("operation", OPERATIONS)
@SOME
@given(data=st.data())
def test_valid_requests_round_trip_and_pass_botocore(operation: str, data: Any) -> None:
    kwargs = data.draw(model_strategies.any_requests(operation), label="kwargs")
    assert model_strategies.botocore_errors(operation, kwargs) == ""
    with skip_rules("all"):
        request = request_class(operation).from_boto3(kwargs)
        assert rebuilt(request) == request
    sent = request.to_boto3()
    assert sent == kwargs
    assert model_strategies.botocore_errors(operation, sent) == ""
    assert model_strategies.serialized(operation, sent)["url_path"]
    try:
        checked = request_class(operation).from_boto3(kwargs)
    except ValidationError:
        pass  # a documented rule refuses it (each rule has its own tests); nothing else may come out
    else:
        assert checked == request


@pytest.mark.parametrize(
    ("operation", "kind"),
    [(operation, kind) for operation in OPERATIONS for kind in model_strategies.kinds_of(operation)],
)
@EACH
@given(data=st.data())
def test_one_broken_constraint_is_refused_at_its_path(operation: str, kind: str, data: Any) -> None:
    mutation: Mutation = data.draw(model_strategies.mutations(operation, (kind,)), label="mutation")
    with skip_rules("all"), pytest.raises(ValidationError) as caught:
        request_class(operation).from_boto3(mutation.kwargs)
    assert mutation.reported_by(_wire_paths(caught.value)), (mutation.path, caught.value.errors)


@pytest.mark.parametrize("operation", OPERATIONS)
@FEW
@given(data=st.data())
def test_what_botocore_refuses_is_refused(operation: str, data: Any) -> None:
    mutation: Mutation = data.draw(model_strategies.mutations(operation, BOTOCORE_KINDS), label="mutation")
    assert model_strategies.botocore_errors(operation, mutation.kwargs), (mutation.kind, mutation.path)
    with skip_rules("all"), pytest.raises(ValidationError):
        request_class(operation).from_boto3(mutation.kwargs)


@pytest.mark.parametrize("operation", OPERATIONS)
@FEW
@given(data=st.data())
def test_any_input_botocore_refuses_is_refused_with_rules_on(operation: str, data: Any) -> None:
    """With every rule on, odd input gives ``ValidationError`` or an object; nothing else."""
    kwargs = data.draw(model_strategies.loose_requests(operation), label="kwargs")
    refused_by_botocore = model_strategies.botocore_errors(operation, kwargs) != ""
    try:
        request_class(operation).from_boto3(kwargs)
    except ValidationError:
        return
    assert not refused_by_botocore, "botocore refuses what was accepted"


@pytest.mark.parametrize("operation", OPERATIONS)
@FEW
@given(data=st.data())
def test_responses_are_read_leniently_and_written_back(operation: str, data: Any) -> None:
    response = data.draw(model_strategies.responses(operation), label="response")
    read = response_class(operation).from_boto3(response)
    assert read.to_boto3() == response
    known = set(model_strategies.output_shape(operation).members)
    assert dict(read.unknown_fields) == {key: item for key, item in response.items() if key not in known}
    scalars = leaves(read)
    for moment in (leaf for leaf in scalars if isinstance(leaf, datetime)):
        offset = moment.utcoffset()
        assert offset is not None and offset.total_seconds() == 0
    if model_strategies.UNKNOWN_ENUM_VALUE in repr(response):
        assert model_strategies.UNKNOWN_ENUM_VALUE in [leaf for leaf in scalars if type(leaf) is str]
