"""The rule catalogue: every rule ID and label a problem can cite, with its class, statement, example and skip.

Assembled from the rules themselves, never copied: the registry of the rules
checked when objects are built (``rules.RULES``), the link rules
(``links.LINK_RULES``), the rules the model walk reports (``_checks.WALK_RULE_IDS``,
whose statements are here because the walk has no registry of statements), and
the labels of the AWS model's constraints (``_checks.MODEL_CONSTRAINTS``). Each
entry's example comes from ``_rule_examples`` and is run when shown, so the
problem it shows is the library's own message.

The ``explain`` command prints one entry; the documentation site's rule
catalogue page is ``markdown()``.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from customer_profiles_typed import _rule_examples, links
from customer_profiles_typed.errors import ValidationProblem
from customer_profiles_typed.rules import RULES

__all__ = ["Entry", "Part", "entries", "find", "markdown", "suggestions"]

Severity = Literal["error", "warning"]

SEVERITY_TEXT: Mapping[Severity, str] = {
    "error": "error (SAFE): a ValidationError, nothing is sent",
    "warning": "warning (WARN): a ValidationWarning, the request is sent",
}
"""What each class of rule does to a request."""

WALK_STATEMENTS: Mapping[str, tuple[tuple[Severity, str, str, bool], ...]] = {
    "A3": (
        ("error", "KmsArn and RoleArn are ARNs of their service (kms, iam), in any partition.",
         "FlowDefinition", False),
        ("warning", "An ARN's partition is aws, the one Customer Profiles is known in.",
         "FlowDefinition", True),
    ),
    "C2": (("warning", "ConnectorType is spelled as the API spells it (Servicenow, not ServiceNow).",
            "SourceFlowConfig", True),),
    "C3": (("error", "SourceConnectorProperties holds the entry of the ConnectorType.",
            "SourceFlowConfig", False),),
    "C4": (("warning", "SourceConnectorProperties holds no entry of another connector.",
            "SourceFlowConfig", True),),
    "F4": (("warning", "A value matches the whole of a pattern that also matches the empty string.",
            "any request", True),),
    "K7": (("error", "A task's ConnectorOperator names exactly one connector's operator.",
            "Task", False),),
}
"""The halves of the rules the model walk reports: (class, statement, applies to, can be skipped)."""

OTHER_RULES: Mapping[str, tuple[Severity, str, str]] = {
    "TG2": ("error", "ARNs are built from a region name, a 12-digit account ID and a partition.",
            "the ARN functions (domain_arn, integration_arn...)"),
    "F3": ("error", "A flow name is unique in an account and region: two spec items of different "
           "domains do not share a FlowName.", "the spec files of one validate, plan or apply"),
}
"""Rules checked outside validation (argument checks, the command line): never skipped."""

_MODEL = "every request and response (the AWS model)"
_SPEC_FILES = "spec files (validate, plan, apply)"

LABELS: Mapping[str, tuple[str, str]] = {
    "type": (_MODEL, "A value has the type the AWS model gives its member (a string, a list, a structure...)."),
    "required": (_MODEL, "A member the AWS model marks required is present."),
    "unknown-key": (_MODEL, "A key is a member of its structure in the AWS model (a typo is caught here)."),
    "enum": (_MODEL, "A value is one of the values of its enum in the AWS model."),
    "min": (_MODEL, "A string, list, map or number is not below the AWS model's minimum."),
    "max": (_MODEL, "A string, list, map or number is not above the AWS model's maximum."),
    "pattern": (_MODEL, "A string matches the AWS model's pattern, matched against the whole value; "
                "a value only part of which matches an unanchored pattern is a warning."),
    links.NOT_LINKED: ("find_link_problems, check_links",
                       "The integration ingests into the object type given, in the same domain; "
                       "else there is no link to check."),
    "shape": (_SPEC_FILES, "A spec file item is a request: boto3 keyword arguments, or one key naming "
              "its operation."),
    "syntax": (_SPEC_FILES, "A spec file is valid JSON or YAML."),
    "file": (_SPEC_FILES, "A spec file can be read."),
    "duplicate": (_SPEC_FILES, "Two spec items do not describe the same integration."),
    "reserved-tag": (_SPEC_FILES, "Tags leave alone the keys the command line reserves for itself "
                     "(customer-profiles-typed:...)."),
}
"""The labels that are no rule IDs, label -> (what it applies to, statement): the AWS
model's constraints (``_checks.MODEL_CONSTRAINTS``), the link checks' and the spec files'.

They are never skipped: ``skip_rules`` relaxes documented rules only.
"""

_FAMILIES: Sequence[tuple[str, str]] = (
    ("T", "integration requests"),
    ("TG", "tags"),
    ("A", "ARNs"),
    ("C", "connectors and sources"),
    ("F", "flows"),
    ("K", "tasks"),
    ("G", "triggers and schedules"),
    ("O", "object types"),
    ("E", "event triggers"),
    ("X", "links between resources"),
)
"""Rule ID prefix -> the section of the catalogue it belongs to, in the order shown."""


@attrs.frozen(kw_only=True)
class Part:
    """One half of a rule: its class, what it requires and of what; a rule may have an error and a warning half."""

    severity: Severity
    """``"error"`` (SAFE: the request is refused) or ``"warning"`` (WARN: it is sent)."""

    statement: str
    """One line saying what the rule requires."""

    applies_to: str
    """The class (or the check) whose objects the rule looks at."""

    skippable: bool
    """Whether ``skip_rules`` and ``--skip-rule`` relax this half."""


@attrs.frozen(kw_only=True)
class Entry:
    """A rule ID or a label of the catalogue, with what it means and an example."""

    id: str
    """The rule ID (``"K4"``) or label (``"pattern"``) that problems end with in parentheses."""

    parts: tuple[Part, ...]
    """What the rule requires; one part per class and statement."""

    examples: tuple[_rule_examples.Example, ...] = ()
    """Changes to a valid request that break the rule."""

    @property
    def is_label(self) -> bool:
        """Whether this is a label (a model constraint, a spec file check) rather than a rule ID."""
        return self.id in LABELS

    def skip_text(self) -> str:
        """How to skip the rule, or why it cannot be skipped."""
        rule = self.id
        skippable = [part for part in self.parts if part.skippable]
        if self.is_label:
            return "never skipped: skip_rules relaxes documented rules, not the AWS model or the file format"
        if rule in OTHER_RULES:
            return "never skipped: skip_rules and --skip-rule do not reach this check"
        if not skippable:
            return "never skipped: without it the request cannot be represented"
        how = (
            f'with skip_rules("{rule}"): ... in code; Request.from_boto3(kwargs, skip_rules={{"{rule}"}}); '
            f"--skip-rule {rule} on validate, plan and apply"
        )
        if rule in links.RULE_IDS:
            how = (
                f'with skip_rules("{rule}"): ... in code, or skip_rules={{"{rule}"}} of '
                "find_link_problems, check_links, find_online_problems and check_online"
            )
        if len(skippable) < len(self.parts):
            kept = "; ".join(part.statement.rstrip(".") for part in self.parts if not part.skippable)
            return f"{how}; this part is never skipped: {kept}"
        return how

    def example_problems(self, example: _rule_examples.Example) -> list[ValidationProblem]:
        """The problems of this rule that an example produces (the library's own messages)."""
        return [problem for problem in _rule_examples.run(example) if problem.rule == self.id]

    def to_json(self) -> dict[str, object]:
        """The entry as plain data, examples run."""
        return {
            "id": self.id,
            "kind": "label" if self.is_label else "rule",
            "parts": [attrs.asdict(part) for part in self.parts],
            "skip": self.skip_text(),
            "example_in_words": _rule_examples.NOT_RUNNABLE.get(self.id),
            "examples": [
                {
                    "change": example.describe(),
                    "problems": [str(problem) for problem in self.example_problems(example)],
                }
                for example in self.examples
            ],
        }


def _applies_to_link_rule(rule_id: str) -> str:
    examples = _rule_examples.EXAMPLES.get(rule_id, ())
    if any(example.links is not None for example in examples):
        return "an integration and the object type it feeds: find_link_problems, check_links"
    return "a request and its domain's state: find_online_problems, check_online"


def _rule_parts() -> dict[str, list[Part]]:
    parts: dict[str, list[Part]] = {}

    def add(rule_id: str, part: Part) -> None:
        known = parts.setdefault(rule_id, [])
        for position, seen in enumerate(known):
            if (seen.severity, seen.statement, seen.skippable) == (part.severity, part.statement, part.skippable):
                if part.applies_to not in seen.applies_to.split(", "):
                    known[position] = attrs.evolve(seen, applies_to=f"{seen.applies_to}, {part.applies_to}")
                return
        known.append(part)

    for rule in RULES:
        add(rule.id, Part(severity=rule.severity, statement=rule.summary,
                          applies_to=rule.applies_to.__name__, skippable=True))
    for rule_id, halves in WALK_STATEMENTS.items():
        for severity, statement, applies_to, skippable in halves:
            add(rule_id, Part(severity=severity, statement=statement, applies_to=applies_to,
                              skippable=skippable))
    for rule_id, statement in links.LINK_RULES.items():
        add(rule_id, Part(severity="warning", statement=statement,
                          applies_to=_applies_to_link_rule(rule_id), skippable=True))
    for rule_id, (severity, statement, applies_to) in OTHER_RULES.items():
        add(rule_id, Part(severity=severity, statement=statement, applies_to=applies_to, skippable=False))
    return parts


def _family(rule_id: str) -> int:
    """The position of a rule ID's section (longest prefix first: TG before T)."""
    prefix = re.match(r"[A-Z]+", rule_id)
    letters = prefix.group(0) if prefix else ""
    for position, (family, _) in enumerate(_FAMILIES):
        if letters == family:
            return position
    return len(_FAMILIES)


def _sort_key(rule_id: str) -> tuple[int, int, str]:
    number = re.search(r"\d+", rule_id)
    return _family(rule_id), int(number.group(0)) if number else 0, rule_id


@functools.cache
def entries() -> tuple[Entry, ...]:
    """Every entry: the rule IDs by section and number, then the labels."""
    parts = _rule_parts()
    found = [
        Entry(id=rule_id, parts=tuple(parts[rule_id]), examples=_rule_examples.EXAMPLES.get(rule_id, ()))
        for rule_id in sorted(parts, key=_sort_key)
    ]
    for label, (applies_to, statement) in LABELS.items():
        part = Part(severity="error", statement=statement, applies_to=applies_to, skippable=False)
        found.append(Entry(id=label, parts=(part,), examples=_rule_examples.EXAMPLES.get(label, ())))
    return tuple(found)


def find(text: str) -> Entry | None:
    """The entry of a rule ID or label, read case-insensitively (``k4`` is ``K4``); ``None`` if none."""
    wanted = text.strip().casefold()
    for entry in entries():
        if entry.id.casefold() == wanted:
            return entry
    return None


def suggestions(text: str, limit: int = 3) -> list[str]:
    """The IDs closest to a text that names no entry, best first (for "did you mean")."""
    by_folded = {entry.id.casefold(): entry.id for entry in entries()}
    close = difflib.get_close_matches(text.strip().casefold(), list(by_folded), n=limit, cutoff=0.5)
    return [by_folded[name] for name in close]


# --- The documentation page -------------------------------------------------------------------


def _section_title(rule_id: str) -> str:
    position = _family(rule_id)
    return _FAMILIES[position][1] if position < len(_FAMILIES) else "other rules"


def _code(lines: Iterable[str]) -> list[str]:
    return ["```text", *lines, "```"]


def _entry_markdown(entry: Entry) -> list[str]:
    lines = [f"### {entry.id}", ""]
    for part in entry.parts:
        lines.append(f"- **{part.severity}**: {part.statement} *({part.applies_to})*")
    lines.append("")
    if entry.id in _rule_examples.NOT_RUNNABLE:
        lines += [f"Example: {_rule_examples.NOT_RUNNABLE[entry.id]}.", ""]
    for example in entry.examples:
        lines += ["Example:", "", *_code(example.describe()), "", "reports:", ""]
        lines += [*_code(str(problem) for problem in entry.example_problems(example)), ""]
    lines += [f"Skip: {entry.skip_text()}.", ""]
    return lines


def _base_markdown() -> list[str]:
    lines = ["## The base requests", "",
             "Each example changes one of these valid requests (boto3 keyword arguments, as in a "
             "spec file). The integration and the object type are linked: the object type reads "
             "the two columns the flow maps.", ""]
    for operation, kwargs in _rule_examples.BASES.items():
        if operation == "domain_arn":
            continue
        lines += [f"`{operation}`:", "", "```json", json.dumps(kwargs, indent=2), "```", ""]
    return lines


def markdown() -> str:
    """The catalogue as a Markdown page body: a table of every entry, then each entry in full."""
    lines = ["| ID | class | statement |", "| --- | --- | --- |"]
    for entry in entries():
        for part in entry.parts:
            lines.append(f"| [{entry.id}](#{entry.id.lower()}) | {part.severity} | {part.statement} |")
    lines.append("")
    section = None
    for entry in entries():
        title = "Labels: the AWS model's constraints and the spec files' checks" if entry.is_label else (
            _section_title(entry.id)[:1].upper() + _section_title(entry.id)[1:]
        )
        if title != section:
            section = title
            lines += [f"## {title}", ""]
            if entry.is_label:
                lines += ["These end a problem in place of a rule ID. They are never skipped.", ""]
        lines += _entry_markdown(entry)
    lines += _base_markdown()
    return "\n".join(lines)

