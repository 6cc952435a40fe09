"""Typing cases for the object type, event trigger, tag and domain methods of the clients.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence

from typing_extensions import assert_type

from customer_profiles_typed import (
    ComparisonOperator,
    CreateEventTriggerRequest,
    Domain,
    DomainSummary,
    EventTrigger,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLogicalOperator,
    EventTriggerSummary,
    FieldContentType,
    GetDomainRequest,
    ListDomainsRequest,
    ObjectAttribute,
    ObjectTypeField,
    ObjectTypeKey,
    ProfileObjectType,
    ProfileObjectTypeSummary,
    ProfileObjectTypeTemplate,
    ProfileObjectTypeTemplateSummary,
    PutProfileObjectTypeRequest,
    StandardIdentifier,
)
from customer_profiles_typed.aio import AsyncCustomerProfiles, AsyncIntegrationClient
from customer_profiles_typed.client import CustomerProfiles, IntegrationClient

ARN = "arn:aws:profile:us-east-1:123456789012:domains/d"
FIELDS = {"email": ObjectTypeField(source="_source.email", content_type=FieldContentType.EMAIL_ADDRESS)}
KEYS = {"_email": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"])]}
CONDITIONS = [
    EventTriggerCondition(
        event_trigger_dimensions=[
            EventTriggerDimension(
                object_attributes=[
                    ObjectAttribute(
                        source="_source.total", comparison_operator=ComparisonOperator.GREATER_THAN, values=["1"]
                    )
                ]
            )
        ],
        logical_operator=EventTriggerLogicalOperator.ANY,
    )
]


def sync_results(profiles: CustomerProfiles) -> None:
    assert_type(
        profiles.put_profile_object_type(
            domain_name="d", object_type_name="o", description="x", fields=FIELDS, keys=KEYS
        ),
        ProfileObjectType,
    )
    assert_type(profiles.get_profile_object_type(domain_name="d", object_type_name="o"), ProfileObjectType)
    assert_type(profiles.list_profile_object_types(domain_name="d"), Iterator[ProfileObjectTypeSummary])
    assert_type(profiles.delete_profile_object_type(domain_name="d", object_type_name="o"), str)
    assert_type(profiles.list_profile_object_type_templates(page_size=5), Iterator[ProfileObjectTypeTemplateSummary])
    assert_type(profiles.get_profile_object_type_template(template_id="CTR"), ProfileObjectTypeTemplate)
    assert_type(
        profiles.create_event_trigger(
            domain_name="d", event_trigger_name="t", object_type_name="o", event_trigger_conditions=CONDITIONS
        ),
        EventTrigger,
    )
    assert_type(profiles.get_event_trigger(domain_name="d", event_trigger_name="t"), EventTrigger)
    assert_type(profiles.update_event_trigger(domain_name="d", event_trigger_name="t"), EventTrigger)
    assert_type(profiles.list_event_triggers(domain_name="d", page_size=10), Iterator[EventTriggerSummary])
    assert_type(profiles.delete_event_trigger(domain_name="d", event_trigger_name="t"), str)
    assert_type(profiles.tag_resource(resource_arn=ARN, tags={"team": "crm"}), None)
    assert_type(profiles.untag_resource(resource_arn=ARN, tag_keys=["team"]), None)
    assert_type(profiles.list_tags_for_resource(resource_arn=ARN), Mapping[str, str])
    assert_type(profiles.create_domain(domain_name="d", default_expiration_days=30), Domain)
    assert_type(profiles.get_domain(domain_name="d"), Domain)
    assert_type(profiles.update_domain(domain_name="d", default_expiration_days=7), Domain)
    assert_type(profiles.delete_domain(domain_name="d"), str)
    assert_type(profiles.list_domains(), Iterator[DomainSummary])


def sync_request_variants(profiles: CustomerProfiles, put: PutProfileObjectTypeRequest) -> None:
    assert_type(profiles.put_profile_object_type_request(put), ProfileObjectType)
    assert_type(profiles.get_domain_request(GetDomainRequest(domain_name="d")), Domain)
    assert_type(profiles.list_domains_request(ListDomainsRequest(max_results=5)), Iterator[DomainSummary])


def the_old_name(legacy: IntegrationClient) -> None:
    assert_type(legacy, CustomerProfiles)
    assert_type(legacy.get_domain(domain_name="d"), Domain)


def sync_mistakes(profiles: CustomerProfiles, identifiers: Sequence[StandardIdentifier]) -> None:
    ObjectTypeField(content_type=StandardIdentifier.PROFILE)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    ObjectTypeKey(standard_identifiers=[FieldContentType.STRING])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    profiles.put_profile_object_type(domain_name="d", object_type_name="o", description="x", keys={"k": "email"})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    profiles.put_profile_object_type(domain_name="d", object_type_name="o", description="x", fields=KEYS)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    profiles.put_profile_object_type(domain_name="d", object_type_name="o")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.create_event_trigger(domain_name="d", event_trigger_name="t", object_type_name="o", event_trigger_conditions=identifiers)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    profiles.list_domains(max_results=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.list_event_triggers(domain_name="d", next_token="t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.get_domain(DomainName="d")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.tag_resource(resource_arn=ARN, tags=["team"])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    profiles.put_profile_object_type_request(GetDomainRequest(domain_name="d"))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    _trigger: EventTrigger = profiles.get_profile_object_type(domain_name="d", object_type_name="o")  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    _tags: dict[str, str] = profiles.list_tags_for_resource(resource_arn=ARN)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    _domains: list[DomainSummary] = profiles.list_domains()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]


async def async_results(request: CreateEventTriggerRequest) -> None:
    async with AsyncCustomerProfiles(region_name="us-east-1") as profiles:
        assert_type(profiles, AsyncCustomerProfiles)
        assert_type(await profiles.get_profile_object_type(domain_name="d", object_type_name="o"), ProfileObjectType)
        assert_type(profiles.list_profile_object_types(domain_name="d"), AsyncIterator[ProfileObjectTypeSummary])
        assert_type(await profiles.create_event_trigger_request(request), EventTrigger)
        async for trigger in profiles.list_event_triggers(domain_name="d"):
            assert_type(trigger, EventTriggerSummary)
        assert_type(await profiles.tag_resource(resource_arn=ARN, tags={"team": "crm"}), None)
        assert_type(await profiles.list_tags_for_resource(resource_arn=ARN), Mapping[str, str])
        assert_type(await profiles.delete_domain(domain_name="d"), str)
        assert_type(profiles.list_domains_request(ListDomainsRequest()), AsyncIterator[DomainSummary])


async def async_mistakes(profiles: AsyncCustomerProfiles, legacy: AsyncIntegrationClient) -> None:
    assert_type(legacy, AsyncCustomerProfiles)
    _domain: Domain = profiles.get_domain(domain_name="d")  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    for _ in profiles.list_domains():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        pass
    await profiles.list_event_triggers(domain_name="d")  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues]
    await profiles.update_event_trigger(domain_name="d")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
