"""Hypothesis strategies for every operation of the resource modules, generated from the botocore model.

``strategies`` does this for PutIntegration, where the documented rules shape
what a valid request is; here the AWS model alone is the oracle, for any input
or output shape:

- ``requests(operation)``: boto3 keyword arguments the model accepts: required
  members always, optional ones sometimes, strings within their lengths and fully
  matching their patterns, enums from the model, numbers within their ranges,
  lists and maps within their bounds, ``TagArn`` as a built resource ARN. The
  documented rules may refuse some of them, so model-level properties read them
  inside ``skip_rules("all")``.
- ``mutations(operation, kinds)``: such a request with one model constraint
  broken, and the wire path a problem must be reported at, spelled as the
  library spells it (keys of sensitive maps by position, never shown).
- ``loose_requests(operation)``: dicts whose every level is either valid or any
  JSON value: mostly input botocore refuses.
- ``responses(operation)``: answers of the operation with keys and enum values
  newer than the model, for the lenient readers.

It builds on ``strategies`` (strings, structures, mutation kinds and nodes) and
generalises it to any operation: ``double`` shapes (values, ranges, wrong types),
integers without bounds kept within 32/64 bits, ``TagArn``, the paths inside
sensitive maps, and botocore's validator and serializer for any operation.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import botocore.serialize
import botocore.validate
from hypothesis import Phase, assume, find, settings
from hypothesis import strategies as st

import strategies
from strategies import MAX_LIST, MAX_MAP, JSON_VALUES, TIMESTAMPS, Mutation, Node

GENERATOR = Path(__file__).resolve().parent.parent / "scripts" / "generate_models.py"
"""The script that writes the resource modules; its ``RESOURCES`` lists their operations."""

UNBOUNDED: dict[str, tuple[int, int]] = {
    "integer": (-(2**31), 2**31 - 1),
    "long": (-(2**63), 2**63 - 1),
}
"""The range of an integer shape without ``min``/``max``: what the JSON protocol carries."""

MODEL_KINDS = ("too-long", "above-maximum", "pattern", "enum")
"""Mutations of model constraints that botocore's ParamValidator does not check."""
BOTOCORE_KINDS = strategies.BOTOCORE_KINDS
"""Mutations botocore's ParamValidator refuses too."""
ALL_KINDS = BOTOCORE_KINDS + MODEL_KINDS

UNKNOWN_ENUM_VALUE = "VALUE_NEWER_THAN_THIS_MODEL"
"""An enum value no enum of the model has (AWS adds values: responses must keep them)."""


# --- the operations -------------------------------------------------------------


@functools.cache
def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate_models", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def resources() -> dict[str, list[str]]:
    """The generated resource modules (``object_types``...) and their operations."""
    listed: dict[str, tuple[str, list[str]]] = _generator().RESOURCES
    return {module: names for module, (_, names) in listed.items()}


def operations() -> list[str]:
    """Every operation of the generated resource modules, in the generator's order."""
    return [operation for names in resources().values() for operation in names]


def operation_model(operation: str) -> Any:
    """The botocore model of one operation."""
    return strategies.service_model().operation_model(operation)


def input_shape(operation: str) -> Any:
    """The input shape of one operation."""
    return operation_model(operation).input_shape


def botocore_errors(operation: str, kwargs: Any) -> str:
    """botocore's ParamValidator report for the input of any operation ('' when it accepts)."""
    report = botocore.validate.ParamValidator().validate(kwargs, input_shape(operation))
    found: str = report.generate_report()
    return found


def serialized(operation: str, kwargs: Any) -> dict[str, Any]:
    """The HTTP request botocore's REST-JSON serializer makes of the input of any operation."""
    serializer = botocore.serialize.create_serializer("rest-json")
    made: dict[str, Any] = serializer.serialize_to_request(kwargs, operation_model(operation))
    return made


# --- valid values -----------------------------------------------------------------


def values(shape: Any, *, full: bool = False) -> st.SearchStrategy[Any]:
    """Valid wire values of any shape; ``full`` sets every optional member and fills containers."""
    return _valid(shape.name, full=full)


@functools.cache
def _valid(name: str, *, full: bool) -> st.SearchStrategy[Any]:
    shape = strategies.shape(name)
    kind = shape.type_name
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if kind == "structure":
        members = {key: values(member, full=full) for key, member in shape.members.items()}
        return _structure(shape, full, members)
    if kind in ("list", "map"):
        smallest = max(int(low or 0), int(full))
        largest = min(int(high) if high is not None else MAX_LIST, MAX_LIST if kind == "list" else MAX_MAP)
        if kind == "list":
            return st.lists(values(shape.member, full=full), min_size=smallest, max_size=largest)
        return st.dictionaries(
            text(shape.key), values(shape.value, full=full), min_size=smallest, max_size=largest
        )
    if kind == "string":
        return text(shape)
    if kind in UNBOUNDED:
        bottom, top = UNBOUNDED[kind]
        return st.integers(bottom if low is None else int(low), top if high is None else int(high))
    if kind in ("double", "float"):
        return st.floats(low, high, allow_nan=False, allow_infinity=False)
    scalar = _SCALARS.get(kind)
    assert scalar is not None, f"no strategy for {name} ({kind})"
    return scalar


_SCALARS: dict[str, st.SearchStrategy[Any]] = {"boolean": st.booleans(), "timestamp": TIMESTAMPS}


def _structure(
    shape: Any, full: bool, members: dict[str, st.SearchStrategy[Any]]
) -> st.SearchStrategy[dict[str, Any]]:
    """``strategies.structures`` with every member's strategy given (none of its own)."""
    return strategies.structures(shape, frozenset(), full=full, **members)


def text(shape: Any) -> st.SearchStrategy[str]:
    """Strings of a string shape (``strategies.strings``), and resource ARNs for ``TagArn``."""
    if shape.name == "TagArn":
        return resource_arns(shape)
    return strategies.strings(shape)


def resource_arns(shape: Any) -> st.SearchStrategy[str]:
    """Customer Profiles resource ARNs as rule TG2 builds them, within ``TagArn``'s pattern and length.

    The pattern's ``[a-z0-9]{1,10}`` partition leaves out ``aws-cn`` and
    ``aws-us-gov``, so the partition is ``aws``.
    """
    prefix = re.compile(shape.metadata["pattern"])
    longest = int(shape.metadata["max"])
    names = strategies.strings(strategies.shape("name"))
    type_names = strategies.strings(strategies.shape("typeName"))
    domains = names.map("domains/{}".format)
    uris = st.from_regex(r"arn:aws:s3:::[a-z0-9.-]{3,20}", fullmatch=True)
    children = st.one_of(
        st.tuples(domains, st.just("object-types"), type_names),
        st.tuples(domains, st.just("event-triggers"), names),
        st.tuples(domains, st.just("integrations"), uris),
    ).map("/".join)
    account = st.from_regex(r"[0-9]{12}", fullmatch=True)
    region = st.sampled_from(["us-east-1", "eu-west-2", "ap-southeast-2"])
    return st.tuples(region, account, domains | children).map(
        lambda parts: "arn:aws:profile:{}:{}:{}".format(*parts)
    ).filter(lambda arn: prefix.match(arn) is not None and len(arn) <= longest)


def requests(operation: str, *, full: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """boto3 keyword arguments of an operation that satisfy every constraint of the AWS model."""
    return values(input_shape(operation), full=full)


def any_requests(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    """``requests`` with some or with all optional members."""
    return requests(operation) | requests(operation, full=True)


# --- input botocore mostly refuses ---------------------------------------------------


def loose_requests(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts of an operation's members where any value, at any level, may be any JSON value."""
    return _loose_structure(input_shape(operation).name)


@functools.cache
def _loose_structure(name: str) -> st.SearchStrategy[dict[str, Any]]:
    shape = strategies.shape(name)
    return _structure(shape, False, {key: _loose(member.name) for key, member in shape.members.items()})


@functools.cache
def _loose(name: str) -> st.SearchStrategy[Any]:
    shape = strategies.shape(name)
    kind = shape.type_name
    if kind == "structure":
        inner: st.SearchStrategy[Any] = _loose_structure(name)
    elif kind == "list":
        inner = st.lists(_loose(shape.member.name), max_size=MAX_LIST)
    elif kind == "map":
        keys = text(shape.key) | st.text(max_size=4)
        inner = st.dictionaries(keys, _loose(shape.value.name), max_size=MAX_MAP)
    else:
        inner = values(shape)
    return inner | JSON_VALUES


# --- mutations ------------------------------------------------------------------------


def shown_nodes(value: Any, shape: Any) -> Iterator[Node]:
    """``strategies.nodes`` with the paths the library reports.

    Inside a member AWS marks sensitive, a map key is data: the library names it by
    position (``Fields[<key #0, not shown>]``) unless it is one of an enum's keys.
    """
    for node in strategies.nodes(value, shape):
        yield dataclasses.replace(node, path=shown_path(value, shape, node.route))


def shown_path(value: Any, shape: Any, route: tuple[Any, ...]) -> str:
    """The wire path of the value at ``route``, as ``ValidationProblem.wire_path`` spells it."""
    path, sensitive = "", False
    for step in route:
        sensitive = sensitive or bool(shape.metadata.get("sensitive"))
        if shape.type_name == "structure":
            path, shape = f"{path}.{step}" if path else step, shape.members[step]
        elif shape.type_name == "list":
            path, shape = f"{path}[{step}]", shape.member
        else:
            hidden = sensitive and step not in (getattr(shape.key, "enum", None) or [])
            path += f"[<key #{list(value).index(step)}, not shown>]" if hidden else f"[{step!r}]"
            shape = shape.value
        value = value[step]
    return path


def applies(kind: str, node: Node) -> bool:
    """Whether a mutation kind can break this node (``strategies``' test, plus double ranges)."""
    type_name = node.shape.type_name
    if type_name in ("double", "float") and kind in ("below-minimum", "above-maximum"):
        bound = "min" if kind == "below-minimum" else "max"
        return node.shape.metadata.get(bound) is not None
    if kind == "too-long" and type_name == "list" and not node.value:
        return False  # made longer by repeating its first item
    return strategies._applies(kind, node)


def mutate(draw: st.DrawFn, kind: str, node: Node, kwargs: dict[str, Any]) -> Mutation:
    """Break ``node`` of ``kwargs`` in place; ``strategies``' mutations, plus doubles of the wrong type."""
    if kind == "wrong-type" and node.shape.type_name in ("double", "float"):
        strategies._set(kwargs, node, "0.5")
        return Mutation(kind, kwargs, node.path)
    return strategies._mutate(draw, kind, node, kwargs)


@functools.cache
def kinds_of(operation: str) -> tuple[str, ...]:
    """The mutation kinds a request of ``operation`` with every optional member offers a place for.

    Read off the first such request Hypothesis generates, without shrinking: the
    same one on every run.
    """
    first = find(requests(operation, full=True), lambda _: True, settings=_FIRST)
    nodes = list(shown_nodes(first, input_shape(operation)))
    found = {kind for node in nodes for kind in ALL_KINDS if applies(kind, node)}
    return tuple(kind for kind in ALL_KINDS if kind in found)


_FIRST = settings(phases=[Phase.generate], derandomize=True, database=None)


@st.composite
def mutations(draw: st.DrawFn, operation: str, kinds: tuple[str, ...] = ALL_KINDS) -> Mutation:
    """A request of ``operation`` with one model constraint broken, of one of ``kinds``.

    The kind is drawn first among those the request offers a place for, so that
    kinds with few places (an enum, a number) are drawn as often as the others.
    """
    shape = input_shape(operation)
    request = draw(any_requests(operation))
    places: dict[str, list[Node]] = {}
    for node in shown_nodes(request, shape):
        for kind in kinds:
            if applies(kind, node):
                places.setdefault(kind, []).append(node)
    assume(places)
    chosen = draw(st.sampled_from(sorted(places)))
    return mutate(draw, chosen, draw(st.sampled_from(places[chosen])), copy.deepcopy(request))


# --- responses ----------------------------------------------------------------------


def output_shape(operation: str) -> Any:
    """The output shape of one operation."""
    return operation_model(operation).output_shape


def _new_names(shape: Any) -> st.SearchStrategy[str]:
    return st.from_regex(r"[A-Z][A-Za-z]{2,12}", fullmatch=True).filter(
        lambda name: name not in shape.members and name != "ResponseMetadata"
    )


@st.composite
def responses(draw: st.DrawFn, operation: str) -> dict[str, Any]:
    """Answers of an operation, with keys and enum values newer than the model at any level.

    Unknown keys go into the top level and into one nested structure; one enum
    value, if the answer holds any, becomes ``UNKNOWN_ENUM_VALUE``.
    """
    shape = output_shape(operation)
    response: dict[str, Any] = draw(values(shape, full=draw(st.booleans())))
    found = list(strategies.nodes(response, shape))
    response.update(draw(st.dictionaries(_new_names(shape), JSON_VALUES, max_size=2)))
    nested = [
        node for node in found if node.route and node.shape.type_name == "structure" and not node.map_key
    ]
    if draw(st.booleans()) and nested:
        node = draw(st.sampled_from(nested))
        strategies._at(response, node.route)[draw(_new_names(node.shape))] = draw(JSON_VALUES)
    enums = [node for node in found if getattr(node.shape, "enum", None) and not node.map_key]
    if draw(st.booleans()) and enums:
        strategies._set(response, draw(st.sampled_from(enums)), UNKNOWN_ENUM_VALUE)
    return response
