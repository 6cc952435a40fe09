"""The object-type rules (O*) of ``object-type-rules.md``: one test per rule.

SAFE rules raise ``ValidationError`` at the right path; WARN rules emit a
``ValidationWarning`` whose problem names the rule, and the request is still
built. Each test also shows a passing neighbour of its violating example. Rules
that are constraints of the AWS model are shown through ``from_boto3`` with
their paths and labels. ``Fields`` and ``Keys`` are sensitive, so their entries
are named by position in paths, and no message shows a name, Source, Target or
Description.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from customer_profiles_typed import (
    ObjectTypeField,
    ObjectTypeKey,
    PutProfileObjectTypeRequest,
    StandardIdentifier,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
    skip_rules,
)

Kwargs = dict[str, Any]

MAPPING: Kwargs = {
    "DomainName": "my-domain",
    "ObjectTypeName": "ShopOrders",
    "Description": "Orders of the web shop",
    "AllowProfileCreation": True,
    "Fields": {
        "orderId": {
            "Source": "_source.orderId",
            "Target": "_order.Attributes.ShopOrderId",
            "ContentType": "STRING",
        },
        "email": {
            "Source": "_source.email",
            "Target": "_profile.EmailAddress",
            "ContentType": "EMAIL_ADDRESS",
        },
        "fullName": {
            "Source": "{{_source.firstName}} {{_source.lastName}}",
            "Target": "_profile.Attributes.FullName",
            "ContentType": "NAME",
        },
        "city": {"Source": "_source.address.city", "Target": "_profile.MailingAddress.City"},
    },
    "Keys": {
        "shopOrderId": [{"StandardIdentifiers": ["UNIQUE", "ORDER"], "FieldNames": ["orderId"]}],
        "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    },
}
"""A clean mapping: fields 0-3 are orderId, email, fullName, city; keys 0-1 shopOrderId, _email."""


def field(position: int, member: str | None = None) -> str:
    """The wire path of a field, by position (its name is sensitive)."""
    where = f"Fields[<key #{position}, not shown>]"
    return where if member is None else f"{where}.{member}"


def key(position: int, definition: int | None = None, member: str | None = None) -> str:
    """The wire path of a key, or of one of its definitions, by position."""
    where = f"Keys[<key #{position}, not shown>]"
    if definition is not None:
        where = f"{where}[{definition}]"
    return where if member is None else f"{where}.{member}"


def mapping(*edits: Callable[[Kwargs], None], **members: Any) -> Kwargs:
    """A copy of the clean mapping, members replaced (``None`` removes one), then edited."""
    kwargs = copy.deepcopy(MAPPING)
    for name, value in members.items():
        if value is None:
            kwargs.pop(name, None)
        else:
            kwargs[name] = value
    for edit in edits:
        edit(kwargs)
    return kwargs


def with_field(name: str, **entry: Any) -> Callable[[Kwargs], None]:
    """An edit that adds a field (position 4 in the clean mapping)."""

    def edit(kwargs: Kwargs) -> None:
        kwargs["Fields"][name] = entry

    return edit


def with_target(position: int, target: str) -> Callable[[Kwargs], None]:
    """An edit that changes the Target of the field at ``position``."""

    def edit(kwargs: Kwargs) -> None:
        list(kwargs["Fields"].values())[position]["Target"] = target

    return edit


def with_source(position: int, source: str) -> Callable[[Kwargs], None]:
    """An edit that changes the Source of the field at ``position``."""

    def edit(kwargs: Kwargs) -> None:
        list(kwargs["Fields"].values())[position]["Source"] = source

    return edit


def with_identifiers(position: int, *identifiers: str) -> Callable[[Kwargs], None]:
    """An edit that sets the StandardIdentifiers of the first definition of a key."""

    def edit(kwargs: Kwargs) -> None:
        list(kwargs["Keys"].values())[position][0]["StandardIdentifiers"] = list(identifiers)

    return edit


def with_key(name: str, *definitions: dict[str, Any]) -> Callable[[Kwargs], None]:
    """An edit that adds a key (position 2 in the clean mapping)."""

    def edit(kwargs: Kwargs) -> None:
        kwargs["Keys"][name] = list(definitions)

    return edit


def on(*field_names: str, identifiers: tuple[str, ...] = ("PROFILE",)) -> dict[str, Any]:
    """A key definition: its identifiers and field names."""
    return {"StandardIdentifiers": list(identifiers), "FieldNames": list(field_names)}


def with_phone_key(*identifiers: str) -> Callable[[Kwargs], None]:
    """An edit that adds a phone field (position 4) and a ``_phone`` key on it (position 2)."""

    def edit(kwargs: Kwargs) -> None:
        kwargs["Fields"]["phone"] = {"Source": "_source.phone", "ContentType": "PHONE_NUMBER"}
        kwargs["Keys"]["_phone"] = [on("phone", identifiers=identifiers)]

    return edit


def refused(kwargs: Kwargs, rule: str, wire_path: str, **options: Any) -> ValidationError:
    # Warnings that come along with the error are beside the point here.
    with warnings.catch_warnings(record=True), pytest.raises(ValidationError) as caught:
        warnings.simplefilter("always")
        PutProfileObjectTypeRequest.from_boto3(kwargs, **options)
    found = [(problem.rule, problem.wire_path) for problem in caught.value.errors]
    assert (rule, wire_path) in found, found
    return caught.value


def warned(kwargs: Kwargs, rule: str, wire_path: str) -> PutProfileObjectTypeRequest:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        request = PutProfileObjectTypeRequest.from_boto3(kwargs)
    found = [
        (w.message.problem.rule, w.message.problem.wire_path)
        for w in caught
        if isinstance(w.message, ValidationWarning) and w.message.problem is not None
    ]
    assert (rule, wire_path) in found, found
    return request


def accepted_quietly(kwargs: Kwargs) -> PutProfileObjectTypeRequest:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        return PutProfileObjectTypeRequest.from_boto3(kwargs)


def test_the_clean_mapping_is_accepted_without_warnings() -> None:
    request = accepted_quietly(mapping())
    assert request.to_boto3() == MAPPING



# --- Model constraints, with their paths and labels -----------------------------------


@pytest.mark.parametrize(
    ("kwargs", "label", "wire_path"),
    [
        pytest.param(mapping(Description=None), "required", "Description", id="O1"),
        pytest.param(
            mapping(ObjectTypeName="1st-party.orders"), "pattern", "ObjectTypeName", id="O3"
        ),
        pytest.param(mapping(ExpirationDays=2000), "max", "ExpirationDays", id="O10-range"),
        pytest.param(
            mapping(with_field("total", Source="_source.total", ContentType="EMAIL")),
            "enum",
            field(4, "ContentType"),
            id="O27",
        ),
        pytest.param(
            mapping(with_identifiers(1, "PRIMARY")),
            "enum",
            key(1, 0, "StandardIdentifiers[0]"),
            id="O33",
        ),
        pytest.param(
            mapping(MaxAvailableProfileObjectCount=3),
            "unknown-key",
            "MaxAvailableProfileObjectCount",
            id="O49",
        ),
        pytest.param(
            mapping(with_key("customer.id", on("email"))), "pattern", key(2), id="O28-pattern"
        ),
    ],
)
def test_model_constraints_are_reported_with_their_paths(
    kwargs: Kwargs, label: str, wire_path: str
) -> None:
    error = refused(kwargs, label, wire_path)
    assert all(problem.rule == label for problem in error.errors), error.errors


def test_the_model_constraint_keeps_the_o10_quota_warning_quiet() -> None:
    error = refused(mapping(ExpirationDays=2000), "max", "ExpirationDays")
    assert "O10" not in {problem.rule for problem in error.warnings}


# --- Request members (section 2.1) -------------------------------------------------------

TEMPLATE: Kwargs = {
    "DomainName": "my-domain",
    "ObjectTypeName": "CTR",
    "Description": "Contact records",
    "TemplateId": "CTR",
}


def test_o4_a_leading_underscore_in_the_type_name_warns() -> None:
    warned(mapping(ObjectTypeName="_asset"), "O4", "ObjectTypeName")
    accepted_quietly(mapping(ObjectTypeName="asset"))


def test_o7_a_template_excludes_fields_and_keys() -> None:
    kwargs = mapping(TemplateId="MyTemplateId", AllowProfileCreation=None)
    error = refused(kwargs, "O7", "Fields")
    assert ("O7", "Keys") in [(p.rule, p.wire_path) for p in error.errors]
    accepted_quietly(TEMPLATE)


def test_o8_a_template_with_its_own_settings_warns() -> None:
    warned({**TEMPLATE, "AllowProfileCreation": True}, "O8", "AllowProfileCreation")
    warned(
        {**TEMPLATE, "SourceLastUpdatedTimestampFormat": "EpochMilli"},
        "O8",
        "SourceLastUpdatedTimestampFormat",
    )
    accepted_quietly(TEMPLATE)


def test_o9_without_a_template_fields_and_keys_are_both_needed() -> None:
    refused(mapping(Keys=None), "O9", "Keys")
    refused(mapping(Fields={}), "O9", "Fields")
    accepted_quietly(mapping())


def test_o10_an_expiration_above_the_default_quota_warns() -> None:
    warned(mapping(ExpirationDays=1098), "O10", "ExpirationDays")
    accepted_quietly(mapping(ExpirationDays=1096))


def test_o11_an_empty_encryption_key_warns() -> None:
    warned(mapping(EncryptionKey=""), "O11", "EncryptionKey")
    accepted_quietly(mapping(EncryptionKey="arn:aws:kms:us-east-1:123456789012:key/1234abcd"))


def test_o13_a_profile_timestamp_target_needs_a_format() -> None:
    timestamp = with_field(
        "updated", Source="_source.updated", Target="_profile.SourceLastUpdatedTimestamp"
    )
    refused(mapping(timestamp), "O13", "SourceLastUpdatedTimestampFormat")
    for pattern in ("EpochMilli", "yyyy-MM-dd'T'HH:mm:ss.SSSZ"):
        accepted_quietly(mapping(timestamp, SourceLastUpdatedTimestampFormat=pattern))
    # The warning half: a format that is neither EpochMilli nor a date pattern.
    unknown = mapping(timestamp, SourceLastUpdatedTimestampFormat="ISO8601")
    warned(unknown, "O13", "SourceLastUpdatedTimestampFormat")


def test_o14_a_max_object_count_above_the_default_quota_warns() -> None:
    warned(mapping(MaxProfileObjectCount=5000), "O14", "MaxProfileObjectCount")
    accepted_quietly(mapping(MaxProfileObjectCount=1000))


# --- Fields (section 2.2) -------------------------------------------------------------------


def test_o16_field_names_start_with_a_letter_and_are_not_tags() -> None:
    for name in ("tags", "Tags", "_id", "-id", "1st"):
        refused(mapping(with_field(name, Source="_source.x")), "O16", field(4))
    for name in ("id", "mailingAddress.city", "Tagsline"):
        accepted_quietly(mapping(with_field(name, Source="_source.x")))


def test_o17_more_than_250_fields_warn() -> None:
    def fields(count: int) -> Callable[[Kwargs], None]:
        def edit(kwargs: Kwargs) -> None:
            for number in range(count - len(kwargs["Fields"])):
                kwargs["Fields"][f"extra{number}"] = {"Source": f"_source.extra{number}"}

        return edit

    warned(mapping(fields(251)), "O17", "Fields")
    accepted_quietly(mapping(fields(250)))


def test_o18_a_field_without_source_warns() -> None:
    warned(mapping(with_field("first", Target="_profile.FirstName")), "O18", field(4, "Source"))
    accepted_quietly(
        mapping(with_field("first", Source="_source.first", Target="_profile.FirstName"))
    )


def test_o19_a_source_that_does_not_read_from_source_warns() -> None:
    warned(mapping(with_source(0, "RappiId")), "O19", field(0, "Source"))
    warned(mapping(with_source(2, "{{firstName}} {{lastName}}")), "O19", field(2, "Source"))
    accepted_quietly(mapping(with_source(0, "_source.RappiId")))
    accepted_quietly(mapping(with_source(2, "{{#if _source.vip}}VIP {{/if}}{{_source.name}}")))


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("{{_source.firstName} {{_source.lastName}}", id="brace-missing"),
        pytest.param("{{_source.firstName", id="never-closed"),
        pytest.param("{{{_source.firstName}}", id="triple-never-closed"),
        pytest.param("{{#if _source.vip}}VIP", id="block-never-closed"),
        pytest.param("{{#if _source.vip}}VIP{{/each}}", id="block-mismatched"),
        pytest.param("{{_source.a}}{{/if}}", id="close-without-open"),
        pytest.param("{{!-- note {{_source.a}}", id="comment-never-closed"),
    ],
)
def test_o20_malformed_handlebars_is_refused(source: str) -> None:
    refused(mapping(with_source(2, source)), "O20", field(2, "Source"))


@pytest.mark.parametrize(
    "source",
    [
        "{{#if _source.vip}}VIP{{else}}{{_source.tier}}{{/if}}",
        "{{#each _source.items}}{{this}}{{/each}} {{~#unless _source.x~}}-{{~/unless~}}",
        '{{#removeExtraSpace}}{{_source.a}} {{concat "}}" _source.b}}{{/removeExtraSpace}}',
        "{{#with _source.address}}{{city}}{{/with}}{{^_source.vip}}-{{/_source.vip}}",
        "{{{_source.raw}}} {{! a comment's text }} {{!-- {{ ignored }} --}} \\{{literal}}",
    ],
)
def test_o20_well_formed_handlebars_passes(source: str) -> None:
    accepted_quietly(mapping(with_source(2, source)))


def test_o20_unknown_block_helpers_and_stray_closers_warn() -> None:
    unknown = "{{#shout _source.name}}x{{/shout}}"
    warned(mapping(with_source(2, unknown)), "O20", field(2, "Source"))
    warned(mapping(with_source(2, "{{_source.name}}}}")), "O20", field(2, "Source"))


def test_o21_a_target_root_is_a_standard_object() -> None:
    refused(mapping(with_target(2, "Attributes.SegmentUserId")), "O21", field(2, "Target"))
    refused(mapping(with_target(2, "FirstName")), "O21", field(2, "Target"))
    warned(mapping(with_target(2, "_contact.Name")), "O21", field(2, "Target"))
    accepted_quietly(mapping(with_target(2, "_profile.Attributes.SegmentUserId")))


def test_o22_a_profile_target_names_a_real_attribute() -> None:
    for position, target in (
        (1, "_profile.BusinessEmail"),
        (3, "_profile.MailingAddress.Town"),
        (3, "_profile"),
    ):
        refused(mapping(with_target(position, target)), "O22", field(position, "Target"))
    for position, target in (
        (1, "_profile.BusinessEmailAddress"),
        (3, "_profile.ShippingAddress.PostalCode"),
        (1, "_profile.EngagementPreferences.Email"),
    ):
        accepted_quietly(mapping(with_target(position, target)))
    # The warning half: other standard objects' fields, as the Admin Guide listed them.
    warned(mapping(with_target(0, "_order.Colour")), "O22", field(0, "Target"))
    accepted_quietly(mapping(with_target(0, "_order.TotalPrice")))


def test_o23_system_managed_ids_are_never_targets() -> None:
    error = refused(mapping(with_target(0, "_profile.ProfileId")), "O23", field(0, "Target"))
    assert "O22" not in {problem.rule for problem in error.errors}
    refused(mapping(with_target(0, "_order.OrderId")), "O23", field(0, "Target"))
    refused(mapping(with_target(0, "_profile.FoundByItems[0].KeyName")), "O23", field(0, "Target"))
    accepted_quietly(mapping(with_target(0, "_order.Attributes.OrderId")))


def test_o24_gender_and_gender_string_exclude_each_other() -> None:
    gender = with_field("gender", Source="_source.gender", Target="_profile.GenderString")
    refused(mapping(with_target(2, "_profile.Gender"), gender), "O24", field(4, "Target"))
    party = with_field("party", Source="_source.party", Target="_profile.PartyType")
    refused(mapping(with_target(2, "_profile.PartyTypeString"), party), "O24", field(4, "Target"))
    accepted_quietly(mapping(gender))


def test_o25_targets_of_a_standard_object_need_its_identifier() -> None:
    refused(mapping(with_identifiers(0, "UNIQUE")), "O25", field(0, "Target"))
    refused(mapping(with_target(3, "_asset.SerialNumber")), "O25", field(3, "Target"))
    accepted_quietly(mapping())
    # An identifier without targets is fine: the rule runs one way only.
    accepted_quietly(mapping(with_identifiers(0, "UNIQUE", "ORDER", "ASSET")))
    # _communicationRecord lists no identifier in the docs: a warning only.
    record = with_target(2, "_communicationRecord.Events.email.Attributes.subject")
    warned(mapping(record), "O25", field(2, "Target"))


# --- Keys (section 2.3) -----------------------------------------------------------------------


def test_o28_key_names_start_with_a_letter_or_underscore_and_are_not_tags() -> None:
    for name in ("-id", "1st", "Tags", "tags"):
        refused(mapping(with_key(name, on("email"))), "O28", key(2))
    accepted_quietly(mapping(with_key("contactEmail", on("email"))))


def test_o29_an_underscore_key_that_is_not_predefined_warns() -> None:
    warned(mapping(with_key("_crmId", on("email"))), "O29", key(2))
    accepted_quietly(mapping(with_key("crmId", on("email"))))
    accepted_quietly(mapping(with_key("_account", on("email"))))


def test_o30_reserved_id_keys_are_lookup_only() -> None:
    profile_id = with_field("profileId", Source="_source.profileId")
    stored = with_key("_profileId", on("profileId"))
    refused(mapping(profile_id, stored), "O30", key(2, 0, "StandardIdentifiers"))
    lookup = with_key("_profileId", on("profileId", identifiers=("PROFILE", "LOOKUP_ONLY")))
    accepted_quietly(mapping(profile_id, lookup))


def test_o31_keys_list_fields_of_the_object_type() -> None:
    refused(mapping(with_key("_phone", on("phone"))), "O31", key(2, 0, "FieldNames[0]"))
    refused(mapping(with_key("_phone", on())), "O31", key(2, 0, "FieldNames"))
    no_names = {"StandardIdentifiers": ["PROFILE"]}
    refused(mapping(with_key("_phone", no_names)), "O31", key(2, 0, "FieldNames"))
    refused(mapping(with_key("_phone")), "O31", key(2))
    accepted_quietly(mapping(with_phone_key("PROFILE")))


def test_o32_a_key_on_a_dotted_field_name_warns() -> None:
    dotted = with_field("mailingAddress.city", Source="_source.city")
    on_dotted = with_key("cityKey", on("mailingAddress.city"))
    # The model's FieldNames item shape refuses the dot, but field names may hold
    # dots: the items are checked as field names, and only the rule warns.
    warned(mapping(dotted, on_dotted), "O32", key(2, 0, "FieldNames[0]"))
    accepted_quietly(mapping(dotted))
    refused(mapping(dotted, with_key("cityKey", on("city/name"))), "pattern", key(2, 0, "FieldNames[0]"))


def test_o34_exactly_one_key_definition_is_unique() -> None:
    two = with_identifiers(1, "PROFILE", "UNIQUE")
    refused(mapping(two), "O34", key(1, 0, "StandardIdentifiers"))
    refused(mapping(with_identifiers(0, "ORDER")), "O34", "Keys")
    accepted_quietly(mapping())


def test_o34_can_be_skipped() -> None:
    two = mapping(with_identifiers(1, "PROFILE", "UNIQUE"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", ValidationWarning)
        request = PutProfileObjectTypeRequest.from_boto3(two, skip_rules={"O34"})
        assert request.to_boto3() == two
        with skip_rules("O34"):
            built = PutProfileObjectTypeRequest(
                domain_name="my-domain",
                object_type_name="ShopOrders",
                description="Orders of the web shop",
                fields=request.fields,
                keys=request.keys,
            )
    assert built.keys == request.keys


def test_o34_is_checked_when_built_in_code() -> None:
    unique = ObjectTypeKey(
        standard_identifiers=[StandardIdentifier.UNIQUE, StandardIdentifier.PROFILE],
        field_names=["email"],
    )
    with pytest.raises(ValidationError) as caught:
        PutProfileObjectTypeRequest(
            domain_name="my-domain",
            object_type_name="Contacts",
            description="Contacts",
            fields={"email": ObjectTypeField(source="_source.email", target="_profile.FirstName")},
            keys={"_email": [unique], "_account": [unique]},
        )
    assert [(p.rule, p.path, p.wire_path) for p in caught.value.errors] == [
        (
            "O34",
            "keys[<key #1, not shown>][0].standard_identifiers",
            key(1, 0, "StandardIdentifiers"),
        )
    ]


def test_o35_at_least_one_key_is_profile() -> None:
    refused(mapping(with_identifiers(1, "SECONDARY")), "O35", "Keys")
    refused(mapping(with_identifiers(1, "NEW_ONLY")), "O35", "Keys")
    accepted_quietly(mapping())


def test_o36_profile_creation_needs_a_stored_profile_key() -> None:
    lookup_only = with_identifiers(1, "PROFILE", "LOOKUP_ONLY")
    refused(mapping(lookup_only), "O36", "Keys")
    refused(mapping(with_identifiers(1, "PROFILE", "NEW_ONLY")), "O36", "Keys")
    accepted_quietly(mapping(lookup_only, AllowProfileCreation=False))
    accepted_quietly(mapping(lookup_only, AllowProfileCreation=None))


def test_o37_unique_never_comes_with_lookup_only_or_new_only() -> None:
    for role in ("LOOKUP_ONLY", "NEW_ONLY"):
        unique = with_identifiers(0, "UNIQUE", "ORDER", role)
        refused(mapping(unique), "O37", key(0, 0, "StandardIdentifiers"))
    accepted_quietly(mapping(with_identifiers(0, "UNIQUE", "ORDER")))


def test_o38_secondary_without_profile_warns() -> None:
    warned(mapping(with_phone_key("SECONDARY")), "O38", key(2, 0, "StandardIdentifiers"))
    accepted_quietly(mapping(with_phone_key("PROFILE", "SECONDARY")))


def test_o39_lookup_only_or_new_only_without_a_matching_role_warns() -> None:
    warned(mapping(with_phone_key("NEW_ONLY")), "O39", key(2, 0, "StandardIdentifiers"))
    accepted_quietly(mapping(with_phone_key("PROFILE", "NEW_ONLY")))


def test_o40_more_than_10_key_definitions_warn() -> None:
    def definitions(count: int) -> Callable[[Kwargs], None]:
        return with_key("extraKey", *[on("email") for _ in range(count - 2)])

    warned(mapping(definitions(11)), "O40", "Keys")
    accepted_quietly(mapping(definitions(10)))


def test_o41_predefined_keys_keep_their_content_type() -> None:
    name = with_key("_fullName", on("fullName"))

    def as_string(kwargs: Kwargs) -> None:
        kwargs["Fields"]["fullName"]["ContentType"] = "STRING"

    warned(mapping(name, as_string), "O41", key(2, 0, "FieldNames[0]"))
    accepted_quietly(mapping(name))


# --- Sensitive values ----------------------------------------------------------------------

SENTINEL = "Sentinel7x9"


def sentinel_requests() -> list[Kwargs]:
    """Requests that break most O-rules with the sentinel in every sensitive place."""
    s = SENTINEL
    fields = {
        f"{s}a": {"Source": s, "Target": f"{s}.x"},
        f"_{s}b": {"Source": f"{{{{#{s} _source.x}}}}{{{{/{s}}}}}", "Target": f"_{s}.x"},
        f"{s}c": {"Source": f"{{{{_source.{s}", "Target": f"_profile.{s}"},
        f"{s}d": {"Source": f"{{{{#if x}}}}{s}{{{{/each}}}}", "Target": f"_profile.Address.{s}"},
        f"{s}e": {"Source": f"_source.{s}}}}}", "Target": f"_asset.{s}"},
        f"{s}f": {"Target": f"_profile.ProfileId.{s}"},
        "tags": {"Source": f"_source.{s}", "Target": f"_communicationRecord.{s}"},
        f"{s}g": {"Source": f"_source.{s}", "Target": "_profile.Gender"},
        f"{s}h": {"Source": f"_source.{s}", "Target": "_profile.GenderString"},
        f"{s}i": {"Source": f"_source.{s}", "Target": "_profile.SourceLastUpdatedTimestamp"},
    }
    keys = {
        f"_{s}": [
            on(f"{s}a", f"{s}z", identifiers=("UNIQUE", "LOOKUP_ONLY")),
            on(identifiers=("UNIQUE", "SECONDARY")),
        ],
        f"-{s}": [],
        "_profileId": [on(f"{s}a", identifiers=("NEW_ONLY",))] * 10,
        "_fullName": [on(f"{s}a", identifiers=())],
    }
    base = {
        "DomainName": "my-domain",
        "ObjectTypeName": f"_{s}",
        "Description": f"{s} description",
        "AllowProfileCreation": True,
        "ExpirationDays": 1097,
        "EncryptionKey": "",
        "MaxProfileObjectCount": 5000,
    }
    with_template = {
        **base,
        "TemplateId": "CTR",
        "SourceLastUpdatedTimestampFormat": "nonsense",
        "Fields": fields,
        "Keys": keys,
    }
    return [{**base, "Fields": fields, "Keys": keys}, with_template, {**base, "Fields": {}}]


def all_problems(kwargs: Kwargs) -> tuple[list[ValidationProblem], list[str]]:
    """Every problem reported for a request, and every text shown for them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            PutProfileObjectTypeRequest.from_boto3(kwargs)
        except ValidationError as error:
            return [*error.errors, *error.warnings], [str(error)]
    shown = [str(w.message) for w in caught]
    problems = [
        w.message.problem
        for w in caught
        if isinstance(w.message, ValidationWarning) and w.message.problem is not None
    ]
    return problems, shown


def test_no_message_shows_a_sensitive_value() -> None:
    rules: set[str] = set()
    for kwargs in sentinel_requests():
        problems, shown = all_problems(kwargs)
        rules.update(problem.rule for problem in problems)
        for problem in problems:
            for text in (problem.message, problem.path, problem.wire_path):
                assert SENTINEL not in text, problem
        for text in shown:
            assert SENTINEL not in text
    expected = {
        "O4", "O7", "O8", "O9", "O10", "O11", "O13", "O14", "O16", "O18", "O19", "O20",
        "O21", "O22", "O23", "O24", "O25", "O28", "O29", "O30", "O31", "O34", "O35",
        "O36", "O37", "O38", "O39", "O40", "O41",
    }  # fmt: skip
    assert expected <= rules, sorted(expected - rules)
