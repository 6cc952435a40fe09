"""One valid call of every emulated operation, for tests that sweep all of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from customer_profiles_typed import domain_arn

from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

CONNECT_URI = "arn:aws:connect:us-east-1:123456789012:instance/abc"
OBJECT_TYPE = "T"
EVENT_TRIGGER = "sweep-trigger"
TEMPLATE_ID = "CTR"
REGION = "us-east-1"
ACCOUNT = "123456789012"
FIELDS: Any = {"id": {"Source": "_source.id", "Target": "_profile.AccountNumber"}}
KEYS: Any = {"customerId": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]}
CONDITIONS: Any = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"FieldName": "total", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]


def _arn(domain: str) -> str:
    return domain_arn(domain, region=REGION, account_id=ACCOUNT)


VALID_CALLS: Mapping[str, Callable[[CustomerProfilesClient, str], Any]] = {
    "CreateDomain": lambda client, domain: client.create_domain(DomainName=domain + "-new", DefaultExpirationDays=7),
    "GetDomain": lambda client, domain: client.get_domain(DomainName=domain),
    "DeleteDomain": lambda client, domain: client.delete_domain(DomainName=domain),
    "ListDomains": lambda client, domain: client.list_domains(),
    "PutIntegration": lambda client, domain: client.put_integration(
        DomainName=domain, ObjectTypeName="T", FlowDefinition=make_flow_definition("sweep-flow")
    ),
    "GetIntegration": lambda client, domain: client.get_integration(DomainName=domain, Uri=CONNECT_URI),
    "ListIntegrations": lambda client, domain: client.list_integrations(DomainName=domain),
    "DeleteIntegration": lambda client, domain: client.delete_integration(DomainName=domain, Uri=CONNECT_URI),
    "ListAccountIntegrations": lambda client, domain: client.list_account_integrations(Uri=CONNECT_URI),
    "UpdateDomain": lambda client, domain: client.update_domain(DomainName=domain, DefaultExpirationDays=30),
    "PutProfileObjectType": lambda client, domain: client.put_profile_object_type(
        DomainName=domain, ObjectTypeName=OBJECT_TYPE, Description="Sweep", Fields=FIELDS, Keys=KEYS
    ),
    "GetProfileObjectType": lambda client, domain: client.get_profile_object_type(
        DomainName=domain, ObjectTypeName=OBJECT_TYPE
    ),
    "ListProfileObjectTypes": lambda client, domain: client.list_profile_object_types(DomainName=domain),
    "DeleteProfileObjectType": lambda client, domain: client.delete_profile_object_type(
        DomainName=domain, ObjectTypeName=OBJECT_TYPE
    ),
    "ListProfileObjectTypeTemplates": lambda client, domain: client.list_profile_object_type_templates(),
    "GetProfileObjectTypeTemplate": lambda client, domain: client.get_profile_object_type_template(
        TemplateId=TEMPLATE_ID
    ),
    "CreateEventTrigger": lambda client, domain: client.create_event_trigger(
        DomainName=domain,
        EventTriggerName=EVENT_TRIGGER + "-new",
        ObjectTypeName=OBJECT_TYPE,
        EventTriggerConditions=CONDITIONS,
    ),
    "GetEventTrigger": lambda client, domain: client.get_event_trigger(
        DomainName=domain, EventTriggerName=EVENT_TRIGGER
    ),
    "UpdateEventTrigger": lambda client, domain: client.update_event_trigger(
        DomainName=domain, EventTriggerName=EVENT_TRIGGER, Description="Sweep"
    ),
    "ListEventTriggers": lambda client, domain: client.list_event_triggers(DomainName=domain),
    "DeleteEventTrigger": lambda client, domain: client.delete_event_trigger(
        DomainName=domain, EventTriggerName=EVENT_TRIGGER
    ),
    "TagResource": lambda client, domain: client.tag_resource(resourceArn=_arn(domain), tags={"team": "crm"}),
    "UntagResource": lambda client, domain: client.untag_resource(resourceArn=_arn(domain), tagKeys=["team"]),
    "ListTagsForResource": lambda client, domain: client.list_tags_for_resource(resourceArn=_arn(domain)),
}
"""A valid call per operation, given a client and an existing domain (in ``REGION`` of ``ACCOUNT``).

Each succeeds on its own when the domain holds the integration ``CONNECT_URI``,
the object type ``OBJECT_TYPE`` and the event trigger ``EVENT_TRIGGER``.
"""
