"""What the commands print: text for people on stdout (notes and errors on stderr), or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TextIO, get_args

from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.specs import SpecProblem

from ._apply import Applied, Result
from ._flow_hash import canonical
from ._load import Loaded
from ._kinds import Hidden
from ._plan import Action, Change, PlanItem

__all__ = [
    "Output",
    "plural",
    "print_applied",
    "print_deleted",
    "print_integration",
    "print_integrations",
    "print_json",
    "print_line",
    "print_load",
    "print_plan",
    "print_plan_json",
    "print_validate_summary",
]

Output = Literal["text", "json"]
"""The ``--output`` choices."""

_MARKS: dict[Action, str] = {
    "create": "+",
    "update": "~",
    "delete": "-",
    "unchanged": "=",
    "failed": "!",
}


def _write(stream: TextIO, text: str) -> None:
    """Write ``text``; what the stream cannot encode is written as a backslash escape.

    A lone surrogate (``"\\ud800"``, legal in JSON) in a value read back from
    AWS then prints as ``\\ud800`` (a valid JSON escape too) instead of
    failing the command after its work is done.
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # a stream naming an encoding Python does not know
        text = text.encode("ascii", "backslashreplace").decode("ascii")
    stream.write(text)


def print_line(text: str = "", *, err: bool = False) -> None:
    """Write one line to stdout, or to stderr with ``err``."""
    _write(sys.stderr if err else sys.stdout, text + "\n")


def print_json(data: Any) -> None:
    """Write ``data`` to stdout as indented JSON."""
    _write(sys.stdout, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _counts(values: Iterable[str], order: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(order, 0)
    for value in values:
        counts[value] += 1
    return counts


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines: every column but the last padded to its widest cell, two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(f"{cell:<{width}}" for cell, width in zip(row, widths)), row[-1]])
        for row in rows
    ]


# --- spec files ---------------------------------------------------------------------------


def _problem_json(problem: SpecProblem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "item": problem.item,
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
        "rule": problem.rule,
    }


def _warning_text(warning: SpecProblem) -> str:
    where = "" if warning.item is None and not warning.path else f" {warning.where}:"
    return f"{warning.file}:{where} warning: {warning.message} ({warning.rule})"


def print_load(loaded: Loaded, output: Output, *, command: str) -> None:
    """Show what loading found: the full report for ``validate``, problems only otherwise."""
    if output == "json" and command == "validate":
        print_json(
            {
                "valid": not loaded.problems,
                "files": [
                    {
                        "file": report.file,
                        "requests": report.requests,
                        "problems": [_problem_json(p) for p in report.problems],
                        "warnings": [_problem_json(w) for w in report.warnings],
                    }
                    for report in loaded.files
                ],
            }
        )
        return
    if output == "json":
        if loaded.problems:
            print_json({"valid": False, "problems": [_problem_json(p) for p in loaded.problems]})
        return
    for report in loaded.files:
        if command == "validate" and not report.problems:
            print_line(f"{report.file}: ok ({plural(report.requests, 'request')})")
        for problem in report.problems:
            print_line(str(problem))
        for warning in report.warnings:
            print_line(_warning_text(warning), err=command != "validate")


def print_validate_summary(loaded: Loaded) -> None:
    """The last line of ``validate``: files, requests, problems and warnings."""
    invalid = sum(1 for report in loaded.files if report.problems)
    total = sum(report.requests for report in loaded.files)
    found_warnings = sum(len(report.warnings) for report in loaded.files)
    print_line(
        f"\n{plural(len(loaded.files), 'file')}, {plural(total, 'request')}: "
        f"{plural(len(loaded.problems), 'problem')} in {plural(invalid, 'file')}, "
        f"{plural(found_warnings, 'warning')}."
    )
    _read_more([p.rule for r in loaded.files for p in [*r.problems, *r.warnings]])


def _read_more(cited: Sequence[str]) -> None:
    """Say where a rule is explained, when the report cites one the catalogue has."""
    if not cited:
        return
    from ._explain import read_more_hint  # the catalogue is loaded only when a rule is cited

    hint = read_more_hint(cited)
    if hint is not None:
        print_line(hint)


# --- plans ----------------------------------------------------------------------------------


def _show(value: Any) -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, Hidden):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _change_json(change: Change) -> dict[str, Any]:
    hidden = isinstance(change.old, Hidden) or isinstance(change.new, Hidden)
    found: dict[str, Any] = {
        "field": change.field,
        "change": change.kind,
        "old": None if isinstance(change.old, Hidden) else change.old,
        "new": None if isinstance(change.new, Hidden) else change.new,
    }
    if hidden:
        found["sensitive"] = True
        found["fields"] = (change.new if isinstance(change.new, Hidden) else change.old).fields
    return found


def _change_text(change: Change) -> str:
    # The flow is shown by its hash, a label rather than a value: no quotes.
    show = str if change.field == "FlowDefinition" else _show
    hidden = change.new if isinstance(change.new, Hidden) else change.old
    if isinstance(hidden, Hidden):  # one line for a sensitive member, whatever changed in it
        mark = {"add": "+", "remove": "-", "change": "~"}[change.kind]
        return f"{mark} {change.field}: {hidden}"
    if change.kind == "add":
        return f"+ {change.field}: {show(change.new)}"
    if change.kind == "remove":
        return f"- {change.field}: {show(change.old)}"
    return f"~ {change.field}: {show(change.old)} -> {show(change.new)}"


def _plan_counts(items: Sequence[PlanItem]) -> dict[str, int]:
    return _counts((item.action for item in items), get_args(Action))


def _plan_summary(counts: dict[str, int]) -> str:
    """``Plan: 1 to create, ...``; deletions are counted only when there are some."""
    parts = [f"{counts['create']} to create", f"{counts['update']} to update"]
    if counts["delete"]:
        parts.append(f"{counts['delete']} to delete")
    parts += [f"{counts['unchanged']} unchanged", f"{counts['failed']} failed"]
    return "Plan: " + ", ".join(parts) + "."


def print_plan(items: Sequence[PlanItem]) -> None:
    """Each item with its changes, warnings or error, then the counts."""
    for item in items:
        where = "" if item.spec is None else f" {item.location}"
        print_line(
            f"{_MARKS[item.action]} {item.action} {item.kind}{where} "
            f"(domain {item.domain}): {item.uri_label}"
        )
        for change in item.changes:
            print_line(f"    {_change_text(change)}")
        for warning in item.warnings:
            print_line(f"    {_warning_text(warning)}")
        if item.error is not None:
            print_line(f"    error: {item.error}")
    counts = _plan_counts(items)
    print_line(("\n" if items else "") + _plan_summary(counts))
    _read_more([warning.rule for item in items for warning in item.warnings])


def _item_json(item: PlanItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "name": item.key.name,
        "location": item.spec.location if item.spec is not None else None,
        "domain": item.domain,
        "uri": item.current_uri if item.current_uri is not None else (
            item.target.uri if item.target is not None else None
        ),
        "flow_name": item.target.flow_name if item.target is not None else None,
    }


def print_plan_json(items: Sequence[PlanItem]) -> None:
    """The plan as JSON: every item with its changes and warnings, and the counts."""
    print_json(
        {
            "items": [
                {
                    **_item_json(item),
                    "action": item.action,
                    "changes": [_change_json(c) for c in item.changes],
                    "warnings": [_problem_json(w) for w in item.warnings],
                    "error": item.error,
                }
                for item in items
            ],
            "summary": _plan_counts(items),
        }
    )


# --- apply results --------------------------------------------------------------------------


def print_applied(results: Sequence[Applied], output: Output) -> None:
    """The result of every item (a table in text) and the counts."""
    counts = _counts((r.result for r in results), get_args(Result))
    if output == "json":
        print_json(
            {
                "succeeded": all(r.succeeded for r in results),
                "items": [
                    {
                        **_item_json(r.item),
                        "uri": r.uri,
                        "result": r.result,
                        "retries": r.retries,
                        "error": r.error,
                    }
                    for r in results
                ],
                "summary": counts,
            }
        )
        return
    rows = [("LOCATION", "KIND", "DOMAIN", "RESULT", "RETRIES", "NAME / ERROR")]
    rows += [
        (
            r.item.location,
            r.item.kind,
            r.item.domain,
            r.result,
            str(r.retries),
            r.error if r.error is not None else (r.uri or r.item.uri_label),
        )
        for r in results
    ]
    print_line()
    for line in _table(rows):
        print_line(line.rstrip())
    print_line(
        f"\nApplied {plural(len(results), 'item')}: {counts['created']} created, "
        f"{counts['updated']} updated, "
        + (f"{counts['deleted']} deleted, " if counts["deleted"] else "")
        + f"{counts['unchanged']} unchanged, {counts['failed']} failed"
        + (f", {counts['not applied']} not applied" if counts["not applied"] else "")
        + "."
    )


# --- integrations ---------------------------------------------------------------------------


def _integration_json(integration: Integration) -> dict[str, Any]:
    data: dict[str, Any] = canonical(integration.to_boto3())
    return data


def print_integration(integration: Integration, output: Output) -> None:
    """One integration: its wire fields as JSON, or one ``Key  value`` line per field set."""
    if output == "json":
        print_json(_integration_json(integration))
        return
    rows: list[tuple[str, str]] = []
    for key, value in _integration_json(integration).items():
        if value is None:
            continue
        if not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        rows.append((key, value))
    for line in _table(rows):
        print_line(line)


def print_integrations(found: Sequence[Integration], domain: str, output: Output) -> None:
    """A domain's integrations: a list of JSON objects, or a table and a count."""
    if output == "json":
        print_json([_integration_json(integration) for integration in found])
        return
    rows = [("URI", "OBJECT TYPE", "LAST UPDATED")]
    rows += [
        (
            integration.uri,
            integration.object_type_name or "-",
            integration.last_updated_at.isoformat(timespec="seconds"),
        )
        for integration in found
    ]
    for line in _table(rows):
        print_line(line)
    print_line(f"\n{plural(len(found), 'integration')} in domain {domain}.")


def print_deleted(domain: str, uri: str, message: str, output: Output) -> None:
    """What AWS answered to a deletion."""
    if output == "json":
        print_json({"domain": domain, "uri": uri, "message": message})
    else:
        print_line(message)

