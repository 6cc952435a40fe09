"""The links between resources: a flow and the object type that reads it, a request and its domain.

Rules of ``object-type-rules.md`` that look at two definitions at once, or at
what already exists in the account, so that no single object can check them
when it is built. Every one is a WARN rule: the problems are warnings.

- Offline, a ``PutIntegrationRequest`` and the object type its flow feeds
  (``find_link_problems`` returns the problems, ``check_links`` emits them):
  X6 (object type Sources read the flow's Map ``DestinationField``\\ s, and every
  one of those is read), X7 (the UNIQUE key and every PROFILE key read fields
  the flow produces), X8 (an S3 flow is flat: no nested Source).
- Online, a request and the facts of its domain that you read beforehand
  (``DomainState``; ``find_online_problems``, ``check_online``): X1 (an
  integration's object type is known), X4 (its event trigger exists), X10
  (``KmsArn`` is the domain's key), O48 and E20 (object type and event trigger
  quotas). These functions never call AWS: they judge the state they are given.

Not here: X4's count and pattern (model constraints of ``EventTriggerNames``),
X5 and the existence half of X1 as an error (NONE rules: never refuse), X2,
X3, X9, X11, X13, X14 (INFO), X12 (needs to know that a Put is an update) and
X15 (needs the template's ``StoreOnly``).

Each problem carries its rule ID; skip rules with ``skip_rules(...)`` or the
``skip_rules`` argument, as for the rules checked when objects are built.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Union, cast

import attrs

from customer_profiles_typed import _validation_hook
from customer_profiles_typed._paths import ROOT, Path
from customer_profiles_typed.enums import SourceConnectorType, StandardIdentifier, TaskType
from customer_profiles_typed.errors import ValidationProblem, ValidationWarning
from customer_profiles_typed.models import (
    CreateEventTriggerRequest,
    FlowDefinition,
    ObjectTypeField,
    ObjectTypeFieldOutput,
    ObjectTypeKey,
    ObjectTypeKeyOutput,
    ProfileObjectType,
    ProfileObjectTypeTemplate,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
)

__all__ = [
    "LINK_RULES",
    "NOT_LINKED",
    "RULE_IDS",
    "AnyObjectType",
    "DomainState",
    "OnlineRequest",
    "check_links",
    "check_online",
    "find_link_problems",
    "find_online_problems",
    "produced_fields",
]

LINK_RULES: Mapping[str, str] = {
    "X1": "An integration's object type is an object type, a template or _unstructured.",
    "X4": "An integration's event trigger exists in its domain.",
    "X6": "Object type Sources read the flow's Map DestinationFields, and every one is read.",
    "X7": "The UNIQUE key and every PROFILE key read fields the flow produces.",
    "X8": "An S3 flow is flat: object type Sources are not nested.",
    "X10": "A flow's KmsArn is its domain's DefaultEncryptionKey.",
    "O48": "A domain holds at most its quota of object types (100 by default).",
    "E20": "A domain holds at most its quota of event triggers (20 by default).",
}
"""The rules checked here, rule ID -> what each requires (all WARN: warnings)."""

RULE_IDS = frozenset(LINK_RULES)
"""The rule IDs of the checks here, for ``skip_rules``."""

NOT_LINKED = "not-linked"
"""The ``rule`` of the problem saying that an integration does not feed the object type given."""

UNSTRUCTURED = "_unstructured"
"""The object type name of unstructured data: no object type needed (rule X2)."""

DEFAULT_OBJECT_TYPE_QUOTA = 100
"""Object types per domain, AWS's default (adjustable at account level; rule O48)."""

DEFAULT_EVENT_TRIGGER_QUOTA = 20
"""Event triggers per domain, AWS's default (rule E20)."""

AnyObjectType = Union[PutProfileObjectTypeRequest, ProfileObjectType, ProfileObjectTypeTemplate]
"""An object type as defined (a request), as AWS describes it, or a template AWS offers."""

OnlineRequest = Union[PutIntegrationRequest, PutProfileObjectTypeRequest, CreateEventTriggerRequest]
"""The requests whose links to their domain ``find_online_problems`` checks."""

_OBJECT_TYPE = "PutProfileObjectTypeRequest"
_INTEGRATION = "PutIntegrationRequest"

_SOURCE_REFERENCE = re.compile(r"(?<![A-Za-z0-9_])_source\.([^\s{}()\"'=,]+)")
"""A ``_source.<path>`` read in a Source: a JSON accessor, or one inside a Handlebars expression."""

_KEY_ROLES = (StandardIdentifier.UNIQUE, StandardIdentifier.PROFILE)
"""The key roles without whose fields every object is rejected at ingestion (rule X7)."""


# --- Skipping -------------------------------------------------------------------


def _skipped(skip_rules: Iterable[str]) -> frozenset[str]:
    """The rule IDs skipped: the context's and ``skip_rules``; ``ValueError`` for an unknown one."""
    if isinstance(cast(object, skip_rules), str):
        raise TypeError("skip_rules is a list of rule IDs, not a single string")
    from customer_profiles_typed import validation

    given = frozenset(skip_rules)
    validation.check_rule_ids(given - RULE_IDS)  # the IDs of other rules are validation's to know
    skipped = _validation_hook.skipped_rules() | given
    return skipped | RULE_IDS if validation.ALL_RULES in skipped else skipped


class _Problems:
    """The problems found by one check, leaving out those of skipped rules."""

    def __init__(self, skipped: frozenset[str]) -> None:
        self.skipped = skipped
        self.found: list[ValidationProblem] = []

    def active(self, rule: str) -> bool:
        """Whether the rule runs (is not skipped)."""
        return rule not in self.skipped

    def add(self, path: Path, message: str, rule: str) -> None:
        """Record a problem, unless its rule is skipped."""
        if rule == NOT_LINKED or self.active(rule):
            self.found.append(
                ValidationProblem(path=path.python, wire_path=path.wire, message=message, rule=rule)
            )


def _emit(problems: Iterable[ValidationProblem], subject: str) -> None:
    """Emit each problem as a ``ValidationWarning`` pointing at the caller of the public check."""
    for problem in problems:
        warnings.warn(ValidationWarning(f"{subject}: {problem}", problem), stacklevel=3)


def _describe(value: object) -> str:
    return "None" if value is None else type(value).__name__


# --- A flow and its object type -------------------------------------------------


def produced_fields(flow: FlowDefinition[Any]) -> Mapping[str, int]:
    """The fields a flow produces, each with the position of the first task producing it.

    The record Customer Profiles receives has one attribute per Map task
    ``DestinationField`` (rule X6), read by object types as ``_source.<name>``.
    """
    found: dict[str, int] = {}
    for position, task in enumerate(flow.tasks):
        if task.task_type is TaskType.MAP and task.destination_field is not None:
            found.setdefault(task.destination_field, position)
    return found


def _references(source: str | None) -> list[str]:
    """The paths after ``_source.`` that a Source reads (none for a missing or constant Source)."""
    return _SOURCE_REFERENCE.findall(source) if source else []


def _field_read(reference: str, produced: Mapping[str, int]) -> str | None:
    """The produced field a ``_source.`` path starts with, if any (dotted names included)."""
    if reference in produced:
        return reference
    for name in produced:
        if reference.startswith(name) and reference[len(name)] in ".[":
            return name
    return None


def _object_type_name(object_type: AnyObjectType) -> str | None:
    if isinstance(object_type, ProfileObjectTypeTemplate):
        return object_type.template_id  # a template is used under its ID (rule O47)
    return object_type.object_type_name


def _check_kinds(integration: object, object_type: object) -> None:
    if not isinstance(integration, PutIntegrationRequest):
        raise TypeError(f"integration is a PutIntegrationRequest, got {_describe(integration)}")
    if not isinstance(object_type, (PutProfileObjectTypeRequest, ProfileObjectType, ProfileObjectTypeTemplate)):
        raise TypeError(
            "object_type is a PutProfileObjectTypeRequest, ProfileObjectType or "
            f"ProfileObjectTypeTemplate, got {_describe(object_type)}"
        )


def _linked(
    integration: PutIntegrationRequest, object_type: AnyObjectType, problems: _Problems
) -> bool:
    """Whether the integration feeds this object type; if not, a problem says so."""
    name = _object_type_name(object_type)
    names = {integration.object_type_name, *(integration.object_type_names or {}).values()}
    if name is None or name not in names:
        problems.add(
            Path(ROOT, "integration", None).attribute(_INTEGRATION, "object_type_name"),
            "the integration does not ingest into this object type (its object_type_name and "
            "object_type_names name others): there is no link to check",
            NOT_LINKED,
        )
        return False
    if (
        isinstance(object_type, PutProfileObjectTypeRequest)
        and object_type.domain_name != integration.domain_name
    ):
        problems.add(
            Path(ROOT, "object_type", None).attribute(_OBJECT_TYPE, "domain_name"),
            f"the object type is in domain {object_type.domain_name!r}, the integration in "
            f"{integration.domain_name!r}: there is no link to check",
            NOT_LINKED,
        )
        return False
    return True


def find_link_problems(
    *,
    integration: PutIntegrationRequest,
    object_type: AnyObjectType,
    skip_rules: Iterable[str] = (),
) -> list[ValidationProblem]:
    """The likely mistakes between an integration's flow and the object type it feeds.

    Rules X6, X7 and X8 (all warnings), for an integration whose
    ``object_type_name`` (or one of its ``object_type_names``) names
    ``object_type`` in the same domain; a template counts under its ID. Otherwise
    the only problem is one of rule ``NOT_LINKED``. An integration without a flow,
    or an object type without fields (one made from a template: pass the
    template), has nothing to compare: no problem.

    Paths start with the argument they lie in: ``integration.flow_definition...``
    or ``object_type.fields[...]``; the wire path is the one in that request.
    ``skip_rules`` adds rule IDs to those skipped by ``skip_rules(...)``; an
    unknown ID raises ``ValueError``, arguments of the wrong kind ``TypeError``.
    """
    _check_kinds(integration, object_type)
    problems = _Problems(_skipped(skip_rules))
    flow = integration.flow_definition
    fields: Mapping[str, ObjectTypeField | ObjectTypeFieldOutput] = object_type.fields or {}
    if not _linked(integration, object_type, problems) or flow is None or not fields:
        return problems.found
    produced = produced_fields(flow)
    flow_path = Path(ROOT, "integration", None).attribute(_INTEGRATION, "flow_definition")
    fields_path = Path(ROOT, "object_type", None).attribute(_OBJECT_TYPE, "fields")
    read: set[str] = set()
    flat = flow.source_flow_config.connector_type is SourceConnectorType.S3
    for position, field in enumerate(fields.values()):
        references = _references(field.source)
        found = [_field_read(reference, produced) for reference in references]
        read.update(name for name in found if name is not None)
        source_path = fields_path.hidden_key(position).attribute("ObjectTypeField", "source")
        if None in found:
            problems.add(
                source_path,
                "this Source reads _source.<name> where no Map task of the flow has that "
                "destination_field: the value is always empty (value not shown: sensitive)",
                "X6",
            )
        if flat and any("." in reference or "[" in reference for reference in references):
            problems.add(
                source_path,
                "a nested Source (_source.<a>.<b>) does not resolve from an S3 flow, whose "
                "CSV records are flat: read a column as _source.<column> (value not shown: sensitive)",
                "X8",
            )
    for name, position in produced.items():
        if name not in read:
            problems.add(
                flow_path.attribute("FlowDefinition", "tasks")
                .index(position)
                .attribute("Task", "destination_field"),
                "no field of the object type reads this destination field (as _source.<name>): "
                "its data is stored but neither indexed nor mapped (value not shown: sensitive)",
                "X6",
            )
    if problems.active("X7"):
        for where, role in _unproduced_key_fields(object_type, produced):
            problems.add(
                where,
                f"a field of a {role} key is not produced by the flow: every object would be "
                "rejected at ingestion ('Missing unique or profile key') (value not shown: sensitive)",
                "X7",
            )
    return problems.found


def _unproduced_key_fields(
    object_type: AnyObjectType, produced: Mapping[str, int]
) -> Iterator[tuple[Path, str]]:
    """The FieldNames of UNIQUE and PROFILE keys whose field reads what the flow does not produce."""
    fields: Mapping[str, ObjectTypeField | ObjectTypeFieldOutput] = object_type.fields or {}
    keys: Mapping[str, Sequence[ObjectTypeKey | ObjectTypeKeyOutput]] = object_type.keys or {}
    keys_path = Path(ROOT, "object_type", None).attribute(_OBJECT_TYPE, "keys")
    for position, definitions in enumerate(keys.values()):
        for index, definition in enumerate(definitions):
            identifiers = definition.standard_identifiers or ()
            roles = [role.value for role in _KEY_ROLES if role in identifiers]
            if not roles:
                continue
            for item, field_name in enumerate(definition.field_names or ()):
                field = fields.get(field_name)
                if field is None:
                    continue  # rule O31: a key's field is defined
                if any(_field_read(ref, produced) is None for ref in _references(field.source)):
                    yield (
                        keys_path.hidden_key(position)
                        .index(index)
                        .attribute("ObjectTypeKey", "field_names")
                        .index(item),
                        " and ".join(roles),
                    )


def check_links(
    *,
    integration: PutIntegrationRequest,
    object_type: AnyObjectType,
    skip_rules: Iterable[str] = (),
) -> None:
    """Warn about the likely mistakes between an integration's flow and the object type it feeds.

    Emits one ``ValidationWarning`` per problem of ``find_link_problems`` (the
    same arguments); every rule here is a WARN rule, so nothing raises.
    """
    _emit(
        find_link_problems(integration=integration, object_type=object_type, skip_rules=skip_rules),
        "links",
    )


# --- A request and its domain ---------------------------------------------------


def _names(values: Iterable[str] | None) -> frozenset[str] | None:
    """A set of names, or ``None`` (not known); a single string is kept for the check to name."""
    if values is None or isinstance(cast(object, values), str):
        return cast("frozenset[str] | None", values)
    return frozenset(values)


def _check_names(instance: DomainState, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, frozenset):
        raise TypeError(f"{attribute.name} is a collection of names or None, got {_describe(value)}")


@attrs.frozen(kw_only=True)
class DomainState:
    """What already exists in a domain, read beforehand; ``None`` means not known (its checks are skipped).

    Read it with ``ListProfileObjectTypes``, ``ListProfileObjectTypeTemplates``,
    ``ListEventTriggers`` and ``GetDomain``, and add what a plan creates before
    the request checked (an object type put earlier in the same run exists then).
    """

    domain_name: str | None = None
    """The domain described; when set, checking a request of another domain raises ``ValueError``."""

    object_type_names: frozenset[str] | None = attrs.field(
        default=None, converter=_names, validator=_check_names
    )
    """The names of the domain's object types (``ListProfileObjectTypes``)."""

    template_ids: frozenset[str] | None = attrs.field(
        default=None, converter=_names, validator=_check_names
    )
    """The IDs of the templates AWS offers (``ListProfileObjectTypeTemplates``)."""

    event_trigger_names: frozenset[str] | None = attrs.field(
        default=None, converter=_names, validator=_check_names
    )
    """The names of the domain's event triggers (``ListEventTriggers``)."""

    default_encryption_key: str | None = None
    """The domain's ``DefaultEncryptionKey`` (``GetDomain``)."""

    object_type_quota: int = DEFAULT_OBJECT_TYPE_QUOTA
    """Object types the domain may hold: AWS's default, or the account's raised quota."""

    event_trigger_quota: int = DEFAULT_EVENT_TRIGGER_QUOTA
    """Event triggers the domain may hold: AWS's default, or the account's raised quota."""


def find_online_problems(
    request: OnlineRequest,
    state: DomainState,
    *,
    skip_rules: Iterable[str] = (),
) -> list[ValidationProblem]:
    """The likely mistakes of a request given what exists in its domain (all warnings).

    - ``PutIntegrationRequest``: X1, its ``object_type_name`` and the values of
      ``object_type_names`` name an object type, a template or ``_unstructured``
      (needs both ``object_type_names`` and ``template_ids``); X4, its event
      trigger exists; X10, its flow's ``kms_arn`` is the domain's key.
    - ``PutProfileObjectTypeRequest``: O48, a new object type fits the quota.
    - ``CreateEventTriggerRequest``: E20, a new event trigger fits the quota.

    Checks whose state is ``None`` are skipped. Paths are those in the request.
    ``skip_rules`` as for ``find_link_problems``.
    """
    if not isinstance(
        cast(object, request),
        (PutIntegrationRequest, PutProfileObjectTypeRequest, CreateEventTriggerRequest),
    ):
        raise TypeError(
            "request is a PutIntegrationRequest, PutProfileObjectTypeRequest or "
            f"CreateEventTriggerRequest, got {_describe(request)}"
        )
    if not isinstance(cast(object, state), DomainState):
        raise TypeError(f"state is a DomainState, got {_describe(state)}")
    if state.domain_name is not None and request.domain_name != state.domain_name:
        raise ValueError(
            f"state describes domain {state.domain_name!r}, the request is for {request.domain_name!r}"
        )
    problems = _Problems(_skipped(skip_rules))
    if isinstance(request, PutIntegrationRequest):
        _integration_online(request, state, problems)
    elif isinstance(request, PutProfileObjectTypeRequest):
        where = ROOT.attribute(_OBJECT_TYPE, "object_type_name")
        _quota(problems, "O48", state.object_type_names, request.object_type_name,
               state.object_type_quota, where, "object type")
    else:
        where = ROOT.attribute("CreateEventTriggerRequest", "event_trigger_name")
        _quota(problems, "E20", state.event_trigger_names, request.event_trigger_name,
               state.event_trigger_quota, where, "event trigger")
    return problems.found


def _integration_online(
    request: PutIntegrationRequest, state: DomainState, problems: _Problems
) -> None:
    known = state.object_type_names
    templates = state.template_ids
    if known is not None and templates is not None:
        named: list[tuple[Path, str]] = []
        if request.object_type_name is not None:
            named.append((ROOT.attribute(_INTEGRATION, "object_type_name"), request.object_type_name))
        for event_type, name in (request.object_type_names or {}).items():
            named.append((ROOT.attribute(_INTEGRATION, "object_type_names").key(event_type), name))
        for where, name in named:
            if name != UNSTRUCTURED and name not in known and name not in templates:
                problems.add(
                    where,
                    f"{name!r} is neither an object type of the domain, a template ID nor "
                    f"{UNSTRUCTURED}: put the object type first (whether AWS refuses such a name "
                    "is not documented)",
                    "X1",
                )
    triggers = state.event_trigger_names
    if triggers is not None:
        for position, name in enumerate(request.event_trigger_names or ()):
            if name not in triggers:
                problems.add(
                    ROOT.attribute(_INTEGRATION, "event_trigger_names").index(position),
                    f"no event trigger {name!r} exists in the domain: create it first "
                    "(CreateEventTrigger), then put the integration",
                    "X4",
                )
    flow = request.flow_definition
    key = state.default_encryption_key
    if flow is not None and key is not None and flow.kms_arn != key:
        problems.add(
            ROOT.attribute(_INTEGRATION, "flow_definition").attribute("FlowDefinition", "kms_arn"),
            "the flow's kms_arn is not the domain's DefaultEncryptionKey: use the domain's key "
            "(value not shown: sensitive)",
            "X10",
        )


def _quota(
    problems: _Problems,
    rule: str,
    existing: frozenset[str] | None,
    name: str,
    quota: int,
    where: Path,
    noun: str,
) -> None:
    """Warn when ``name`` is new and the domain already holds ``quota`` of its kind."""
    if existing is not None and name not in existing and len(existing) >= quota:
        problems.add(
            where,
            f"the domain already has {len(existing)} {noun}s, its quota is {quota}: this new one "
            "would exceed it (ask AWS for a higher quota, or delete unused ones)",
            rule,
        )


def check_online(
    request: OnlineRequest,
    state: DomainState,
    *,
    skip_rules: Iterable[str] = (),
) -> None:
    """Warn about the likely mistakes of a request given what exists in its domain.

    Emits one ``ValidationWarning`` per problem of ``find_online_problems`` (the
    same arguments); every rule here is a WARN rule, so nothing raises.
    """
    _emit(find_online_problems(request, state, skip_rules=skip_rules), "online checks")
