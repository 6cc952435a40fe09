"""The AWS CLI v1, unmodified, runs a whole Customer Profiles setup against the emulator.

Every step is an ``aws customer-profiles`` command in a subprocess, with its
structures given as JSON arguments exactly as a user would type them
(``--fields``, ``--keys``, ``--flow-definition``, ``--event-trigger-conditions``),
and its answer read from ``--output json``. The CLI signs each request with
SigV4 and sends it through its own botocore, so what passes here is what the
CLI sees.

Pagination: the CLI pages by itself (``--page-size``, ``--max-items``,
``--starting-token``) only for operations its model gives a paginator;
ListEventTriggers has one, ListIntegrations does not, so the integrations are
paged by hand with ``--max-results`` and ``--next-token``, the emulator's own
tokens going through the CLI unchanged.
"""

from __future__ import annotations

from typing import Any

from customer_profiles_typed import integration_arn, object_type_arn
from customer_profiles_typed.testing import Emulator

from ._cli import ACCOUNT_ID, REGION, AwsCli, CliRun, as_json

DOMAIN = "retail"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
OBJECT_TYPE = "ShopCustomer"
TRIGGER = "big-spender"
FLOW = "shop-customers-from-s3"
TAGS = {"team": "crm", "cost-center": "retail"}

FIELDS = {
    "customer_id": {"Source": "_source.customer_id", "Target": "_profile.AccountNumber", "ContentType": "STRING"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress", "ContentType": "EMAIL_ADDRESS"},
    "lifetime_value": {
        "Source": "_source.lifetime_value",
        "Target": "_profile.Attributes.LifetimeValue",
        "ContentType": "NUMBER",
    },
}
KEYS = {
    "customer_id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["customer_id"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}
CONDITIONS = [
    {
        "EventTriggerDimensions": [
            {
                "ObjectAttributes": [
                    {"FieldName": "lifetime_value", "ComparisonOperator": "GREATER_THAN", "Values": ["1000"]}
                ]
            }
        ],
        "LogicalOperator": "ALL",
    }
]
LIMITS = {"Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}]}


def flow_definition(flow_name: str) -> dict[str, Any]:
    """An S3 flow named ``flow_name`` bringing the three columns the object type reads."""
    columns = list(FIELDS)
    return {
        "FlowName": flow_name,
        "KmsArn": KMS_KEY,
        "SourceFlowConfig": {
            "ConnectorType": "S3",
            "SourceConnectorProperties": {"S3": {"BucketName": "example-shop-exports", "BucketPrefix": "customers/"}},
        },
        "Tasks": [
            {"TaskType": "Filter", "SourceFields": columns, "ConnectorOperator": {"S3": "PROJECTION"}},
            *(
                {
                    "TaskType": "Map",
                    "SourceFields": [column],
                    "ConnectorOperator": {"S3": "NO_OP"},
                    "DestinationField": column,
                }
                for column in columns
            ),
        ],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }


def flow_uri(flow_name: str) -> str:
    """The Uri of the integration made from the flow ``flow_name``: the flow's ARN."""
    return f"arn:aws:appflow:{REGION}:{ACCOUNT_ID}:flow/{flow_name}"


# The steps of the setup, in the order AWS documents -----------------------------------------


def create_domain(aws: AwsCli) -> dict[str, Any]:
    """``create-domain`` of ``DOMAIN``, encrypted with ``KMS_KEY``."""
    return aws(
        "create-domain",
        "--domain-name",
        DOMAIN,
        "--default-expiration-days",
        "366",
        "--default-encryption-key",
        KMS_KEY,
    )


def put_object_type(aws: AwsCli) -> dict[str, Any]:
    """``put-profile-object-type`` of ``OBJECT_TYPE`` with ``FIELDS`` and ``KEYS``."""
    return aws(
        "put-profile-object-type",
        "--domain-name",
        DOMAIN,
        "--object-type-name",
        OBJECT_TYPE,
        "--description",
        "Customers of the web shop, from its CSV exports",
        "--allow-profile-creation",
        "--fields",
        as_json(FIELDS),
        "--keys",
        as_json(KEYS),
    )


def create_trigger(aws: AwsCli, name: str = TRIGGER) -> dict[str, Any]:
    """``create-event-trigger`` ``name`` on ``OBJECT_TYPE`` with ``CONDITIONS`` and ``LIMITS``."""
    return aws(
        "create-event-trigger",
        "--domain-name",
        DOMAIN,
        "--event-trigger-name",
        name,
        "--object-type-name",
        OBJECT_TYPE,
        "--description",
        "A customer whose lifetime value passes 1000",
        "--event-trigger-conditions",
        as_json(CONDITIONS),
        "--event-trigger-limits",
        as_json(LIMITS),
    )


def put_integration(aws: AwsCli, flow_name: str = FLOW, *options: str) -> dict[str, Any]:
    """``put-integration`` of ``OBJECT_TYPE`` from the flow ``flow_name``, plus ``options``."""
    return aws(
        "put-integration",
        "--domain-name",
        DOMAIN,
        "--object-type-name",
        OBJECT_TYPE,
        "--flow-definition",
        as_json(flow_definition(flow_name)),
        *options,
    )


def assert_refused(done: CliRun, error_code: str, operation: str) -> None:
    """The CLI reported the service error ``error_code`` of ``operation`` (v1: exit code 255)."""
    assert done.returncode == 255, (done.returncode, done.stderr)
    assert done.stdout == ""
    assert f"({error_code})" in done.stderr, done.stderr
    assert f"when calling the {operation} operation" in done.stderr, done.stderr


# Domains ------------------------------------------------------------------------------------


def test_create_domain_and_get_domain(aws: AwsCli) -> None:
    created = create_domain(aws)
    assert created["DomainName"] == DOMAIN
    assert created["DefaultExpirationDays"] == 366
    assert created["DefaultEncryptionKey"] == KMS_KEY

    fetched = aws("get-domain", "--domain-name", DOMAIN)
    assert fetched["DomainName"] == DOMAIN
    assert fetched["DefaultEncryptionKey"] == KMS_KEY
    assert fetched["CreatedAt"] == created["CreatedAt"]

    listed = aws("list-domains")
    assert [item["DomainName"] for item in listed["Items"]] == [DOMAIN]


def test_update_domain_changes_what_it_is_given(aws: AwsCli) -> None:
    create_domain(aws)
    updated = aws("update-domain", "--domain-name", DOMAIN, "--default-expiration-days", "400")
    assert updated["DomainName"] == DOMAIN
    assert updated["DefaultExpirationDays"] == 400

    fetched = aws("get-domain", "--domain-name", DOMAIN)
    assert fetched["DefaultExpirationDays"] == 400
    assert fetched["DefaultEncryptionKey"] == KMS_KEY


# Object types and event triggers ---------------------------------------------------------------


def test_put_profile_object_type_with_fields_and_keys(aws: AwsCli) -> None:
    create_domain(aws)
    put = put_object_type(aws)
    assert put["ObjectTypeName"] == OBJECT_TYPE
    assert put["AllowProfileCreation"] is True
    assert put["Fields"] == FIELDS
    assert put["Keys"] == KEYS

    fetched = aws("get-profile-object-type", "--domain-name", DOMAIN, "--object-type-name", OBJECT_TYPE)
    assert fetched["Description"] == "Customers of the web shop, from its CSV exports"
    assert fetched["Fields"] == FIELDS
    assert fetched["Keys"] == KEYS

    listed = aws("list-profile-object-types", "--domain-name", DOMAIN)
    assert [item["ObjectTypeName"] for item in listed["Items"]] == [OBJECT_TYPE]


def test_create_event_trigger_on_the_object_type(aws: AwsCli) -> None:
    create_domain(aws)
    put_object_type(aws)
    created = create_trigger(aws)
    assert created["EventTriggerName"] == TRIGGER
    assert created["ObjectTypeName"] == OBJECT_TYPE
    assert created["EventTriggerConditions"] == CONDITIONS
    assert created["EventTriggerLimits"] == LIMITS

    fetched = aws("get-event-trigger", "--domain-name", DOMAIN, "--event-trigger-name", TRIGGER)
    assert fetched["EventTriggerConditions"] == CONDITIONS
    assert fetched["EventTriggerLimits"] == LIMITS
    assert fetched["Description"] == "A customer whose lifetime value passes 1000"


# Integrations -------------------------------------------------------------------------------


def test_put_get_and_delete_an_integration_from_a_flow_definition(aws: AwsCli) -> None:
    create_domain(aws)
    put = put_integration(aws)
    assert put["Uri"] == flow_uri(FLOW)
    assert put["DomainName"] == DOMAIN
    assert put["ObjectTypeName"] == OBJECT_TYPE
    assert put["IsUnstructured"] is False

    fetched = aws("get-integration", "--domain-name", DOMAIN, "--uri", flow_uri(FLOW))
    assert fetched["Uri"] == flow_uri(FLOW)
    assert fetched["CreatedAt"] == put["CreatedAt"]

    deleted = aws("delete-integration", "--domain-name", DOMAIN, "--uri", flow_uri(FLOW))
    assert deleted["Message"]
    gone = aws.run("get-integration", "--domain-name", DOMAIN, "--uri", flow_uri(FLOW))
    assert_refused(gone, "ResourceNotFoundException", "GetIntegration")


def test_put_integration_naming_the_event_trigger(aws: AwsCli) -> None:
    create_domain(aws)
    put_object_type(aws)
    create_trigger(aws)
    put = put_integration(aws, FLOW, "--event-trigger-names", TRIGGER)
    assert put["EventTriggerNames"] == [TRIGGER]

    fetched = aws("get-integration", "--domain-name", DOMAIN, "--uri", flow_uri(FLOW))
    assert fetched["EventTriggerNames"] == [TRIGGER]
    assert fetched["ObjectTypeName"] == OBJECT_TYPE


def test_list_integrations_page_by_page_with_max_results_and_next_token(aws: AwsCli) -> None:
    create_domain(aws)
    flows = [f"shop-export-{number}" for number in range(1, 6)]
    for flow_name in flows:
        put_integration(aws, flow_name)

    pages: list[list[str]] = []
    options: list[str] = []
    for _ in range(len(flows) + 1):
        page = aws("list-integrations", "--domain-name", DOMAIN, "--max-results", "2", *options)
        pages.append([item["Uri"] for item in page["Items"]])
        if "NextToken" not in page:
            break
        options = ["--next-token", page["NextToken"]]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sorted(uri for page in pages for uri in page) == sorted(flow_uri(name) for name in flows)


# Tags ----------------------------------------------------------------------------------------


def test_tag_resource_untag_resource_and_list_tags_for_resource(aws: AwsCli) -> None:
    create_domain(aws)
    put_object_type(aws)
    uri = put_integration(aws)["Uri"]
    object_type = object_type_arn(DOMAIN, OBJECT_TYPE, region=REGION, account_id=ACCOUNT_ID)
    # An integration's ARN embeds its Uri, colons and slashes included.
    integration = integration_arn(DOMAIN, uri, region=REGION, account_id=ACCOUNT_ID)

    for arn in (object_type, integration):
        assert aws("tag-resource", "--resource-arn", arn, "--tags", as_json(TAGS)) == {}
        assert aws("list-tags-for-resource", "--resource-arn", arn) == {"tags": TAGS}

    assert aws("untag-resource", "--resource-arn", object_type, "--tag-keys", "team") == {}
    assert aws("list-tags-for-resource", "--resource-arn", object_type) == {"tags": {"cost-center": "retail"}}
    assert aws("list-tags-for-resource", "--resource-arn", integration) == {"tags": TAGS}


# The CLI's own pagination ---------------------------------------------------------------------


def test_the_cli_pages_list_event_triggers_by_itself(aws: AwsCli, emulator: Emulator) -> None:
    create_domain(aws)
    put_object_type(aws)
    names = [TRIGGER, "frequent-buyer", "lapsed-customer"]
    for name in names:
        create_trigger(aws, name)

    before = emulator.request_count("ListEventTriggers")
    everything = aws("list-event-triggers", "--domain-name", DOMAIN, "--page-size", "1")
    assert sorted(item["EventTriggerName"] for item in everything["Items"]) == sorted(names)
    assert "NextToken" not in everything
    # One page per trigger: the CLI followed the emulator's tokens to the end.
    assert emulator.request_count("ListEventTriggers") - before >= len(names)

    first = aws("list-event-triggers", "--domain-name", DOMAIN, "--page-size", "1", "--max-items", "2")
    assert len(first["Items"]) == 2
    rest = aws(
        "list-event-triggers",
        "--domain-name",
        DOMAIN,
        "--page-size",
        "1",
        "--max-items",
        "2",
        "--starting-token",
        first["NextToken"],
    )
    assert "NextToken" not in rest
    seen = [item["EventTriggerName"] for item in first["Items"] + rest["Items"]]
    assert sorted(seen) == sorted(names)


# The whole setup, then undone -----------------------------------------------------------------


def test_the_whole_setup_then_deleted_in_reverse_order(aws: AwsCli) -> None:
    create_domain(aws)
    put_object_type(aws)
    create_trigger(aws)
    uri = put_integration(aws, FLOW, "--event-trigger-names", TRIGGER)["Uri"]
    for arn in (
        object_type_arn(DOMAIN, OBJECT_TYPE, region=REGION, account_id=ACCOUNT_ID),
        integration_arn(DOMAIN, uri, region=REGION, account_id=ACCOUNT_ID),
    ):
        aws("tag-resource", "--resource-arn", arn, "--tags", as_json(TAGS))

    # The integration goes first: a trigger an active integration names cannot be deleted.
    assert aws("delete-integration", "--domain-name", DOMAIN, "--uri", uri)["Message"]
    assert aws("delete-event-trigger", "--domain-name", DOMAIN, "--event-trigger-name", TRIGGER)["Message"]
    assert aws("delete-profile-object-type", "--domain-name", DOMAIN, "--object-type-name", OBJECT_TYPE)["Message"]
    assert aws("delete-domain", "--domain-name", DOMAIN)["Message"]

    assert_refused(aws.run("get-domain", "--domain-name", DOMAIN), "ResourceNotFoundException", "GetDomain")
    assert not aws("list-domains").get("Items")


# Errors --------------------------------------------------------------------------------------


def test_a_get_of_a_missing_integration_fails_with_the_error_code(aws: AwsCli) -> None:
    create_domain(aws)
    done = aws.run("get-integration", "--domain-name", DOMAIN, "--uri", flow_uri("no-such-flow"))
    assert_refused(done, "ResourceNotFoundException", "GetIntegration")

