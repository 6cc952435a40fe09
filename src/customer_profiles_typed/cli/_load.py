"""Reading the spec files of a command, with the checks only visible across requests.

Each file is parsed on its own (``customer_profiles_typed.specs``); then the
requests of all files are checked together: the same resource twice, one
AppFlow flow name in two domains, and tags this tool reserves.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from customer_profiles_typed._dependencies import ResourceKey, key_of
from customer_profiles_typed.models import PutIntegrationRequest
from customer_profiles_typed.specs import Spec, SpecProblem, parse_spec_file

from ._flow_hash import FLOW_HASH_TAG, RESERVED_TAG_PREFIX, is_reserved_tag

__all__ = ["FileReport", "Loaded", "load"]

_MAX_TAGS = 50


@attrs.frozen
class FileReport:
    """What reading one spec file found."""

    file: str
    """The file, as it was named."""

    requests: int
    """How many requests it holds, valid or not."""

    problems: list[SpecProblem]
    """Its problems, its own and those found across files, file-level ones first."""

    warnings: list[SpecProblem]
    """The warnings of its valid requests."""


@attrs.frozen
class Loaded:
    """The spec files of a command: the requests to act on and what each file reported."""

    specs: list[Spec]
    """The requests without any problem, in file order."""

    problems: list[SpecProblem]
    """Every problem of every file."""

    files: list[FileReport]
    """One report per file, in the order named."""


def _problem(spec: Spec, path: str, message: str, rule: str) -> SpecProblem:
    return SpecProblem(file=spec.file, item=spec.item, path=path, message=message, rule=rule)


def _cross_checks(specs: Sequence[Spec]) -> dict[int, list[SpecProblem]]:
    """Problems only visible across requests, or caused by this tool's reserved tag."""
    found: dict[int, list[SpecProblem]] = {}
    resources: dict[ResourceKey, Spec] = {}
    flows: dict[str, Spec] = {}
    for position, spec in enumerate(specs):
        request = spec.request
        problems: list[SpecProblem] = []
        tags = dict(request.tags or {})
        for tag in sorted(tags):
            if is_reserved_tag(tag):
                problems.append(
                    _problem(
                        spec,
                        _join(spec.field_prefix, f"Tags.{tag}"),
                        f"tag keys starting with {RESERVED_TAG_PREFIX!r} are reserved for this tool",
                        "reserved-tag",
                    )
                )
        flow = request.flow_definition if isinstance(request, PutIntegrationRequest) else None
        if flow is not None and len(tags) >= _MAX_TAGS:
            problems.append(
                _problem(
                    spec,
                    _join(spec.field_prefix, "Tags"),
                    f"at most {_MAX_TAGS - 1} tags with a FlowDefinition: apply adds the tag "
                    f"{FLOW_HASH_TAG!r}",
                    "reserved-tag",
                )
            )
        key = key_of(request)
        first = resources.setdefault(key, spec)
        if first is not spec:
            noun = "integration" if key.kind == "integration" else key.kind.replace("-", " ")
            problems.append(_problem(spec, "", f"the same {noun} as {first.location}", "duplicate"))
        elif flow is not None:
            owner = flows.setdefault(flow.flow_name, spec)
            if owner is not spec and owner.request.domain_name != request.domain_name:
                problems.append(
                    _problem(
                        spec,
                        _join(spec.field_prefix, "FlowDefinition.FlowName"),
                        f"also the flow of {owner.location} (domain {owner.request.domain_name}): "
                        "AppFlow flow names are unique in an account and region",
                        "F3",
                    )
                )
        if problems:
            found[position] = problems
    return found


def _join(prefix: str, path: str) -> str:
    return f"{prefix}.{path}" if prefix else path


def load(files: Sequence[str], skip_rules: Sequence[str]) -> Loaded:
    """Read ``files`` (skipping the rules named), check their requests together, report per file."""
    specs: list[Spec] = []
    reports: list[FileReport] = []
    for file in files:
        spec_file = parse_spec_file(file, skip_rules=skip_rules)
        specs += spec_file.specs
        reports.append(
            FileReport(file, spec_file.count, list(spec_file.problems), list(spec_file.warnings))
        )
    report_of: dict[str, FileReport] = {}
    for report in reports:
        report_of.setdefault(report.file, report)
    extra = _cross_checks(specs)
    kept: list[Spec] = []
    for position, spec in enumerate(specs):
        problems = extra.get(position)
        if problems is None:
            kept.append(spec)
        elif spec.file in report_of:
            report_of[spec.file].problems.extend(problems)
    for report in reports:
        report.problems.sort(key=lambda p: -1 if p.item is None else p.item)
    every_problem = [problem for report in reports for problem in report.problems]
    return Loaded(kept, every_problem, reports)
