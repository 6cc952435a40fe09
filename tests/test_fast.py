"""The compiled fast paths: the checks accept nothing the walk reports, the builders make what the converter makes.

The compiled writers (``_fast.wire_writer``, behind every ``to_boto3``) write
what the converter writes, members in the same order, for the same objects.

The compiled check of a wire dict (``_fast.wire_accepter``) may refuse input the
detailed walk finds clean, never the reverse: for odd input (any JSON value at
any level) and valid requests with one model constraint broken, of every
operation, whatever it accepts the walk finds nothing in.


``PutIntegrationRequest.from_boto3`` and the ``from_boto3`` of every generated
request class build their objects with a compiled builder (``_fast.wire_builder``)
once the compiled check has accepted the wire dict; anything else goes through
the converter. The two must never drift: for generated valid requests of every
such class, both ways give equal objects, with the same type in every field at
every level (tuples, read-only maps, enum members, ``float``, ``datetime``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import model_strategies
import strategies
from customer_profiles_typed import (
    PutIntegrationRequest,
    S3ConnectorOperator,
    Task,
    TaskType,
    _fast,
    validation,
)
from customer_profiles_typed import _checks, _model
from customer_profiles_typed._converter import converter, structure_request
from customer_profiles_typed._paths import ROOT
from customer_profiles_typed._validation_hook import deferred
from customer_profiles_typed._wire import CLASS_SHAPES, SHAPE_CLASSES
from support import canonical_request
from test_properties import SETTINGS
from test_properties import _quiet as _quiet  # autouse: WARN rules fire on random input

EACH = settings(SETTINGS, max_examples=60)


def request_classes() -> Iterator[tuple[str, type]]:
    """Every operation whose request class ``from_boto3`` builds, with that class."""
    yield "PutIntegration", PutIntegrationRequest
    for operation in model_strategies.operations():
        yield operation, SHAPE_CLASSES[model_strategies.input_shape(operation).name]


CLASSES = list(request_classes())


OPERATIONS = [operation for operation, _ in CLASSES]


@pytest.mark.parametrize("operation", OPERATIONS)
@EACH
@given(data=st.data())
def test_the_compiled_check_accepts_nothing_the_walk_reports(operation: str, data: st.DataObject) -> None:
    odd = model_strategies.loose_requests(operation)
    broken = model_strategies.mutations(operation).map(lambda mutation: mutation.kwargs)
    wire = data.draw(odd | broken)
    shape = model_strategies.input_shape(operation).name
    if _fast.wire_accepter(shape)(wire):
        walk = _checks._Walk(typed=False, lenient=False)
        walk.value(_model.shape(shape), wire, ROOT, False)
        assert walk.findings == []


def same(built: object, converted: object, where: str = "request") -> None:
    """``built`` equals ``converted`` and holds the same types at every level."""
    assert type(built) is type(converted), f"{where}: {type(built)} is not {type(converted)}"
    kind: Any = type(built)
    if attrs.has(kind):
        for field in attrs.fields(kind):
            same(getattr(built, field.name), getattr(converted, field.name), f"{where}.{field.name}")
    elif isinstance(built, tuple):
        assert isinstance(converted, tuple) and len(built) == len(converted), where
        for position, (one, other) in enumerate(zip(built, converted)):
            same(one, other, f"{where}[{position}]")
    elif isinstance(built, MappingProxyType):
        assert isinstance(converted, MappingProxyType)
        assert list(built) == list(converted), where
        for key in built:
            same(key, next(k for k in converted if k == key), f"{where} key")
            same(built[key], converted[key], f"{where}[{key!r}]")
    assert built == converted, where


def written_alike(written: object, converted: object, where: str = "request") -> None:
    """Two wire values are equal, of the same types, with dict keys in the same order."""
    assert type(written) is type(converted), f"{where}: {type(written)} is not {type(converted)}"
    if isinstance(written, dict):
        assert isinstance(converted, dict) and list(written) == list(converted), where
        for key in written:
            written_alike(written[key], converted[key], f"{where}.{key}")
    elif isinstance(written, list):
        assert isinstance(converted, list) and len(written) == len(converted), where
        for position, (one, other) in enumerate(zip(written, converted)):
            written_alike(one, other, f"{where}[{position}]")
    assert written == converted, where


def both_ways(cls: type, wire: dict[str, Any], *, drawn: bool = False) -> None:
    """Build ``wire`` with the compiled builder and with the converter, and compare.

    A ``drawn`` request the compiled check refuses (a warning-only pattern
    miss...) is not built by the builder: it is left out.
    """
    accepted = _fast.wire_accepter(CLASS_SHAPES[cls])(wire)
    if drawn:
        assume(accepted)
    assert accepted
    builder = _fast.wire_builder(cls)
    assert builder is not None
    with deferred():
        converted: object = structure_request(cls, wire)
    built = builder(wire)
    same(built, converted)
    writer = _fast.wire_writer(cls)
    assert writer is not None
    written_alike(writer(built), converter().unstructure(converted, cls))


@pytest.mark.parametrize(("operation", "cls"), CLASSES, ids=OPERATIONS)
def test_every_request_class_has_a_compiled_builder_and_writer(operation: str, cls: type) -> None:
    assert _fast.wire_builder(cls) is not None, operation
    assert _fast.wire_writer(cls) is not None, operation


@EACH
@given(st.data())
def test_put_integration_is_built_and_written_alike_both_ways(data: st.DataObject) -> None:
    wire = data.draw(strategies.requests(with_flow=True, full=data.draw(st.booleans())))
    both_ways(PutIntegrationRequest, wire, drawn=True)


@pytest.mark.parametrize("operation", model_strategies.operations())
@EACH
@given(data=st.data())
def test_generated_requests_are_built_and_written_alike_both_ways(operation: str, data: st.DataObject) -> None:
    cls = SHAPE_CLASSES[model_strategies.input_shape(operation).name]
    both_ways(cls, data.draw(model_strategies.any_requests(operation)), drawn=True)


def test_enum_members_in_a_wire_dict_are_read_the_same_both_ways() -> None:
    wire = canonical_request()
    task = wire["FlowDefinition"]["Tasks"][1]
    task["TaskType"] = TaskType.MAP
    task["ConnectorOperator"] = {"S3": S3ConnectorOperator.NO_OP}
    both_ways(PutIntegrationRequest, wire)
    wire["FlowDefinition"]["Tasks"][1]["TaskType"] = S3ConnectorOperator.NO_OP  # a str Enum, not TaskType
    assert not _fast.wire_accepter("PutIntegrationRequest")(wire)


def test_timestamps_and_numbers_are_converted_as_the_converter_does() -> None:
    wire = canonical_request()
    later = datetime(2031, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    scheduled = {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": later.isoformat()}
    wire["FlowDefinition"]["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {"Scheduled": scheduled},
    }
    both_ways(PutIntegrationRequest, wire)
    built = PutIntegrationRequest.from_boto3(wire)
    assert built.flow_definition is not None
    properties = built.flow_definition.trigger_config.trigger_properties
    assert properties is not None and properties.scheduled is not None
    assert properties.scheduled.schedule_start_time == later


def test_a_whole_number_for_a_double_becomes_a_float_both_ways() -> None:
    cls: Any = SHAPE_CLASSES["CreateDomainRequest"]
    auto_merging = {"Enabled": True, "MinAllowedConfidenceScoreForMerging": 1}
    wire = {
        "DomainName": "my-domain",
        "DefaultExpirationDays": 30,
        "Matching": {"Enabled": True, "AutoMerging": auto_merging},
    }
    both_ways(cls, wire)
    built: Any = cls.from_boto3(wire)
    score = built.matching.auto_merging.min_allowed_confidence_score_for_merging
    assert type(score) is float and score == 1.0


class _Text(str):
    """A ``str`` subclass: the converter makes a plain ``str`` of it in some fields."""


def test_a_str_subclass_takes_the_converter() -> None:
    wire = canonical_request()
    wire["DomainName"] = _Text(wire["DomainName"])
    assert not _fast.wire_accepter("PutIntegrationRequest")(wire)
    request = PutIntegrationRequest.from_boto3(wire)
    assert type(request.domain_name) is str


def test_the_fast_path_is_taken_for_a_clean_request(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> object:
        raise AssertionError("the converter was used for a clean request")

    monkeypatch.setattr("customer_profiles_typed._converter.structure_request", refuse)
    request = validation.parse_request(PutIntegrationRequest, canonical_request())
    assert request.to_boto3() == canonical_request()


def test_built_objects_are_frozen_and_equal_to_objects_built_in_code() -> None:
    request = PutIntegrationRequest.from_boto3(canonical_request())
    assert request.flow_definition is not None
    task: Any = request.flow_definition.tasks[1]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        task.destination_field = "other"
    assert task == Task(
        task_type=TaskType.MAP,
        source_fields=["colA"],
        connector_operator=S3ConnectorOperator.NO_OP,
        destination_field="colA",
        task_properties={},
    )


MAP_KEYS = st.text(alphabet="aZ09_.-/ \né", min_size=0, max_size=4)


@EACH
@given(st.lists(MAP_KEYS, min_size=1, max_size=6, unique=True))
def test_map_keys_of_listed_characters_are_checked_all_at_once_as_one_by_one(keys: list[str]) -> None:
    # ``Fields`` keys match ``^[a-zA-Z0-9_.-]+$``: the compiled check matches the
    # keys joined, once; it must accept exactly the maps whose every key matches.
    request_shape = _model.shape("PutProfileObjectTypeRequest")
    key_shape = _model.map_key_value(_model.members(request_shape)["Fields"])[0]
    assert _fast.character_class(key_shape) is not None
    fields = {key: {"Source": "_source.x"} for key in keys}
    wire = {"DomainName": "d", "ObjectTypeName": "t", "Description": "x", "Fields": fields}
    walk = _checks._Walk(typed=False, lenient=False)
    walk.value(request_shape, wire, ROOT, False)
    every_key_matches = all(
        key and re.fullmatch(key_shape.metadata["pattern"], key) is not None for key in keys
    )
    assert _fast.wire_accepter("PutProfileObjectTypeRequest")(wire) is every_key_matches
    assert (walk.findings == []) is every_key_matches
