"""Where requests are checked: model constraints plus documented rules, all problems at once.

Two entry points, one set of checks:

- Building a model object in code checks that object's own fields against the
  AWS model and runs the rules of its class (``check_new_object``, called by the
  objects themselves). Nested objects were checked when they were built.
- ``PutIntegrationRequest.from_boto3`` checks the whole wire dict against the
  AWS model, builds the objects without checking them again, then runs every
  rule over the tree (``parse_request``); every problem lands in one
  ``ValidationError``. Clean input is built by the compiled builders of
  ``_fast``; a flow's tasks are screened for their rules all at once
  (``Rule.screen``), and a path is only made for a problem found.

Error rules raise ``ValidationError``; warning rules emit ``ValidationWarning``.
``skip_rules`` is the escape hatch for the day AWS relaxes a rule before this
library does: the AWS model's own constraints always stay.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable, Mapping
from itertools import compress
from typing import TYPE_CHECKING, Any, TypeVar, cast

from customer_profiles_typed import _checks, _fast, _validation_hook, _wire
from customer_profiles_typed._checks import Finding
from customer_profiles_typed._paths import ROOT, Path
from customer_profiles_typed._validation_hook import skip_rules
from customer_profiles_typed.errors import ValidationError, ValidationProblem, ValidationWarning
from customer_profiles_typed.rules import RULES, Rule, rules_for

if TYPE_CHECKING:
    from botocore.model import Shape

    from customer_profiles_typed.rules._registry import Screen

__all__ = [
    "RULES",
    "Rule",
    "check_input",
    "check_new_object",
    "check_response",
    "parse_request",
    "skip_rules",
]

T = TypeVar("T")

ALL_RULES = "all"
"""Pass to ``skip_rules`` to skip every documented rule (the model's constraints stay)."""

_BLOCKING = frozenset({"type", "required", "unknown-key", "enum"})
"""Wire problems after which the dict cannot be turned into objects (with ``Finding.blocking``)."""

_RESPONSE_PROBLEMS = frozenset({"type", "required"})
"""The only problems a response is checked for (``check_response``)."""

_MODEL_CONSTRAINTS = _checks.MODEL_CONSTRAINTS


def rule_ids() -> frozenset[str]:
    """Every rule ID that ``skip_rules`` accepts (``"all"`` included)."""
    from customer_profiles_typed import links  # it imports the object type and trigger models

    return frozenset(rule.id for rule in RULES) | _checks.WALK_RULE_IDS | links.RULE_IDS | {ALL_RULES}


def check_rule_ids(rule_ids_given: Iterable[str]) -> frozenset[str]:
    """The given rule IDs, or ``ValueError`` naming any that no rule has (a typo would skip nothing)."""
    given = frozenset(rule_ids_given)
    if not given:
        return given  # listing every rule ID would load every rule module
    unknown = sorted(given - rule_ids())
    if unknown:
        raise ValueError(
            f"unknown rule ID(s) {', '.join(map(repr, unknown))}; known: "
            f"{', '.join(sorted(rule_ids()))}"
        )
    return given


def _skipped(finding: Finding, skipped: frozenset[str]) -> bool:
    """Whether a finding of the model walk is skipped: only its warnings can be.

    Its errors are the AWS model's constraints, including the ARN patterns that
    rule A3 only relaxes to any partition (an A3 error is the model's pattern).
    """
    if finding.blocking or not finding.warning or finding.rule in _MODEL_CONSTRAINTS:
        return False
    return ALL_RULES in skipped or finding.rule in skipped


def _blocks(finding: Finding) -> bool:
    """Whether a model problem leaves the value unfit for building objects or running rules."""
    return (finding.blocking or finding.rule in _BLOCKING) and not finding.warning


def _skipped_rule(rule: Rule, skipped: frozenset[str]) -> bool:
    return ALL_RULES in skipped or rule.id in skipped


_Plan = tuple[tuple["Screen | None", Rule], ...]
"""The active rules of a class, each with its screen (``Rule.screen``)."""


def _active_rules(cls: type, skipped: frozenset[str]) -> _Plan:
    """The rules of a class that are not skipped, with their screens (cached per class and skipped set)."""
    key = (cls, skipped)
    found = _ACTIVE.get(key)
    if found is None:
        found = _ACTIVE[key] = tuple(
            (rule.screen, rule) for rule in rules_for(cls) if not _skipped_rule(rule, skipped)
        )
    return found


_ACTIVE: dict[tuple[type, frozenset[str]], _Plan] = {}


def _add_rule_findings(
    obj: object, path: Path, plan: _Plan, findings: list[Finding]
) -> None:
    """Run the rules of ``plan`` on one object, adding what they find to ``findings``."""
    for screen, rule in plan:
        if screen is not None and not screen(obj):
            continue
        for where, message in rule.check(obj, path):
            findings.append(Finding(where, message, rule.id, warning=rule.severity == "warning"))


def _add_item_findings(
    items: tuple[object, ...], where: Path, skipped: frozenset[str], findings: list[Finding]
) -> None:
    """Run the rules of a list's leaf items (a flow's tasks): an item's path only if a rule may report.

    The same findings, in the same order, as running each item's rules in turn.
    When every item is of one class and every rule has a screen, the screens
    run first over all the items (``map``, no loop of our own per item), and
    only the items some screen flags are checked.
    """
    classes = {type(item) for item in items}
    if len(classes) == 1:
        plan = _active_rules(classes.pop(), skipped)
        if all(screen is not None for screen, _ in plan):
            flagged: set[int] = set()
            positions = range(len(items))
            for screen, _ in plan:
                flagged.update(compress(positions, map(cast("Screen", screen), items)))
            for position in sorted(flagged):
                _add_rule_findings(items[position], where.index(position), plan, findings)
            return
    for position, item in enumerate(items):
        plan = _active_rules(type(item), skipped)
        if all(screen is not None and not screen(item) for screen, _ in plan):
            continue
        _add_rule_findings(item, where.index(position), plan, findings)


def _child_fields(shape: str) -> tuple[str, ...]:
    """The Python fields of a shape that can hold model objects (structures, lists of them)."""
    found = _CHILD_FIELDS.get(shape)
    if found is None:
        from customer_profiles_typed import _model

        members = _model.members(_model.shape(shape))

        def holds_objects(member: Shape) -> bool:
            if member.type_name == "list":
                member = _model.list_member(member)
            # ConnectorOperator is a structure on the wire but an enum member in Python.
            return member.name in _wire.SHAPE_CLASSES or member.name == "SourceConnectorProperties"

        found = tuple(
            python
            for python, wire in _wire.FIELDS[shape].items()
            if wire in members and holds_objects(members[wire])
        )
        _CHILD_FIELDS[shape] = found
    return found


_CHILD_FIELDS: dict[str, tuple[str, ...]] = {}


def _tree_findings(
    obj: object, path: Path, skipped: frozenset[str], findings: list[Finding]
) -> None:
    """Run the rules over every model object of a tree, parents first, adding what they find."""
    _add_rule_findings(obj, path, _active_rules(type(obj), skipped), findings)
    shape = _wire.CLASS_SHAPES[type(obj)]
    for python_name in _child_fields(shape):
        value: object = getattr(obj, python_name)
        if value is None:
            continue
        where = path.attribute(shape, python_name)
        if type(value) in _wire.CONNECTOR_BY_CLASS:
            plan = _active_rules(type(value), skipped)
            _add_rule_findings(value, where.wire_only(_wire.connector_of(value).key), plan, findings)
        elif type(value) in _wire.CLASS_SHAPES:
            _tree_findings(value, where, skipped, findings)
        elif isinstance(value, tuple):
            items = cast("tuple[object, ...]", value)
            classes = {type(item) for item in items}
            if not any(_child_fields(_wire.CLASS_SHAPES[item_class]) for item_class in classes):
                _add_item_findings(items, where, skipped, findings)  # leaves (every Task)
                continue
            for position, item in enumerate(items):
                _tree_findings(item, where.index(position), skipped, findings)


def _user_stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the first frame outside this library."""
    frame = sys._getframe(1)  # pyright: ignore[reportPrivateUsage] - the cheap way to walk the stack
    level = 1
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if not (
            name.startswith("customer_profiles_typed")
            or name.startswith("cattrs")
            or name.startswith("attr")
            or frame.f_code.co_filename.startswith("<attrs generated")
            or name == "contextlib"
        ):
            return level
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def _report(
    findings: Iterable[Finding], subject: str, sink: list[ValidationProblem] | None = None
) -> None:
    """Raise the errors, if any; else emit the warnings (or add them to ``sink``).

    Errors come first: with warnings turned into errors, a request that has both
    still raises its ``ValidationError``, which lists the warnings as ``.warnings``.
    """
    errors: list[ValidationProblem] = []
    found: list[ValidationProblem] = []
    for finding in findings:
        problem = ValidationProblem(
            path=finding.path.python,
            wire_path=finding.path.wire,
            message=finding.message,
            rule=finding.rule,
        )
        (found if finding.warning else errors).append(problem)
    if errors:
        raise ValidationError(errors, subject=subject, warnings=found)
    if sink is not None:
        sink.extend(found)
        return
    for problem in found:
        warnings.warn(
            ValidationWarning(f"{subject}: {problem}", problem),
            stacklevel=_user_stacklevel(),
        )


def check_new_object(obj: object) -> None:
    """Check a model object that was just built: its own fields and its class's rules."""
    skipped = _validation_hook.skipped_rules()
    cls = type(obj)
    # Keyed by the class alone while no rule is skipped, the usual case.
    plan = _NEW_OBJECT_PLANS.get((cls, skipped) if skipped else cls)
    if plan is None:
        plan = _new_object_plan(cls, skipped)
    accepts, rules = plan
    try:
        clean = accepts(obj)
    except KeyError:  # a derived field read from a field of the wrong type: not clean
        clean = False
    if clean:
        findings: list[Finding] = []
    else:
        findings = [f for f in _checks.check_object(obj, ROOT) if not _skipped(f, skipped)]
        if any(_blocks(f) for f in findings):
            # The rules read the fields as the annotations say; a field of the wrong
            # type (or a missing one) is reported alone, as ``parse_request`` does.
            _report(findings, cls.__name__)
            return
    _add_rule_findings(obj, ROOT, rules, findings)
    if findings:
        _report(findings, cls.__name__)


def _new_object_plan(cls: type, skipped: frozenset[str]) -> tuple[_fast.Accepter, _Plan]:
    """The compiled check of a class's own fields and its active rules (cached per skipped set)."""
    plan = (_fast.object_accepter(cls), _active_rules(cls, skipped))
    _NEW_OBJECT_PLANS[(cls, skipped) if skipped else cls] = plan
    return plan


_NEW_OBJECT_PLANS: dict[object, tuple[_fast.Accepter, _Plan]] = {}
"""Class (no rule skipped) or (class, skipped rules) -> what ``check_new_object`` runs."""


def parse_request(
    cls: type[T],
    kwargs: Mapping[str, Any],
    *,
    skip_rules: Iterable[str] = (),
    sink: list[ValidationProblem] | None = None,
) -> T:
    """Read boto3 keyword arguments into ``cls``, reporting every problem at once.

    Warnings are emitted, or added to ``sink`` when one is given (thread-safe,
    unlike catching them through the ``warnings`` module).

    Clean input (the compiled check of the whole dict passes) is built by the
    compiled builder of ``cls``; anything else is walked for its full report and
    built by the converter, with the objects' own checks deferred. Either way
    the rules then run over the whole tree.
    """
    skipped = _validation_hook.skipped_rules()
    if skip_rules:
        skipped = skipped | check_rule_ids(skip_rules)
    shape = _wire.CLASS_SHAPES[cls]
    build = _fast.wire_builder(cls) if _fast.wire_accepter(shape)(kwargs) else None
    if build is not None:
        findings: list[Finding] = []
        request: T = build(kwargs)
    else:
        findings = [f for f in _checks.check_wire(shape, kwargs, ROOT) if not _skipped(f, skipped)]
        if any(_blocks(f) for f in findings):
            _report(findings, "request", sink)
        from customer_profiles_typed._converter import structure_request

        with _validation_hook.deferred():
            request = structure_request(cls, kwargs)
    _tree_findings(request, ROOT, skipped, findings)
    _report(findings, "request", sink)
    return request


def check_input(shape: str, kwargs: Mapping[str, Any], *, subject: str) -> None:
    """Check the keyword arguments of an operation against its input shape, strictly."""
    _report(_checks.check_wire(shape, kwargs, ROOT), subject)


def check_response_of(cls: type, response: Mapping[str, Any]) -> None:
    """Check a response leniently against the shape a generated response class models."""
    check_response(_wire.RESPONSE_CLASSES[cls][0], response)


def check_response(shape: str, response: Mapping[str, Any]) -> None:
    """Check a response leniently: required members and types only."""
    answer = cast(object, response)  # any JSON value may come back, whatever the annotation says
    if isinstance(answer, Mapping):
        # Clean by the strict compiled check (which knows no ResponseMetadata) is
        # clean leniently too: only the walk's report is skipped.
        entries = cast("Mapping[str, Any]", answer)
        members = {key: item for key, item in entries.items() if key != "ResponseMetadata"}
        if _fast.wire_accepter(shape)(members):
            return
    findings = _checks.check_wire(shape, response, ROOT, lenient=True)
    # What AWS sends is read, not judged: a longer name or a new pattern on the
    # service side must not make a successful call fail on this machine.
    errors = [f for f in findings if not f.warning and f.rule in _RESPONSE_PROBLEMS]
    if errors:
        _report(errors, "response")
