"""Hypothesis strategies for PutIntegration, generated from the installed botocore model.

Every value comes from the AWS shapes: strings from their patterns and length
bounds, enums sampled from the model, required members always and optional ones
sometimes, timestamps as aware datetimes. On top of the model, valid requests
are held to what the SAFE rules accept (one connector per flow with its
``SourceConnectorProperties`` entry, operators keyed by that connector, a
Filter/PROJECTION task, no Filter + NO_OP); the model itself already gives
non-empty ``Tags`` and exactly one ``EventTriggerNames``.

``mutations`` turns a valid request into an invalid one and says where the
problem is, so tests can ask our validation and botocore's ``ParamValidator``
about the same input.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import botocore.session
from hypothesis import assume
from hypothesis import strategies as st

from customer_profiles_typed._wire import FULL_MATCH_SHAPES

SERVICE = "customer-profiles"
OPERATION = "PutIntegration"

MAX_LIST = 4
"""Longest generated list (the model's lists have no maximum but EventTriggerNames')."""
MAX_MAP = 3
"""Largest generated map."""
MAX_FREE_TEXT = 300
"""Longest generated pattern-free string; the upper bounds themselves are tested by mutations."""

ZONES = st.sampled_from(
    [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
)
TIMESTAMPS = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2999, 12, 31), timezones=ZONES
)
"""Aware datetimes botocore can serialize; years after 3000 are rule G16's warning."""


@functools.cache
def service_model() -> Any:
    """The installed botocore model of Customer Profiles."""
    return botocore.session.get_session().get_service_model(SERVICE)


def operation_model() -> Any:
    return service_model().operation_model(OPERATION)


def shape(name: str) -> Any:
    return service_model().shape_for(name)


# --- valid values --------------------------------------------------------------


def _length_ok(shape: Any) -> Callable[[str], bool]:
    low = int(shape.metadata.get("min", 0))
    high = shape.metadata.get("max")
    return lambda text: len(text) >= low and (high is None or len(text) <= int(high))


def strings(shape: Any) -> st.SearchStrategy[str]:
    """Strings of a string shape: its enum, or its pattern (fully matched) and lengths."""
    allowed: list[str] = list(getattr(shape, "enum", None) or [])
    if allowed:
        return st.sampled_from(allowed)
    arn = _ARN_SERVICES.get(shape.name)
    if arn is not None:
        return arns(arn, shape)
    pattern = shape.metadata.get("pattern")
    low = int(shape.metadata.get("min", 0))
    high = shape.metadata.get("max")
    if pattern is None:
        top = MAX_FREE_TEXT if high is None else min(int(high), MAX_FREE_TEXT)
        return st.text(min_size=low, max_size=top)
    return st.from_regex(pattern, fullmatch=True).filter(_length_ok(shape))


_ARN_SERVICES = {"KmsArn": "kms", "RoleArn": "iam"}


def arns(service: str, shape: Any) -> st.SearchStrategy[str]:
    """ARNs of one service in the ``aws`` partition that match the model's pattern."""
    pattern = re.compile(shape.metadata["pattern"])
    regions = st.sampled_from(["us-east-1", "eu-west-2", "ap-southeast-1", ""])
    accounts = st.from_regex(r"[0-9]{12}", fullmatch=True)
    resources = st.from_regex(r"(key|role)/[A-Za-z0-9_+=,.@-]{1,64}", fullmatch=True)
    return st.builds(
        lambda region, account, resource: f"arn:aws:{service}:{region}:{account}:{resource}",
        regions,
        accounts,
        resources,
    ).filter(lambda arn: pattern.fullmatch(arn) is not None and _length_ok(shape)(arn))


def values(shape: Any, *, full: bool = False) -> st.SearchStrategy[Any]:
    """Valid wire values of any shape of the model; ``full`` sets every optional member."""
    return _values(shape.name, full)


@functools.cache
def _values(name: str, full: bool) -> st.SearchStrategy[Any]:
    shape = globals()["shape"](name)
    kind = shape.type_name
    if kind == "structure":
        return structures(shape, full=full)
    if kind == "list":
        return st.lists(
            values(shape.member, full=full),
            min_size=max(int(shape.metadata.get("min", 0)), int(full)),
            max_size=min(int(shape.metadata.get("max", MAX_LIST)), MAX_LIST),
        )
    if kind == "map":
        return st.dictionaries(
            strings(shape.key),
            values(shape.value, full=full),
            min_size=max(int(shape.metadata.get("min", 0)), int(full)),
            max_size=min(int(shape.metadata.get("max", MAX_MAP)), MAX_MAP),
        )
    if kind == "string":
        return strings(shape)
    if kind in ("integer", "long"):
        return st.integers(shape.metadata.get("min"), shape.metadata.get("max"))
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        return TIMESTAMPS
    raise AssertionError(f"no strategy for {shape.name} ({kind})")


def structures(
    shape: Any,
    always: frozenset[str] = frozenset(),
    *,
    full: bool = False,
    **replaced: st.SearchStrategy[Any],
) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts of a structure shape: required members (and ``always``) always, others
    sometimes (always with ``full``)."""
    required = set(shape.members) if full else set(shape.required_members) | always
    strategies = {
        name: replaced[name] if name in replaced else values(member, full=full)
        for name, member in shape.members.items()
    }
    return st.fixed_dictionaries(
        {name: s for name, s in strategies.items() if name in required},
        optional={name: s for name, s in strategies.items() if name not in required},
    )


# --- what the SAFE rules add ---------------------------------------------------


def connector_keys() -> list[str]:
    """The member names of ``SourceConnectorProperties``: one per connector."""
    return list(shape("SourceConnectorProperties").members)


@functools.cache
def tasks_for(key: str, full: bool = False) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Tasks of a flow whose source is connector ``key``: operators of its enum, one
    operator per task, a Filter/PROJECTION task somewhere, and no Filter task with
    NO_OP (rules K7, K4, K5)."""
    task_shape = shape("Task")
    operators: list[str] = list(task_shape.members["ConnectorOperator"].members[key].enum)
    tasks = structures(
        task_shape,
        always=frozenset({"ConnectorOperator"}),
        full=full,
        ConnectorOperator=st.fixed_dictionaries({key: st.sampled_from(operators)}),
    )
    others = st.lists(
        tasks.filter(
            lambda task: not (
                task["TaskType"] == "Filter" and task["ConnectorOperator"][key] == "NO_OP"
            )
        ),
        min_size=int(full),
        max_size=MAX_LIST - 1,
    )
    projections = tasks.map(
        lambda task: {**task, "TaskType": "Filter", "ConnectorOperator": {key: "PROJECTION"}}
    )

    def place(drawn: tuple[list[dict[str, Any]], dict[str, Any], int]) -> list[dict[str, Any]]:
        rest, projection, spot = drawn
        position = spot % (len(rest) + 1)
        return [*rest[:position], projection, *rest[position:]]

    return st.tuples(others, projections, st.integers(0, MAX_LIST)).map(place)


@functools.cache
def flow_definitions(full: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """A valid ``FlowDefinition`` for one connector drawn from the model."""
    return st.one_of([_flow_for(key, full) for key in connector_keys()])


def _flow_for(key: str, full: bool) -> st.SearchStrategy[dict[str, Any]]:
    flow_shape = shape("FlowDefinition")
    source_shape = flow_shape.members["SourceFlowConfig"]
    connector_type = connector_type_of(key)
    source = structures(
        source_shape,
        full=full,
        ConnectorType=st.just(connector_type),
        SourceConnectorProperties=st.fixed_dictionaries(
            {key: values(source_shape.members["SourceConnectorProperties"].members[key], full=full)}
        ),
    )
    return structures(flow_shape, full=full, SourceFlowConfig=source, Tasks=tasks_for(key, full))


def connector_type_of(key: str) -> str:
    """The ``ConnectorType`` value of a ``SourceConnectorProperties`` key.

    The enum spells it the same way but for case (``ServiceNow`` -> ``Servicenow``).
    """
    allowed: list[str] = list(shape("SourceConnectorType").enum)
    (match,) = [value for value in allowed if value.lower() == key.lower()]
    return match


@functools.cache
def requests(*, with_flow: bool = False, full: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """boto3 ``put_integration`` keyword arguments that our validation must accept.

    ``with_flow`` always sets ``FlowDefinition``; ``full`` sets every optional member.
    """
    always = frozenset({"FlowDefinition"}) if with_flow else frozenset()
    return structures(
        operation_model().input_shape,
        always=always,
        full=full,
        FlowDefinition=flow_definitions(full),
    )


# --- responses -------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def responses(draw: st.DrawFn) -> dict[str, Any]:
    """PutIntegration responses, sometimes with keys and Scope values newer than the model."""
    output = operation_model().output_shape
    response: dict[str, Any] = draw(structures(output))
    extra = draw(
        st.dictionaries(
            st.from_regex(r"[A-Z][A-Za-z]{2,20}", fullmatch=True).filter(
                lambda name: name not in output.members and name != "ResponseMetadata"
            ),
            JSON_VALUES,
            max_size=2,
        )
    )
    response.update(extra)
    if draw(st.booleans()):
        known = set(output.members["Scope"].enum)
        response["Scope"] = draw(
            st.from_regex(r"[A-Z_]{1,12}", fullmatch=True).filter(lambda v: v not in known)
        )
    return response


# --- mutations -------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """One value inside a request, where it sits, and its AWS shape."""

    path: str
    """Its wire path, spelled as ``ValidationProblem.wire_path``."""
    route: tuple[Any, ...]
    """The keys and indexes leading to it from the request."""
    shape: Any
    value: Any
    required: bool = False
    """Set for a required member of a structure."""
    map_key: bool = False
    """Set for the key of a map entry (the last step of ``route`` is the key itself)."""
    sensitive: bool = False
    """Set for a value AWS marks sensitive or one inside it (its unknown keys are reported by position)."""


def nodes(
    value: Any, shape_: Any, path: str = "", route: tuple[Any, ...] = (), sensitive: bool = False
) -> Iterator[Node]:
    """Every value of a wire dict, parents first."""
    if not route:
        yield Node(path, route, shape_, value, required=True)
    kind = shape_.type_name
    sensitive = sensitive or bool(shape_.metadata.get("sensitive"))
    if kind == "structure":
        required = set(shape_.required_members)
        for name, item in value.items():
            where, step, member = _join(path, name), (*route, name), shape_.members[name]
            inside = sensitive or bool(member.metadata.get("sensitive"))
            yield Node(where, step, member, item, required=name in required, sensitive=inside)
            yield from nodes(item, member, where, step, sensitive)
    elif kind == "list":
        for position, item in enumerate(value):
            where, step = f"{path}[{position}]", (*route, position)
            inside = sensitive or bool(shape_.member.metadata.get("sensitive"))
            yield Node(where, step, shape_.member, item, sensitive=inside)
            yield from nodes(item, shape_.member, where, step, sensitive)
    elif kind == "map":
        for key, item in value.items():
            where, step = f"{path}[{key!r}]", (*route, key)
            yield Node(where, step, shape_.key, key, map_key=True, sensitive=sensitive)
            inside = sensitive or bool(shape_.value.metadata.get("sensitive"))
            yield Node(where, step, shape_.value, item, sensitive=inside)
            yield from nodes(item, shape_.value, where, step, sensitive)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


@dataclass(frozen=True)
class Mutation:
    """An invalid request and where the problem is."""

    kind: str
    kwargs: dict[str, Any]
    path: str
    """The wire path a problem must be reported at."""
    prefix: bool = False
    """Accept any problem whose wire path starts with ``path`` (map keys, K7's connector key)."""

    def reported_by(self, wire_paths: list[str]) -> bool:
        if self.prefix:
            return any(found.startswith(self.path) for found in wire_paths)
        return self.path in wire_paths


BOTOCORE_KINDS = ("drop-required", "wrong-type", "too-short", "below-minimum", "unknown-key", "none")
"""Mutations botocore's ParamValidator refuses too (required, types, minimums, unknown keys)."""
OUR_KINDS = (
    "too-long",
    "above-maximum",
    "pattern",
    "enum",
    "operator-mismatch",
    "connector-mismatch",
    "drop-operator",
    "no-projection",
    "filter-no-op",
)
"""Mutations only our validation refuses (maximums, patterns, enums, SAFE rules)."""

WRONG_TYPES: dict[str, Any] = {
    "structure": ["not", "a", "structure"],
    "list": "not-a-list",
    "map": ["not", "a", "map"],
    "string": 12345,
    "integer": "5",
    "long": "5",
    "boolean": "yes",
    "timestamp": ["2020-01-01"],
}


def _breaks_pattern(node: Node) -> str | None:
    """A value of the same length class that does not fully match the node's pattern."""
    pattern = node.shape.metadata.get("pattern")
    if pattern is None or re.fullmatch(pattern, "") is not None:
        return None  # no pattern, or one matching "" (only a warning: rule F4)
    text: str = node.value
    # AWS matches patterns unanchored, so where only part of a value matching is
    # merely a warning, the broken value must not match anywhere.
    whole_value = (
        pattern.startswith("^") and pattern.endswith("$")
    ) or node.shape.name in FULL_MATCH_SHAPES
    for candidate in (" " + text, "\n" + text, text + "\n", " " * len(text), "\n" * len(text)):
        if re.fullmatch(pattern, candidate) is None and (
            whole_value or re.search(pattern, candidate) is None
        ):
            return candidate
    return None


def _applies(kind: str, node: Node) -> bool:
    shape_, value, type_name = node.shape, node.value, node.shape.type_name
    enum = getattr(shape_, "enum", None)
    inner = bool(node.route) and not node.map_key
    if kind == "drop-required":
        return type_name == "structure" and not node.map_key and any(
            name in value for name in shape_.required_members
        )
    if kind == "unknown-key":
        return type_name == "structure" and not node.map_key
    if kind == "wrong-type":
        return inner
    if kind == "none":
        return inner and isinstance(node.route[-1], str) and not node.required and not _in_map(node)
    if kind == "too-short":
        return inner and type_name in ("string", "list") and bool(shape_.metadata.get("min")) and len(value) > 0
    if kind == "below-minimum":
        return type_name in ("integer", "long") and shape_.metadata.get("min") is not None
    if kind == "too-long":
        return type_name in ("string", "list", "map") and not enum and shape_.metadata.get("max") is not None
    if kind == "above-maximum":
        return type_name in ("integer", "long") and shape_.metadata.get("max") is not None
    if kind == "pattern":
        return type_name == "string" and not enum and _breaks_pattern(node) is not None
    if kind == "enum":
        return type_name == "string" and bool(enum)
    if kind in ("operator-mismatch", "drop-operator", "filter-no-op"):
        return bool(shape_.name == "Task") and not node.map_key
    if kind in ("connector-mismatch", "no-projection"):
        return bool(shape_.name == "FlowDefinition")
    raise AssertionError(kind)


def _in_map(node: Node) -> bool:
    """Whether the node is the value of a map entry (its key may be any string)."""
    return node.path.endswith("]")


def _at(tree: Any, route: tuple[Any, ...]) -> Any:
    for step in route:
        tree = tree[step]
    return tree


def _set(tree: Any, node: Node, new: Any) -> None:
    container = _at(tree, node.route[:-1])
    if node.map_key:
        container[new] = container.pop(node.route[-1])
    else:
        container[node.route[-1]] = new


def _map_of(node: Node) -> str:
    """The path prefix of every entry of the map holding ``node`` (keys are not predictable)."""
    return node.path.rsplit("[", 1)[0] + "["


@st.composite
def mutations(draw: st.DrawFn, kinds: tuple[str, ...]) -> Mutation:
    """A valid request with one problem of one of ``kinds``."""
    request = draw(requests(with_flow=draw(st.booleans()), full=draw(st.booleans())))
    options = [
        (kind, node)
        for node in nodes(request, operation_model().input_shape)
        for kind in kinds
        if _applies(kind, node)
    ]
    assume(options)
    kind = draw(st.sampled_from(sorted({kind for kind, _ in options})))
    node = draw(st.sampled_from([node for each, node in options if each == kind]))
    kwargs = copy.deepcopy(request)
    return _mutate(draw, kind, node, kwargs)


def _mutate(draw: st.DrawFn, kind: str, node: Node, kwargs: dict[str, Any]) -> Mutation:
    shape_ = node.shape
    here: Any = _at(kwargs, node.route) if not node.map_key else None
    if kind == "drop-required":
        name = draw(st.sampled_from([n for n in shape_.required_members if n in here]))
        del here[name]
        return Mutation(kind, kwargs, _join(node.path, name))
    if kind == "unknown-key":
        here["UnknownMember"] = "x"
        if node.sensitive:  # inside a sensitive value a key is data: reported by its position
            return Mutation(kind, kwargs, f"{node.path}[<key #{len(here) - 1}, not shown>]")
        return Mutation(kind, kwargs, _join(node.path, "UnknownMember"))
    if kind in ("wrong-type", "none", "too-short", "below-minimum", "above-maximum"):
        low, high = shape_.metadata.get("min"), shape_.metadata.get("max")
        new: Any = None  # "none"
        if kind == "wrong-type":
            new = WRONG_TYPES[shape_.type_name]
        elif kind == "too-short":
            new = node.value[: int(low) - 1]
        elif kind == "below-minimum":
            new = int(low) - 1
        elif kind == "above-maximum":
            new = int(high) + 1
        _set(kwargs, node, new)
        return Mutation(kind, kwargs, node.path)
    if kind == "too-long":
        high = int(shape_.metadata["max"])
        if shape_.type_name == "string":
            longer: Any = (node.value + "a" * (high + 1))[: high + 1]
            if node.map_key:  # keep the entry apart from existing keys
                longer = "z" * (high + 1)
        elif shape_.type_name == "list":
            longer = [*node.value, *([node.value[0]] * (high + 1 - len(node.value)))]
        else:
            longer = {f"k{i}": "v" for i in range(high + 1)}
        _set(kwargs, node, longer)
        return Mutation(kind, kwargs, _map_of(node) if node.map_key else node.path, prefix=node.map_key)
    if kind == "pattern":
        broken = _breaks_pattern(node)
        assert broken is not None
        _set(kwargs, node, broken)
        return Mutation(kind, kwargs, _map_of(node) if node.map_key else node.path, prefix=node.map_key)
    if kind == "enum":
        _set(kwargs, node, f"NOT_{node.value}_X")
        # a wrong key inside FlowDefinition is named by position, not echoed
        return Mutation(kind, kwargs, _map_of(node) if node.map_key else node.path, prefix=node.map_key)
    if kind == "operator-mismatch":
        ((key, operator),) = here["ConnectorOperator"].items()
        others = [
            other
            for other in connector_keys()
            if other != key
            and operator in shape("Task").members["ConnectorOperator"].members[other].enum
        ]
        here["ConnectorOperator"] = {draw(st.sampled_from(others)): operator}
        return Mutation(kind, kwargs, f"{node.path}.ConnectorOperator", prefix=True)
    if kind == "drop-operator":
        del here["ConnectorOperator"]
        return Mutation(kind, kwargs, f"{node.path}.ConnectorOperator")
    if kind == "filter-no-op":
        ((key, _),) = here["ConnectorOperator"].items()
        here["TaskType"] = "Filter"
        here["ConnectorOperator"] = {key: "NO_OP"}
        return Mutation(kind, kwargs, f"{node.path}.ConnectorOperator")
    if kind == "connector-mismatch":
        current = here["SourceFlowConfig"]["ConnectorType"]
        here["SourceFlowConfig"]["ConnectorType"] = draw(
            st.sampled_from([c for c in shape("SourceConnectorType").enum if c != current])
        )
        return Mutation(kind, kwargs, f"{node.path}.SourceFlowConfig.SourceConnectorProperties")
    if kind == "no-projection":
        here["Tasks"] = [
            task
            for task in here["Tasks"]
            if not (task["TaskType"] == "Filter" and "PROJECTION" in task["ConnectorOperator"].values())
        ]
        return Mutation(kind, kwargs, f"{node.path}.Tasks")
    raise AssertionError(kind)
