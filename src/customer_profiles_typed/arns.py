"""Customer Profiles ARNs built from their parts (rule TG2 of ``object-type-rules.md``).

The tag operations (``TagResource``, ``UntagResource``, ``ListTagsForResource``)
name a resource by its ARN. Build it rather than write it by hand::

    arn:<partition>:profile:<region>:<account>:domains/<DomainName>
    arn:<partition>:profile:<region>:<account>:domains/<DomainName>/object-types/<ObjectTypeName>
    arn:<partition>:profile:<region>:<account>:domains/<DomainName>/integrations/<Uri>
    arn:<partition>:profile:<region>:<account>:domains/<DomainName>/event-triggers/<EventTriggerName>

An integration's ARN embeds its ``Uri`` verbatim, colons and slashes included;
for an integration created from a ``FlowDefinition`` that Uri is the ARN of the
AppFlow flow (``flow_arn``). The partition follows from the region
(``partition_of``), so no caller hard-codes ``aws``. Parts of the wrong shape
raise ``ValidationError`` (a ``ValueError``) naming every such argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from customer_profiles_typed import _checks
from customer_profiles_typed._paths import ROOT
from customer_profiles_typed.errors import ValidationError, ValidationProblem

__all__ = [
    "domain_arn",
    "event_trigger_arn",
    "flow_arn",
    "integration_arn",
    "object_type_arn",
    "partition_of",
    "shortest_integration_arn",
]

_REGION = re.compile(r"[a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2}")
"""The shape of a region name: ``us-east-1``, ``us-gov-west-1``, ``eusc-de-east-1``."""

_ACCOUNT = re.compile(r"[0-9]{12}")
"""An AWS account ID: twelve digits."""

_PARTITION = re.compile(r"aws(?:-[a-z]+)*")
"""The shape of a partition name: ``aws``, ``aws-cn``, ``aws-us-gov``, ``aws-iso-b``."""

_DEFAULT_PARTITION = "aws"

_Part = tuple[str, str, str, object]
"""An argument checked against the AWS model: (argument, request shape naming it, model shape, value)."""

_PARTITION_PREFIXES = (
    ("us-gov-", "aws-us-gov"),
    ("us-isob-", "aws-iso-b"),
    ("us-isof-", "aws-iso-f"),
    ("us-iso-", "aws-iso"),
    ("eu-isoe-", "aws-iso-e"),
    ("eusc-", "aws-eusc"),
    ("cn-", "aws-cn"),
)
"""Region prefix -> partition, for the partitions other than ``aws`` (botocore's partition data)."""

_AWS_REGION = re.compile(r"(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-[0-9]+")
"""The regions of the ``aws`` partition (botocore's ``regionRegex`` for it)."""


def _known_partition(region: str) -> str | None:
    """The partition of a region, or ``None`` for a region of no known partition."""
    for prefix, partition in _PARTITION_PREFIXES:
        if region.startswith(prefix):
            return partition
    return _DEFAULT_PARTITION if _AWS_REGION.fullmatch(region) else None


def partition_of(region: str) -> str:
    """The partition of a region: ``"aws-cn"`` for ``cn-north-1``, ``"aws-us-gov"`` for
    ``us-gov-west-1``, ``"aws"`` for ``us-east-1`` and for a region of no known partition.

    The ISO and sovereign partitions (``aws-iso``, ``aws-iso-b``, ``aws-eusc``...)
    are covered too, as botocore's partition data lists them. A ``region`` that is
    not shaped like a region name raises ``ValidationError``.
    """
    problems = _region_problems(region)
    if problems:
        raise ValidationError(problems, subject="partition_of arguments")
    return _known_partition(region) or _DEFAULT_PARTITION


def _problem(path: str, wire_path: str, message: str, rule: str) -> ValidationProblem:
    return ValidationProblem(path=path, wire_path=wire_path, message=message, rule=rule)


def _region_problems(region: object) -> list[ValidationProblem]:
    if isinstance(region, str) and _REGION.fullmatch(region) is not None:
        return []
    return [
        _problem("region", "region", f"must be a region name such as us-east-1, got {region!r}", "TG2")
    ]


def _location_problems(
    region: object, account_id: object, partition: object
) -> list[ValidationProblem]:
    """What is wrong with the region, account and partition of an ARN (rule TG2)."""
    problems = _region_problems(region)
    if not isinstance(account_id, str) or _ACCOUNT.fullmatch(account_id) is None:
        problems.append(
            _problem(
                "account_id",
                "account_id",
                f"must be a 12-digit AWS account ID given as a string, got {account_id!r}",
                "TG2",
            )
        )
    if partition is None:
        return problems
    if not isinstance(partition, str) or _PARTITION.fullmatch(partition) is None:
        problems.append(
            _problem(
                "partition",
                "partition",
                f"must be a partition name such as aws, aws-cn or aws-us-gov, got {partition!r}",
                "TG2",
            )
        )
    elif isinstance(region, str):
        known = _known_partition(region)
        if known is not None and known != partition:
            problems.append(
                _problem(
                    "partition",
                    "partition",
                    f"region {region!r} is in partition {known!r}, not {partition!r}; "
                    "leave partition out to take it from the region",
                    "TG2",
                )
            )
    return problems


def _model_problems(parts: Iterable[_Part]) -> list[ValidationProblem]:
    """What is wrong with resource names, by the AWS model's constraints on them."""
    problems: list[ValidationProblem] = []
    for argument, request_shape, model_shape, value in parts:
        where = ROOT.attribute(request_shape, argument)
        for finding in _checks.check_wire(model_shape, value, where):
            if not finding.warning:
                problems.append(
                    _problem(finding.path.python, finding.path.wire, finding.message, finding.rule)
                )
    return problems


def _arn(
    service: str,
    resource: str,
    parts: Iterable[_Part],
    *,
    region: str,
    account_id: str,
    partition: str | None,
    subject: str,
) -> str:
    """An ARN of ``service`` once every part is checked; ``ValidationError`` listing what is wrong."""
    problems = _model_problems(parts) + _location_problems(region, account_id, partition)
    if problems:
        raise ValidationError(problems, subject=f"{subject} arguments")
    return _format(service, resource, region, account_id, partition or partition_of(region))


def _format(service: str, resource: str, region: str, account_id: str, partition: str) -> str:
    return f"arn:{partition}:{service}:{region}:{account_id}:{resource}"


def _integration_resource(domain_name: str, uri: str) -> str:
    return f"domains/{domain_name}/integrations/{uri}"


def _flow_resource(flow_name: str) -> str:
    return f"flow/{flow_name}"


def shortest_integration_arn(domain_name: str, *, uri: str | None = None, flow_name: str | None = None) -> str:
    """The integration ARN in the shortest region (``us-east-1``), unchecked, for length rules (TG3).

    ``flow_name``: the integration is created from a ``FlowDefinition``, and its
    Uri is that flow's ARN. Nothing is validated: the model's checks do that.
    """
    region, account = "us-east-1", "000000000000"
    if flow_name is not None:
        uri = _format("appflow", _flow_resource(flow_name), region, account, "aws")
    return _format("profile", _integration_resource(domain_name, uri or ""), region, account, "aws")


def _domain_part(domain_name: str) -> _Part:
    return ("domain_name", "CreateDomainRequest", "name", domain_name)


def domain_arn(
    domain_name: str, *, region: str, account_id: str, partition: str | None = None
) -> str:
    """The ARN of a domain: ``arn:<partition>:profile:<region>:<account>:domains/<domain_name>``.

    ``partition`` defaults to the region's (``partition_of``). Raises
    ``ValidationError`` naming each argument of the wrong shape.
    """
    return _arn(
        "profile",
        f"domains/{domain_name}",
        [_domain_part(domain_name)],
        region=region,
        account_id=account_id,
        partition=partition,
        subject="domain_arn",
    )


def object_type_arn(
    domain_name: str,
    object_type_name: str,
    *,
    region: str,
    account_id: str,
    partition: str | None = None,
) -> str:
    """The ARN of an object type: ``…:domains/<domain_name>/object-types/<object_type_name>``.

    ``partition`` defaults to the region's (``partition_of``). Raises
    ``ValidationError`` naming each argument of the wrong shape.
    """
    return _arn(
        "profile",
        f"domains/{domain_name}/object-types/{object_type_name}",
        [
            _domain_part(domain_name),
            ("object_type_name", "PutProfileObjectTypeRequest", "typeName", object_type_name),
        ],
        region=region,
        account_id=account_id,
        partition=partition,
        subject="object_type_arn",
    )


def integration_arn(
    domain_name: str,
    uri: str,
    *,
    region: str,
    account_id: str,
    partition: str | None = None,
) -> str:
    """The ARN of an integration: ``…:domains/<domain_name>/integrations/<uri>``, the Uri verbatim.

    For an integration created from a ``FlowDefinition`` the Uri is the flow's
    ARN (``flow_arn``). The result can be longer than the 256 characters the tag
    operations accept (rule TG3). ``partition`` defaults to the region's
    (``partition_of``). Raises ``ValidationError`` naming each argument of the
    wrong shape.
    """
    return _arn(
        "profile",
        _integration_resource(domain_name, uri),
        [_domain_part(domain_name), ("uri", "PutIntegrationRequest", "string1To255", uri)],
        region=region,
        account_id=account_id,
        partition=partition,
        subject="integration_arn",
    )


def event_trigger_arn(
    domain_name: str,
    event_trigger_name: str,
    *,
    region: str,
    account_id: str,
    partition: str | None = None,
) -> str:
    """The ARN of an event trigger: ``…:domains/<domain_name>/event-triggers/<event_trigger_name>``.

    ``partition`` defaults to the region's (``partition_of``). Raises
    ``ValidationError`` naming each argument of the wrong shape.
    """
    return _arn(
        "profile",
        f"domains/{domain_name}/event-triggers/{event_trigger_name}",
        [
            _domain_part(domain_name),
            ("event_trigger_name", "CreateEventTriggerRequest", "name", event_trigger_name),
        ],
        region=region,
        account_id=account_id,
        partition=partition,
        subject="event_trigger_arn",
    )


def flow_arn(
    flow_name: str, *, region: str, account_id: str, partition: str | None = None
) -> str:
    """The ARN of an AppFlow flow: ``arn:<partition>:appflow:<region>:<account>:flow/<flow_name>``.

    ``PutIntegration`` with a ``FlowDefinition`` creates this flow and returns its
    ARN as the integration's Uri. ``partition`` defaults to the region's
    (``partition_of``). Raises ``ValidationError`` naming each argument of the
    wrong shape.
    """
    return _arn(
        "appflow",
        _flow_resource(flow_name),
        [("flow_name", "FlowDefinition", "FlowName", flow_name)],
        region=region,
        account_id=account_id,
        partition=partition,
        subject="flow_arn",
    )
