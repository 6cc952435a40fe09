"""``object_type_from_flow``: the object type's fields come from the flow's Map tasks.

The README's five-column CSV flow gives one field per column, read from
``_source.<DestinationField>``; the small mapping adds targets, content types
and keys; a mapping entry the flow does not produce, or a destination field
that cannot be a field name, is refused with its path and nothing else.
"""

from __future__ import annotations

import warnings
from typing import Any, cast

import pytest

from customer_profiles_typed import (
    FieldContentType,
    FlowDefinition,
    ObjectTypeKey,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    S3ConnectorOperator,
    S3SourceProperties,
    SourceFlowConfig,
    StandardIdentifier,
    Task,
    TaskType,
    ValidationError,
)
from customer_profiles_typed.builders import (
    FieldMapping,
    FieldSpec,
    Fields,
    object_type_from_flow,
    on_demand_trigger,
    s3_flow,
    salesforce_flow,
    zendesk_flow,
)

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
CSV_COLUMNS = ["customer_id", "first_name", "last_name", "email", "phone"]
PROFILE, UNIQUE = StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE

README_SPECS = {
    "customer_id": FieldSpec(key=(PROFILE, UNIQUE)),
    "first_name": FieldSpec(target="_profile.FirstName", content_type=FieldContentType.NAME),
    "last_name": FieldSpec(target="_profile.LastName", content_type=FieldContentType.NAME),
    "email": FieldSpec(
        target="_profile.EmailAddress", content_type=FieldContentType.EMAIL_ADDRESS, key=(PROFILE,)
    ),
}


def csv_flow(fields: Fields = CSV_COLUMNS) -> FlowDefinition[S3ConnectorOperator]:
    return s3_flow(
        flow_name="customers-from-s3",
        kms_arn=KMS_KEY,
        bucket_name="example-customer-exports",
        bucket_prefix="customers/",
        fields=fields,
        trigger=on_demand_trigger(),
    )


def build(flow: FlowDefinition[Any], fields: dict[str, FieldSpec], **options: Any) -> PutProfileObjectTypeRequest:
    return object_type_from_flow(
        flow,
        domain_name="demo-domain",
        object_type_name="CustomerCsv",
        description="Customers exported as CSV",
        fields=fields,
        **options,
    )


def refused(flow: FlowDefinition[Any], fields: dict[str, FieldSpec]) -> list[tuple[str, str, str]]:
    """The (rule, path, wire path) of each problem the builder reports."""
    with pytest.raises(ValidationError) as caught:
        build(flow, fields)
    return [(p.rule, p.path, p.wire_path) for p in caught.value.errors]


def test_the_readme_csv_gives_one_field_per_column_read_from_source() -> None:
    request = build(csv_flow(), README_SPECS)
    assert request.to_boto3() == {
        "DomainName": "demo-domain",
        "ObjectTypeName": "CustomerCsv",
        "Description": "Customers exported as CSV",
        "Fields": {
            "customer_id": {"Source": "_source.customer_id"},
            "first_name": {"Source": "_source.first_name", "Target": "_profile.FirstName", "ContentType": "NAME"},
            "last_name": {"Source": "_source.last_name", "Target": "_profile.LastName", "ContentType": "NAME"},
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "phone": {"Source": "_source.phone"},
        },
        "Keys": {
            "customer_id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["customer_id"]}],
            "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    }
    assert list(request.to_boto3()["Fields"]) == CSV_COLUMNS  # Map task order


def test_the_result_is_a_normal_request_that_round_trips() -> None:
    request = build(csv_flow(), README_SPECS)
    assert isinstance(request, PutProfileObjectTypeRequest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # only the round trip is at stake here
        assert PutProfileObjectTypeRequest.from_boto3(request.to_boto3()) == request


def test_fields_are_named_after_the_destination_not_the_source_column() -> None:
    flow = csv_flow(["customer_id", FieldMapping("tel", "phone"), "email"])
    request = build(flow, {"customer_id": FieldSpec(key=(PROFILE, UNIQUE)), "phone": FieldSpec(key=(PROFILE,))})
    assert request.fields is not None and request.keys is not None
    assert list(request.fields) == ["customer_id", "phone", "email"]
    assert request.fields["phone"].source == "_source.phone"
    assert request.keys["phone"][0].field_names == ("phone",)


def test_the_request_options_are_passed_through() -> None:
    request = build(
        csv_flow(),
        README_SPECS,
        allow_profile_creation=True,
        expiration_days=365,
        encryption_key=KMS_KEY,
        source_priority=2,
        tags={"team": "crm"},
    )
    wire = request.to_boto3()
    assert (wire["AllowProfileCreation"], wire["ExpirationDays"], wire["EncryptionKey"]) == (True, 365, KMS_KEY)
    assert (wire["SourcePriority"], wire["Tags"]) == (2, {"team": "crm"})


def test_a_key_name_can_differ_from_the_field_and_be_shared() -> None:
    flow = csv_flow(["customer_id", "email", "work_email"])
    request = build(
        flow,
        {
            "customer_id": FieldSpec(key=(PROFILE, UNIQUE)),
            "email": FieldSpec(content_type=FieldContentType.EMAIL_ADDRESS, key=[PROFILE], key_name="_email"),
            "work_email": FieldSpec(content_type=FieldContentType.EMAIL_ADDRESS, key=[PROFILE], key_name="_email"),
        },
    )
    assert request.to_boto3()["Keys"]["_email"] == [
        {"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]},
        {"StandardIdentifiers": ["PROFILE"], "FieldNames": ["work_email"]},
    ]


def test_an_empty_key_role_list_makes_a_search_only_key() -> None:
    request = build(csv_flow(), {**README_SPECS, "phone": FieldSpec(key=())})
    assert request.to_boto3()["Keys"]["phone"] == [{"StandardIdentifiers": [], "FieldNames": ["phone"]}]


def test_keys_written_by_hand_are_added() -> None:
    full_name = ObjectTypeKey(standard_identifiers=[PROFILE], field_names=["first_name", "last_name"])
    request = build(csv_flow(), README_SPECS, keys={"fullName": [full_name]})
    keys = request.to_boto3()["Keys"]
    assert keys["fullName"] == [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["first_name", "last_name"]}]
    assert set(keys) == {"customer_id", "email", "fullName"}


def test_a_flow_of_any_connector_works() -> None:
    common: dict[str, Any] = {
        "flow_name": "f1",
        "kms_arn": KMS_KEY,
        "connector_profile_name": "p",
        "trigger": on_demand_trigger(),
    }
    salesforce = salesforce_flow(**common, object="Contact", fields={"Id": "Id", "Email": "Email"})
    zendesk = zendesk_flow(**common, object="users", fields=["id", "email"])
    assert build(salesforce, {"Id": FieldSpec(key=(PROFILE, UNIQUE))}).to_boto3()["Fields"] == {
        "Id": {"Source": "_source.Id"},
        "Email": {"Source": "_source.Email"},
    }
    assert list(build(zendesk, {"id": FieldSpec(key=(PROFILE, UNIQUE))}).to_boto3()["Fields"]) == ["id", "email"]


def test_an_entry_naming_a_field_the_flow_does_not_produce_is_refused() -> None:
    # The X6 mistake: the object type would read a field the records never have.
    specs = {**README_SPECS, "email_address": FieldSpec(key=(PROFILE,))}
    assert refused(csv_flow(), specs) == [
        ("X6", "fields[<key #4, not shown>]", "Fields[<key #4, not shown>]")
    ]


def test_every_problem_is_reported_at_once_without_the_names() -> None:
    with pytest.raises(ValidationError) as caught:
        build(csv_flow(), {"mail": FieldSpec(), "customer_id": FieldSpec(key=(PROFILE, UNIQUE)), "tel": FieldSpec()})
    assert [(p.rule, p.path) for p in caught.value.errors] == [
        ("X6", "fields[<key #0, not shown>]"),
        ("X6", "fields[<key #2, not shown>]"),
    ]
    assert "mail" not in str(caught.value) and "tel" not in str(caught.value)  # sensitive


def test_a_destination_field_that_cannot_be_a_field_name_is_refused_at_its_task() -> None:
    flow = csv_flow(["customer_id", FieldMapping("full name", "full name")])
    assert refused(flow, {"customer_id": FieldSpec(key=(PROFILE, UNIQUE))}) == [
        ("pattern", "flow.tasks[2].destination_field", "FlowDefinition.Tasks[2].DestinationField")
    ]


def test_a_too_long_destination_field_is_refused_at_its_task() -> None:
    flow = csv_flow(["customer_id", "x" * 65])
    problems = refused(flow, {"customer_id": FieldSpec(key=(PROFILE, UNIQUE))})
    assert problems == [("pattern", "flow.tasks[2].destination_field", "FlowDefinition.Tasks[2].DestinationField")]


def test_a_dotted_field_is_fine_but_cannot_be_part_of_a_key() -> None:
    flow = salesforce_flow(
        flow_name="f1",
        kms_arn=KMS_KEY,
        object="Contact",
        connector_profile_name="p",
        fields={"Id": "Id", "MailingCity": "mailing.city"},
        trigger=on_demand_trigger(),
    )
    unique = FieldSpec(key=(PROFILE, UNIQUE))
    # The model's FieldNames items allow no dots, whatever the key is called.
    assert refused(flow, {"Id": unique, "mailing.city": FieldSpec(key=(), key_name="mailingCity")}) == [
        ("pattern", "fields[<key #1, not shown>].key", "Fields[<key #1, not shown>]")
    ]
    request = build(flow, {"Id": unique, "mailing.city": FieldSpec(target="_profile.MailingAddress.City")})
    assert request.to_boto3()["Fields"]["mailing.city"] == {
        "Source": "_source.mailing.city",
        "Target": "_profile.MailingAddress.City",
    }


def test_a_key_name_the_model_does_not_allow_is_refused() -> None:
    specs = {**README_SPECS, "phone": FieldSpec(key=[PROFILE], key_name="home phone")}
    assert refused(csv_flow(), specs) == [
        ("pattern", "fields[<key #4, not shown>].key_name", "Fields[<key #4, not shown>]")
    ]


def test_a_flow_without_map_tasks_is_refused() -> None:
    flow = FlowDefinition(
        flow_name="f1",
        kms_arn=KMS_KEY,
        source_flow_config=SourceFlowConfig(
            source_connector_properties=S3SourceProperties(bucket_name="example-customer-exports")
        ),
        tasks=[
            Task(
                task_type=TaskType.FILTER,
                source_fields=["a"],
                connector_operator=S3ConnectorOperator.PROJECTION,
            )
        ],
        trigger_config=on_demand_trigger(),
    )
    assert refused(flow, {}) == [("X6", "flow.tasks", "FlowDefinition.Tasks")]


def test_the_request_checks_itself_against_the_model() -> None:
    with pytest.raises(ValidationError) as caught:
        build(csv_flow(), README_SPECS, expiration_days=5000)
    assert [(p.rule, p.path) for p in caught.value.errors if p.rule == "max"] == [("max", "expiration_days")]


def test_arguments_of_the_wrong_kind_raise_type_error() -> None:
    integration = PutIntegrationRequest(domain_name="d1", object_type_name="T", flow_definition=csv_flow())
    with pytest.raises(TypeError, match="flow is a FlowDefinition"):
        build(cast(Any, integration), README_SPECS)
    with pytest.raises(TypeError, match="fields maps destination field names"):
        build(csv_flow(), cast(Any, ["customer_id"]))
    with pytest.raises(TypeError, match="entry #0"):
        build(csv_flow(), cast(Any, {"customer_id": "PROFILE"}))


def test_field_spec_freezes_its_key_roles() -> None:
    roles = [PROFILE]
    spec = FieldSpec(key=roles)
    roles.append(UNIQUE)
    assert spec.key == (PROFILE,)
    assert FieldSpec().key is None
