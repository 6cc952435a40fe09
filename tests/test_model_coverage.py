"""Every member and enum value of the installed AWS model has its place in our classes.

The model is walked from PutIntegration's input and output shapes; a new member or
enum value in a newer botocore fails here, naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any

import pytest

import strategies
from customer_profiles_typed import _wire, enums


def _shapes(root: Any, seen: set[str] | None = None) -> Iterator[Any]:
    seen = set() if seen is None else seen
    if root.name in seen:
        return
    seen.add(root.name)
    yield root
    if root.type_name == "structure":
        for member in root.members.values():
            yield from _shapes(member, seen)
    elif root.type_name == "list":
        yield from _shapes(root.member, seen)
    elif root.type_name == "map":
        yield from _shapes(root.key, seen)
        yield from _shapes(root.value, seen)


def _all_shapes() -> list[Any]:
    operation = strategies.operation_model()
    seen: set[str] = set()
    return [*_shapes(operation.input_shape, seen), *_shapes(operation.output_shape, seen)]


STRUCTURES = [shape for shape in _all_shapes() if shape.type_name == "structure"]
ENUMS = [shape for shape in _all_shapes() if getattr(shape, "enum", None)]


@pytest.mark.parametrize("shape", STRUCTURES, ids=lambda shape: shape.name)
def test_every_structure_member_has_a_home(shape: Any) -> None:
    members = set(shape.members)
    if shape.name in _wire.COLLAPSED_SHAPES:
        missing = members - set(_wire.CONNECTOR_BY_KEY)
        assert not missing, f"{shape.name} members without a connector: {sorted(missing)}"
        return
    assert shape.name in _wire.FIELDS, f"no wire table for structure {shape.name}"
    missing = members - set(_wire.FIELDS[shape.name].values())
    assert not missing, f"{shape.name} members missing from our classes: {sorted(missing)}"
    unknown = set(_wire.FIELDS[shape.name].values()) - members
    assert not unknown, f"{shape.name} wire names not in the AWS model: {sorted(unknown)}"


@pytest.mark.parametrize("shape", ENUMS, ids=lambda shape: shape.name)
def test_every_enum_value_is_a_member(shape: Any) -> None:
    enum_class: type[Enum] | None = getattr(enums, shape.name, None)
    assert enum_class is not None, f"no enum class {shape.name}"
    ours = [member.value for member in enum_class]
    missing = [value for value in shape.enum if value not in ours]
    assert not missing, f"{shape.name} values missing: {missing}"
    extra = [value for value in ours if value not in shape.enum]
    assert not extra, f"{shape.name} values the model does not have: {extra}"


def test_every_connector_of_the_model_is_known_with_its_shapes() -> None:
    model = strategies.service_model()
    properties = model.shape_for("SourceConnectorProperties").members
    operators = model.shape_for("ConnectorOperator").members
    assert set(properties) == set(operators) == set(_wire.CONNECTOR_BY_KEY)
    for key, connector in _wire.CONNECTOR_BY_KEY.items():
        assert properties[key].name == connector.properties_shape == _wire.CLASS_SHAPES[
            connector.properties_class
        ]
        assert operators[key].name == connector.operator_enum.__name__
    connector_types = set(model.shape_for("SourceConnectorType").enum)
    assert {c.connector_type.value for c in _wire.CONNECTORS} == connector_types


def test_the_modeled_errors_all_have_an_exception_class() -> None:
    from customer_profiles_typed.errors import SERVICE_ERRORS

    modeled = {shape.name for shape in strategies.operation_model().error_shapes}
    assert modeled <= set(SERVICE_ERRORS), sorted(modeled - set(SERVICE_ERRORS))
