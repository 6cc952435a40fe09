"""The links between resources (rules X1, X4, X6-X8, X10, O48, E20 of the object type rules).

Offline: an integration's flow and the object type it feeds, one failing and
one passing example per rule. Online: a request judged against a given
``DomainState``, never against AWS. Every problem is a warning with its rule
ID and path; skipped rules are left out.
"""

from __future__ import annotations

import copy
import warnings
from typing import Any, cast

import pytest

from customer_profiles_typed import (
    ComparisonOperator,
    CreateEventTriggerRequest,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLogicalOperator,
    FieldContentType,
    FlowDefinition,
    ObjectAttribute,
    ObjectTypeField,
    ObjectTypeKey,
    ProfileObjectType,
    ProfileObjectTypeTemplate,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    StandardIdentifier,
    ValidationWarning,
    skip_rules,
    validation,
)
from customer_profiles_typed._validation_hook import skipping
from customer_profiles_typed.builders import (
    FieldMapping,
    FieldSpec,
    Fields,
    object_type_from_flow,
    on_demand_trigger,
    s3_flow,
    salesforce_flow,
)
from customer_profiles_typed.links import (
    NOT_LINKED,
    RULE_IDS,
    DomainState,
    check_links,
    check_online,
    find_link_problems,
    find_online_problems,
    produced_fields,
)

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
OTHER_KEY = "arn:aws:kms:us-east-1:123456789012:key/9999ffff-88ee-77dd-66cc-5555bbbb4444"
DOMAIN = "demo-domain"
PROFILE, UNIQUE = StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE
COLUMNS = ["customer_id", "first_name", "last_name", "email", "phone"]


def csv_flow(fields: Fields = COLUMNS) -> FlowDefinition[Any]:
    return s3_flow(
        flow_name="customers-from-s3",
        kms_arn=KMS_KEY,
        bucket_name="example-customer-exports",
        fields=fields,
        trigger=on_demand_trigger(),
    )


def integration(flow: FlowDefinition[Any] | None = None, **changes: Any) -> PutIntegrationRequest:
    options: dict[str, Any] = {"domain_name": DOMAIN, "object_type_name": "CustomerCsv"}
    options.update(changes)
    return PutIntegrationRequest(flow_definition=flow if flow is not None else csv_flow(), **options)


def object_type(sources: dict[str, str], keys: dict[str, list[ObjectTypeKey]] | None = None, **changes: Any) -> PutProfileObjectTypeRequest:
    """An object type whose fields read the given Sources; ``customer_id`` is its UNIQUE key by default."""
    options: dict[str, Any] = {"domain_name": DOMAIN, "object_type_name": "CustomerCsv", "description": "Customers"}
    options.update(changes)
    return PutProfileObjectTypeRequest(
        fields={name: ObjectTypeField(source=source) for name, source in sources.items()},
        keys=keys if keys is not None else {"customer_id": [ObjectTypeKey(standard_identifiers=[PROFILE, UNIQUE], field_names=["customer_id"])]},
        **options,
    )


def readme_object_type() -> PutProfileObjectTypeRequest:
    return object_type({name: f"_source.{name}" for name in COLUMNS})


def found(problems: list[Any]) -> list[tuple[str, str, str]]:
    return [(p.rule, p.path, p.wire_path) for p in problems]


# --- produced fields ----------------------------------------------------------------


def test_the_fields_a_flow_produces_are_its_map_destinations_with_their_task() -> None:
    flow = csv_flow(["customer_id", FieldMapping("tel", "phone")])
    assert dict(produced_fields(flow)) == {"customer_id": 1, "phone": 2}  # task 0 is the projection


# --- X6 ---------------------------------------------------------------------------


def test_the_built_object_type_has_no_link_problem() -> None:
    flow = csv_flow()
    built = object_type_from_flow(
        flow,
        domain_name=DOMAIN,
        object_type_name="CustomerCsv",
        description="Customers",
        fields={
            "customer_id": FieldSpec(key=(PROFILE, UNIQUE)),
            "email": FieldSpec(target="_profile.EmailAddress", content_type=FieldContentType.EMAIL_ADDRESS, key=(PROFILE,)),
        },
    )
    assert find_link_problems(integration=integration(flow), object_type=built) == []


def test_x6_a_source_reading_a_field_no_map_task_produces() -> None:
    # The rulebook's example: Map DestinationField "email_address", Source "_source.email".
    flow = csv_flow(["customer_id", FieldMapping("email", "email_address")])
    typed = object_type({"customer_id": "_source.customer_id", "email": "_source.email"})
    assert found(find_link_problems(integration=integration(flow), object_type=typed)) == [
        ("X6", "object_type.fields[<key #1, not shown>].source", "Fields[<key #1, not shown>].Source"),
        ("X6", "integration.flow_definition.tasks[2].destination_field", "FlowDefinition.Tasks[2].DestinationField"),
    ]
    fixed = object_type({"customer_id": "_source.customer_id", "email": "_source.email_address"})
    assert find_link_problems(integration=integration(flow), object_type=fixed) == []


def test_x6_a_destination_field_no_object_type_field_reads() -> None:
    typed = object_type({name: f"_source.{name}" for name in COLUMNS if name != "phone"})
    assert found(find_link_problems(integration=integration(), object_type=typed)) == [
        ("X6", "integration.flow_definition.tasks[5].destination_field", "FlowDefinition.Tasks[5].DestinationField")
    ]


def test_x6_reads_the_fields_of_handlebars_expressions() -> None:
    typed = object_type(
        {
            "customer_id": "_source.customer_id",
            "name": "{{_source.first_name}} {{_source.last_name}}",
            "email": "{{#if _source.email}}{{_source.email}}{{/if}}",
            "phone": "_source.phone",
        }
    )
    assert find_link_problems(integration=integration(), object_type=typed) == []
    misspelt = object_type({**{n: f"_source.{n}" for n in COLUMNS}, "name": "{{_source.first_name}} {{_source.surname}}"})
    assert found(find_link_problems(integration=integration(), object_type=misspelt)) == [
        ("X6", "object_type.fields[<key #5, not shown>].source", "Fields[<key #5, not shown>].Source")
    ]


def test_link_messages_do_not_show_the_sensitive_names() -> None:
    flow = csv_flow(["customer_id", FieldMapping("email", "email_address")])
    typed = object_type({"customer_id": "_source.customer_id", "email": "_source.email"})
    problems = find_link_problems(integration=integration(flow), object_type=typed)
    assert problems and all("email" not in str(p) for p in problems)


# --- X7 ---------------------------------------------------------------------------


def test_x7_the_unique_key_reads_a_field_the_flow_does_not_produce() -> None:
    record = {"RecordId": "_source.RecordId", **{name: f"_source.{name}" for name in COLUMNS}}
    keys = {"recordId": [ObjectTypeKey(standard_identifiers=[PROFILE, UNIQUE], field_names=["RecordId"])]}
    problems = find_link_problems(integration=integration(), object_type=object_type(record, keys))
    assert ("X7", "object_type.keys[<key #0, not shown>][0].field_names[0]", "Keys[<key #0, not shown>][0].FieldNames[0]") in found(problems)
    assert "UNIQUE" in next(p.message for p in problems if p.rule == "X7")
    produced = integration(csv_flow(["RecordId", *COLUMNS]))
    assert find_link_problems(integration=produced, object_type=object_type(record, keys)) == []


def test_x7_every_profile_key_but_not_a_search_only_key() -> None:
    sources = {**{name: f"_source.{name}" for name in COLUMNS}, "mail": "_source.mail"}
    unique = ObjectTypeKey(standard_identifiers=[PROFILE, UNIQUE], field_names=["customer_id"])
    profile_key = {"customer_id": [unique], "mail": [ObjectTypeKey(standard_identifiers=[PROFILE], field_names=["mail"])]}
    search_key = {"customer_id": [unique], "mail": [ObjectTypeKey(standard_identifiers=[], field_names=["mail"])]}
    with_profile = find_link_problems(integration=integration(), object_type=object_type(sources, profile_key))
    assert [p.path for p in with_profile if p.rule == "X7"] == ["object_type.keys[<key #1, not shown>][0].field_names[0]"]
    with_search = find_link_problems(integration=integration(), object_type=object_type(sources, search_key))
    assert [p.rule for p in with_search] == ["X6"]  # the unread Source, but no X7


# --- X8 ---------------------------------------------------------------------------


def test_x8_a_nested_source_with_an_s3_flow() -> None:
    flow = csv_flow(["customer_id", "address"])
    typed = object_type({"customer_id": "_source.customer_id", "zip": "_source.address.zip"})
    assert found(find_link_problems(integration=integration(flow), object_type=typed)) == [
        ("X8", "object_type.fields[<key #1, not shown>].source", "Fields[<key #1, not shown>].Source")
    ]


def test_x8_a_nested_source_with_a_saas_flow_is_fine() -> None:
    flow = salesforce_flow(
        flow_name="contacts",
        kms_arn=KMS_KEY,
        object="Contact",
        connector_profile_name="salesforce",
        fields=["customer_id", "address"],
        trigger=on_demand_trigger(),
    )
    typed = object_type({"customer_id": "_source.customer_id", "zip": "_source.address.zip"})
    assert find_link_problems(integration=integration(flow), object_type=typed) == []


# --- linking ------------------------------------------------------------------------


def test_an_integration_of_another_object_type_is_not_linked() -> None:
    problems = find_link_problems(integration=integration(object_type_name="Orders"), object_type=readme_object_type())
    assert found(problems) == [(NOT_LINKED, "integration.object_type_name", "ObjectTypeName")]
    other_domain = readme_object_type()
    problems = find_link_problems(
        integration=integration(domain_name="other-domain"), object_type=other_domain
    )
    assert found(problems) == [(NOT_LINKED, "object_type.domain_name", "DomainName")]


def test_object_type_names_values_link_too() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # T6: a flow without object_type_name, beside the point here
        linked = integration(object_type_name=None, object_type_names={"SegmentIdentify": "CustomerCsv"})
    typed = object_type({"customer_id": "_source.customer_id"})
    assert [p.rule for p in find_link_problems(integration=linked, object_type=typed)] == ["X6"] * 4


def test_a_response_and_a_template_are_checked_like_a_request() -> None:
    wire = cast("dict[str, Any]", copy.deepcopy(readme_object_type().to_boto3()))
    del wire["DomainName"]
    wire["Fields"]["email"]["Source"] = "_source.mail"
    described = ProfileObjectType.from_boto3(wire)
    assert [p.rule for p in find_link_problems(integration=integration(), object_type=described)] == ["X6", "X6"]
    template = ProfileObjectTypeTemplate.from_boto3(
        {"TemplateId": "Salesforce-Contact", "Fields": {"Id": {"Source": "_source.Id"}}, "Keys": {}}
    )
    flow = salesforce_flow(
        flow_name="contacts",
        kms_arn=KMS_KEY,
        object="Contact",
        connector_profile_name="salesforce",
        fields=["Id"],
        trigger=on_demand_trigger(),
    )
    assert find_link_problems(integration=integration(flow, object_type_name="Salesforce-Contact"), object_type=template) == []
    renamed = salesforce_flow(
        flow_name="contacts",
        kms_arn=KMS_KEY,
        object="Contact",
        connector_profile_name="salesforce",
        fields={"Id": "contact_id"},
        trigger=on_demand_trigger(),
    )
    problems = find_link_problems(integration=integration(renamed, object_type_name="Salesforce-Contact"), object_type=template)
    assert [p.rule for p in problems] == ["X6", "X6"]


def test_nothing_to_compare_without_a_flow_or_fields() -> None:
    no_flow = PutIntegrationRequest(domain_name=DOMAIN, object_type_name="CustomerCsv", uri="arn:aws:sqs:us-east-1:123456789012:q")
    assert find_link_problems(integration=no_flow, object_type=readme_object_type()) == []
    from_template = PutProfileObjectTypeRequest(
        domain_name=DOMAIN, object_type_name="CustomerCsv", description="Customers", template_id="Salesforce-Contact"
    )
    assert find_link_problems(integration=integration(), object_type=from_template) == []


# --- skipping and reporting ---------------------------------------------------------


def mismatched() -> tuple[PutIntegrationRequest, PutProfileObjectTypeRequest]:
    flow = csv_flow(["customer_id", "address"])
    return integration(flow), object_type({"customer_id": "_source.customer_id", "zip": "_source.adress.zip"})


def test_skip_rules_leaves_out_the_rules_named() -> None:
    request, typed = mismatched()
    assert sorted({p.rule for p in find_link_problems(integration=request, object_type=typed)}) == ["X6", "X8"]
    assert [p.rule for p in find_link_problems(integration=request, object_type=typed, skip_rules=["X6"])] == ["X8"]
    assert find_link_problems(integration=request, object_type=typed, skip_rules=["all"]) == []
    with skipping(frozenset({"X8"})):  # what skip_rules("X8") sets
        assert {p.rule for p in find_link_problems(integration=request, object_type=typed)} == {"X6"}


def test_an_unknown_rule_id_is_refused() -> None:
    request, typed = mismatched()
    with pytest.raises(ValueError, match="'X66'"):
        find_link_problems(integration=request, object_type=typed, skip_rules=["X66"])
    with pytest.raises(TypeError, match="not a single string"):
        find_link_problems(integration=request, object_type=typed, skip_rules="X6")


def test_skip_rules_accepts_the_link_rule_ids() -> None:
    # validation.rule_ids() is what skip_rules(...) and from_boto3(skip_rules=...) accept.
    assert RULE_IDS <= validation.rule_ids()
    request, typed = mismatched()
    with skip_rules("X8"):
        assert {p.rule for p in find_link_problems(integration=request, object_type=typed)} == {"X6"}


def test_check_links_warns_at_the_caller() -> None:
    request, typed = mismatched()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_links(integration=request, object_type=typed)
    problems = [w.message.problem for w in caught if isinstance(w.message, ValidationWarning)]
    assert problems == find_link_problems(integration=request, object_type=typed)
    assert {w.filename for w in caught} == {__file__}
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        with pytest.raises(ValidationWarning):
            check_links(integration=request, object_type=typed)
        check_links(integration=request, object_type=typed, skip_rules=["X6", "X8"])


def test_arguments_of_the_wrong_kind_raise_type_error() -> None:
    with pytest.raises(TypeError, match="integration is a PutIntegrationRequest"):
        find_link_problems(integration=cast(Any, integration().to_boto3()), object_type=readme_object_type())
    with pytest.raises(TypeError, match="object_type is a PutProfileObjectTypeRequest"):
        find_link_problems(integration=integration(), object_type=cast(Any, csv_flow()))


# --- online -------------------------------------------------------------------------


def online(request: Any, **state: Any) -> list[tuple[str, str]]:
    return [(p.rule, p.path) for p in find_online_problems(request, DomainState(**state))]


def test_x1_an_object_type_name_that_is_neither_object_type_nor_template() -> None:
    request = integration()
    assert online(request, object_type_names=["Orders"], template_ids=["CTR"]) == [("X1", "object_type_name")]
    assert online(request, object_type_names=["CustomerCsv"], template_ids=["CTR"]) == []
    assert online(integration(object_type_name="CTR"), object_type_names=[], template_ids=["CTR"]) == []
    assert online(integration(object_type_name="_unstructured"), object_type_names=[], template_ids=[]) == []
    assert online(request, object_type_names=["Orders"]) == []  # templates not known: not checked


def test_x1_also_checks_object_type_names_values() -> None:
    request = PutIntegrationRequest(
        domain_name=DOMAIN,
        uri="arn:aws:events:us-east-1:123456789012:event-bus/segment",
        object_type_names={"SegmentIdentify": "Segment-Identify", "ShopifyCreateCustomers": "Shoppers"},
    )
    assert online(request, object_type_names=[], template_ids=["Segment-Identify"]) == [
        ("X1", "object_type_names['ShopifyCreateCustomers']")
    ]


def test_x4_the_event_trigger_exists() -> None:
    request = integration(event_trigger_names=["high-value"])
    assert online(request, event_trigger_names=["other"]) == [("X4", "event_trigger_names[0]")]
    assert online(request, event_trigger_names=["high-value", "other"]) == []


def test_x10_the_flow_key_is_the_domain_key() -> None:
    request = integration()
    assert online(request, default_encryption_key=OTHER_KEY) == [("X10", "flow_definition.kms_arn")]
    assert online(request, default_encryption_key=KMS_KEY) == []
    assert online(request) == []
    problem = find_online_problems(request, DomainState(default_encryption_key=OTHER_KEY))[0]
    assert problem.wire_path == "FlowDefinition.KmsArn" and KMS_KEY not in problem.message


def test_o48_a_new_object_type_beyond_the_quota() -> None:
    full = [f"Type{n}" for n in range(100)]
    assert online(readme_object_type(), object_type_names=full) == [("O48", "object_type_name")]
    assert online(readme_object_type(), object_type_names=[*full[:99], "CustomerCsv"]) == []  # an update
    assert online(readme_object_type(), object_type_names=full[:99]) == []
    assert online(readme_object_type(), object_type_names=full, object_type_quota=150) == []


def trigger(name: str) -> CreateEventTriggerRequest:
    attribute = ObjectAttribute(field_name="total", comparison_operator=ComparisonOperator.GREATER_THAN, values=["100"])
    return CreateEventTriggerRequest(
        domain_name=DOMAIN,
        event_trigger_name=name,
        object_type_name="Orders",
        event_trigger_conditions=[
            EventTriggerCondition(
                event_trigger_dimensions=[EventTriggerDimension(object_attributes=[attribute])],
                logical_operator=EventTriggerLogicalOperator.ANY,
            )
        ],
    )


def test_e20_a_new_event_trigger_beyond_the_quota() -> None:
    full = [f"trigger{n}" for n in range(20)]
    assert online(trigger("high-value"), event_trigger_names=full) == [("E20", "event_trigger_name")]
    assert online(trigger("high-value"), event_trigger_names=full[:19]) == []
    assert online(trigger("high-value"), event_trigger_names=full, event_trigger_quota=25) == []


def test_online_skip_rules_and_warnings() -> None:
    request = integration(event_trigger_names=["missing"])
    state = DomainState(domain_name=DOMAIN, event_trigger_names=[], default_encryption_key=OTHER_KEY)
    assert [p.rule for p in find_online_problems(request, state, skip_rules=["X10"])] == ["X4"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_online(request, state)
    rules = [w.message.problem.rule for w in caught if isinstance(w.message, ValidationWarning) and w.message.problem]
    assert rules == ["X4", "X10"]
    assert {w.filename for w in caught} == {__file__}


def test_online_state_of_another_domain_or_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="other-domain"):
        find_online_problems(integration(), DomainState(domain_name="other-domain"))
    with pytest.raises(TypeError, match="event_trigger_names"):
        DomainState(event_trigger_names=cast(Any, "high-value"))
    with pytest.raises(TypeError, match="state is a DomainState"):
        find_online_problems(integration(), cast(Any, {"event_trigger_names": []}))
    with pytest.raises(TypeError, match="request is a PutIntegrationRequest"):
        find_online_problems(cast(Any, csv_flow()), DomainState())
