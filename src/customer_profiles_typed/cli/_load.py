"""Reading the spec files of a command, with the checks only visible across requests.

Each file is parsed on its own (``customer_profiles_typed.specs``); then the
requests of all files are checked together: the same resource twice, one
AppFlow flow name in two domains. The tags this tool reserves are checked on
every item, valid or not, so that an invalid item reports them with its other
problems.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

import attrs

from customer_profiles_typed._dependencies import ResourceKey, key_of
from customer_profiles_typed.models import PutIntegrationRequest
from customer_profiles_typed.errors import ValidationProblem
from customer_profiles_typed.specs import InvalidItem, Spec, SpecProblem, parse_spec_file

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


def _problem(spec: Spec | InvalidItem, wire_path: str, message: str, rule: str) -> SpecProblem:
    """A problem at ``wire_path`` of an item's request, located in its file (a template's too)."""
    located = wire_path
    if isinstance(spec, Spec) and spec.paths is not None and wire_path.startswith("Tags."):
        # A template's tags are a Key/Value list: point at the entry.
        located = f"Tags[{wire_path.removeprefix('Tags.')!r}]"
    found = ValidationProblem(path=wire_path, wire_path=located, message=message, rule=rule)
    return spec.locate(found)


def _tag_problems(tags: Mapping[str, object], with_flow: bool) -> list[tuple[str, str]]:
    """The (wire path, message) of each problem this tool's reserved tags cause in one item's tags."""
    found = [
        (f"Tags.{tag}", f"tag keys starting with {RESERVED_TAG_PREFIX!r} are reserved for this tool")
        for tag in sorted(tags)
        if is_reserved_tag(tag)
    ]
    # More than the model's 50 is the model's problem (T10), reported already.
    if with_flow and len(tags) == _MAX_TAGS:
        found.append(
            (
                "Tags",
                f"at most {_MAX_TAGS - 1} tags with a FlowDefinition: apply adds the tag "
                f"{FLOW_HASH_TAG!r}",
            )
        )
    return found


def _invalid_item_problems(invalid: InvalidItem) -> list[SpecProblem]:
    """The reserved-tag problems of an invalid item, read from its arguments as the file holds them."""
    arguments = invalid.arguments
    raw: object = arguments.get("Tags")
    tags: dict[str, object] = {}
    if isinstance(raw, Mapping):
        entries = cast("Mapping[object, object]", raw)
        tags = {key: value for key, value in entries.items() if isinstance(key, str)}
    with_flow = invalid.operation == "PutIntegration" and arguments.get("FlowDefinition") is not None
    return [
        _problem(invalid, path, message, "reserved-tag")
        for path, message in _tag_problems(tags, with_flow)
    ]


def _cross_checks(specs: Sequence[Spec]) -> dict[int, list[SpecProblem]]:
    """Problems only visible across requests, or caused by this tool's reserved tag."""
    found: dict[int, list[SpecProblem]] = {}
    resources: dict[ResourceKey, Spec] = {}
    flows: dict[str, Spec] = {}
    for position, spec in enumerate(specs):
        request = spec.request
        flow = request.flow_definition if isinstance(request, PutIntegrationRequest) else None
        problems = [
            _problem(spec, path, message, "reserved-tag")
            for path, message in _tag_problems(dict(request.tags or {}), flow is not None)
        ]
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
                        "FlowDefinition.FlowName",
                        f"also the flow of {owner.location} (domain {owner.request.domain_name}): "
                        "AppFlow flow names are unique in an account and region",
                        "F3",
                    )
                )
        if problems:
            found[position] = problems
    return found


def load(files: Sequence[str], skip_rules: Sequence[str]) -> Loaded:
    """Read ``files`` (skipping the rules named), check their requests together, report per file."""
    specs: list[Spec] = []
    reports: list[FileReport] = []
    for file in files:
        spec_file = parse_spec_file(file, skip_rules=skip_rules)
        specs += spec_file.specs
        found = list(spec_file.problems)
        for invalid in spec_file.invalid:
            found += _invalid_item_problems(invalid)
        reports.append(FileReport(file, spec_file.count, found, list(spec_file.warnings)))
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
