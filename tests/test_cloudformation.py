"""CloudFormation templates: specs out as templates cfn-lint accepts, templates in as checked specs.

- Export: a setup of every kind of resource over two domains is a template
  with zero cfn-lint findings, in CloudFormation's shapes, with ``DependsOn``
  from the dependency rule, byte-identical on every export; what a template
  cannot hold raises ``TemplateError`` naming the item and the field.
- Import: a template's Customer Profiles resources are read and checked as
  spec items are, each problem naming the logical ID and the property path; a
  value that is an intrinsic function (JSON or a YAML short tag) is a
  ``not-checkable`` warning, never an error.
- Round trips: valid requests -> template -> equal requests, and a broken
  model constraint is found with the same rule in the spec and in its template.
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import model_strategies
import strategies
from customer_profiles_typed import (
    CreateDomainRequest,
    CustomerProfilesError,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
    skip_rules,
)
from customer_profiles_typed.cloudformation import (
    NOT_CHECKABLE,
    RESOURCE_TYPES,
    TemplateError,
    dumps_template,
    is_template,
    logical_id,
    to_template,
)
from customer_profiles_typed.cloudformation._shapes import to_properties
from customer_profiles_typed.specs import (
    SPEC_OPERATIONS,
    Spec,
    SpecError,
    SpecFile,
    SpecFormat,
    SpecRequest,
    loads_specs,
    parse_spec_file,
    parse_spec_text,
    read_specs,
)
from customer_profiles_typed.validation import parse_request
from test_properties import SETTINGS

SETUP = Path(__file__).resolve().parent / "cli" / "specs" / "cloudformation" / "setup.yaml"
"""Two domains with every kind of resource: tags, a scheduled flow, a ServiceNow flow."""

KMS = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"

ROUND_TRIP = settings(SETTINGS, max_examples=60)


def _cfn_lint(text: str) -> list[str]:
    """Every finding of cfn-lint (errors and warnings) on a template, as ``ID line: message``."""
    api: Any = importlib.import_module("cfnlint.api")
    matches: list[Any] = api.lint(text, regions=["us-east-1"])
    return [f"{match.rule.id} {match.linenumber}: {match.message}" for match in matches]


@pytest.fixture(scope="module")
def setup() -> list[Spec]:
    return read_specs(SETUP)


def _s3_integration(domain: str = "retail", **extra: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "DomainName": domain,
        "ObjectTypeName": "Shop",
        "FlowDefinition": {
            "FlowName": f"{domain}-flow",
            "KmsArn": KMS,
            "SourceFlowConfig": {
                "ConnectorType": "S3",
                "SourceConnectorProperties": {"S3": {"BucketName": "example-exports"}},
            },
            "Tasks": [
                {"TaskType": "Filter", "SourceFields": ["id"], "ConnectorOperator": {"S3": "PROJECTION"}},
                {
                    "TaskType": "Map",
                    "SourceFields": ["id"],
                    "DestinationField": "id",
                    "ConnectorOperator": {"S3": "NO_OP"},
                    "TaskProperties": {},
                },
            ],
            "TriggerConfig": {"TriggerType": "OnDemand"},
        },
    }
    kwargs.update(extra)
    return kwargs


def _object_type(domain: str = "retail", name: str = "Shop") -> PutProfileObjectTypeRequest:
    return PutProfileObjectTypeRequest.from_boto3(
        {
            "DomainName": domain,
            "ObjectTypeName": name,
            "Description": "Shop customers",
            "Fields": {"id": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
            "Keys": {"id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
        }
    )


def _template(resources: Mapping[str, Any]) -> str:
    return json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": dict(resources)})


def _read(text: str, format: SpecFormat = "json") -> SpecFile:
    return parse_spec_text(text, format=format, file="stack.template")


# --- export ---------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_an_exported_setup_has_no_cfn_lint_finding(setup: list[Spec], format: SpecFormat) -> None:
    text = dumps_template(setup, description="Retail and outlet profiles", format=format)
    assert _cfn_lint(text) == []


def test_the_template_holds_every_kind_in_creation_order_with_its_dependencies(setup: list[Spec]) -> None:
    template = to_template(setup)
    resources: dict[str, Any] = template["Resources"]
    types = [resource["Type"] for resource in resources.values()]
    assert types == [
        "AWS::CustomerProfiles::Domain",
        "AWS::CustomerProfiles::Domain",
        "AWS::CustomerProfiles::ObjectType",
        "AWS::CustomerProfiles::ObjectType",
        "AWS::CustomerProfiles::EventTrigger",
        "AWS::CustomerProfiles::Integration",
        "AWS::CustomerProfiles::Integration",
    ]
    by_request = {logical_id(spec.request): spec.request for spec in setup}
    assert set(resources) == set(by_request)
    trigger_id = next(i for i, r in resources.items() if r["Type"].endswith("EventTrigger"))
    retail_flow = next(
        i for i, r in resources.items()
        if r["Type"].endswith("Integration") and r["Properties"]["DomainName"] == "cfn-retail"
    )
    needs = resources[retail_flow]["DependsOn"]
    assert needs == sorted(needs)
    assert trigger_id in needs
    assert {by_request[i].domain_name for i in needs} == {"cfn-retail"}
    assert "DependsOn" not in next(iter(resources.values()))  # a domain needs nothing


def test_properties_are_in_cloudformation_shapes(setup: list[Spec]) -> None:
    resources = list(to_template(setup)["Resources"].values())
    domain, object_type, flow, servicenow = resources[0], resources[2], resources[5], resources[6]
    assert domain["Properties"]["Tags"] == [
        {"Key": "team", "Value": "crm"},
        {"Key": "cost-center", "Value": "4711"},
    ]
    fields = object_type["Properties"]["Fields"]
    assert fields[1] == {
        "Name": "email",
        "ObjectTypeField": {
            "Source": "_source.email",
            "Target": "_profile.EmailAddress",
            "ContentType": "EMAIL_ADDRESS",
        },
    }
    assert object_type["Properties"]["Keys"][0]["ObjectTypeKeyList"][0]["FieldNames"] == ["customer_id"]
    definition = flow["Properties"]["FlowDefinition"]
    assert definition["Tasks"][1]["TaskProperties"] == []
    assert definition["Tasks"][3]["TaskProperties"] == [
        {"OperatorPropertyKey": "SOURCE_DATA_TYPE", "Property": "string"},
        {"OperatorPropertyKey": "DESTINATION_DATA_TYPE", "Property": "string"},
    ]
    scheduled = definition["TriggerConfig"]["TriggerProperties"]["Scheduled"]
    assert scheduled["ScheduleStartTime"] == 1893477600  # 2030-01-01T06:00:00Z as epoch seconds
    assert servicenow["Properties"]["FlowDefinition"]["SourceFlowConfig"]["ConnectorType"] == "ServiceNow"


def test_two_exports_are_byte_identical_and_logical_ids_do_not_depend_on_the_others(setup: list[Spec]) -> None:
    first = dumps_template(setup)
    assert dumps_template(list(setup)) == first
    assert dumps_template([spec.request for spec in setup]) == first
    shuffled = to_template([*setup[3:], *setup[:3]])["Resources"]
    assert set(shuffled) == set(to_template(setup)["Resources"])
    alone = to_template([setup[2]])["Resources"]
    assert list(alone) == [logical_id(setup[2].request)] and set(alone) < set(shuffled)


def test_logical_ids_are_alphanumeric_stable_and_apart_for_names_that_differ_in_punctuation() -> None:
    names = ["shop-a", "shop_a", "shopa", "Shopa", "shop--a"]
    ids = [logical_id(_object_type("retail-eu", name)) for name in names]
    assert len(set(ids)) == len(names)
    for found in ids:
        assert found.isascii() and found.isalnum() and len(found) <= 255
        assert found.startswith("ObjectTypeRetailEuShop")
    assert logical_id(_object_type("retail-eu", "shop-a")) == ids[0]
    long_name = "A" * 255
    assert len(logical_id(_object_type("d", long_name))) == 255


def test_a_field_a_template_cannot_hold_names_the_item_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "specs.json"
    kwargs = _s3_integration(RoleArn="arn:aws:iam::123456789012:role/ingest")
    path.write_text(json.dumps([{"PutIntegration": kwargs}]), encoding="utf-8")
    specs = read_specs(path)
    with pytest.raises(TemplateError) as raised:
        to_template(specs)
    (problem,) = raised.value.problems
    assert (problem.file, problem.item, problem.path, problem.rule) == (
        str(path), 0, "PutIntegration.RoleArn", "not-in-template"
    )
    assert "AWS::CustomerProfiles::Integration has no property for RoleArn" in str(raised.value)
    assert issubclass(TemplateError, CustomerProfilesError) and issubclass(TemplateError, ValueError)
    with pytest.raises(TemplateError) as bare:
        to_template([PutIntegrationRequest.from_boto3(kwargs)])
    assert [(p.item, p.path) for p in bare.value.problems] == [(0, "RoleArn")]
    again = pickle.loads(pickle.dumps(raised.value))
    assert again.problems == raised.value.problems


def test_the_same_resource_twice_or_no_resource_is_refused() -> None:
    with pytest.raises(TemplateError, match="a template makes a resource once") as twice:
        to_template([_object_type(), _object_type()])
    assert [p.item for p in twice.value.problems] == [1]
    with pytest.raises(TemplateError, match="no request"):
        to_template([])


def test_fractions_of_seconds_survive_the_template() -> None:
    start = datetime(2031, 5, 6, 7, 8, 9, 123457, tzinfo=timezone.utc)
    flow = _s3_integration()
    flow["FlowDefinition"]["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {"Scheduled": {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": start}},
    }
    request = PutIntegrationRequest.from_boto3(flow)
    text = dumps_template([request], format="json")
    assert f"{int(start.timestamp())}.123457" in text
    (spec,) = loads_specs(text)
    assert spec.request == request


# --- import ---------------------------------------------------------------------------


def test_a_rule_violation_names_the_logical_id_and_the_property_path() -> None:
    object_type = {
        "DomainName": "retail",
        "ObjectTypeName": "Shop",
        "Description": "Shop customers",
        "Fields": [
            {"Name": "id", "ObjectTypeField": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
            {"Name": "email", "ObjectTypeField": {"Source": "_source.email", "Target": "_profile.EmailAddress"}},
            {"Name": "x", "ObjectTypeField": {"Source": "_source.x", "Target": "_profile.NoSuchAttribute"}},
        ],
        "Keys": [
            {"Name": "id", "ObjectTypeKeyList": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]}
        ],
    }
    found = _read(_template({"ShopCustomers": {"Type": RESOURCE_TYPES["PutProfileObjectType"], "Properties": object_type}}))
    assert found.count == 1 and found.specs == ()
    (problem,) = found.problems
    assert problem.path == "Resources.ShopCustomers.Properties.Fields[2].ObjectTypeField.Target"
    assert problem.logical_id == "ShopCustomers" and problem.item is None
    assert problem.rule == "O22"
    assert str(problem).startswith(
        "stack.template: Resources.ShopCustomers.Properties.Fields[2].ObjectTypeField.Target: "
    )


def test_problems_in_lists_of_objects_point_at_the_item() -> None:
    flow = to_template([PutIntegrationRequest.from_boto3(_s3_integration())])
    ((name, resource),) = flow["Resources"].items()
    properties = resource["Properties"]
    properties["Tags"] = [{"Key": "a", "Value": "b"}, {"Key": "a", "Value": "c"}, {"Key": "b"}, "x"]
    properties["FlowDefinition"]["Tasks"][1]["TaskProperties"] = [
        {"OperatorPropertyKey": "NOT_A_KEY", "Property": "x"}
    ]
    found = _read(json.dumps(flow))
    base = f"Resources.{name}.Properties"
    assert sorted((p.path, p.rule) for p in found.problems) == sorted(
        [
            (f"{base}.Tags[1].Key", "duplicate"),
            (f"{base}.Tags[2].Value", "required"),
            (f"{base}.Tags[3]", "shape"),
            (f"{base}.FlowDefinition.Tasks[1].TaskProperties[0]", "enum"),
        ]
    )


def test_a_map_written_as_an_object_is_a_problem_of_the_template() -> None:
    template = to_template([_object_type()])
    ((name, resource),) = template["Resources"].items()
    resource["Properties"]["Tags"] = {"team": "crm"}
    (problem,) = _read(json.dumps(template)).problems
    assert (problem.path, problem.rule) == (f"Resources.{name}.Properties.Tags", "shape")
    assert "list of {Key, Value} objects" in problem.message


JSON_INTRINSICS: dict[str, Any] = {
    "Shop": {
        "Type": "AWS::CustomerProfiles::ObjectType",
        "Properties": {
            "DomainName": "retail",
            "ObjectTypeName": "Shop",
            "Description": "Shop customers",
            "ExpirationDays": {"Ref": "Days"},
            "EncryptionKey": {"Fn::GetAtt": ["Key", "Arn"]},
            "Fields": [
                {"Name": "id", "ObjectTypeField": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
                {"Fn::If": ["WithEmail", {"Name": "email", "ObjectTypeField": {}}, {"Ref": "AWS::NoValue"}]},
            ],
            "Keys": [
            {"Name": "id", "ObjectTypeKeyList": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]}
        ],
            "Tags": [{"Key": "stack", "Value": {"Ref": "AWS::StackName"}}],
        },
    }
}

YAML_INTRINSICS = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Shop:
    Type: AWS::CustomerProfiles::ObjectType
    Properties:
      DomainName: retail
      ObjectTypeName: Shop
      Description: Shop customers
      ExpirationDays: !Ref Days
      EncryptionKey: !GetAtt Key.Arn
      Fields:
        - Name: id
          ObjectTypeField: {Source: _source.id, Target: _profile.AccountNumber}
        - !If [WithEmail, {Name: email, ObjectTypeField: {}}, !Ref AWS::NoValue]
      Keys:
        - Name: id
          ObjectTypeKeyList:
            - {StandardIdentifiers: [PROFILE, UNIQUE], FieldNames: [id]}
      Tags:
        - Key: stack
          Value: !Ref AWS::StackName
"""


@pytest.mark.parametrize(
    ("text", "format"), [(_template(JSON_INTRINSICS), "json"), (YAML_INTRINSICS, "yaml")], ids=["json", "yaml"]
)
def test_intrinsic_values_are_not_checkable_never_errors(text: str, format: SpecFormat) -> None:
    found = _read(text, format)
    assert found.problems == ()
    (spec,) = found.specs
    notes = [(w.path, w.rule) for w in spec.warnings]
    base = "Resources.Shop.Properties"
    assert notes == [
        (f"{base}.ExpirationDays", NOT_CHECKABLE),
        (f"{base}.EncryptionKey", NOT_CHECKABLE),
        (f"{base}.Fields[1]", NOT_CHECKABLE),
        (f"{base}.Tags[0].Value", NOT_CHECKABLE),
    ]
    assert "Fn::GetAtt is resolved when the stack is deployed" in spec.warnings[1].message
    request = spec.request
    assert isinstance(request, PutProfileObjectTypeRequest)
    assert request.expiration_days is None and request.encryption_key is None
    assert list(request.fields or {}) == ["id"] and not request.tags
    assert spec.logical_id == "Shop" and spec.location == "stack.template[Shop]"


def test_the_yaml_short_tags_read_as_the_json_form() -> None:
    tags = "".join(f"  {tag}: !{tag} x\n" for tag in ("Sub", "Join", "Select", "Split", "Base64"))
    text = f"a: !GetAtt Key.Arn\nb: !Ref B\nc: !Condition C\nd: !Equals [1, 2]\ne: !FindInMap {{k: v}}\nt:\n{tags}"
    yaml: Any = importlib.import_module("yaml")
    from customer_profiles_typed.cloudformation._intrinsics import yaml_loader

    read = yaml.load(text, Loader=yaml_loader())
    assert read["a"] == {"Fn::GetAtt": ["Key", "Arn"]}
    assert read["b"] == {"Ref": "B"} and read["c"] == {"Condition": "C"}
    assert read["d"] == {"Fn::Equals": [1, 2]} and read["e"] == {"Fn::FindInMap": {"k": "v"}}
    assert read["t"]["Sub"] == {"Fn::Sub": "x"} and read["t"]["Base64"] == {"Fn::Base64": "x"}


def test_a_required_intrinsic_keeps_the_other_problems_but_makes_no_request() -> None:
    flow = to_template([PutIntegrationRequest.from_boto3(_s3_integration())])
    ((name, resource),) = flow["Resources"].items()
    properties = resource["Properties"]
    properties["DomainName"] = {"Ref": "Domain"}
    properties["FlowDefinition"]["FlowName"] = {"Fn::Sub": "${AWS::StackName}-flow"}
    clean = _read(json.dumps(flow))
    assert clean.problems == () and clean.specs == () and clean.count == 1
    assert [(n.path.rsplit(".", 1)[-1], n.rule) for n in clean.notes] == [
        ("DomainName", NOT_CHECKABLE),
        ("FlowName", NOT_CHECKABLE),
    ]
    assert "a required value" in clean.notes[0].message
    assert clean.warnings == clean.notes
    properties["FlowDefinition"]["Tasks"][1]["ConnectorOperator"] = {"S3": "NOT_AN_OPERATOR"}
    broken = _read(json.dumps(flow))
    assert [(p.path, p.rule) for p in broken.problems] == [
        (f"Resources.{name}.Properties.FlowDefinition.Tasks[1].ConnectorOperator.S3", "enum")
    ]
    assert len(broken.notes) == 2


def test_a_required_structure_that_is_intrinsic_is_no_error() -> None:
    flow = to_template([PutIntegrationRequest.from_boto3(_s3_integration())])
    ((name, resource),) = flow["Resources"].items()
    resource["Properties"]["FlowDefinition"]["TriggerConfig"] = {"Fn::If": ["Hourly", {}, {}]}
    found = _read(json.dumps(flow))
    assert found.problems == () and found.specs == ()
    (note,) = found.notes
    assert note.path == f"Resources.{name}.Properties.FlowDefinition.TriggerConfig"
    assert "rules are not checked" in note.message
    resource["Properties"] = {"Fn::If": ["Hourly", {}, {}]}
    (whole,) = _read(json.dumps(flow)).notes
    assert whole.path == f"Resources.{name}.Properties" and whole.rule == NOT_CHECKABLE


def test_cloudformation_conversions_of_scalars_are_accepted() -> None:
    template = to_template([_object_type()])
    ((_, resource),) = template["Resources"].items()
    resource["Properties"].update(ExpirationDays="30", AllowProfileCreation="true", Tags=[{"Key": "n", "Value": 7}])
    (spec,) = _read(json.dumps(template)).specs
    request = spec.request
    assert isinstance(request, PutProfileObjectTypeRequest)
    assert (request.expiration_days, request.allow_profile_creation, request.tags) == (30, True, {"n": "7"})
    resource["Properties"]["ExpirationDays"] = ["30"]
    (problem,) = _read(json.dumps(template)).problems
    assert problem.rule == "type" and problem.path.endswith(".Properties.ExpirationDays")


def test_read_only_properties_are_noted_and_left_out() -> None:
    template = to_template([_object_type()])
    ((name, resource),) = template["Resources"].items()
    resource["Properties"]["CreatedAt"] = "2024-01-01"
    (spec,) = _read(json.dumps(template)).specs
    ((path, rule),) = [(w.path, w.rule) for w in spec.warnings]
    assert (path, rule) == (f"Resources.{name}.Properties.CreatedAt", "read-only")


def test_only_customer_profiles_resources_are_read_and_counted() -> None:
    text = _template(
        {
            "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": 5}},
            "Odd": "not a resource",
            "Stream": {"Type": "AWS::CustomerProfiles::EventStream", "Properties": {}},
            "Domain": {"Type": "AWS::CustomerProfiles::Domain", "Properties": {"DomainName": "d", "DefaultExpirationDays": 1}},
        }
    )
    found = _read(text)
    assert found.count == 1 and found.problems == ()
    (spec,) = found.specs
    assert spec.request == CreateDomainRequest(domain_name="d", default_expiration_days=1)


def test_what_makes_a_template() -> None:
    assert is_template({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}})
    assert is_template({"Resources": {"A": {"Type": "AWS::S3::Bucket"}}})
    assert not is_template({"Resources": {"A": {}}})
    assert not is_template([{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}])
    assert not is_template(_s3_integration())
    found = _read(json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": ["x"]}))
    assert [(p.path, p.rule) for p in found.problems] == [("Resources", "shape")]


def test_a_plain_spec_reads_as_before_and_a_template_file_raises_like_a_spec_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text("DomainName: d\nDefaultExpirationDays: 5\n", encoding="utf-8")
    assert [(p.path, p.rule) for p in parse_spec_file(plain).problems] == [("DefaultExpirationDays", "unknown-key")]
    template = tmp_path / "stack.yaml"
    template.write_text(dumps_template([_object_type()]).replace("Shop customers", "!Sub x"), encoding="utf-8")
    with pytest.warns(ValidationWarning, match="not checkable"):
        assert read_specs(template) == []
    flow = to_template([PutIntegrationRequest.from_boto3(_s3_integration())])
    ((name, resource),) = flow["Resources"].items()
    resource["Properties"]["FlowDefinition"]["KmsArn"] = "not-an-arn"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(flow), encoding="utf-8")
    with pytest.raises(SpecError) as raised:
        read_specs(broken)
    assert isinstance(raised.value.__cause__, ValidationError)
    assert {p.path for p in raised.value.problems} == {f"Resources.{name}.Properties.FlowDefinition.KmsArn"}


def test_locate_points_a_later_problem_into_the_template() -> None:
    template = to_template([_object_type()])
    (name,) = template["Resources"]
    (spec,) = _read(json.dumps(template)).specs
    problem = ValidationProblem(
        path="object_type.fields[<key #0, not shown>].source",
        wire_path="Fields[<key #0, not shown>].Source",
        message="a problem found by a check across resources",
        rule="X6",
    )
    located = spec.locate(problem)
    assert located.path == f"Resources.{name}.Properties.Fields[0].ObjectTypeField.Source"
    assert (located.logical_id, located.item, located.problem) == (name, None, problem)
    assert spec.locate(attrs.evolve(problem, wire_path="Tags")).path == f"Resources.{name}.Properties.Tags"


# --- round trips ----------------------------------------------------------------------


def _without_intrinsic_look(value: Any) -> bool:
    """Whether no object in ``value`` looks like an intrinsic function (``{"Ref": ...}``)."""
    if isinstance(value, Mapping):
        entries = cast("Mapping[object, Any]", value)
        if len(entries) == 1 and any(k in ("Ref", "Condition") or str(k).startswith("Fn::") for k in entries):
            return False
        return all(_without_intrinsic_look(item) for item in entries.values())
    if isinstance(value, (list, tuple)):
        return all(_without_intrinsic_look(item) for item in cast("list[object]", value))
    return True


OPERATIONS = list(SPEC_OPERATIONS)


def _whole_seconds(value: Any) -> Any:
    """``value`` with every timestamp cut to whole seconds.

    A template holds epoch seconds as a number: past the year 2242 a double no
    longer carries microseconds (and CloudFormation's handler drops fractions,
    rule G12). ``test_fractions_of_seconds_survive_the_template`` covers them.
    """
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, dict):
        return {key: _whole_seconds(item) for key, item in cast("dict[object, Any]", value).items()}
    if isinstance(value, list):
        return [_whole_seconds(item) for item in cast("list[object]", value)]
    return value


def _of(operation: str, kwargs: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    return st.tuples(st.just(operation), kwargs)


def _valid_requests() -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    """boto3 arguments of any spec operation that the AWS model accepts (PutIntegration's the rules too)."""
    ours = [
        _of(operation, model_strategies.any_requests(operation))
        for operation in OPERATIONS
        if operation != "PutIntegration"
    ]
    flows = _of("PutIntegration", strategies.requests(with_flow=True) | strategies.requests())
    return st.one_of(*ours, flows)


@ROUND_TRIP
@given(st.lists(_valid_requests(), min_size=1, max_size=3))
def test_valid_requests_come_back_equal_from_their_template(drawn: list[tuple[str, dict[str, Any]]]) -> None:
    requests: list[SpecRequest] = []
    with skip_rules("all"):
        for operation, kwargs in drawn:
            kwargs.pop("RoleArn", None)  # no property of AWS::CustomerProfiles::Integration
            requests.append(parse_request(SPEC_OPERATIONS[operation], _whole_seconds(kwargs), sink=[]))
    ids = [logical_id(request) for request in requests]
    assume(len(set(ids)) == len(ids))
    text = dumps_template(requests, format="json")
    found = parse_spec_text(text, skip_rules=["all"])
    assert found.problems == ()
    back = {spec.logical_id: spec.request for spec in found.specs}
    assert back == dict(zip(ids, requests))


@ROUND_TRIP
@given(st.data())
def test_a_broken_spec_and_its_template_break_the_same_rules(data: st.DataObject) -> None:
    operation = data.draw(st.sampled_from(OPERATIONS))
    kinds = tuple(kind for kind in model_strategies.ALL_KINDS if kind != "wrong-type")
    mutation = data.draw(model_strategies.mutations(operation, kinds))
    kwargs = copy.deepcopy(mutation.kwargs)
    assume(not mutation.path.startswith("RoleArn") and _without_intrinsic_look(kwargs))
    kwargs.pop("RoleArn", None)
    sink: list[Any] = []
    try:
        parse_request(SPEC_OPERATIONS[operation], kwargs, sink=sink)
        expected: list[str] = []
    except ValidationError as error:
        expected = [problem.rule for problem in error.errors]
    properties, unexpressible = to_properties(operation, copy.deepcopy(kwargs))
    assert unexpressible == []
    text = _template({"Broken": {"Type": RESOURCE_TYPES[operation], "Properties": properties}})
    found = _read(text)
    assert sorted(p.rule for p in found.problems) == sorted(expected)
    assert all(p.logical_id == "Broken" and p.path.startswith("Resources.Broken.Properties") for p in found.problems)
    assert bool(found.problems) == bool(expected) and (found.specs == ()) == bool(expected)


def test_every_public_name_of_the_module_has_a_docstring() -> None:
    import inspect

    import customer_profiles_typed.cloudformation as module

    assert module.__all__ == sorted(module.__all__)
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert (inspect.getdoc(value) or "").strip(), f"{name} has no docstring"
