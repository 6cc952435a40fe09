"""One runnable example per documented rule: a valid request, changed so that it breaks the rule.

The examples are data: an operation, the valid base request of that operation
(``BASES``) and the changes made to it, as wire paths in boto3's spelling. The
rule catalogue (``_catalogue``) shows them with the problems they produce when
run, so the messages shown are always the library's own, and a test runs every
example and checks that it produces its rule and no other.

Three kinds of example, by what judges them:

- a request alone: ``from_boto3`` of the operation's request class;
- a flow and the object type it feeds (``links`` set): ``find_link_problems``;
- a request and what exists in its domain (``state`` set): ``find_online_problems``.
"""

from __future__ import annotations

import copy
import json
import re
import warnings
from collections.abc import Mapping, Sequence
from typing import Any, Final, cast

import attrs

from customer_profiles_typed import arns, links
from customer_profiles_typed.errors import ValidationError, ValidationProblem, ValidationWarning
from customer_profiles_typed.models import (
    CreateEventTriggerRequest,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    TagResourceRequest,
    UpdateEventTriggerRequest,
)

__all__ = ["BASES", "EXAMPLES", "NOT_RUNNABLE", "REMOVED", "Example", "run"]

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
"""The KMS key of the base integration's flow."""

_ANOTHER_KEY = "arn:aws:kms:us-east-1:123456789012:key/9999ffff-88ee-77dd-66cc-5555bbbb4444"


class _Removed:
    """The value of a change that removes the member or the list item at its path."""

    def __repr__(self) -> str:
        return "REMOVED"


REMOVED: Final = _Removed()
"""A change to this value removes the member or list item at its path."""

BASES: Mapping[str, Mapping[str, Any]] = {
    "PutIntegration": {
        "DomainName": "retail",
        "ObjectTypeName": "ShopCustomer",
        "FlowDefinition": {
            "FlowName": "shop-customers",
            "KmsArn": KMS_KEY,
            "SourceFlowConfig": {
                "ConnectorType": "S3",
                "SourceConnectorProperties": {"S3": {"BucketName": "example-shop-exports"}},
            },
            "Tasks": [
                {
                    "TaskType": "Filter",
                    "SourceFields": ["customer_id", "email"],
                    "ConnectorOperator": {"S3": "PROJECTION"},
                },
                {
                    "TaskType": "Map",
                    "SourceFields": ["customer_id"],
                    "DestinationField": "customer_id",
                    "ConnectorOperator": {"S3": "NO_OP"},
                },
                {
                    "TaskType": "Map",
                    "SourceFields": ["email"],
                    "DestinationField": "email",
                    "ConnectorOperator": {"S3": "NO_OP"},
                },
            ],
            "TriggerConfig": {"TriggerType": "OnDemand"},
        },
    },
    "PutProfileObjectType": {
        "DomainName": "retail",
        "ObjectTypeName": "ShopCustomer",
        "Description": "Customers of the web shop",
        "AllowProfileCreation": True,
        "Fields": {
            "customer_id": {
                "Source": "_source.customer_id",
                "Target": "_profile.AccountNumber",
                "ContentType": "STRING",
            },
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
        },
        "Keys": {
            "customer_id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["customer_id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    },
    "CreateEventTrigger": {
        "DomainName": "retail",
        "EventTriggerName": "big-spender",
        "ObjectTypeName": "ShopCustomer",
        "EventTriggerConditions": [
            {
                "EventTriggerDimensions": [
                    {
                        "ObjectAttributes": [
                            {
                                "FieldName": "lifetime_value",
                                "ComparisonOperator": "GREATER_THAN",
                                "Values": ["1000"],
                            }
                        ]
                    }
                ],
                "LogicalOperator": "ANY",
            }
        ],
        "EventTriggerLimits": {
            "EventExpiration": 900000,
            "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}],
        },
    },
    "TagResource": {
        "resourceArn": "arn:aws:profile:us-east-1:123456789012:domains/retail",
        "tags": {"team": "crm"},
    },
    "domain_arn": {"domain_name": "retail", "region": "us-east-1", "account_id": "123456789012"},
}
"""The valid base of each kind of example: boto3 keyword arguments (``domain_arn``: its arguments).

The base integration and the base object type are linked: the object type reads
exactly the two columns the flow maps.
"""

_REQUESTS: Mapping[str, type] = {
    "PutIntegration": PutIntegrationRequest,
    "PutProfileObjectType": PutProfileObjectTypeRequest,
    "CreateEventTrigger": CreateEventTriggerRequest,
    "UpdateEventTrigger": UpdateEventTriggerRequest,
    "TagResource": TagResourceRequest,
}
"""The request class of each operation an example can change."""

_BASE_OF: Mapping[str, str] = {"UpdateEventTrigger": "CreateEventTrigger"}
"""Operations whose base is another's (an update takes the members of a create)."""

Changes = Mapping[str, object]
"""Wire path -> new value (``REMOVED`` removes it); ``a.b[2]``, ``Fields["a.b"]`` for a key with dots."""

_NO_CHANGES: Changes = {}


@attrs.frozen(kw_only=True)
class Example:
    """A base request changed so that it breaks one rule."""

    operation: str
    """The operation whose base request is changed (a key of ``BASES``, or ``UpdateEventTrigger``)."""

    changes: Changes = attrs.field(factory=lambda: _NO_CHANGES)
    """The changes made to the base request."""

    links: Changes | None = None
    """Changes made to the base object type, judged with the integration (rules X6-X8)."""

    state: Mapping[str, Any] | None = None
    """What exists in the domain, as ``DomainState`` arguments (online rules)."""

    also: frozenset[str] = frozenset()
    """Other rules the example cannot help breaking too."""

    shown: str | None = None
    """How the changes are shown when they are too long to print (the example runs in full)."""

    def describe(self) -> list[str]:
        """The example as lines: what is changed, in which request."""
        if self.changes or self.shown is not None:
            lines = [f"{self.operation}, the base request with:", *_change_lines(self.changes, self.shown)]
        else:
            lines = [f"{self.operation}, the base request unchanged"]
        if self.links is not None:
            lines.append("judged with PutProfileObjectType, the base object type with:")
            lines += _change_lines(self.links, None)
        if self.state is not None:
            shown = ", ".join(f"{name}={_show_state(value)}" for name, value in self.state.items())
            lines.append(f"judged against the domain's state: DomainState({shown})")
        return lines


def _show_state(value: object) -> str:
    if isinstance(value, (list, set, frozenset, tuple)):
        items = sorted(cast("Sequence[str]", list(cast("Any", value))))
        if len(items) > 3:
            return f"{{{len(items)} names}}"
        return "{" + ", ".join(map(repr, items)) + "}" if items else "set()"
    return repr(value)


def _change_lines(changes: Changes, shown: str | None) -> list[str]:
    if shown is not None:
        return [f"  {shown}"]
    return [
        f"  {path}: removed" if value is REMOVED else f"  {path} = {json.dumps(value)}"
        for path, value in changes.items()
    ]


_SEGMENT = re.compile(r'\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]+)"\]')


def _segments(path: str) -> list[str | int]:
    """The keys and list positions of a wire path."""
    found: list[str | int] = []
    position = 0
    while position < len(path):
        match = _SEGMENT.match(path, position)
        if match is None:
            raise ValueError(f"not a wire path: {path!r}")
        name, index, quoted = match.groups()
        found.append(int(index) if index is not None else (name or quoted))
        position = match.end()
    return found


def _changed(base: Mapping[str, Any], changes: Changes) -> dict[str, Any]:
    """A copy of ``base`` with the changes made (a position one past a list's end appends)."""
    result = copy.deepcopy(dict(base))
    for path, value in changes.items():
        *parents, last = _segments(path)
        node: Any = result
        for segment in parents:
            node = node[segment] if isinstance(segment, int) else node.setdefault(segment, {})
        if value is REMOVED:
            del node[last]
        elif isinstance(last, int) and last == len(node):
            node.append(copy.deepcopy(value))
        else:
            node[last] = copy.deepcopy(value)
    return result


def _request(operation: str, changes: Changes) -> dict[str, Any]:
    return _changed(BASES[_BASE_OF.get(operation, operation)], changes)


def _from_boto3(operation: str, kwargs: Mapping[str, Any], found: list[ValidationProblem]) -> Any:
    """The request built, its problems added to ``found`` (``None`` when it is refused)."""
    cls: Any = _REQUESTS[operation]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ValidationWarning)
        try:
            request = cls.from_boto3(kwargs)
        except ValidationError as error:
            found += [*error.errors, *error.warnings]
            request = None
    found += [
        w.message.problem
        for w in caught
        if isinstance(w.message, ValidationWarning) and w.message.problem is not None
    ]
    return request


def run(example: Example) -> list[ValidationProblem]:
    """Every problem the example produces, errors and warnings, in the order found."""
    found: list[ValidationProblem] = []
    if example.operation == "domain_arn":
        try:
            arns.domain_arn(**_changed(BASES["domain_arn"], example.changes))
        except ValidationError as error:
            found += error.errors
        return found
    request = _from_boto3(example.operation, _request(example.operation, example.changes), found)
    if request is None:
        return found
    if example.links is not None:
        object_type = _from_boto3(
            "PutProfileObjectType", _request("PutProfileObjectType", example.links), found
        )
        if object_type is not None:
            found += links.find_link_problems(integration=request, object_type=object_type)
    if example.state is not None:
        found += links.find_online_problems(request, links.DomainState(**example.state))
    return found


def _many_fields(count: int) -> dict[str, Any]:
    """``count`` plain fields plus the base's two (for the size rules)."""
    fields = copy.deepcopy(dict(BASES["PutProfileObjectType"]["Fields"]))
    for number in range(count - len(fields)):
        fields[f"extra_{number}"] = {"Source": f"_source.extra_{number}", "Target": f"_profile.Attributes.extra_{number}"}
    return fields


def _scheduled(**schedule: object) -> dict[str, Any]:
    return {
        "TriggerType": "Scheduled",
        "TriggerProperties": {"Scheduled": {"ScheduleExpression": "rate(1hours)", **schedule}},
    }


_TASKS = "FlowDefinition.Tasks"
_SOURCE = "FlowDefinition.SourceFlowConfig"
_TRIGGER = "FlowDefinition.TriggerConfig"
_ATTRIBUTE = "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
_PERIOD = "EventTriggerLimits.Periods[0]"


def _salesforce_tasks() -> dict[str, object]:
    return {
        f"{_TASKS}[0].ConnectorOperator": {"Salesforce": "PROJECTION"},
        f"{_TASKS}[1].ConnectorOperator": {"Salesforce": "NO_OP"},
        f"{_TASKS}[2].ConnectorOperator": {"Salesforce": "NO_OP"},
    }


EXAMPLES: Mapping[str, tuple[Example, ...]] = {
    # --- integrations: the request ---------------------------------------------------------
    "T3": (Example(operation="PutIntegration", changes={"FlowDefinition": REMOVED}),),
    "T4": (
        Example(
            operation="PutIntegration",
            changes={"Uri": "arn:aws:appflow:us-east-1:123456789012:flow/shop-customers"},
        ),
    ),
    "T6": (Example(operation="PutIntegration", changes={"ObjectTypeName": REMOVED}),),
    "T8": (
        Example(
            operation="PutIntegration",
            changes={"ObjectTypeNames": {"Customer": "ShopCustomer"}},
        ),
    ),
    "T11": (Example(operation="PutIntegration", changes={"Tags": {}}),),
    "TG3": (Example(operation="PutIntegration", changes={"FlowDefinition.FlowName": "shop-" * 45}),),
    # --- the flow's source --------------------------------------------------------------------
    "A3": (
        Example(
            operation="PutIntegration",
            changes={"FlowDefinition.KmsArn": "arn:aws-cn:kms:cn-north-1:123456789012:key/1111aaaa"},
        ),
        Example(operation="PutIntegration", changes={"FlowDefinition.KmsArn": "arn:aws:s3:::example-shop-exports"}),
    ),
    "C2": (
        Example(
            operation="PutIntegration",
            changes={
                _SOURCE: {
                    "ConnectorType": "ServiceNow",
                    "ConnectorProfileName": "servicenow-prod",
                    "SourceConnectorProperties": {"ServiceNow": {"Object": "incident"}},
                },
                f"{_TASKS}[0].ConnectorOperator": {"ServiceNow": "PROJECTION"},
                f"{_TASKS}[1].ConnectorOperator": {"ServiceNow": "NO_OP"},
                f"{_TASKS}[2].ConnectorOperator": {"ServiceNow": "NO_OP"},
            },
        ),
    ),
    "C3": (Example(operation="PutIntegration", changes={f"{_SOURCE}.SourceConnectorProperties": {}}),),
    "C4": (
        Example(
            operation="PutIntegration",
            changes={f"{_SOURCE}.SourceConnectorProperties.Salesforce": {"Object": "Contact"}},
        ),
    ),
    "C6": (
        Example(
            operation="PutIntegration",
            changes={
                _SOURCE: {
                    "ConnectorType": "Salesforce",
                    "SourceConnectorProperties": {"Salesforce": {"Object": "Contact"}},
                },
                **_salesforce_tasks(),
            },
        ),
    ),
    "C10": (
        Example(
            operation="PutIntegration",
            changes={
                f"{_TASKS}[0].SourceFields": ["customer_id", "contact.email"],
                f"{_TASKS}[2].SourceFields": ["contact.email"],
            },
        ),
    ),
    # --- tasks -------------------------------------------------------------------------------------
    "K4": (Example(operation="PutIntegration", changes={f"{_TASKS}[0]": REMOVED}),),
    "K5": (
        Example(
            operation="PutIntegration",
            changes={
                f"{_TASKS}[3]": {
                    "TaskType": "Filter",
                    "SourceFields": ["email"],
                    "ConnectorOperator": {"S3": "NO_OP"},
                }
            },
        ),
    ),
    "K6": (
        Example(
            operation="PutIntegration",
            changes={f"{_TASKS}[2].ConnectorOperator": {"S3": "ADDITION"}},
        ),
    ),
    "K7": (
        Example(
            operation="PutIntegration",
            changes={f"{_TASKS}[1].ConnectorOperator": {"Salesforce": "NO_OP"}},
        ),
        Example(
            operation="PutIntegration",
            changes={f"{_TASKS}[1].ConnectorOperator": {"S3": "NO_OP", "Salesforce": "NO_OP"}},
        ),
    ),
    "K8": (Example(operation="PutIntegration", changes={f"{_TASKS}[0].SourceFields": ["customer_id"]}),),
    "K9": (Example(operation="PutIntegration", changes={f"{_TASKS}[2].DestinationField": REMOVED}),),
    # --- triggers and schedules ------------------------------------------------------------------
    "G2": (
        Example(
            operation="PutIntegration",
            changes={f"{_TRIGGER}.TriggerProperties": {"Scheduled": {"ScheduleExpression": "rate(1hours)"}}},
        ),
    ),
    "G3": (Example(operation="PutIntegration", changes={f"{_TRIGGER}.TriggerType": "Scheduled"}),),
    "G5": (Example(operation="PutIntegration", changes={_TRIGGER: _scheduled(ScheduleExpression="rate(1 hour)")}),),
    "G6": (Example(operation="PutIntegration", changes={_TRIGGER: _scheduled(ScheduleExpression="rate(5minutes)")}),),
    "G9": (Example(operation="PutIntegration", changes={_TRIGGER: _scheduled(Timezone="Eastern Time")}),),
    "G13": (
        Example(operation="PutIntegration", changes={_TRIGGER: _scheduled(ScheduleStartTime="2020-01-01T00:00:00Z")}),
    ),
    "G14": (
        Example(
            operation="PutIntegration",
            changes={
                _TRIGGER: _scheduled(
                    ScheduleStartTime="2999-06-01T00:00:00Z", ScheduleEndTime="2999-01-01T00:00:00Z"
                )
            },
        ),
    ),
    "G15": (
        Example(operation="PutIntegration", changes={_TRIGGER: _scheduled(FirstExecutionFrom="2999-01-01T00:00:00Z")}),
    ),
    "G16": (Example(operation="PutIntegration", changes={_TRIGGER: _scheduled(ScheduleEndTime=33_000_000_000)}),),
    "G18": (Example(operation="PutIntegration", changes={f"{_TRIGGER}.TriggerType": "Event"}),),
    # --- object types --------------------------------------------------------------------------------
    "F4": (
        Example(operation="PutIntegration", changes={"FlowDefinition.Description": "Customers <web shop>"}),
    ),
    "O4": (Example(operation="PutProfileObjectType", changes={"ObjectTypeName": "_ShopCustomer"}),),
    "O7": (
        Example(
            operation="PutProfileObjectType", changes={"TemplateId": "CTR", "AllowProfileCreation": REMOVED}
        ),
    ),
    "O8": (
        Example(
            operation="PutProfileObjectType",
            changes={"TemplateId": "CTR", "Fields": REMOVED, "Keys": REMOVED},
        ),
    ),
    "O9": (Example(operation="PutProfileObjectType", changes={"Keys": REMOVED}),),
    "O10": (Example(operation="PutProfileObjectType", changes={"ExpirationDays": 1097}),),
    "O11": (Example(operation="PutProfileObjectType", changes={"EncryptionKey": ""}),),
    "O13": (
        Example(
            operation="PutProfileObjectType",
            changes={
                "Fields.updated_at": {"Source": "_source.updated_at", "Target": "_profile.SourceLastUpdatedTimestamp"}
            },
        ),
    ),
    "O14": (Example(operation="PutProfileObjectType", changes={"MaxProfileObjectCount": 1001}),),
    "O16": (
        Example(
            operation="PutProfileObjectType",
            changes={"Fields.Tags": {"Source": "_source.tags", "Target": "_profile.Attributes.tags"}},
        ),
    ),
    "O17": (
        Example(
            operation="PutProfileObjectType",
            changes={"Fields": _many_fields(251)},
            shown='Fields = the base\'s two fields and 249 more ("extra_0": {"Source": "_source.extra_0", ...} ...)',
        ),
    ),
    "O18": (Example(operation="PutProfileObjectType", changes={"Fields.email.Source": REMOVED}),),
    "O19": (Example(operation="PutProfileObjectType", changes={"Fields.email.Source": "email"}),),
    "O20": (Example(operation="PutProfileObjectType", changes={"Fields.email.Source": "{{_source.email"}),),
    "O21": (Example(operation="PutProfileObjectType", changes={"Fields.email.Target": "profile.EmailAddress"}),),
    "O22": (Example(operation="PutProfileObjectType", changes={"Fields.email.Target": "_profile.BusinessEmail"}),),
    "O23": (Example(operation="PutProfileObjectType", changes={"Fields.customer_id.Target": "_profile.ProfileId"}),),
    "O24": (
        Example(
            operation="PutProfileObjectType",
            changes={
                "Fields.gender": {"Source": "_source.gender", "Target": "_profile.Gender"},
                "Fields.gender_text": {"Source": "_source.gender_text", "Target": "_profile.GenderString"},
            },
        ),
    ),
    "O25": (
        Example(
            operation="PutProfileObjectType",
            changes={"Fields.order_id": {"Source": "_source.order_id", "Target": "_order.Attributes.ShopOrderId"}},
        ),
    ),
    "O28": (
        Example(
            operation="PutProfileObjectType",
            changes={"Keys.Tags": [{"StandardIdentifiers": ["SECONDARY", "PROFILE"], "FieldNames": ["email"]}]},
        ),
    ),
    "O29": (
        Example(
            operation="PutProfileObjectType",
            changes={"Keys._mail": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]},
        ),
    ),
    "O30": (
        Example(
            operation="PutProfileObjectType",
            changes={"Keys._profileId": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["customer_id"]}]},
        ),
    ),
    "O31": (Example(operation="PutProfileObjectType", changes={"Keys._email[0].FieldNames": ["e_mail"]}),),
    "O32": (
        Example(
            operation="PutProfileObjectType",
            changes={
                'Fields["contact.phone"]': {"Source": "_source.phone", "Target": "_profile.PhoneNumber"},
                "Keys.phone": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["contact.phone"]}],
            },
        ),
    ),
    "O34": (
        Example(
            operation="PutProfileObjectType",
            changes={"Keys._email[0].StandardIdentifiers": ["PROFILE", "UNIQUE"]},
        ),
    ),
    "O35": (
        Example(
            operation="PutProfileObjectType",
            changes={
                "AllowProfileCreation": REMOVED,
                "Keys._email": REMOVED,
                "Keys.customer_id[0].StandardIdentifiers": ["UNIQUE"],
            },
        ),
    ),
    "O36": (
        Example(
            operation="PutProfileObjectType",
            changes={
                "Keys.customer_id[0].StandardIdentifiers": ["UNIQUE"],
                "Keys._email[0].StandardIdentifiers": ["PROFILE", "LOOKUP_ONLY"],
            },
        ),
    ),
    "O37": (
        Example(
            operation="PutProfileObjectType",
            changes={"Keys.customer_id[0].StandardIdentifiers": ["PROFILE", "UNIQUE", "NEW_ONLY"]},
        ),
    ),
    "O38": (Example(operation="PutProfileObjectType", changes={"Keys._email[0].StandardIdentifiers": ["SECONDARY"]}),),
    "O39": (Example(operation="PutProfileObjectType", changes={"Keys._email[0].StandardIdentifiers": ["LOOKUP_ONLY"]}),),
    "O40": (
        Example(
            operation="PutProfileObjectType",
            changes={
                f"Keys.key_{number}": [{"StandardIdentifiers": ["SECONDARY", "PROFILE"], "FieldNames": ["email"]}]
                for number in range(9)
            },
            shown='Keys.key_0 ... Keys.key_8 = [{"StandardIdentifiers": ["SECONDARY", "PROFILE"], "FieldNames": ["email"]}]',
        ),
    ),
    "O41": (Example(operation="PutProfileObjectType", changes={"Fields.email.ContentType": "STRING"}),),
    "TG8": (Example(operation="PutProfileObjectType", changes={"Tags": {}}),),
    # --- event triggers -----------------------------------------------------------------------
    "E3": (Example(operation="CreateEventTrigger", changes={"ObjectTypeName": "_profile"}),),
    "E9": (Example(operation="CreateEventTrigger", changes={f"{_ATTRIBUTE}.Source": "_source.lifetime_value"}),),
    "E11": (
        Example(
            operation="CreateEventTrigger",
            changes={f"{_ATTRIBUTE}.FieldName": REMOVED, f"{_ATTRIBUTE}.Source": "lifetime_value"},
        ),
    ),
    "E12": (Example(operation="CreateEventTrigger", changes={f"{_ATTRIBUTE}.Values": ["a lot"]}),),
    "E14": (Example(operation="CreateEventTrigger", changes={f"{_PERIOD}.Unlimited": True}),),
    "E15": (Example(operation="CreateEventTrigger", changes={"EventTriggerLimits.EventExpiration": 0}),),
    # --- tags ---------------------------------------------------------------------------------------
    "TG2": (Example(operation="domain_arn", changes={"account_id": "1234"}),),
    "TG4": (Example(operation="TagResource", changes={"tags": {}}),),
    # --- links between resources ------------------------------------------------------------------
    "X1": (
        Example(
            operation="PutIntegration",
            state={"domain_name": "retail", "object_type_names": set(), "template_ids": set()},
        ),
    ),
    "X4": (
        Example(
            operation="PutIntegration",
            changes={"EventTriggerNames": ["big-spender"]},
            state={"domain_name": "retail", "event_trigger_names": set()},
        ),
    ),
    "X6": (
        Example(
            operation="PutIntegration",
            links={"Fields.phone": {"Source": "_source.phone", "Target": "_profile.PhoneNumber"}},
        ),
    ),
    "X7": (
        Example(
            operation="PutIntegration",
            links={"Fields.customer_id.Source": "_source.customer_no"},
            also=frozenset({"X6"}),
        ),
    ),
    "X8": (Example(operation="PutIntegration", links={"Fields.email.Source": "_source.email.primary"}),),
    "X10": (
        Example(
            operation="PutIntegration",
            state={"domain_name": "retail", "default_encryption_key": _ANOTHER_KEY},
        ),
    ),
    "O48": (
        Example(
            operation="PutProfileObjectType",
            state={"domain_name": "retail", "object_type_names": {f"Type{n}" for n in range(100)}},
        ),
    ),
    "E20": (
        Example(
            operation="CreateEventTrigger",
            state={"domain_name": "retail", "event_trigger_names": {f"trigger-{n}" for n in range(20)}},
        ),
    ),
    # --- labels: the AWS model's constraints ---------------------------------------------------
    "type": (Example(operation="PutIntegration", changes={f"{_TASKS}[1].SourceFields": "customer_id"}),),
    "required": (Example(operation="PutIntegration", changes={"DomainName": REMOVED}),),
    "unknown-key": (Example(operation="PutIntegration", changes={"ObjectTypeNmae": "ShopCustomer"}),),
    "enum": (Example(operation="PutIntegration", changes={f"{_TASKS}[1].TaskType": "map"}),),
    "min": (Example(operation="PutIntegration", changes={"EventTriggerNames": []}),),
    "max": (Example(operation="PutIntegration", changes={"DomainName": "retail-" * 10}),),
    "pattern": (Example(operation="PutIntegration", changes={"DomainName": "my retail"}),),
}
"""Rule ID or label -> its examples (most have one; a rule with two halves may show both)."""

NOT_RUNNABLE: Mapping[str, str] = {
    "F3": "two PutIntegration items of different domains, in the spec files of one validate, "
    "whose FlowDefinition.FlowName is the same",
}
"""Rule ID -> its example in words, for the rules no single request can show (the command line checks them)."""

