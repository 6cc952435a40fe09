"""Concrete requests and answers of object types, event triggers, tags and domains.

The valid requests are those of the object-type rulebook: the minimal
CreateEventTrigger body of its section 3, an object type fed by the canonical S3
flow (``_source.`` fields, a UNIQUE and a PROFILE key, as rule X6 describes), a
template object type, TagResource on a built ARN, CreateDomain with matching and
rule-based matching, UpdateDomain and UpdateEventTrigger. With every rule on,
each one round-trips exactly through ``from_boto3``/``to_boto3``, passes botocore's
``ParamValidator`` and is the same object when written in code.

The answers are read leniently: keys and enum values newer than the model are
kept, timestamps become aware UTC datetimes, ``to_boto3()`` gives the dict back;
an answer without a required member raises ``ValidationError`` naming it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import model_strategies
from customer_profiles_typed import (
    AttributeMatchingModel,
    AttributeTypesSelector,
    AutoMerging,
    ComparisonOperator,
    ConflictResolution,
    ConflictResolvingModel,
    Consolidation,
    CreateDomainRequest,
    CreateEventTriggerRequest,
    DataStoreRequest,
    DeleteDomainResponse,
    Domain,
    EventTrigger,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLimits,
    EventTriggerLogicalOperator,
    ExportingConfig,
    FieldContentType,
    JobSchedule,
    JobScheduleDayOfTheWeek,
    ListDomainsResponse,
    ListEventTriggersResponse,
    ListProfileObjectTypesResponse,
    ListProfileObjectTypeTemplatesResponse,
    ListTagsForResourceResponse,
    MatchingRequest,
    MatchingRule,
    ObjectAttribute,
    ObjectTypeField,
    ObjectTypeKey,
    Period,
    PeriodUnit,
    ProfileObjectType,
    ProfileObjectTypeTemplate,
    PutProfileObjectTypeRequest,
    RuleBasedMatchingRequest,
    S3ExportingConfig,
    StandardIdentifier,
    TagResourceRequest,
    UpdateDomainRequest,
    UpdateEventTriggerRequest,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
)
from customer_profiles_typed._checks import MODEL_CONSTRAINTS, WALK_RULE_IDS
from customer_profiles_typed._wire import RESPONSE_CLASS_OF_SHAPE, SHAPE_CLASSES
from customer_profiles_typed.models._base import Request
from support import CANONICAL, KMS_ARN
from test_resource_properties import leaves

DOMAIN = "my-domain"
REGION = "us-east-1"
ACCOUNT = "123456789012"
UTC = timezone.utc


# --- the valid requests -----------------------------------------------------------

MINIMAL_EVENT_TRIGGER: dict[str, Any] = {
    "DomainName": "domainName",
    "EventTriggerName": "eventTriggerName",
    "ObjectTypeName": "objectTypeName",
    "EventTriggerConditions": [
        {
            "EventTriggerDimensions": [
                {"ObjectAttributes": [{"FieldName": "fieldName", "ComparisonOperator": "EQUAL", "Values": ["value"]}]}
            ],
            "LogicalOperator": "ANY",
        }
    ],
    "EventTriggerLimits": {
        "EventExpiration": 900000,
        "Periods": [{"Unit": "DAYS", "Value": 10, "MaxInvocationsPerProfile": 10, "Unlimited": False}],
    },
}
"""The rulebook's minimal CreateEventTrigger body (section 3)."""


def one_attribute_condition(
    attribute: ObjectAttribute, logical_operator: EventTriggerLogicalOperator
) -> EventTriggerCondition:
    """A condition of one dimension that compares one attribute."""
    return EventTriggerCondition(
        event_trigger_dimensions=[EventTriggerDimension(object_attributes=[attribute])],
        logical_operator=logical_operator,
    )


def minimal_event_trigger() -> CreateEventTriggerRequest:
    return CreateEventTriggerRequest(
        domain_name="domainName",
        event_trigger_name="eventTriggerName",
        object_type_name="objectTypeName",
        event_trigger_conditions=[
            one_attribute_condition(
                ObjectAttribute(field_name="fieldName", comparison_operator=ComparisonOperator.EQUAL, values=["value"]),
                EventTriggerLogicalOperator.ANY,
            )
        ],
        event_trigger_limits=EventTriggerLimits(
            event_expiration=900000,
            periods=[
                Period(unit=PeriodUnit.DAYS, value=10, max_invocations_per_profile=10, unlimited=False)
            ],
        ),
    )


S3_OBJECT_TYPE: dict[str, Any] = {
    "DomainName": DOMAIN,
    "ObjectTypeName": CANONICAL["ObjectTypeName"],
    "Description": "Customers of the nightly S3 export",
    "ExpirationDays": 365,
    "EncryptionKey": KMS_ARN,
    "AllowProfileCreation": True,
    "Fields": {
        "recordId": {"Source": "_source.colA", "Target": "_profile.Attributes.recordId", "ContentType": "STRING"},
        "email": {"Source": "_source.colB", "Target": "_profile.EmailAddress", "ContentType": "EMAIL_ADDRESS"},
    },
    "Keys": {
        "recordId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["recordId"]}],
        "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    },
    "Tags": {"team": "crm"},
}
"""The object type the canonical S3 flow feeds: one field per Map task's DestinationField (X6)."""


def s3_object_type() -> PutProfileObjectTypeRequest:
    return PutProfileObjectTypeRequest(
        domain_name=DOMAIN,
        object_type_name="Customer",
        description="Customers of the nightly S3 export",
        expiration_days=365,
        encryption_key=KMS_ARN,
        allow_profile_creation=True,
        fields={
            "recordId": ObjectTypeField(
                source="_source.colA", target="_profile.Attributes.recordId", content_type=FieldContentType.STRING
            ),
            "email": ObjectTypeField(
                source="_source.colB", target="_profile.EmailAddress", content_type=FieldContentType.EMAIL_ADDRESS
            ),
        },
        keys={
            "recordId": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.UNIQUE], field_names=["recordId"])],
            "_email": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"])],
        },
        tags={"team": "crm"},
    )


TEMPLATE_OBJECT_TYPE: dict[str, Any] = {
    "DomainName": DOMAIN,
    "ObjectTypeName": "CTR",
    "Description": "Contact records, without inferred profiles",
    "TemplateId": "CTR-NoInferred",
    "EncryptionKey": KMS_ARN,
}
"""A contact-record object type from a template: no Fields, no Keys (rules O7, X9)."""


def template_object_type() -> PutProfileObjectTypeRequest:
    return PutProfileObjectTypeRequest(
        domain_name=DOMAIN,
        object_type_name="CTR",
        description="Contact records, without inferred profiles",
        template_id="CTR-NoInferred",
        encryption_key=KMS_ARN,
    )


OBJECT_TYPE_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT}:domains/{DOMAIN}/object-types/{CANONICAL['ObjectTypeName']}"
"""The S3 object type's ARN, built as rule TG2 says."""

TAG_RESOURCE: dict[str, Any] = {"resourceArn": OBJECT_TYPE_ARN, "tags": {"team": "crm", "cost-center": "1234"}}


def tag_resource() -> TagResourceRequest:
    return TagResourceRequest(resource_arn=OBJECT_TYPE_ARN, tags={"team": "crm", "cost-center": "1234"})


CREATE_DOMAIN: dict[str, Any] = {
    "DomainName": DOMAIN,
    "DefaultExpirationDays": 366,
    "DefaultEncryptionKey": KMS_ARN,
    "DeadLetterQueueUrl": f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/profiles-dead-letters",
    "Matching": {
        "Enabled": True,
        "JobSchedule": {"DayOfTheWeek": "SUNDAY", "Time": "03:00"},
        "AutoMerging": {
            "Enabled": True,
            "Consolidation": {"MatchingAttributesList": [["EmailAddress"], ["LastName", "PhoneNumber"]]},
            "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
            "MinAllowedConfidenceScoreForMerging": 0.8,
        },
        "ExportingConfig": {"S3Exporting": {"S3BucketName": "my-bucket", "S3KeyName": "matches/"}},
    },
    "RuleBasedMatching": {
        "Enabled": True,
        "MatchingRules": [{"Rule": ["EmailAddress"]}, {"Rule": ["LastName", "PhoneNumber"]}],
        "MaxAllowedRuleLevelForMerging": 1,
        "MaxAllowedRuleLevelForMatching": 2,
        "AttributeTypesSelector": {
            "AttributeMatchingModel": "ONE_TO_ONE",
            "PhoneNumber": ["MobilePhoneNumber", "HomePhoneNumber"],
            "EmailAddress": ["PersonalEmailAddress"],
        },
        "ConflictResolution": {"ConflictResolvingModel": "SOURCE", "SourceName": "Customer"},
    },
    "Tags": {"team": "crm"},
}


def create_domain() -> CreateDomainRequest:
    return CreateDomainRequest(
        domain_name=DOMAIN,
        default_expiration_days=366,
        default_encryption_key=KMS_ARN,
        dead_letter_queue_url=f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/profiles-dead-letters",
        matching=MatchingRequest(
            enabled=True,
            job_schedule=JobSchedule(day_of_the_week=JobScheduleDayOfTheWeek.SUNDAY, time="03:00"),
            auto_merging=AutoMerging(
                enabled=True,
                consolidation=Consolidation(matching_attributes_list=[["EmailAddress"], ["LastName", "PhoneNumber"]]),
                conflict_resolution=ConflictResolution(conflict_resolving_model=ConflictResolvingModel.RECENCY),
                min_allowed_confidence_score_for_merging=0.8,
            ),
            exporting_config=ExportingConfig(
                s3_exporting=S3ExportingConfig(s3_bucket_name="my-bucket", s3_key_name="matches/")
            ),
        ),
        rule_based_matching=RuleBasedMatchingRequest(
            enabled=True,
            matching_rules=[MatchingRule(rule=["EmailAddress"]), MatchingRule(rule=["LastName", "PhoneNumber"])],
            max_allowed_rule_level_for_merging=1,
            max_allowed_rule_level_for_matching=2,
            attribute_types_selector=AttributeTypesSelector(
                attribute_matching_model=AttributeMatchingModel.ONE_TO_ONE,
                phone_number=["MobilePhoneNumber", "HomePhoneNumber"],
                email_address=["PersonalEmailAddress"],
            ),
            conflict_resolution=ConflictResolution(
                conflict_resolving_model=ConflictResolvingModel.SOURCE, source_name="Customer"
            ),
        ),
        tags={"team": "crm"},
    )


UPDATE_DOMAIN: dict[str, Any] = {
    "DomainName": DOMAIN,
    "DefaultExpirationDays": 730,
    "Matching": {"Enabled": False},
    "DataStore": {"Enabled": True},
}


def update_domain() -> UpdateDomainRequest:
    return UpdateDomainRequest(
        domain_name=DOMAIN,
        default_expiration_days=730,
        matching=MatchingRequest(enabled=False),
        data_store=DataStoreRequest(enabled=True),
    )


UPDATE_EVENT_TRIGGER: dict[str, Any] = {
    "DomainName": "domainName",
    "EventTriggerName": "eventTriggerName",
    "ObjectTypeName": "objectTypeName",
    "Description": "Orders over 100 from VIP customers",
    "EventTriggerConditions": [
        {
            "EventTriggerDimensions": [
                {
                    "ObjectAttributes": [
                        {"FieldName": "orderTotal", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}
                    ]
                }
            ],
            "LogicalOperator": "ALL",
        }
    ],
    "SegmentFilter": "vip-customers",
    "EventTriggerLimits": {
        "EventExpiration": 600000,
        "Periods": [{"Unit": "HOURS", "Value": 1, "MaxInvocationsPerProfile": 2}],
    },
}
"""The whole definition, as rule E18 advises for an update."""


def update_event_trigger() -> UpdateEventTriggerRequest:
    return UpdateEventTriggerRequest(
        domain_name="domainName",
        event_trigger_name="eventTriggerName",
        object_type_name="objectTypeName",
        description="Orders over 100 from VIP customers",
        event_trigger_conditions=[
            one_attribute_condition(
                ObjectAttribute(
                    field_name="orderTotal", comparison_operator=ComparisonOperator.GREATER_THAN, values=["100"]
                ),
                EventTriggerLogicalOperator.ALL,
            )
        ],
        segment_filter="vip-customers",
        event_trigger_limits=EventTriggerLimits(
            event_expiration=600000,
            periods=[Period(unit=PeriodUnit.HOURS, value=1, max_invocations_per_profile=2)],
        ),
    )


@dataclass(frozen=True)
class Example:
    """A valid request: the operation, boto3's keyword arguments, and the same request in code."""

    name: str
    operation: str
    kwargs: dict[str, Any]
    build: Callable[[], Request]

    @property
    def request_class(self) -> Any:
        """The request class of the operation."""
        return SHAPE_CLASSES[model_strategies.input_shape(self.operation).name]


EXAMPLES = [
    Example("minimal-event-trigger", "CreateEventTrigger", MINIMAL_EVENT_TRIGGER, minimal_event_trigger),
    Example("s3-object-type", "PutProfileObjectType", S3_OBJECT_TYPE, s3_object_type),
    Example("template-object-type", "PutProfileObjectType", TEMPLATE_OBJECT_TYPE, template_object_type),
    Example("tag-resource", "TagResource", TAG_RESOURCE, tag_resource),
    Example("create-domain", "CreateDomain", CREATE_DOMAIN, create_domain),
    Example("update-domain", "UpdateDomain", UPDATE_DOMAIN, update_domain),
    Example("update-event-trigger", "UpdateEventTrigger", UPDATE_EVENT_TRIGGER, update_event_trigger),
]


def _name(case: Example | Answer) -> str:
    return case.name


def _model_warnings(caught: list[warnings.WarningMessage]) -> list[ValidationProblem]:
    """The warnings of the AWS model's own constraints (the model walk's): a valid request earns none.

    Warnings of the documented rules are left to their own tests.
    """
    problems = [getattr(record.message, "problem", None) for record in caught]
    return [
        problem
        for problem in problems
        if isinstance(problem, ValidationProblem) and problem.rule in MODEL_CONSTRAINTS | WALK_RULE_IDS
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=_name)
def test_example_round_trips_exactly_with_every_rule_on(example: Example) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ValidationWarning)
        request = example.request_class.from_boto3(example.kwargs)
    assert request.to_boto3() == example.kwargs
    assert _model_warnings(caught) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=_name)
def test_example_passes_botocore(example: Example) -> None:
    assert model_strategies.botocore_errors(example.operation, example.kwargs) == ""
    assert model_strategies.serialized(example.operation, example.kwargs)["url_path"]


@pytest.mark.parametrize("example", EXAMPLES, ids=_name)
def test_example_written_in_code_is_the_same_object(example: Example) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ValidationWarning)
        built = example.build()
        read = example.request_class.from_boto3(example.kwargs)
    assert type(built) is type(read)
    assert built == read
    assert built.to_boto3() == example.kwargs
    assert _model_warnings(caught) == []


def test_the_s3_object_type_reads_what_the_canonical_flow_writes() -> None:
    """Rule X6: each field's Source is ``_source.<DestinationField>`` of a Map task, and each one is read."""
    written = {
        task["DestinationField"] for task in CANONICAL["FlowDefinition"]["Tasks"] if task["TaskType"] == "Map"
    }
    sources = [field["Source"] for field in S3_OBJECT_TYPE["Fields"].values()]
    assert all(source.startswith("_source.") for source in sources)
    assert {source.removeprefix("_source.") for source in sources} == written


# --- answers ------------------------------------------------------------------------

CREATED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
"""A timestamp as some other client may hand it over: aware, not in UTC."""
UPDATED = datetime(2024, 6, 1, 8, 30, tzinfo=UTC)

GET_OBJECT_TYPE: dict[str, Any] = {
    **{key: S3_OBJECT_TYPE[key] for key in ("ObjectTypeName", "Description", "ExpirationDays", "EncryptionKey")},
    "AllowProfileCreation": True,
    "MaxProfileObjectCount": 100,
    "MaxAvailableProfileObjectCount": 1000,
    "Fields": {
        "recordId": S3_OBJECT_TYPE["Fields"]["recordId"],
        "email": {"Source": "_source.colB", "Target": "_profile.EmailAddress", "ContentType": "GEO_POINT"},
    },
    "Keys": {
        "recordId": S3_OBJECT_TYPE["Keys"]["recordId"],
        "_email": [{"StandardIdentifiers": ["PROFILE", "SEARCH_ONLY"], "FieldNames": ["email"]}],
    },
    "CreatedAt": CREATED,
    "LastUpdatedAt": UPDATED,
    "Tags": {"team": "crm"},
    "DataRetention": {"Mode": "EVICT_OLDEST"},
}
"""A GetProfileObjectType answer with a member, a ContentType and an identifier newer than the model."""

GET_EVENT_TRIGGER: dict[str, Any] = {
    **{key: UPDATE_EVENT_TRIGGER[key] for key in ("EventTriggerName", "ObjectTypeName", "Description", "SegmentFilter")},
    "EventTriggerConditions": [
        {
            "EventTriggerDimensions": [
                {
                    "ObjectAttributes": [
                        {"FieldName": "orderTotal", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]},
                        {
                            "Source": "_source.channel",
                            "ComparisonOperator": "MATCHES_PATTERN",
                            "Values": ["web.*"],
                            "ValueType": "REGEX",
                        },
                    ]
                }
            ],
            "LogicalOperator": "ALL",
        }
    ],
    "EventTriggerLimits": {"EventExpiration": 600000, "Periods": [{"Unit": "YEARS", "Value": 1}]},
    "CreatedAt": CREATED,
    "LastUpdatedAt": UPDATED,
    "Tags": {"team": "crm"},
    "EventTriggerArn": f"arn:aws:profile:{REGION}:{ACCOUNT}:domains/{DOMAIN}/event-triggers/eventTriggerName",
}
"""A GetEventTrigger answer with an operator, a period unit and members newer than the model."""

GET_DOMAIN: dict[str, Any] = {
    **{key: CREATE_DOMAIN[key] for key in ("DomainName", "DefaultExpirationDays", "DefaultEncryptionKey")},
    "Stats": {"ProfileCount": 1200, "MeteringProfileCount": 1100, "ObjectCount": 5400, "TotalSize": 7340032},
    "Matching": {**CREATE_DOMAIN["Matching"], "JobSchedule": {"DayOfTheWeek": "SUNDAY", "Time": "03:00"}},
    "RuleBasedMatching": {**CREATE_DOMAIN["RuleBasedMatching"], "Status": "SUSPENDED"},
    "DataStore": {"Enabled": True, "Readiness": {"ProgressPercentage": 40, "Message": "indexing"}},
    "CreatedAt": CREATED,
    "LastUpdatedAt": UPDATED,
    "Tags": {"team": "crm"},
    "DomainArn": f"arn:aws:profile:{REGION}:{ACCOUNT}:domains/{DOMAIN}",
}
"""A GetDomain answer with a rule-based matching status and a member newer than the model."""

GET_TEMPLATE: dict[str, Any] = {
    "TemplateId": "CTR-NoInferred",
    "SourceName": "CTR",
    "SourceObject": "CTR",
    "AllowProfileCreation": False,
    "Fields": {"contactId": {"Source": "_source.ContactId", "Target": "_ctr.ContactId", "ContentType": "STRING"}},
    "Keys": {"_ctrContactId": [{"StandardIdentifiers": ["UNIQUE", "CONTACT_RECORD"], "FieldNames": ["contactId"]}]},
    "StoreOnly": False,
    "DefaultMaxProfileObjectCount": 100,
}
"""A GetProfileObjectTypeTemplate answer with the members later models add (rule O46)."""

LIST_OBJECT_TYPES: dict[str, Any] = {
    "Items": [
        {"ObjectTypeName": "Customer", "Description": "Customers", "CreatedAt": CREATED, "LastUpdatedAt": UPDATED},
        {"ObjectTypeName": "CTR", "Description": "Contact records", "MaxProfileObjectCount": 100, "ObjectCount": 7},
    ],
    "NextToken": "page-2",
    "TotalCount": 2,
}

LIST_TEMPLATES: dict[str, Any] = {
    "Items": [{"TemplateId": "CTR-NoInferred", "SourceName": "CTR", "SourceObject": "CTR", "StoreOnly": False}],
    "NextToken": "page-2",
}

LIST_EVENT_TRIGGERS: dict[str, Any] = {
    "Items": [
        {
            "ObjectTypeName": "objectTypeName",
            "EventTriggerName": "eventTriggerName",
            "Description": "Orders over 100",
            "CreatedAt": CREATED,
            "LastUpdatedAt": UPDATED,
            "Tags": {"team": "crm"},
            "Status": "ACTIVE",
        }
    ],
    "NextToken": "page-2",
}

LIST_DOMAINS: dict[str, Any] = {
    "Items": [{"DomainName": DOMAIN, "CreatedAt": CREATED, "LastUpdatedAt": UPDATED, "Region": REGION}],
    "NextToken": "page-2",
    "PageCount": 1,
}

LIST_TAGS: dict[str, Any] = {"tags": {"team": "crm", "cost-center": "1234"}, "nextToken": "page-2"}


@dataclass(frozen=True)
class Answer:
    """An answer, the class that reads it, and what reading must keep."""

    name: str
    cls: Any
    response: dict[str, Any]
    new_members: dict[str, Any]
    """The top-level keys the model does not know."""
    kept: tuple[tuple[Callable[[Any], Any], Any], ...] = ()
    """(where in the read object, what must be there, of that very type)."""


ANSWERS = [
    Answer(
        "object-type",
        ProfileObjectType,
        GET_OBJECT_TYPE,
        {"DataRetention": {"Mode": "EVICT_OLDEST"}},
        (
            (lambda read: read.fields["email"].content_type, "GEO_POINT"),
            (lambda read: read.fields["recordId"].content_type, FieldContentType.STRING),
            (
                lambda read: read.keys["_email"][0].standard_identifiers,
                (StandardIdentifier.PROFILE, "SEARCH_ONLY"),
            ),
            (lambda read: read.created_at, CREATED),
        ),
    ),
    Answer(
        "event-trigger",
        EventTrigger,
        GET_EVENT_TRIGGER,
        {"EventTriggerArn": GET_EVENT_TRIGGER["EventTriggerArn"]},
        (
            (lambda read: _attribute(read, 1).comparison_operator, "MATCHES_PATTERN"),
            (lambda read: _attribute(read, 0).comparison_operator, ComparisonOperator.GREATER_THAN),
            (lambda read: dict(_attribute(read, 1).unknown_fields), {"ValueType": "REGEX"}),
            (lambda read: read.event_trigger_limits.periods[0].unit, "YEARS"),
        ),
    ),
    Answer(
        "domain",
        Domain,
        GET_DOMAIN,
        {"DomainArn": GET_DOMAIN["DomainArn"]},
        (
            (lambda read: read.rule_based_matching.status, "SUSPENDED"),
            (lambda read: read.matching.job_schedule.day_of_the_week, JobScheduleDayOfTheWeek.SUNDAY),
            (lambda read: read.stats.total_size, 7340032),
            (lambda read: read.last_updated_at, UPDATED),
        ),
    ),
    Answer(
        "object-type-template",
        ProfileObjectTypeTemplate,
        GET_TEMPLATE,
        {"StoreOnly": False, "DefaultMaxProfileObjectCount": 100},
        (
            (
                lambda read: read.keys["_ctrContactId"][0].standard_identifiers,
                (StandardIdentifier.UNIQUE, "CONTACT_RECORD"),
            ),
        ),
    ),
    Answer(
        "object-types-page",
        ListProfileObjectTypesResponse,
        LIST_OBJECT_TYPES,
        {"TotalCount": 2},
        ((lambda read: dict(read.items[1].unknown_fields), {"ObjectCount": 7}),),
    ),
    Answer(
        "templates-page",
        ListProfileObjectTypeTemplatesResponse,
        LIST_TEMPLATES,
        {},
        ((lambda read: dict(read.items[0].unknown_fields), {"StoreOnly": False}),),
    ),
    Answer(
        "event-triggers-page",
        ListEventTriggersResponse,
        LIST_EVENT_TRIGGERS,
        {},
        ((lambda read: dict(read.items[0].unknown_fields), {"Status": "ACTIVE"}),),
    ),
    Answer(
        "domains-page",
        ListDomainsResponse,
        LIST_DOMAINS,
        {"PageCount": 1},
        ((lambda read: dict(read.items[0].unknown_fields), {"Region": REGION}),),
    ),
    Answer("tags", ListTagsForResourceResponse, LIST_TAGS, {"nextToken": "page-2"}),
]


def _attribute(trigger: Any, position: int) -> Any:
    return trigger.event_trigger_conditions[0].event_trigger_dimensions[0].object_attributes[position]


@pytest.mark.parametrize("answer", ANSWERS, ids=_name)
def test_answers_are_read_leniently_and_written_back(answer: Answer) -> None:
    read = answer.cls.from_boto3(answer.response)
    assert read.to_boto3() == answer.response
    assert dict(read.unknown_fields) == answer.new_members
    for where, expected in answer.kept:
        found = where(read)
        assert found == expected
        assert type(found) is type(expected)
        if isinstance(found, tuple):
            assert [type(item) for item in found] == [type(item) for item in expected]
    for moment in (leaf for leaf in leaves(read) if isinstance(leaf, datetime)):
        assert moment.utcoffset() == timedelta(0)


def test_answers_cover_every_resource_reader() -> None:
    """Every Get and List answer class of the resource modules has a concrete answer here."""
    covered = {answer.cls for answer in ANSWERS}
    readers = {
        RESPONSE_CLASS_OF_SHAPE[model_strategies.output_shape(operation).name]
        for operation in model_strategies.operations()
        if operation.startswith(("Get", "List"))
    }
    assert readers <= covered


def test_botocore_metadata_is_not_an_unknown_member() -> None:
    answer = {**LIST_TAGS, "ResponseMetadata": {"RequestId": "rid-1", "HTTPStatusCode": 200}}
    read = ListTagsForResourceResponse.from_boto3(answer)
    assert read.to_boto3() == LIST_TAGS
    assert "ResponseMetadata" not in read.unknown_fields


@pytest.mark.parametrize(
    ("cls", "response", "wire_path", "rule"),
    [
        pytest.param(
            ProfileObjectType,
            {key: item for key, item in GET_OBJECT_TYPE.items() if key != "ObjectTypeName"},
            "ObjectTypeName",
            "required",
            id="object-type-name",
        ),
        pytest.param(
            Domain,
            {key: item for key, item in GET_DOMAIN.items() if key != "CreatedAt"},
            "CreatedAt",
            "required",
            id="domain-created-at",
        ),
        pytest.param(
            EventTrigger,
            {**GET_EVENT_TRIGGER, "EventTriggerConditions": [{"EventTriggerDimensions": []}]},
            "EventTriggerConditions[0].LogicalOperator",
            "required",
            id="trigger-logical-operator",
        ),
        pytest.param(
            ListProfileObjectTypesResponse,
            {"Items": [LIST_OBJECT_TYPES["Items"][0], {"ObjectTypeName": "CTR"}]},
            "Items[1].Description",
            "required",
            id="page-item-description",
        ),
        pytest.param(
            ListDomainsResponse,
            {"Items": [{"DomainName": DOMAIN, "CreatedAt": CREATED}]},
            "Items[0].LastUpdatedAt",
            "required",
            id="domains-page-item",
        ),
        pytest.param(DeleteDomainResponse, {}, "Message", "required", id="delete-message"),
        pytest.param(
            Domain, {**GET_DOMAIN, "DefaultExpirationDays": "366"}, "DefaultExpirationDays", "type", id="wrong-type"
        ),
    ],
)
def test_an_answer_lacking_a_required_member_or_of_a_wrong_type_names_the_member(
    cls: Any, response: dict[str, Any], wire_path: str, rule: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        cls.from_boto3(response)
    assert [(problem.wire_path, problem.rule) for problem in caught.value.errors] == [(wire_path, rule)]
    assert wire_path in str(caught.value)
