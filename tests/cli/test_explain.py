"""``explain [RULE]``: a rule's catalogue entry (exit 0), a did-you-mean for an unknown one (exit 2)."""

from __future__ import annotations

import json

import pytest

from customer_profiles_typed import _catalogue
from customer_profiles_typed.cli._explain import READ_MORE, read_more_hint
from customer_profiles_typed.rules import RULES

from .helpers import Runner


def test_a_rule_prints_its_class_statement_example_and_skip(cli: Runner) -> None:
    result = cli("explain", "K4")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "K4 (rule)"
    assert "  error: A flow has a Filter task with the PROJECTION operator. (FlowDefinition)" in lines
    assert "  error (SAFE): a ValidationError, nothing is sent" in lines
    assert "Example: PutIntegration, the base request with:" in lines
    assert "  FlowDefinition.Tasks[0]: removed" in lines
    # The example is run: the problem shown is the library's own message.
    reported = lines[lines.index("reports:") + 1]
    assert reported.startswith("  flow_definition.tasks [FlowDefinition.Tasks]: no Filter task")
    assert reported.endswith("(K4)")
    assert lines[-1].startswith('Skip: with skip_rules("K4")')
    assert "--skip-rule K4" in lines[-1]
    assert result.err == ""


def test_a_rule_id_is_read_whatever_its_case(cli: Runner) -> None:
    assert cli("explain", "o34").out == cli("explain", "O34").out


def test_a_rule_with_an_error_and_a_warning_half_shows_both(cli: Runner) -> None:
    out = cli("explain", "A3").out
    assert "  error: KmsArn and RoleArn are ARNs of their service" in out
    assert "  warning: An ARN's partition is aws" in out
    assert "this part is never skipped: KmsArn and RoleArn are ARNs" in out


def test_a_rule_that_cannot_be_skipped_says_so(cli: Runner) -> None:
    out = cli("explain", "C3").out
    assert "Skip: never skipped" in out


def test_a_label_of_the_model_constraints_is_explained(cli: Runner) -> None:
    result = cli("explain", "pattern")
    assert result.code == 0
    assert result.out.startswith("pattern (a label, not a rule ID)\n")
    assert "(pattern)" in result.out  # its example's problem
    assert "Skip: never skipped" in result.out


def test_a_link_rule_shows_both_requests_of_its_example(cli: Runner) -> None:
    out = cli("explain", "X6").out
    assert "judged with PutProfileObjectType, the base object type with:" in out
    assert "(X6)" in out
    assert "find_link_problems" in out


def test_an_unknown_rule_gets_a_did_you_mean_and_exit_code_2(cli: Runner) -> None:
    result = cli("explain", "K44")
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        "error: no rule or label 'K44'; did you mean K4?",
        "run `customer-profiles-typed explain` for the list of every rule",
    ]


def test_a_text_close_to_nothing_gets_no_suggestion(cli: Runner) -> None:
    result = cli("explain", "zzzzzzzz")
    assert result.code == 2
    assert result.err.splitlines()[0] == "error: no rule or label 'zzzzzzzz'"


def test_without_a_rule_every_rule_is_listed(cli: Runner) -> None:
    result = cli("explain")
    assert result.code == 0
    listed = {line.split()[0] for line in result.out.splitlines()}
    assert {rule.id for rule in RULES} | {"X6", "C3", "pattern"} <= listed


def test_json_output_holds_the_entry_with_its_example_run(cli: Runner) -> None:
    result = cli("explain", "G6", "--output", "json")
    assert result.code == 0
    entry = json.loads(result.out)
    assert entry["id"] == "G6"
    assert entry["parts"] == [
        {
            "severity": "warning",
            "statement": "S3 schedules run at most every 15 minutes.",
            "applies_to": "FlowDefinition",
            "skippable": True,
        }
    ]
    [example] = entry["examples"]
    assert example["problems"] and all(problem.endswith("(G6)") for problem in example["problems"])


def test_the_global_output_option_applies_too(cli: Runner) -> None:
    assert json.loads(cli("--output", "json", "explain", "G6").out)["id"] == "G6"


def test_the_list_as_json_has_every_entry(cli: Runner) -> None:
    entries = json.loads(cli("explain", "--output", "json").out)
    assert [entry["id"] for entry in entries] == [entry.id for entry in _catalogue.entries()]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [(["K4", "pattern"], READ_MORE), (["duplicate"], READ_MORE), ([], None), (["no-such-rule"], None)],
)
def test_the_read_more_hint_is_given_when_a_cited_rule_is_explained(
    rules: list[str], expected: str | None
) -> None:
    assert read_more_hint(rules) == expected
