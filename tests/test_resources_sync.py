"""The object type, event trigger, tag and domain methods of ``CustomerProfiles``, end to end.

Each method runs through a real boto3 client on botocore's Stubber, which
checks the exact params boto3 receives (and botocore serializes them); the
answers are read into the typed results. The domain operations also run over
HTTP against the emulator. ``CASES`` is shared with the async tests.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, cast, get_type_hints

import attrs
import boto3.session
import botocore.session
import pytest
from botocore.awsrequest import AWSResponse
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from customer_profiles_typed import (
    ComparisonOperator,
    Domain,
    DomainSummary,
    EventTrigger,
    EventTriggerCondition,
    EventTriggerConditionOutput,
    EventTriggerDimension,
    EventTriggerDimensionOutput,
    EventTriggerLimits,
    EventTriggerLimitsOutput,
    EventTriggerLogicalOperator,
    EventTriggerSummary,
    FieldContentType,
    JobSchedule,
    JobScheduleDayOfTheWeek,
    JobScheduleOutput,
    MatchingRequest,
    MatchingResponse,
    ObjectAttribute,
    ObjectAttributeOutput,
    ObjectTypeField,
    ObjectTypeFieldOutput,
    ObjectTypeKey,
    ObjectTypeKeyOutput,
    Period,
    PeriodOutput,
    PeriodUnit,
    ProfileObjectType,
    ProfileObjectTypeSummary,
    ProfileObjectTypeTemplate,
    ProfileObjectTypeTemplateSummary,
    ResourceNotFoundError,
    ServiceError,
    StandardIdentifier,
    TransportError,
    ValidationError,
)
from customer_profiles_typed import _operations, _wire, _wire_tables
from customer_profiles_typed.client import CustomerProfiles, IntegrationClient
from customer_profiles_typed.errors import SERVICE_ERRORS
from customer_profiles_typed.models._base import Request
from customer_profiles_typed.testing import Emulator

CREATED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
UPDATED = datetime(2024, 6, 2, 8, 30, tzinfo=timezone.utc)
DOMAIN_ARN = "arn:aws:profile:us-east-1:123456789012:domains/my-domain"
SECRET = "Secret-Sauce-42"

# --- the cases: what each method is given, what boto3 receives and answers, what comes back


@dataclass(frozen=True)
class Case:
    """One method called with ``arguments``: boto3 must receive exactly ``params``."""

    method: str
    arguments: dict[str, Any]
    params: dict[str, Any]
    response: dict[str, Any]
    expected: Any
    """The method's result; for a list, every item in order."""
    bad_arguments: dict[str, Any] = field(default_factory=dict)
    """Arguments that break the AWS model: ``ValidationError``, nothing sent."""
    bad_path: str = ""
    """The Python path ``ValidationError`` names for ``bad_arguments``."""

    @property
    def operation(self) -> str:
        """The AWS operation: ``list_tags_for_resource`` -> ``ListTagsForResource``."""
        return "".join(word.capitalize() for word in self.method.split("_"))

    @property
    def request_class(self) -> type[Request]:
        found: type[Request] = _wire.SHAPE_CLASSES[f"{self.operation}Request"]
        return found

    @property
    def paginated(self) -> bool:
        return "NextToken" in _wire.FIELDS[f"{self.operation}Request"].values()

    def __str__(self) -> str:
        return self.method


FIELDS_WIRE = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress", "ContentType": "EMAIL_ADDRESS"},
    "accountId": {"Source": "_source.accountId", "Target": "_profile.AccountNumber", "ContentType": "STRING"},
}
KEYS_WIRE = {
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "accountId": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["accountId"]}],
}
FIELDS = {
    "email": ObjectTypeField(
        source="_source.email", target="_profile.EmailAddress", content_type=FieldContentType.EMAIL_ADDRESS
    ),
    "accountId": ObjectTypeField(
        source="_source.accountId", target="_profile.AccountNumber", content_type=FieldContentType.STRING
    ),
}
KEYS = {
    "_email": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"])],
    "accountId": [
        ObjectTypeKey(
            standard_identifiers=[StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE],
            field_names=["accountId"],
        )
    ],
}
FIELDS_READ = {
    "email": ObjectTypeFieldOutput(
        source="_source.email", target="_profile.EmailAddress", content_type=FieldContentType.EMAIL_ADDRESS
    ),
    "accountId": ObjectTypeFieldOutput(
        source="_source.accountId", target="_profile.AccountNumber", content_type=FieldContentType.STRING
    ),
}
KEYS_READ = {
    "_email": (ObjectTypeKeyOutput(standard_identifiers=(StandardIdentifier.PROFILE,), field_names=("email",)),),
    "accountId": (
        ObjectTypeKeyOutput(
            standard_identifiers=(StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE),
            field_names=("accountId",),
        ),
    ),
}
OBJECT_TYPE_WIRE = {
    "ObjectTypeName": "Customer",
    "Description": "Customers of the web shop",
    "ExpirationDays": 365,
    "AllowProfileCreation": True,
    "Fields": FIELDS_WIRE,
    "Keys": KEYS_WIRE,
    "Tags": {"team": "crm"},
}
OBJECT_TYPE = ProfileObjectType(
    object_type_name="Customer",
    description="Customers of the web shop",
    expiration_days=365,
    allow_profile_creation=True,
    fields=FIELDS_READ,
    keys=KEYS_READ,
    created_at=CREATED,
    last_updated_at=UPDATED,
    tags={"team": "crm"},
)

CONDITIONS_WIRE = [
    {
        "EventTriggerDimensions": [
            {"ObjectAttributes": [{"Source": "_source.total", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}]}
        ],
        "LogicalOperator": "ANY",
    }
]
CONDITIONS = [
    EventTriggerCondition(
        event_trigger_dimensions=[
            EventTriggerDimension(
                object_attributes=[
                    ObjectAttribute(
                        source="_source.total",
                        comparison_operator=ComparisonOperator.GREATER_THAN,
                        values=["100"],
                    )
                ]
            )
        ],
        logical_operator=EventTriggerLogicalOperator.ANY,
    )
]
CONDITIONS_READ = (
    EventTriggerConditionOutput(
        event_trigger_dimensions=(
            EventTriggerDimensionOutput(
                object_attributes=(
                    ObjectAttributeOutput(
                        source="_source.total",
                        comparison_operator=ComparisonOperator.GREATER_THAN,
                        values=("100",),
                    ),
                )
            ),
        ),
        logical_operator=EventTriggerLogicalOperator.ANY,
    ),
)
LIMITS_WIRE = {"EventExpiration": 600000, "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2}]}
LIMITS = EventTriggerLimits(
    event_expiration=600000, periods=[Period(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=2)]
)
LIMITS_READ = EventTriggerLimitsOutput(
    event_expiration=600000, periods=(PeriodOutput(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=2),)
)
TRIGGER_WIRE = {
    "EventTriggerName": "high-value-order",
    "ObjectTypeName": "Order",
    "Description": "Orders over 100",
    "EventTriggerConditions": CONDITIONS_WIRE,
    "EventTriggerLimits": LIMITS_WIRE,
    "CreatedAt": CREATED,
    "LastUpdatedAt": UPDATED,
    "Tags": {"team": "crm"},
}
TRIGGER = EventTrigger(
    event_trigger_name="high-value-order",
    object_type_name="Order",
    description="Orders over 100",
    event_trigger_conditions=CONDITIONS_READ,
    event_trigger_limits=LIMITS_READ,
    created_at=CREATED,
    last_updated_at=UPDATED,
    tags={"team": "crm"},
)

MATCHING_WIRE = {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "3:00"}}
MATCHING = MatchingRequest(
    enabled=True, job_schedule=JobSchedule(day_of_the_week=JobScheduleDayOfTheWeek.MONDAY, time="3:00")
)
MATCHING_READ = MatchingResponse(
    enabled=True, job_schedule=JobScheduleOutput(day_of_the_week=JobScheduleDayOfTheWeek.MONDAY, time="3:00")
)
DOMAIN_WIRE = {
    "DomainName": "shop",
    "DefaultExpirationDays": 365,
    "Matching": MATCHING_WIRE,
    "CreatedAt": CREATED,
    "LastUpdatedAt": UPDATED,
    "Tags": {"team": "crm"},
}
DOMAIN = Domain(
    domain_name="shop",
    default_expiration_days=365,
    matching=MATCHING_READ,
    created_at=CREATED,
    last_updated_at=UPDATED,
    tags={"team": "crm"},
)


CASES: list[Case] = [
    Case(
        method="put_profile_object_type",
        arguments={
            "domain_name": "my-domain",
            "object_type_name": "Customer",
            "description": "Customers of the web shop",
            "expiration_days": 365,
            "allow_profile_creation": True,
            "fields": FIELDS,
            "keys": KEYS,
            "tags": {"team": "crm"},
        },
        params={"DomainName": "my-domain", **OBJECT_TYPE_WIRE},
        response={**OBJECT_TYPE_WIRE, "CreatedAt": CREATED, "LastUpdatedAt": UPDATED},
        expected=OBJECT_TYPE,
        bad_arguments={
            "domain_name": "my domain",
            "object_type_name": "Customer",
            "description": "d",
            "fields": FIELDS,
            "keys": KEYS,
        },
        bad_path="domain_name",
    ),
    Case(
        method="get_profile_object_type",
        arguments={"domain_name": "my-domain", "object_type_name": "Customer"},
        params={"DomainName": "my-domain", "ObjectTypeName": "Customer"},
        response={**OBJECT_TYPE_WIRE, "CreatedAt": CREATED, "LastUpdatedAt": UPDATED},
        expected=OBJECT_TYPE,
        bad_arguments={"domain_name": "my-domain", "object_type_name": "1st.party"},
        bad_path="object_type_name",
    ),
    Case(
        method="list_profile_object_types",
        arguments={"domain_name": "my-domain", "page_size": 10},
        params={"DomainName": "my-domain", "MaxResults": 10},
        response={
            "Items": [
                {"ObjectTypeName": "Customer", "Description": "Customers", "CreatedAt": CREATED, "Tags": {"a": "b"}},
                {"ObjectTypeName": "Order", "Description": "Orders", "MaxProfileObjectCount": 5},
            ]
        },
        expected=[
            ProfileObjectTypeSummary(
                object_type_name="Customer", description="Customers", created_at=CREATED, tags={"a": "b"}
            ),
            ProfileObjectTypeSummary(object_type_name="Order", description="Orders", max_profile_object_count=5),
        ],
        bad_arguments={"domain_name": "my-domain", "page_size": 0},
        bad_path="max_results",
    ),
    Case(
        method="delete_profile_object_type",
        arguments={"domain_name": "my-domain", "object_type_name": "Customer"},
        params={"DomainName": "my-domain", "ObjectTypeName": "Customer"},
        response={"Message": "Customer was deleted."},
        expected="Customer was deleted.",
        bad_arguments={"domain_name": "", "object_type_name": "Customer"},
        bad_path="domain_name",
    ),
    Case(
        method="list_profile_object_type_templates",
        arguments={"page_size": 2},
        params={"MaxResults": 2},
        response={
            "Items": [
                {"TemplateId": "CTR", "SourceName": "CTR", "SourceObject": "CTR"},
                {"TemplateId": "Salesforce-Account", "SourceName": "Salesforce", "SourceObject": "Account"},
            ]
        },
        expected=[
            ProfileObjectTypeTemplateSummary(template_id="CTR", source_name="CTR", source_object="CTR"),
            ProfileObjectTypeTemplateSummary(
                template_id="Salesforce-Account", source_name="Salesforce", source_object="Account"
            ),
        ],
        bad_arguments={"page_size": 101},
        bad_path="max_results",
    ),
    Case(
        method="get_profile_object_type_template",
        arguments={"template_id": "CTR"},
        params={"TemplateId": "CTR"},
        response={
            "TemplateId": "CTR",
            "SourceName": "CTR",
            "SourceObject": "CTR",
            "AllowProfileCreation": False,
            "Fields": FIELDS_WIRE,
            "Keys": KEYS_WIRE,
        },
        expected=ProfileObjectTypeTemplate(
            template_id="CTR",
            source_name="CTR",
            source_object="CTR",
            allow_profile_creation=False,
            fields=FIELDS_READ,
            keys=KEYS_READ,
        ),
        bad_arguments={"template_id": "CTR/NoInferred"},
        bad_path="template_id",
    ),
    Case(
        method="create_event_trigger",
        arguments={
            "domain_name": "my-domain",
            "event_trigger_name": "high-value-order",
            "object_type_name": "Order",
            "event_trigger_conditions": CONDITIONS,
            "description": "Orders over 100",
            "event_trigger_limits": LIMITS,
            "tags": {"team": "crm"},
        },
        params={
            "DomainName": "my-domain",
            "EventTriggerName": "high-value-order",
            "ObjectTypeName": "Order",
            "EventTriggerConditions": CONDITIONS_WIRE,
            "Description": "Orders over 100",
            "EventTriggerLimits": LIMITS_WIRE,
            "Tags": {"team": "crm"},
        },
        response=TRIGGER_WIRE,
        expected=TRIGGER,
        bad_arguments={
            "domain_name": "my-domain",
            "event_trigger_name": "high-value-order",
            "object_type_name": "Order",
            "event_trigger_conditions": [],
        },
        bad_path="event_trigger_conditions",
    ),
    Case(
        method="get_event_trigger",
        arguments={"domain_name": "my-domain", "event_trigger_name": "high-value-order"},
        params={"DomainName": "my-domain", "EventTriggerName": "high-value-order"},
        response=TRIGGER_WIRE,
        expected=TRIGGER,
        bad_arguments={"domain_name": "my-domain", "event_trigger_name": "high value order"},
        bad_path="event_trigger_name",
    ),
    Case(
        method="update_event_trigger",
        arguments={
            "domain_name": "my-domain",
            "event_trigger_name": "high-value-order",
            "description": "Orders over 100",
            "segment_filter": "vip-customers",
        },
        params={
            "DomainName": "my-domain",
            "EventTriggerName": "high-value-order",
            "Description": "Orders over 100",
            "SegmentFilter": "vip-customers",
        },
        response={**TRIGGER_WIRE, "SegmentFilter": "vip-customers"},
        expected=attrs.evolve(TRIGGER, segment_filter="vip-customers"),
        bad_arguments={
            "domain_name": "my-domain",
            "event_trigger_name": "high-value-order",
            "segment_filter": "arn:aws:profile:us-east-1:123456789012:segment-definitions/vip",
        },
        bad_path="segment_filter",
    ),
    Case(
        method="list_event_triggers",
        arguments={"domain_name": "my-domain"},
        params={"DomainName": "my-domain"},
        response={
            "Items": [
                {"EventTriggerName": "high-value-order", "ObjectTypeName": "Order", "CreatedAt": CREATED},
                {"EventTriggerName": "new-customer", "ObjectTypeName": "Customer", "Description": "New"},
            ]
        },
        expected=[
            EventTriggerSummary(event_trigger_name="high-value-order", object_type_name="Order", created_at=CREATED),
            EventTriggerSummary(event_trigger_name="new-customer", object_type_name="Customer", description="New"),
        ],
        bad_arguments={"domain_name": "my-domain", "page_size": 0},
        bad_path="max_results",
    ),
    Case(
        method="delete_event_trigger",
        arguments={"domain_name": "my-domain", "event_trigger_name": "high-value-order"},
        params={"DomainName": "my-domain", "EventTriggerName": "high-value-order"},
        response={"Message": "high-value-order was deleted."},
        expected="high-value-order was deleted.",
        bad_arguments={"domain_name": "d" * 65, "event_trigger_name": "high-value-order"},
        bad_path="domain_name",
    ),
    Case(
        method="tag_resource",
        arguments={"resource_arn": DOMAIN_ARN, "tags": {"team": "crm", "env": "prod"}},
        params={"resourceArn": DOMAIN_ARN, "tags": {"team": "crm", "env": "prod"}},
        response={},
        expected=None,
        bad_arguments={"resource_arn": DOMAIN_ARN, "tags": {}},
        bad_path="tags",
    ),
    Case(
        method="untag_resource",
        arguments={"resource_arn": DOMAIN_ARN, "tag_keys": ["team", "env"]},
        params={"resourceArn": DOMAIN_ARN, "tagKeys": ["team", "env"]},
        response={},
        expected=None,
        bad_arguments={"resource_arn": DOMAIN_ARN, "tag_keys": []},
        bad_path="tag_keys",
    ),
    Case(
        method="list_tags_for_resource",
        arguments={"resource_arn": DOMAIN_ARN},
        params={"resourceArn": DOMAIN_ARN},
        response={"tags": {"team": "crm"}},
        expected={"team": "crm"},
        bad_arguments={"resource_arn": "my-domain"},
        bad_path="resource_arn",
    ),
    Case(
        method="create_domain",
        arguments={
            "domain_name": "shop",
            "default_expiration_days": 365,
            "matching": MATCHING,
            "tags": {"team": "crm"},
        },
        params={
            "DomainName": "shop",
            "DefaultExpirationDays": 365,
            "Matching": MATCHING_WIRE,
            "Tags": {"team": "crm"},
        },
        response=DOMAIN_WIRE,
        expected=DOMAIN,
        bad_arguments={"domain_name": "shop", "default_expiration_days": 0},
        bad_path="default_expiration_days",
    ),
    Case(
        method="get_domain",
        arguments={"domain_name": "shop"},
        params={"DomainName": "shop"},
        response=DOMAIN_WIRE,
        expected=DOMAIN,
        bad_arguments={"domain_name": "my shop"},
        bad_path="domain_name",
    ),
    Case(
        method="update_domain",
        arguments={
            "domain_name": "shop",
            "default_expiration_days": 30,
            "dead_letter_queue_url": "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        },
        params={
            "DomainName": "shop",
            "DefaultExpirationDays": 30,
            "DeadLetterQueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        },
        response={
            **DOMAIN_WIRE,
            "DefaultExpirationDays": 30,
            "DeadLetterQueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        },
        expected=attrs.evolve(
            DOMAIN,
            default_expiration_days=30,
            dead_letter_queue_url="https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        ),
        bad_arguments={"domain_name": "shop", "default_expiration_days": 5000},
        bad_path="default_expiration_days",
    ),
    Case(
        method="delete_domain",
        arguments={"domain_name": "shop"},
        params={"DomainName": "shop"},
        response={"Message": "Domain shop was deleted."},
        expected="Domain shop was deleted.",
        bad_arguments={"domain_name": ""},
        bad_path="domain_name",
    ),
    Case(
        method="list_domains",
        arguments={},
        params={},
        response={
            "Items": [
                {"DomainName": "shop", "CreatedAt": CREATED, "LastUpdatedAt": UPDATED, "Tags": {"team": "crm"}},
                {"DomainName": "travel", "CreatedAt": CREATED, "LastUpdatedAt": CREATED},
            ]
        },
        expected=[
            DomainSummary(domain_name="shop", created_at=CREATED, last_updated_at=UPDATED, tags={"team": "crm"}),
            DomainSummary(domain_name="travel", created_at=CREATED, last_updated_at=CREATED),
        ],
        bad_arguments={"page_size": 0},
        bad_path="max_results",
    ),
]
"""One case per method of the four resources, in the order of their modules."""

LISTS = [case for case in CASES if case.paginated]
ANSWERED = [case for case in CASES if case.expected is not None]
"""The cases whose answer carries something to read (``TagResource`` and ``UntagResource`` do not)."""


def two_pages(case: Case) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The params and answers of ``case``'s list split in two pages of one item each."""
    first, second = case.response["Items"]
    params = {**case.params, "MaxResults": 1}
    return (
        [params, {**params, "NextToken": "page-2"}],
        [{"Items": [first], "NextToken": "page-2"}, {"Items": [second]}],
    )


def bad_response(case: Case) -> dict[str, Any]:
    """An answer for ``case`` with a member of the wrong type."""
    if case.paginated:
        return {"Items": "not a list"}
    if case.method == "list_tags_for_resource":
        return {"tags": ["team", "crm"]}
    name = next(key for key, value in case.response.items() if isinstance(value, str))
    return {**case.response, name: 42}


# --- fixtures and helpers -----------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _session() -> botocore.session.Session:
    # One session for every client: its loader parses the service model once.
    return botocore.session.get_session()


def _client() -> Any:
    session = boto3.session.Session(
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="example-secret",
        region_name="us-east-1",
        botocore_session=_session(),
    )
    return session.client("customer-profiles", config=Config(retries={"total_max_attempts": 1}))


@pytest.fixture
def boto3_client() -> Iterator[Any]:
    """A customer-profiles client with dummy keys and no retries (nothing reaches AWS)."""
    client = _client()
    yield client
    client.close()


def sent_operations(client: Any) -> list[str]:
    """A list that fills with the operation of every call the client starts to make."""
    sent: list[str] = []

    def record(model: Any, **_: Any) -> None:
        sent.append(model.name)

    client.meta.events.register("before-parameter-build.customer-profiles", record)
    return sent


def call(profiles: CustomerProfiles, method: str, arguments: dict[str, Any]) -> Any:
    """Call a method; a list is consumed whole."""
    result = getattr(profiles, method)(**arguments)
    return list(result) if isinstance(result, Iterator) else result


# --- every method, end to end --------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_method_sends_exactly_its_params_and_reads_the_answer(case: Case, boto3_client: Any) -> None:
    with Stubber(boto3_client) as stubber:
        stubber.add_response(case.method, case.response, case.params)
        result = call(CustomerProfiles(boto3_client), case.method, case.arguments)
        stubber.assert_no_pending_responses()
    assert result == case.expected


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_request_variant_sends_the_request_unchanged(case: Case, boto3_client: Any) -> None:
    request = case.request_class.from_boto3(case.params)
    with Stubber(boto3_client) as stubber:
        stubber.add_response(case.method, case.response, case.params)
        result = getattr(CustomerProfiles(boto3_client), f"{case.method}_request")(request)
        if case.paginated:
            result = list(result)
        stubber.assert_no_pending_responses()
    assert result == case.expected


def test_every_operation_of_the_four_resources_has_a_case() -> None:
    model = _session().get_service_model("customer-profiles")
    operations = {
        shape.removesuffix("Request")
        for shape in _wire_tables.REQUEST_CLASSES
        if shape.removesuffix("Request") in model.operation_names
    }
    assert len(operations) == 19
    assert operations == {case.operation for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_method_names_are_boto3s_and_parameters_mirror_the_request(case: Case, boto3_client: Any) -> None:
    assert _operations.method_name(case.operation) == case.method
    assert boto3_client.meta.method_to_api_mapping[case.method] == case.operation
    method = getattr(CustomerProfiles, case.method)
    parameters = dict(inspect.signature(method).parameters)
    del parameters["self"]
    hints = get_type_hints(method)
    fields = attrs.fields_dict(cast(Any, case.request_class))
    field_hints = get_type_hints(case.request_class)
    renamed = {"max_results": "page_size"} if case.paginated else {}
    # name -> (required, type): the request's fields, but a list's next_token.
    expected = {
        renamed.get(name, name): (f.default is attrs.NOTHING, field_hints[name])
        for name, f in fields.items()
        if not (case.paginated and name == "next_token")
    }
    given = {name: (p.default is inspect.Parameter.empty, hints[name]) for name, p in parameters.items()}
    assert given == expected
    assert {p.kind for p in parameters.values()} == {inspect.Parameter.KEYWORD_ONLY}


# --- pagination ----------------------------------------------------------------------


@pytest.mark.parametrize("case", LISTS, ids=str)
def test_lists_fetch_their_pages_lazily_over_next_token(case: Case, boto3_client: Any) -> None:
    params, pages = two_pages(case)
    sent = sent_operations(boto3_client)
    with Stubber(boto3_client) as stubber:
        for expected, page in zip(params, pages):
            stubber.add_response(case.method, page, expected)
        items = getattr(CustomerProfiles(boto3_client), case.method)(**{**case.arguments, "page_size": 1})
        assert sent == []
        assert next(items) == case.expected[0]
        assert sent == [case.operation]
        assert next(items) == case.expected[1]
        assert sent == [case.operation] * 2
        assert list(items) == []
        stubber.assert_no_pending_responses()


def test_a_list_request_starts_at_its_next_token(boto3_client: Any) -> None:
    from customer_profiles_typed import ListDomainsRequest

    with Stubber(boto3_client) as stubber:
        stubber.add_response("list_domains", {"Items": []}, {"NextToken": "from-here", "MaxResults": 5})
        request = ListDomainsRequest(next_token="from-here", max_results=5)
        assert list(CustomerProfiles(boto3_client).list_domains_request(request)) == []
        stubber.assert_no_pending_responses()


# --- errors --------------------------------------------------------------------------


def _error_cases() -> list[tuple[Case, str, int]]:
    model = _session().get_service_model("customer-profiles")
    return [
        (case, shape.name, int(shape.metadata["error"]["httpStatusCode"]))
        for case in CASES
        for shape in model.operation_model(case.operation).error_shapes
    ] + [(CASES[0], "SomethingNewException", 418)]


@pytest.mark.parametrize(
    ("case", "code", "status"),
    [pytest.param(case, code, status, id=f"{case}-{code}") for case, code, status in _error_cases()],
)
def test_service_errors_map_to_their_class(case: Case, code: str, status: int, boto3_client: Any) -> None:
    with Stubber(boto3_client) as stubber:
        stubber.add_client_error(
            case.method,
            service_error_code=code,
            service_message="it went wrong",
            http_status_code=status,
            response_meta={"RequestId": "req-42"},
        )
        with pytest.raises(ServiceError) as caught:
            call(CustomerProfiles(boto3_client), case.method, case.arguments)
    error = caught.value
    assert type(error) is SERVICE_ERRORS.get(code, ServiceError)
    assert (error.code, error.message, error.http_status, error.request_id, error.operation) == (
        code,
        "it went wrong",
        status,
        "req-42",
        case.operation,
    )
    assert isinstance(error.__cause__, ClientError)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_invalid_arguments_raise_validation_error_and_send_nothing(case: Case, boto3_client: Any) -> None:
    sent = sent_operations(boto3_client)
    with Stubber(boto3_client):
        with pytest.raises(ValidationError) as caught:
            # A list checks its arguments when it is called, before it is iterated.
            getattr(CustomerProfiles(boto3_client), case.method)(**case.bad_arguments)
    assert sent == []
    assert {problem.path for problem in caught.value.errors} == {case.bad_path}


@pytest.mark.parametrize("case", ANSWERED, ids=str)
def test_an_unreadable_answer_is_a_transport_error(case: Case, boto3_client: Any) -> None:
    def answer(**_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        return AWSResponse("https://profile.us-east-1.amazonaws.com", 200, {}, None), bad_response(case)

    boto3_client.meta.events.register(f"before-call.customer-profiles.{case.operation}", answer)
    with pytest.raises(TransportError) as caught:
        call(CustomerProfiles(boto3_client), case.method, case.arguments)
    assert caught.value.operation == case.operation
    assert isinstance(caught.value.__cause__, ValidationError)


# --- logging, names, repr --------------------------------------------------------------


def test_sensitive_members_never_reach_the_log(boto3_client: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="customer_profiles_typed")
    secret_fields = {SECRET: ObjectTypeField(source=f"_source.{SECRET}", target="_profile.AccountNumber")}
    unique = [StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE]
    secret_keys = {"accountId": [ObjectTypeKey(standard_identifiers=unique, field_names=[SECRET])]}
    secret_attribute = ObjectAttribute(
        source=f"_source.{SECRET}", comparison_operator=ComparisonOperator.CONTAINS, values=[SECRET]
    )
    secret_conditions = [
        EventTriggerCondition(
            event_trigger_dimensions=[EventTriggerDimension(object_attributes=[secret_attribute])],
            logical_operator=EventTriggerLogicalOperator.ALL,
        )
    ]
    profiles = CustomerProfiles(boto3_client)
    with Stubber(boto3_client) as stubber:
        stubber.add_response("put_profile_object_type", {"ObjectTypeName": "Customer", "Description": SECRET})
        stubber.add_response("create_event_trigger", {"EventTriggerName": "t"})
        profiles.put_profile_object_type(
            domain_name="my-domain",
            object_type_name="Customer",
            description=SECRET,
            fields=secret_fields,
            keys=secret_keys,
        )
        profiles.create_event_trigger(
            domain_name="my-domain",
            event_trigger_name="t",
            object_type_name="Order",
            event_trigger_conditions=secret_conditions,
            description=SECRET,
        )
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("customer_profiles_typed")]
    text = "\n".join(ours)
    assert "PutProfileObjectType domain_name=my-domain object_type_name=Customer" in text
    assert "description=<sensitive>" in text and "event_trigger_conditions=<sensitive>" in text
    assert SECRET not in text


def test_the_client_keeps_its_old_name_and_shows_its_own(boto3_client: Any) -> None:
    assert IntegrationClient is CustomerProfiles
    assert repr(CustomerProfiles(boto3_client)) == "CustomerProfiles(region_name='us-east-1')"


# --- domains over HTTP, against the emulator --------------------------------------------


def test_domain_operations_against_the_emulator() -> None:
    with Emulator() as emulator:
        boto3_client = emulator.client()
        profiles = CustomerProfiles(boto3_client)
        created = profiles.create_domain(
            domain_name="shop", default_expiration_days=30, matching=MATCHING, tags={"team": "crm"}
        )
        assert (created.domain_name, created.default_expiration_days, created.tags) == ("shop", 30, {"team": "crm"})
        assert created.matching == MATCHING_READ
        assert created.request_id and created.created_at.tzinfo is not None
        profiles.create_domain(domain_name="travel", default_expiration_days=7)
        fetched = profiles.get_domain(domain_name="shop")
        assert (fetched.created_at, fetched.matching, fetched.tags) == (created.created_at, MATCHING_READ, {"team": "crm"})
        assert fetched.stats is not None and fetched.stats.profile_count == 0
        listed = profiles.list_domains(page_size=1)
        assert [domain.domain_name for domain in listed] == ["shop", "travel"]
        assert emulator.request_count("ListDomains") == 2
        assert "shop" in profiles.delete_domain(domain_name="shop")
        with pytest.raises(ResourceNotFoundError) as caught:
            profiles.get_domain(domain_name="shop")
        assert caught.value.operation == "GetDomain"
        boto3_client.close()
