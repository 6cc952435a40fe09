"""The rules of ``PutIntegration`` (``appflow-rules.md``) the AWS model cannot express, one function per rule.

Each rule carries the ID of the project's rules file (``appflow-rules.md``) and
its class there: ``error`` rules (SAFE) reject the request; ``warning`` rules
(WARN) emit a ``ValidationWarning`` and let it through. Rules attach to the model
class they look at and run when an object of that class is built, or, for
``from_boto3``, over the whole parsed tree at once.

Rules enforced elsewhere, because they decide what can be represented at all:
C3 and the one-key half of K7 (``_checks``, while reading a wire dict), C2, F4 and
A3 (``_checks``, as part of the model's enum and pattern constraints). K1, K2,
K3, T1, T5, T7, T10, T13, T14, F2, C1, C5, G1, G4, G7, G8 and the length half of
G9 are model constraints (``_checks``). NONE rules (T2's ARN shape, T9, C7, C8,
K10) are deliberately not checked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from enum import Enum
from itertools import chain
from operator import attrgetter
from typing import Any, cast

from customer_profiles_typed._paths import Path
from customer_profiles_typed._timestamps import as_utc
from customer_profiles_typed._wire import CONNECTOR_BY_OPERATOR, connector_of
from customer_profiles_typed.enums import (
    OperatorPropertiesKeys,
    SourceConnectorType,
    TaskType,
    TriggerType,
)
from customer_profiles_typed.models.integrations import (
    FlowDefinition,
    PutIntegrationRequest,
    ScheduledTriggerProperties,
    SourceFlowConfig,
    Task,
    TriggerConfig,
)
from customer_profiles_typed.rules._registry import rule as _rule
from customer_profiles_typed.rules._shared import LastAnalysis

__all__: list[str] = []

# --- Top-level request (section 2) --------------------------------------------

DOCUMENTED_EVENT_TYPES = frozenset(
    {
        "SegmentIdentify",
        "ShopifyCreateCustomers",
        "ShopifyUpdateCustomers",
        "ShopifyCreateDraftOrders",
        "ShopifyUpdateDraftOrders",
        "ShopifyCreateOrders",
        "ShopifyUpdatedOrders",
    }
)
"""The ``ObjectTypeNames`` keys the API documents (rule T8)."""


@_rule("T3", "warning", PutIntegrationRequest, "A request needs a Uri or a FlowDefinition.")
def _uri_or_flow(request: PutIntegrationRequest, path: Path) -> Iterator[tuple[Path, str]]:
    if request.uri is None and request.flow_definition is None:
        yield path, "neither uri nor flow_definition is set: AWS needs one of them to know the source"


@_rule("T4", "warning", PutIntegrationRequest, "Uri and FlowDefinition together are undocumented.")
def _uri_and_flow(request: PutIntegrationRequest, path: Path) -> Iterator[tuple[Path, str]]:
    if request.uri is not None and request.flow_definition is not None:
        yield (
            path.attribute("PutIntegrationRequest", "uri"),
            "uri is set together with flow_definition: AWS creates the flow and returns its "
            "ARN as the Uri, so leave uri out",
        )


@_rule("T6", "warning", PutIntegrationRequest, "A FlowDefinition needs an ObjectTypeName.")
def _flow_object_type(request: PutIntegrationRequest, path: Path) -> Iterator[tuple[Path, str]]:
    if request.flow_definition is not None and request.object_type_name is None:
        yield (
            path.attribute("PutIntegrationRequest", "object_type_name"),
            "flow_definition without object_type_name: the flow has no object type to ingest into",
        )


@_rule("T8", "warning", PutIntegrationRequest, "ObjectTypeNames keys are documented event types.")
def _event_types(request: PutIntegrationRequest, path: Path) -> Iterator[tuple[Path, str]]:
    for key in request.object_type_names or {}:
        if key not in DOCUMENTED_EVENT_TYPES:
            yield (
                path.attribute("PutIntegrationRequest", "object_type_names").key(key),
                f"{key!r} is not a documented event type "
                f"({', '.join(sorted(DOCUMENTED_EVENT_TYPES))})",
            )


@_rule("T11", "warning", PutIntegrationRequest, "Tags, if given, has at least one entry.")
def _empty_tags(request: PutIntegrationRequest, path: Path) -> Iterator[tuple[Path, str]]:
    if request.tags is not None and len(request.tags) == 0:
        yield (
            path.attribute("PutIntegrationRequest", "tags"),
            "tags is empty: the AWS model asks for at least one entry; leave tags out instead",
        )


# --- Source (section 4) ---------------------------------------------------------

SAAS_CONNECTORS = frozenset(
    {
        SourceConnectorType.SALESFORCE,
        SourceConnectorType.MARKETO,
        SourceConnectorType.ZENDESK,
        SourceConnectorType.SERVICENOW,
    }
)


@_rule("C6", "warning", SourceFlowConfig, "SaaS sources need an AppFlow connector profile.")
def _connector_profile(config: SourceFlowConfig[Any], path: Path) -> Iterator[tuple[Path, str]]:
    if config.connector_type in SAAS_CONNECTORS and config.connector_profile_name is None:
        yield (
            path.attribute("SourceFlowConfig", "connector_profile_name"),
            f"a {config.connector_type.value} source needs an AppFlow connector profile: "
            "set connector_profile_name",
        )


# --- Tasks (section 5) ------------------------------------------------------------

_FILTER_OPERATORS = frozenset(
    {
        "PROJECTION",
        "LESS_THAN",
        "GREATER_THAN",
        "LESS_THAN_OR_EQUAL_TO",
        "GREATER_THAN_OR_EQUAL_TO",
        "EQUAL_TO",
        "NOT_EQUAL_TO",
        "CONTAINS",
        "BETWEEN",
    }
)
_COMPARISONS = _FILTER_OPERATORS - {"PROJECTION", "BETWEEN"}
OPERATORS_BY_TASK_TYPE: dict[TaskType, frozenset[str]] = {
    TaskType.FILTER: _FILTER_OPERATORS,
    TaskType.MAP: frozenset({"NO_OP"}),
    TaskType.MERGE: frozenset({"NO_OP"}),
    TaskType.TRUNCATE: frozenset({"NO_OP"}),
    TaskType.ARITHMETIC: frozenset({"ADDITION", "SUBTRACTION", "MULTIPLICATION", "DIVISION"}),
    TaskType.MASK: frozenset({"MASK_ALL", "MASK_FIRST_N", "MASK_LAST_N"}),
    TaskType.VALIDATE: frozenset(
        {"VALIDATE_NON_NULL", "VALIDATE_NON_ZERO", "VALIDATE_NON_NEGATIVE", "VALIDATE_NUMERIC"}
    ),
}
"""Which operators each task type takes (rule K6; K5 for Filter + NO_OP)."""


def _operator_name(task: Task[Any]) -> str:
    operator: Enum = task.connector_operator
    if type(operator) in CONNECTOR_BY_OPERATOR:
        # An operator enum member: its value, read without the ``.value`` descriptor
        # (this runs several times per task, and a flow can hold thousands).
        return cast(str, operator._value_)
    return str(getattr(operator, "value", operator))


def _is_projection(task: Task[Any]) -> bool:
    return task.task_type is TaskType.FILTER and _operator_name(task) == "PROJECTION"


_NOTHING: tuple[tuple[Path, str], ...] = ()
"""What a per-task check returns for a clean task: no generator to create and run."""

# A flow holds up to thousands of tasks: each per-task rule has a screen (``Rule.screen``),
# a cheap test that says when the rule has nothing to report, before any path is built.
# The enum members are read once: an enum class attribute costs a lookup on every read.
_FILTER = TaskType.FILTER
_MAP = TaskType.MAP


def _is_filter_no_op(task: Task[Any]) -> bool:
    """Rule K5's test: a Filter task with the NO_OP operator."""
    return task.task_type is _FILTER and _operator_name(task) == "NO_OP"


@_rule("K5", "error", Task, "A Filter task never uses NO_OP.", screen=_is_filter_no_op)
def _filter_no_op(task: Task[Any], path: Path) -> Iterable[tuple[Path, str]]:
    if _is_filter_no_op(task):
        return [
            (
                path.attribute("Task", "connector_operator"),
                "a Filter task cannot use NO_OP: use PROJECTION to select fields, or a "
                "comparison operator to filter records (AppFlow: 'The operator NO_OP is not "
                "valid for filtering tasks')",
            )
        ]
    return _NOTHING


_USUAL_OPERATORS: frozenset[tuple[TaskType, Enum]] = frozenset(
    (task_type, member)
    for task_type, names in OPERATORS_BY_TASK_TYPE.items()
    for operators in CONNECTOR_BY_OPERATOR
    for member in cast("Iterable[Enum]", operators)
    if member.value in names
)
"""Every (task type, operator member) pair rule K6 accepts, for its screen."""


def _unusual_operator(task: Task[Any]) -> bool:
    """Rule K6's screen: the task type and operator are not a pair K6 knows to accept."""
    return (task.task_type, task.connector_operator) not in _USUAL_OPERATORS


@_rule(
    "K6", "warning", Task, "Each task type takes its own class of operators.", screen=_unusual_operator
)
def _operator_class(task: Task[Any], path: Path) -> Iterable[tuple[Path, str]]:
    allowed = OPERATORS_BY_TASK_TYPE.get(task.task_type)
    name = _operator_name(task)
    if allowed is None or name in allowed:
        return _NOTHING
    if task.task_type is TaskType.FILTER and name == "NO_OP":
        return _NOTHING  # K5 says it, as an error
    return [
        (
            path.attribute("Task", "connector_operator"),
            f"a {task.task_type.value} task normally uses {', '.join(sorted(allowed))}, not {name}",
        )
    ]


_DIGITS = re.compile(r"[0-9]+")
"""A number as AppFlow writes it: ASCII digits (``str.isdigit`` also takes '²', which
``int`` cannot read)."""


def _needs(task: Task[Any], *keys: OperatorPropertiesKeys) -> list[str]:
    properties = task.task_properties or {}
    return [key.value for key in keys if key not in properties]


def _may_lack_parts(task: Task[Any]) -> bool:
    """Rule K9's screen: ``False`` for the common cases, decided without building paths.

    A Map task with one source field and a destination, and a projection (which
    needs nothing more), have everything their type needs.
    """
    task_type = task.task_type
    if task_type is _MAP:
        return len(task.source_fields) != 1 or task.destination_field is None
    return not (task_type is _FILTER and _operator_name(task) == "PROJECTION")


@_rule(
    "K9",
    "warning",
    Task,
    "Each task has the fields and properties its type needs.",
    screen=_may_lack_parts,
)
def _task_shape(task: Task[Any], path: Path) -> Iterable[tuple[Path, str]]:
    if not _may_lack_parts(task):
        return _NOTHING
    return _task_shape_findings(task, path)


def _task_shape_findings(task: Task[Any], path: Path) -> Iterator[tuple[Path, str]]:
    name = _operator_name(task)
    fields = path.attribute("Task", "source_fields")
    properties = path.attribute("Task", "task_properties")
    if task.task_type is TaskType.MAP:
        if len(task.source_fields) != 1:
            yield fields, f"a Map task maps exactly 1 source field, has {len(task.source_fields)}"
        if task.destination_field is None:
            yield path.attribute("Task", "destination_field"), "a Map task needs a destination_field"
    elif task.task_type is TaskType.FILTER and name in _COMPARISONS:
        if len(task.source_fields) != 1:
            yield fields, f"a {name} filter compares exactly 1 source field"
        properties_map = task.task_properties or {}
        missing = _needs(task, OperatorPropertiesKeys.DATA_TYPE)
        if (
            OperatorPropertiesKeys.VALUE not in properties_map
            and OperatorPropertiesKeys.VALUES not in properties_map
        ):
            missing.append("VALUE or VALUES")
        if missing:
            yield properties, f"a {name} filter needs {', '.join(missing)}"
    elif task.task_type is TaskType.FILTER and name == "BETWEEN":
        missing = _needs(task, OperatorPropertiesKeys.LOWER_BOUND, OperatorPropertiesKeys.UPPER_BOUND)
        if missing:
            yield properties, f"a BETWEEN filter needs {', '.join(missing)}"
    elif task.task_type is TaskType.MASK:
        mask = (task.task_properties or {}).get(OperatorPropertiesKeys.MASK_VALUE)
        if mask is None or len(mask) != 1:
            yield properties, "a Mask task needs MASK_VALUE, one character such as '*'"
    elif task.task_type is TaskType.TRUNCATE:
        length = (task.task_properties or {}).get(OperatorPropertiesKeys.TRUNCATE_LENGTH)
        if length is None or _DIGITS.fullmatch(length) is None or int(length) < 1:
            yield properties, "a Truncate task needs TRUNCATE_LENGTH, a positive integer"
    elif task.task_type is TaskType.VALIDATE:
        if _needs(task, OperatorPropertiesKeys.VALIDATION_ACTION):
            yield properties, "a Validate task needs VALIDATION_ACTION (e.g. DropRecord)"


# --- The flow as a whole ------------------------------------------------------------


def _task_path(path: Path, position: int) -> Path:
    """The path of a flow's task; built only when a rule has something to say about it."""
    return path.attribute("FlowDefinition", "tasks").index(position)


class _Tasks:
    """What rules K7, K4, K8 and C10 read of a flow's tasks, gathered in one pass for all four.

    A flow holds up to thousands of tasks: the fields are read with ``map``,
    and the usual answers (every operator of the source's enum, no dot in any
    field) are found with set and string operations, without a test per task.
    """

    __slots__ = ("foreign", "projections", "lists_fields", "maps", "maps_unlisted", "unmapped", "dotted")

    def __init__(self, flow: FlowDefinition[Any]) -> None:
        source = connector_of(flow.source_flow_config.source_connector_properties).operator_enum
        tasks = flow.tasks
        operators = list(map(_OPERATOR, tasks))
        fields: list[tuple[str, ...]] = list(map(_FIELDS, tasks))
        self.foreign: list[int] = []
        """Positions of the tasks whose operator is not of the source's enum (K7 judges them)."""
        if set(map(type, operators)) != {source}:
            self.foreign = [p for p, operator in enumerate(operators) if type(operator) is not source]
        maps: list[int] = []
        projections: list[int] = []
        for position, task_type in enumerate(map(_TASK_TYPE, tasks)):
            if task_type is _MAP:
                maps.append(position)
            elif _is_projection(tasks[position]):
                projections.append(position)
        # The field sets are as large as the flow: only what K8 concludes from them is kept.
        projected = _listed(fields, projections)
        mapped = _listed(fields, maps)
        self.maps = maps
        """Positions of the Map tasks (K8)."""
        self.projections = projections
        """Positions of the projection tasks (K4, K8)."""
        self.lists_fields = bool(projected)
        """Whether the projections list any source field (K8)."""
        self.maps_unlisted = not mapped.issubset(projected)
        """Whether a Map task reads a field no projection lists (K8)."""
        self.unmapped = len(projected - mapped) if mapped else 0
        """How many projected fields no Map task reads, if some task maps (K8)."""
        self.dotted: list[int] = []
        """Positions of the tasks with a dot in a source field (C10)."""
        if "." in "".join(chain.from_iterable(fields)):
            self.dotted = [p for p, names in enumerate(fields) if "." in "".join(names)]


def _listed(fields: list[tuple[str, ...]], positions: list[int]) -> set[str]:
    """The source fields the tasks at ``positions`` list."""
    return set(chain.from_iterable([fields[p] for p in positions]))


_OPERATOR = attrgetter("connector_operator")
_FIELDS = attrgetter("source_fields")
_TASK_TYPE = attrgetter("task_type")

_tasks = LastAnalysis(_Tasks).of
"""The analysis of the flow checked last: its rules run one after the other."""


@_rule("K7", "error", FlowDefinition, "Every task's operator belongs to the source connector.")
def _operator_connector(flow: FlowDefinition[Any], path: Path) -> Iterator[tuple[Path, str]]:
    source = connector_of(flow.source_flow_config.source_connector_properties)
    for position in _tasks(flow).foreign:
        operator: object = flow.tasks[position].connector_operator
        connector = CONNECTOR_BY_OPERATOR.get(type(operator))
        if connector is not None and connector is not source:
            yield (
                _task_path(path, position)
                .attribute("Task", "connector_operator")
                .wire_only(connector.key),
                f"the source is {source.connector_type.value} but the operator is a "
                f"{connector.operator_enum.__name__}: use {source.operator_enum.__name__}",
            )


@_rule("K4", "error", FlowDefinition, "A flow has a Filter task with the PROJECTION operator.")
def _projection(flow: FlowDefinition[Any], path: Path) -> Iterator[tuple[Path, str]]:
    if not _tasks(flow).projections:
        yield (
            path.attribute("FlowDefinition", "tasks"),
            "no Filter task with the PROJECTION operator listing the source fields: AppFlow "
            "rejects such a flow ('You must specify a projection task or a MAP_ALL task')",
        )


@_rule("K8", "warning", FlowDefinition, "Mapped fields are projected, projected fields mapped.")
def _projection_coverage(flow: FlowDefinition[Any], path: Path) -> Iterator[tuple[Path, str]]:
    tasks = _tasks(flow)
    if not tasks.lists_fields:
        return  # K4 reports it
    if tasks.maps_unlisted:
        projected = _listed(list(map(_FIELDS, flow.tasks)), tasks.projections)
        for position in tasks.maps:
            for field in flow.tasks[position].source_fields:
                if field not in projected:
                    yield (
                        _task_path(path, position).attribute("Task", "source_fields"),
                        "a Map task reads a field no PROJECTION task lists (value not shown: sensitive)",
                    )
    if tasks.unmapped:
        yield (
            path.attribute("FlowDefinition", "tasks"),
            f"{tasks.unmapped} projected field(s) have no Map task and are not ingested",
        )


@_rule("C10", "warning", FlowDefinition, "S3 fields do not contain dots.")
def _s3_dots(flow: FlowDefinition[Any], path: Path) -> Iterator[tuple[Path, str]]:
    if flow.source_flow_config.connector_type is not SourceConnectorType.S3:
        return
    for position in _tasks(flow).dotted:
        yield (
            _task_path(path, position).attribute("Task", "source_fields"),
            "an S3 field name contains '.': Customer Profiles does not ingest CSV headers "
            "with dot notation",
        )


@_rule("G18", "warning", FlowDefinition, "Event triggers need a source that emits events.")
def _event_source(flow: FlowDefinition[Any], path: Path) -> Iterator[tuple[Path, str]]:
    connector_type = flow.source_flow_config.connector_type
    if (
        flow.trigger_config.trigger_type is TriggerType.EVENT
        and connector_type is not SourceConnectorType.SALESFORCE
    ):
        yield (
            path.attribute("FlowDefinition", "trigger_config").attribute(
                "TriggerConfig", "trigger_type"
            ),
            f"an Event trigger needs a source that publishes change events; only Salesforce "
            f"is known to, not {connector_type.value}",
        )


_RATE = re.compile(r"rate\(([0-9]+)(minutes|hours|days)\)")
_RATE_LOOSE = re.compile(r"rate\s*\(\s*([0-9]+)\s*(minute|hour|day)s?\s*\)", re.IGNORECASE)
_UNIT_MINUTES = {"minute": 1, "hour": 60, "day": 1440}


def _rate_minutes(expression: str) -> int | None:
    loose = _RATE_LOOSE.fullmatch(expression.strip())
    if loose is None:
        return None
    return int(loose.group(1)) * _UNIT_MINUTES[loose.group(2).lower()]


@_rule("G6", "warning", FlowDefinition, "S3 schedules run at most every 15 minutes.")
def _s3_rate(flow: FlowDefinition[Any], path: Path) -> Iterator[tuple[Path, str]]:
    properties = flow.trigger_config.trigger_properties
    schedule = properties.scheduled if properties is not None else None
    if schedule is None or flow.source_flow_config.connector_type is not SourceConnectorType.S3:
        return
    minutes = _rate_minutes(schedule.schedule_expression)
    if minutes is not None and minutes < 15:
        yield (
            path.attribute("FlowDefinition", "trigger_config"),
            "an S3 flow scheduled more often than every 15 minutes, the minimum supported "
            "for S3 integrations (value not shown: sensitive)",
        )


# --- Triggers (section 6) -------------------------------------------------------------


@_rule("G2", "warning", TriggerConfig, "TriggerProperties applies only to Scheduled triggers.")
def _properties_unused(config: TriggerConfig, path: Path) -> Iterator[tuple[Path, str]]:
    if config.trigger_type is not TriggerType.SCHEDULED and config.trigger_properties is not None:
        yield (
            path.attribute("TriggerConfig", "trigger_properties"),
            f"trigger_properties only apply to Scheduled triggers, this one is "
            f"{config.trigger_type.value}",
        )


@_rule("G3", "warning", TriggerConfig, "A Scheduled trigger has a schedule.")
def _schedule_present(config: TriggerConfig, path: Path) -> Iterator[tuple[Path, str]]:
    properties = config.trigger_properties
    if config.trigger_type is TriggerType.SCHEDULED and (
        properties is None or properties.scheduled is None
    ):
        yield (
            path.attribute("TriggerConfig", "trigger_properties"),
            "a Scheduled trigger without trigger_properties.scheduled has no schedule",
        )


@_rule("G5", "warning", ScheduledTriggerProperties, "Schedules use AppFlow's canonical form.")
def _expression_form(schedule: ScheduledTriggerProperties, path: Path) -> Iterator[tuple[Path, str]]:
    expression = schedule.schedule_expression
    if _RATE.fullmatch(expression) or (expression.startswith("cron(") and expression.endswith(")")):
        return
    hint = ""
    if _RATE_LOOSE.fullmatch(expression.strip()) is not None:
        hint = "; drop the spaces and make the unit plural, as in rate(15minutes)"
    yield (
        path.attribute("ScheduledTriggerProperties", "schedule_expression"),
        "not in AppFlow's canonical form rate(<n>minutes|hours|days) (no space, plural) "
        f"or cron(...){hint} (value not shown: sensitive)",
    )


@functools.lru_cache(maxsize=256)
def _is_time_zone(name: str) -> bool:
    """Whether the installed zone database knows ``name`` (a cached ``ZoneInfo`` lookup)."""
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@functools.cache
def _has_zone_database() -> bool:
    """Whether any zone database is installed (Windows may have none without ``tzdata``)."""
    return _is_time_zone("UTC") or _is_time_zone("America/New_York")


@_rule("G9", "warning", ScheduledTriggerProperties, "Timezone is an IANA time zone name.")
def _iana_zone(schedule: ScheduledTriggerProperties, path: Path) -> Iterator[tuple[Path, str]]:
    zone = schedule.timezone
    if zone is not None and _has_zone_database() and not _is_time_zone(zone):
        yield (
            path.attribute("ScheduledTriggerProperties", "timezone"),
            "not an IANA time zone name such as America/New_York or UTC (value not shown: sensitive)",
        )


@_rule("G13", "warning", ScheduledTriggerProperties, "The schedule starts in the future.")
def _start_future(schedule: ScheduledTriggerProperties, path: Path) -> Iterator[tuple[Path, str]]:
    start = schedule.schedule_start_time
    if start is not None and as_utc(start) < datetime.now(timezone.utc) - timedelta(minutes=1):
        yield (
            path.attribute("ScheduledTriggerProperties", "schedule_start_time"),
            "the schedule starts in the past: AWS asks for a start time in the future",
        )


@_rule("G14", "warning", ScheduledTriggerProperties, "The schedule ends after it starts.")
def _end_after_start(schedule: ScheduledTriggerProperties, path: Path) -> Iterator[tuple[Path, str]]:
    start, end = schedule.schedule_start_time, schedule.schedule_end_time
    if start is not None and end is not None and as_utc(end) <= as_utc(start):
        yield (
            path.attribute("ScheduledTriggerProperties", "schedule_end_time"),
            "schedule_end_time is not after schedule_start_time",
        )


@_rule("G15", "warning", ScheduledTriggerProperties, "The first run reads from the past.")
def _first_run_past(schedule: ScheduledTriggerProperties, path: Path) -> Iterator[tuple[Path, str]]:
    first = schedule.first_execution_from
    if first is not None and as_utc(first) > datetime.now(timezone.utc) + timedelta(minutes=1):
        yield (
            path.attribute("ScheduledTriggerProperties", "first_execution_from"),
            "first_execution_from is in the future: it is the start of the data range, "
            "before the oldest record",
        )


@_rule("G16", "warning", ScheduledTriggerProperties, "Timestamps are seconds, not milliseconds.")
def _milliseconds(schedule: ScheduledTriggerProperties, path: Path) -> Iterator[tuple[Path, str]]:
    for name in ("schedule_start_time", "schedule_end_time", "first_execution_from"):
        moment: datetime | None = getattr(schedule, name)
        if moment is not None and moment.year > 3000:
            yield (
                path.attribute("ScheduledTriggerProperties", name),
                f"{name} is after the year 3000: epoch milliseconds passed as seconds?",
            )
