"""The name tables: every attrs field has a wire name, every wire name a field."""

from __future__ import annotations

import attrs
import pytest

import strategies
from customer_profiles_typed import _wire
from customer_profiles_typed._paths import ROOT

NOT_ON_THE_WIRE = {"unknown_fields", "request_id"}
"""Integration fields that hold what is not a member of the response."""

DERIVED = {("SourceFlowConfig", "connector_type")}
"""Wire members that Python derives instead of storing (the connector type)."""


@pytest.mark.parametrize("cls", list(_wire.CLASS_SHAPES), ids=lambda cls: cls.__name__)
def test_attrs_fields_and_wire_names_match(cls: type) -> None:
    shape = _wire.CLASS_SHAPES[cls]
    fields = {field.name for field in attrs.fields(cls)} - NOT_ON_THE_WIRE
    named = {python for python in _wire.FIELDS[shape] if (shape, python) not in DERIVED}
    assert fields == named, (sorted(fields - named), sorted(named - fields))


@pytest.mark.parametrize("cls", list(_wire.CLASS_SHAPES), ids=lambda cls: cls.__name__)
def test_wire_names_are_members_of_the_model_shape(cls: type) -> None:
    shape = _wire.CLASS_SHAPES[cls]
    members = set(strategies.shape(shape).members)
    assert set(_wire.FIELDS[shape].values()) <= members


def test_derived_connector_type_is_a_property() -> None:
    from customer_profiles_typed import SourceFlowConfig

    assert isinstance(SourceFlowConfig.connector_type, property)


def test_servicenow_is_spelled_both_ways_where_the_api_does() -> None:
    connector = _wire.CONNECTOR_BY_KEY["ServiceNow"]
    assert connector.connector_type.value == "Servicenow"
    assert _wire.CONNECTOR_TYPE_ALIASES["ServiceNow"] == "Servicenow"


def test_paths_step_in_both_spellings() -> None:
    path = (
        ROOT.attribute("PutIntegrationRequest", "flow_definition")
        .attribute("FlowDefinition", "tasks")
        .index(3)
        .attribute("Task", "connector_operator")
        .wire_only("S3")
    )
    assert path.python == "flow_definition.tasks[3].connector_operator"
    assert path.wire == "FlowDefinition.Tasks[3].ConnectorOperator.S3"
    member = (
        ROOT.member("FlowDefinition", "SourceFlowConfig")
        .member("SourceFlowConfig", "SourceConnectorProperties")
        .member("SourceConnectorProperties", "S3")
        .member("S3SourceProperties", "BucketName")
    )
    assert member.python == "source_flow_config.source_connector_properties.bucket_name"
    assert member.wire == "SourceFlowConfig.SourceConnectorProperties.S3.BucketName"
