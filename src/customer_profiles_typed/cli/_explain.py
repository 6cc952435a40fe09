"""``explain [RULE]``: what a rule ID or label means, as the rule catalogue of the documentation says.

The entry printed is the catalogue's (``customer_profiles_typed._catalogue``):
the rule's class, its statement, an example run through the library (so the
problem shown is the library's own message) and how to skip it. Without a
rule, every entry is listed with its statement.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from customer_profiles_typed import _catalogue, _rule_examples

from ._exit_codes import EXIT_OK, EXIT_USAGE
from ._render import print_json, print_line

__all__ = ["READ_MORE", "read_more_hint", "run_explain"]

READ_MORE = "run `customer-profiles-typed explain RULE` for what a rule means"
"""The sentence that tells a reader of problems where each rule is explained."""


def read_more_hint(rules: Iterable[str]) -> str | None:
    """``READ_MORE`` when any of the rules cited has a catalogue entry, else ``None``.

    For the last line of a report whose problems end with ``(RULE)``.
    """
    return READ_MORE if any(_catalogue.find(rule) is not None for rule in rules) else None


def _entry_lines(entry: _catalogue.Entry) -> list[str]:
    lines = [f"{entry.id} ({'a label, not a rule ID' if entry.is_label else 'rule'})"]
    for part in entry.parts:
        lines.append(f"  {part.severity}: {part.statement} ({part.applies_to})")
    if not entry.is_label:
        severities: dict[_catalogue.Severity, None] = dict.fromkeys(part.severity for part in entry.parts)
        lines += [f"  {_catalogue.SEVERITY_TEXT[severity]}" for severity in severities]
    in_words = _rule_examples.NOT_RUNNABLE.get(entry.id)
    if in_words is not None:
        lines += ["", f"Example: {in_words}."]
    for example in entry.examples:
        lines += ["", "Example: " + example.describe()[0]]
        lines += example.describe()[1:]
        lines.append("reports:")
        lines += [f"  {problem}" for problem in entry.example_problems(example)]
    lines += ["", f"Skip: {entry.skip_text()}."]
    return lines


def _list_lines() -> list[str]:
    rows = [
        (entry.id, part.severity, part.statement)
        for entry in _catalogue.entries()
        for part in entry.parts
    ]
    width = max(len(rule) for rule, _, _ in rows)
    return [f"{rule:<{width}}  {severity:<7}  {statement}" for rule, severity, statement in rows]


def run_explain(args: argparse.Namespace) -> int:
    """``explain``: print the catalogue entry of a rule (exit 0), or a did-you-mean (exit 2)."""
    text: str | None = args.rule
    if text is None:
        if args.output == "json":
            print_json([entry.to_json() for entry in _catalogue.entries()])
        else:
            for line in _list_lines():
                print_line(line)
        return EXIT_OK
    entry = _catalogue.find(text)
    if entry is None:
        close = _catalogue.suggestions(text)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        print_line(f"error: no rule or label {text!r}{hint}", err=True)
        print_line("run `customer-profiles-typed explain` for the list of every rule", err=True)
        return EXIT_USAGE
    if args.output == "json":
        print_json(entry.to_json())
    else:
        for line in _entry_lines(entry):
            print_line(line)
    return EXIT_OK
