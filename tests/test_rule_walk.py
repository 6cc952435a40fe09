"""The rule walk finds what running every rule on every object finds, in the same order.

``validation`` runs the documented rules over a parsed tree with shortcuts: a
list of leaf objects (a flow's tasks) is screened first (``Rule.screen``, over
all the items at once), and an item's path is only built when some screen
flags it. For flows whose tasks mix every type, operator and connector (so that
K5, K6, K7, K8, K9 and C10 fire), the findings must be exactly those of the
plain walk: every object of the tree, parents first, every rule of its class in
order, no screen. (What each rule finds is held by ``test_rules.py``.)

The object type rules share one analysis of a request's Targets and Sources,
made with shortcuts of their own (Targets that share a root and first step are
split once; Sources and field names are screened all at once): for object types
of odd names, Sources and Targets, they find what the plain reading finds.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any
from unittest import mock

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import strategies
from customer_profiles_typed import (
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    _fast,
    _model,
    validation,
)
from customer_profiles_typed._checks import Finding
from customer_profiles_typed._paths import ROOT, Path
from customer_profiles_typed._wire import CLASS_SHAPES, CONNECTOR_BY_CLASS, connector_of
from customer_profiles_typed.rules import object_types, rules_for
from support import canonical_request
from test_properties import SETTINGS

FIELD_NAMES = st.sampled_from(["colA", "colB", "col.C", "colD"])


@st.composite
def any_task(draw: st.DrawFn) -> dict[str, Any]:
    """A task of any type with any connector's operator, fields and properties."""
    task_shape: Any = _model.shape("Task")
    key = draw(st.sampled_from(strategies.connector_keys()))
    operators = list(task_shape.members["ConnectorOperator"].members[key].enum)
    task: dict[str, Any] = {
        "TaskType": draw(st.sampled_from(list(task_shape.members["TaskType"].enum))),
        "SourceFields": draw(st.lists(FIELD_NAMES, max_size=3)),
        "ConnectorOperator": {key: draw(st.sampled_from(operators))},
    }
    if draw(st.booleans()):
        task["DestinationField"] = draw(FIELD_NAMES)
    if draw(st.booleans()):
        keys = list(task_shape.members["TaskProperties"].key.enum)
        task["TaskProperties"] = draw(
            st.dictionaries(st.sampled_from(keys), st.sampled_from(["1", "*", "string", "x2"]), max_size=3)
        )
    return task


def plain_walk(obj: object, path: Path, found: list[Finding]) -> None:
    """Every rule on every object of the tree, parents first: the walk without shortcuts."""
    for rule in rules_for(type(obj)):
        for where, message in rule.check(obj, path):
            found.append(Finding(where, message, rule.id, warning=rule.severity == "warning"))
    shape = CLASS_SHAPES[type(obj)]
    for python_name in validation._child_fields(shape):
        value: Any = getattr(obj, python_name)
        if value is None:
            continue
        where = path.attribute(shape, python_name)
        if type(value) in CONNECTOR_BY_CLASS:
            inner = where.wire_only(connector_of(value).key)
            for rule in rules_for(type(value)):
                for at, message in rule.check(value, inner):
                    found.append(Finding(at, message, rule.id, warning=rule.severity == "warning"))
        elif isinstance(value, tuple):
            for position, item in enumerate(value):
                plain_walk(item, where.index(position), found)
        else:
            plain_walk(value, where, found)


def shown(findings: list[Finding]) -> list[tuple[str, str, str, str, bool]]:
    return [(f.path.python, f.path.wire, f.message, f.rule, f.warning) for f in findings]


@settings(SETTINGS, max_examples=200)
@given(st.data())
def test_the_rule_walk_finds_what_every_rule_on_every_object_finds(data: st.DataObject) -> None:
    wire = data.draw(strategies.requests(with_flow=True))
    wire["FlowDefinition"]["Tasks"] = data.draw(st.lists(any_task(), max_size=8))
    assume(_fast.wire_accepter("PutIntegrationRequest")(wire))
    builder = _fast.wire_builder(PutIntegrationRequest)
    assert builder is not None
    request = builder(wire)
    walked: list[Finding] = []
    validation._tree_findings(request, ROOT, frozenset(), walked)
    expected: list[Finding] = []
    plain_walk(request, ROOT, expected)
    assert shown(walked) == shown(expected)


@settings(SETTINGS, max_examples=100)
@given(any_task())
def test_a_task_gets_the_findings_of_its_rules_through_the_screens(wire: dict[str, Any]) -> None:
    request = canonical_request()
    request["FlowDefinition"]["Tasks"] = [wire]
    assume(_fast.wire_accepter("PutIntegrationRequest")(request))
    builder = _fast.wire_builder(PutIntegrationRequest)
    assert builder is not None
    task = builder(request).flow_definition.tasks[0]
    screened: list[Finding] = []
    validation._add_rule_findings(task, ROOT, validation._active_rules(type(task), frozenset()), screened)
    expected: list[Finding] = []
    for rule in rules_for(type(task)):
        for where, message in rule.check(task, ROOT):
            expected.append(Finding(where, message, rule.id, warning=rule.severity == "warning"))
    assert shown(screened) == shown(expected)


TEXTS = st.text(alphabet="_ab.[]0\n{}", max_size=8)
TARGETS = st.none() | TEXTS | st.sampled_from(
    ["_profile.Gender", "_profile.GenderString", "_profile.Attributes.a", "_order.OrderId", "a.b[0].c"]
)
SOURCES = st.none() | TEXTS | st.sampled_from(
    ["_source.a", "_source[0]", "_source", "{{_source.a}}", "x\n_source.a"]
)
FIELD_NAMES_OF_TYPES = st.sampled_from(["a", "Tags", "_a", "1a", "b.c"]) | st.text(alphabet="aZ_1.", max_size=3)
ROOTS_AND_STEPS = st.tuples(
    st.sampled_from(["", "_", "_profile", "a", "_order"]), st.sampled_from(["", "Gender", "a", "OrderId", "b"])
)

SCREENS = ("_odd_field_names", "_sourceless", "_odd_sources")
"""The screens of the object type rules, each also applied by its rule's own check."""


def reference_split(target: str) -> tuple[str, str]:
    """A Target's root and first step, as rule O21-O23 read them: indexes dropped, split at dots."""
    parts = re.sub(r"\[[^\]]*\]", "", target).split(".")
    return parts[0], parts[1] if len(parts) > 1 else ""


@settings(SETTINGS, max_examples=200)
@given(
    st.dictionaries(FIELD_NAMES_OF_TYPES, st.tuples(SOURCES, TARGETS), max_size=6),
    st.sets(ROOTS_AND_STEPS),
    st.sampled_from(["", "_profile.a.", "_profile.a", "_order.b.x"]),
)
def test_object_type_rules_find_through_their_shortcuts_what_they_find_without(
    fields: dict[str, tuple[str | None, str | None]], picked: set[tuple[str, str]], shared: str
) -> None:
    # A shared start makes every Target share its root and first step, or nearly.
    fields = {
        name: (source, None if target is None else shared + target) for name, (source, target) in fields.items()
    }
    entries: dict[str, dict[str, str]] = {}
    for name, (source, target) in fields.items():
        entries[name] = {} if source is None else {"Source": source}
        if target is not None:
            entries[name]["Target"] = target
    wire: dict[str, Any] = {
        "DomainName": "d",
        "ObjectTypeName": "t",
        "Description": "x",
        "Fields": entries,
        "Keys": {"k": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["a"]}]},
    }
    builder = _fast.wire_builder(PutProfileObjectTypeRequest)
    assert builder is not None
    request = builder(wire)
    # The analysis of the Targets: roots, prefixes picked, first positions.
    targets = [target for _, target in fields.values()]
    found = object_types._Mapping(request)
    expected_roots: dict[str, int] = {}
    for position, target in enumerate(targets):
        if target:
            expected_roots.setdefault(reference_split(target)[0], position)
    assert found.roots == expected_roots
    chosen = object_types._targets_where(found, lambda root, head: (root, head) in picked)
    assert [target.position for target in chosen] == [
        position
        for position, target in enumerate(targets)
        if target and reference_split(target) in picked
    ]
    for target in ("_profile.Gender", "_profile.GenderString", "a.b[0].c", "_source"):
        assert found.first(target) == (targets.index(target) if target in targets else None)
    # The screens: the rules find what they find with every screen passing everything.
    plan = validation._active_rules(PutProfileObjectTypeRequest, frozenset())
    screened: list[Finding] = []
    validation._add_rule_findings(request, ROOT, plan, screened)
    unscreened: list[Finding] = []
    with contextlib.ExitStack() as stack:
        for name in SCREENS:
            stack.enter_context(mock.patch.object(object_types, name, lambda _: True))
        for rule in rules_for(PutProfileObjectTypeRequest):
            for where, message in rule.check(request, ROOT):
                warning = rule.severity == "warning"
                unscreened.append(Finding(where, message, rule.id, warning=warning))
    assert shown(screened) == shown(unscreened)
