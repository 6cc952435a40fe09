"""A whole Customer Profiles setup, typed end to end and checked before anything is sent.

It creates a domain, defines the profile object type from the flow that feeds
it, creates the event trigger the integration names, puts the integration and
tags the object type and the integration: the five calls of a real setup, in
the order AWS documents, with no wire dict anywhere. ``plan`` builds every
request and checks the links between them (the object type reads what the flow
produces, the integration names the trigger being created, the flow's key is
the domain's) and ``apply`` sends them. Run it against your account with
``python examples/whole_setup.py`` (AWS credentials and ``AWS_REGION`` set).
"""

from __future__ import annotations

import os

import attrs

from customer_profiles_typed import (
    ComparisonOperator,
    CreateDomainRequest,
    CreateEventTriggerRequest,
    CustomerProfiles,
    DataPullMode,
    DomainState,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLimits,
    EventTriggerLogicalOperator,
    FieldContentType,
    FieldSpec,
    FlowDefinition,
    ObjectAttribute,
    Period,
    PeriodUnit,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    S3ConnectorOperator,
    StandardIdentifier,
    ValidationError,
    ValidationProblem,
    find_link_problems,
    find_online_problems,
    integration_arn,
    object_type_arn,
    object_type_from_flow,
    rate,
    s3_flow,
    scheduled_trigger,
)

DOMAIN = "retail"
ACCOUNT_ID = "123456789012"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
OBJECT_TYPE = "ShopCustomer"
TRIGGER = "big-spender"
TAGS = {"team": "crm", "cost-center": "retail"}
COLUMNS = ["customer_id", "first_name", "last_name", "email", "phone", "lifetime_value"]


@attrs.frozen
class Setup:
    """Every request of the setup, built and checked, in the order they are sent."""

    domain: CreateDomainRequest
    object_type: PutProfileObjectTypeRequest
    trigger: CreateEventTriggerRequest
    integration: PutIntegrationRequest


def customer_flow() -> FlowDefinition[S3ConnectorOperator]:
    """The AppFlow flow: the six columns of the shop's CSV exports, every hour."""
    return s3_flow(
        flow_name="shop-customers-from-s3",
        kms_arn=KMS_KEY,
        bucket_name="example-shop-exports",
        bucket_prefix="customers/",
        fields=COLUMNS,
        trigger=scheduled_trigger(rate(1, "hours"), data_pull_mode=DataPullMode.INCREMENTAL),
    )


def plan() -> Setup:
    """Build every request; raise ``ValidationError`` listing every broken link.

    Each request checked itself when built (field names, keys, targets, the
    flow's tasks); what is left to check is how they fit together.
    """
    flow = customer_flow()
    domain = CreateDomainRequest(
        domain_name=DOMAIN, default_expiration_days=366, default_encryption_key=KMS_KEY
    )
    # The object type's fields are the flow's Map destinations, read as
    # ``_source.<column>``: they cannot disagree with the flow.
    object_type = object_type_from_flow(
        flow,
        domain_name=DOMAIN,
        object_type_name=OBJECT_TYPE,
        description="Customers of the web shop, from its CSV exports",
        allow_profile_creation=True,
        fields={
            "customer_id": FieldSpec(
                target="_profile.AccountNumber",
                key=(StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE),
            ),
            "first_name": FieldSpec(target="_profile.FirstName", content_type=FieldContentType.NAME),
            "last_name": FieldSpec(target="_profile.LastName", content_type=FieldContentType.NAME),
            "email": FieldSpec(
                target="_profile.EmailAddress",
                content_type=FieldContentType.EMAIL_ADDRESS,
                key=(StandardIdentifier.PROFILE,),
            ),
            "phone": FieldSpec(
                target="_profile.PhoneNumber",
                content_type=FieldContentType.PHONE_NUMBER,
                key=(StandardIdentifier.PROFILE,),
            ),
            "lifetime_value": FieldSpec(
                target="_profile.Attributes.LifetimeValue", content_type=FieldContentType.NUMBER
            ),
        },
    )
    trigger = CreateEventTriggerRequest(
        domain_name=DOMAIN,
        event_trigger_name=TRIGGER,
        object_type_name=OBJECT_TYPE,
        description="A customer whose lifetime value passes 1000",
        event_trigger_conditions=[
            EventTriggerCondition(
                event_trigger_dimensions=[
                    EventTriggerDimension(
                        object_attributes=[
                            ObjectAttribute(
                                field_name="lifetime_value",
                                comparison_operator=ComparisonOperator.GREATER_THAN,
                                values=["1000"],
                            )
                        ]
                    )
                ],
                logical_operator=EventTriggerLogicalOperator.ALL,
            )
        ],
        event_trigger_limits=EventTriggerLimits(
            periods=[Period(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=1)]
        ),
    )
    integration = PutIntegrationRequest(
        domain_name=DOMAIN,
        object_type_name=OBJECT_TYPE,
        flow_definition=flow,
        event_trigger_names=[TRIGGER],
    )
    # What the domain will hold once the earlier calls are made.
    state = DomainState(
        domain_name=DOMAIN,
        object_type_names={OBJECT_TYPE},
        template_ids=set(),
        event_trigger_names={TRIGGER},
        default_encryption_key=KMS_KEY,
    )
    problems: list[ValidationProblem] = [
        *find_link_problems(integration=integration, object_type=object_type),
        *find_online_problems(integration, state),
    ]
    if problems:
        raise ValidationError(problems, subject="setup")
    return Setup(domain=domain, object_type=object_type, trigger=trigger, integration=integration)


def apply(profiles: CustomerProfiles, setup: Setup, *, region: str) -> str:
    """Send the setup in dependency order and tag what it made; return the integration's URI."""
    profiles.create_domain_request(setup.domain)
    profiles.put_profile_object_type_request(setup.object_type)
    profiles.create_event_trigger_request(setup.trigger)
    integration = profiles.put_integration_request(setup.integration)
    # Tags of existing resources change through TagResource (rule X12).
    for arn in (
        object_type_arn(DOMAIN, OBJECT_TYPE, region=region, account_id=ACCOUNT_ID),
        integration_arn(DOMAIN, integration.uri, region=region, account_id=ACCOUNT_ID),
    ):
        profiles.tag_resource(resource_arn=arn, tags=TAGS)
    return integration.uri


def main() -> None:
    """Plan, then apply to the account of the environment's credentials."""
    region = os.environ.get("AWS_REGION", "us-east-1")
    setup = plan()
    uri = apply(CustomerProfiles(region_name=region), setup, region=region)
    print(f"integration {uri} set up in domain {DOMAIN}")


if __name__ == "__main__":
    main()
