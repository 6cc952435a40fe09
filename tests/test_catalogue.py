"""The rule catalogue agrees with the rules: every rule ID has its entry, every example breaks its rule.

The catalogue (``_catalogue``) is assembled from the registries when it is
shown, so it cannot list a rule that is gone; these tests catch the other
drifts: a new rule without an example or a statement, an example that stops
breaking its rule (or starts breaking others), a rule ID cited by a message
that the catalogue cannot explain.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from customer_profiles_typed import _catalogue, _checks, _rule_examples, links, validation
from customer_profiles_typed.rules import RULES

SOURCE = Path(__file__).resolve().parents[1] / "src" / "customer_profiles_typed"

ENTRIES = {entry.id: entry for entry in _catalogue.entries()}
EXAMPLES = [
    pytest.param(rule_id, position, example, id=f"{rule_id}-{position}")
    for rule_id, examples in _rule_examples.EXAMPLES.items()
    for position, example in enumerate(examples)
]


def test_every_rule_id_skip_rules_accepts_has_an_entry() -> None:
    skippable = validation.rule_ids() - {validation.ALL_RULES}
    assert skippable - set(ENTRIES) == set()


def test_every_entry_is_a_rule_or_label_the_library_knows() -> None:
    known = validation.rule_ids() | set(_catalogue.OTHER_RULES) | set(_catalogue.LABELS)
    assert set(ENTRIES) - known == set()


def test_the_statements_of_the_walk_rules_are_those_of_the_walk() -> None:
    assert set(_catalogue.WALK_STATEMENTS) == set(_checks.WALK_RULE_IDS)


def test_every_model_constraint_and_link_label_has_an_entry() -> None:
    assert set(_checks.MODEL_CONSTRAINTS) | {links.NOT_LINKED} <= set(_catalogue.LABELS)


def test_every_registered_rule_part_is_in_its_entry() -> None:
    for rule in RULES:
        parts = ENTRIES[rule.id].parts
        assert any(
            part.severity == rule.severity
            and part.statement == rule.summary
            and rule.applies_to.__name__ in part.applies_to.split(", ")
            for part in parts
        ), rule


def test_every_link_rule_is_a_warning_that_can_be_skipped() -> None:
    for rule_id, statement in links.LINK_RULES.items():
        assert [(p.severity, p.statement, p.skippable) for p in ENTRIES[rule_id].parts] == [
            ("warning", statement, True)
        ]


def test_every_rule_id_has_an_example_unless_said_why() -> None:
    missing = {entry.id for entry in _catalogue.entries() if not entry.is_label and not entry.examples}
    assert missing == set(_rule_examples.NOT_RUNNABLE)


def test_every_example_names_a_catalogue_entry() -> None:
    assert set(_rule_examples.EXAMPLES) - set(ENTRIES) == set()


@pytest.mark.parametrize(("rule_id", "position", "example"), EXAMPLES)
def test_each_example_breaks_its_rule_and_no_other(
    rule_id: str, position: int, example: _rule_examples.Example
) -> None:
    problems = _rule_examples.run(example)
    rules = {problem.rule for problem in problems}
    assert rule_id in rules, [str(problem) for problem in problems]
    assert rules <= {rule_id} | example.also, [str(problem) for problem in problems]


@pytest.mark.parametrize(("rule_id", "position", "example"), EXAMPLES)
def test_each_example_shows_a_class_its_rule_has(
    rule_id: str, position: int, example: _rule_examples.Example
) -> None:
    entry = ENTRIES[rule_id]
    assert entry.example_problems(example)
    severities = {part.severity for part in entry.parts}
    assert severities & {"error", "warning"}


def test_the_base_requests_break_no_rule() -> None:
    for operation in ("PutIntegration", "PutProfileObjectType", "CreateEventTrigger", "UpdateEventTrigger",
                      "TagResource", "domain_arn"):
        example = _rule_examples.Example(operation=operation)
        assert _rule_examples.run(example) == [], operation
    linked = _rule_examples.Example(operation="PutIntegration", links={})
    assert _rule_examples.run(linked) == []


def test_changes_address_keys_with_dots_and_append_to_lists() -> None:
    changed = _rule_examples._changed(  # pyright: ignore[reportPrivateUsage]
        {"A": {"b.c": 1}, "L": [1]}, {'A["b.c"]': 2, "L[1]": 3, "N.m": 4, "L[0]": _rule_examples.REMOVED}
    )
    assert changed == {"A": {"b.c": 2}, "L": [3], "N": {"m": 4}}


def _cited_rule_ids() -> set[str]:
    """The rule IDs in the package's source that a problem or a rule registration cites."""
    found: set[str] = set()
    rule_id = re.compile(r"[A-Z]{1,2}\d{1,2}")
    for path in SOURCE.rglob("*.py"):
        if "testing" in path.parts or path.name.startswith("_rule_examples"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                    if (
                        isinstance(argument, ast.Constant)
                        and isinstance(argument.value, str)
                        and rule_id.fullmatch(argument.value)
                    ):
                        found.add(argument.value)
    return found


def test_every_rule_id_a_message_can_cite_is_explained() -> None:
    # Connector and shape names that look like IDs but are no rules.
    not_rules = {"S3"}
    assert _cited_rule_ids() - not_rules - set(ENTRIES) == set()


def test_the_page_lists_every_entry_and_anchors_each() -> None:
    page = _catalogue.markdown()
    for entry in _catalogue.entries():
        assert f"\n### {entry.id}\n" in page
        assert f"[{entry.id}](#{entry.id.lower()})" in page
    assert "## The base requests" in page


def test_find_is_case_insensitive_and_suggestions_are_close() -> None:
    entry = _catalogue.find(" k4 ")
    assert entry is not None and entry.id == "K4"
    assert _catalogue.find("K44") is None
    assert _catalogue.suggestions("K44")[0] == "K4"
    assert _catalogue.suggestions("patern")[0] == "pattern"
