"""The ``customer-profiles-typed`` command: integration setup as code.

Spec files (see ``customer_profiles_typed.specs``) describe the integrations
wanted; the commands check them, show what would change and change it::

    customer-profiles-typed validate specs/*.json          # every problem of every file
    customer-profiles-typed plan specs/*.json              # field-level diff against AWS
    customer-profiles-typed apply specs/*.json --yes       # put only what changed
    customer-profiles-typed get --domain D --uri U
    customer-profiles-typed list --domain D
    customer-profiles-typed delete --domain D --uri U --yes

Exit codes: 0 success (valid, nothing to change, everything applied); 1
problems in the specs, changes pending (``plan``), or a failed item or call;
2 usage errors (bad arguments, no region, ``apply`` without ``--yes`` and no
terminal to ask on); 130 interrupted.

What ``plan`` compares: AWS's ``GetIntegration`` returns every field of a
request except ``FlowDefinition`` (sensitive, never returned). ``apply``
therefore records a SHA-256 of the canonical ``FlowDefinition`` it puts in the
reserved tag ``customer-profiles-typed:flow-sha256``, and ``plan`` compares
that hash: it tells that the flow changed, not which of its fields did. A flow
put by other tools has no such tag: ``plan`` reports it as not recorded and
``apply`` puts it once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import attrs

from customer_profiles_typed.client import IntegrationClient
from customer_profiles_typed.errors import (
    ResourceNotFoundError,
    ServiceError,
    ValidationError,
    ValidationWarning,
)
from customer_profiles_typed.integration import Integration
from customer_profiles_typed.models import PutIntegrationRequest
from customer_profiles_typed.specs import Spec, SpecProblem, parse_spec_file, to_spec_dict
from customer_profiles_typed.validation import skip_rules

if TYPE_CHECKING:
    from botocore.config import Config

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "FLOW_HASH_TAG",
    "RESERVED_TAG_PREFIX",
    "build_parser",
    "flow_fingerprint",
    "main",
]

EXIT_OK = 0
"""Success: the specs are valid, nothing is left to change, every item was applied."""

EXIT_PROBLEMS = 1
"""Problems in the specs, changes pending (``plan``), or an item or call that failed."""

EXIT_USAGE = 2
"""Bad arguments, no region, or ``apply``/``delete`` refused (no ``--yes``, no terminal)."""

EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C); ``apply`` reports which items were applied before it stopped."""

RESERVED_TAG_PREFIX = "customer-profiles-typed:"
"""Tag keys with this prefix belong to this tool; spec files may not set them."""

FLOW_HASH_TAG = RESERVED_TAG_PREFIX + "flow-sha256"
"""The tag holding the SHA-256 of the ``FlowDefinition`` that ``apply`` put last."""

_MAX_TAGS = 50
_DEFAULT_SCOPE = "PROFILE"

T = TypeVar("T")
Output = Literal["text", "json"]


class _UsageError(Exception):
    """A problem with how the command was called: exit code 2."""


# --- fingerprints and targets ------------------------------------------------------------


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return aware.astimezone(timezone.utc).isoformat()
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, Any]", value)
        return {str(key): _canonical(item) for key, item in mapping.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in cast("Iterable[Any]", value)]
    return value


def flow_fingerprint(request: PutIntegrationRequest) -> str | None:
    """The SHA-256 (hex) of the request's ``FlowDefinition`` in canonical JSON; ``None`` without one.

    Canonical: boto3's wire dict, keys sorted, timestamps in UTC ISO 8601, so a
    spec written with ``Z`` or ``+00:00`` or as epoch seconds hashes the same.
    """
    if request.flow_definition is None:
        return None
    wire = _canonical(request.to_boto3().get("FlowDefinition"))
    text = json.dumps(wire, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


@attrs.frozen
class _Target:
    """Which integration a request puts: a URI, or the flow whose ARN AWS will assign."""

    domain: str
    uri: str | None
    flow_name: str | None

    @property
    def label(self) -> str:
        if self.uri is not None:
            return self.uri
        return f"new flow {self.flow_name}"


def _target(request: PutIntegrationRequest, region: str | None, account: str | None) -> _Target:
    flow = request.flow_definition
    flow_name = flow.flow_name if flow is not None else None
    uri = request.uri
    if uri is None and flow_name is not None and region and account:
        uri = f"arn:aws:appflow:{region}:{account}:flow/{flow_name}"
    return _Target(request.domain_name, uri, flow_name)


# --- loading and checking spec files -------------------------------------------------------------


@attrs.frozen
class _Loaded:
    specs: list[Spec]
    problems: list[SpecProblem]
    files: list[tuple[str, int, list[SpecProblem], list[SpecProblem]]]
    """Per file: name, requests, problems, warnings."""


def _problem(spec: Spec, path: str, message: str, rule: str) -> SpecProblem:
    return SpecProblem(file=spec.file, item=spec.item, path=path, message=message, rule=rule)


def _cross_checks(specs: Sequence[Spec]) -> dict[int, list[SpecProblem]]:
    """Problems only visible across requests, or caused by this tool's reserved tag."""
    found: dict[int, list[SpecProblem]] = {}
    targets: dict[tuple[str, str, str], Spec] = {}
    flows: dict[str, Spec] = {}
    for position, spec in enumerate(specs):
        request = spec.request
        problems: list[SpecProblem] = []
        tags = dict(request.tags or {})
        for tag in sorted(tags):
            if tag.startswith(RESERVED_TAG_PREFIX):
                problems.append(
                    _problem(
                        spec,
                        f"Tags.{tag}",
                        f"tag keys starting with {RESERVED_TAG_PREFIX!r} are reserved for this tool",
                        "reserved-tag",
                    )
                )
        if request.flow_definition is not None and len(tags) >= _MAX_TAGS:
            problems.append(
                _problem(
                    spec,
                    "Tags",
                    f"at most {_MAX_TAGS - 1} tags with a FlowDefinition: apply adds the tag "
                    f"{FLOW_HASH_TAG!r}",
                    "reserved-tag",
                )
            )
        flow = request.flow_definition
        target = (
            ("uri", request.domain_name, request.uri)
            if request.uri is not None
            else ("flow", request.domain_name, flow.flow_name if flow is not None else "")
        )
        first = targets.setdefault(target, spec)
        if first is not spec:
            problems.append(
                _problem(spec, "", f"the same integration as {first.location}", "duplicate")
            )
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


def _load(files: Sequence[str], skip_rules: Sequence[str]) -> _Loaded:
    specs: list[Spec] = []
    per_file: list[tuple[str, int, list[SpecProblem], list[SpecProblem]]] = []
    for file in files:
        spec_file = parse_spec_file(file, skip_rules=skip_rules)
        specs += spec_file.specs
        per_file.append(
            (file, spec_file.count, list(spec_file.problems), list(spec_file.warnings))
        )
    extra = _cross_checks(specs)
    kept: list[Spec] = []
    for position, spec in enumerate(specs):
        problems = extra.get(position)
        if problems is None:
            kept.append(spec)
            continue
        for entry in per_file:
            if entry[0] == spec.file:
                entry[2].extend(problems)
                break
    for entry in per_file:
        entry[2].sort(key=lambda p: -1 if p.item is None else p.item)
    problems_all = [problem for entry in per_file for problem in entry[2]]
    return _Loaded(kept, problems_all, per_file)


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


# --- output helpers ------------------------------------------------------------------------


def _print(text: str = "", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _show(value: Any) -> str:
    if value is None:
        return "(absent)"
    return json.dumps(value, ensure_ascii=False)


class _Progress:
    """``[ 37/200]`` on stderr: one updating line on a terminal, one line per item otherwise."""

    def __init__(self, total: int, verb: str, enabled: bool) -> None:
        self._total = total
        self._verb = verb
        self._done = 0
        self._enabled = enabled and total > 0
        self._tty = sys.stderr.isatty()
        self._lock = threading.Lock()

    def advance(self, label: str, outcome: str) -> None:
        if not self._enabled:
            return
        with self._lock:
            self._done += 1
            width = len(str(self._total))
            head = f"[{self._done:>{width}}/{self._total}] {self._verb}"
            if self._tty:
                sys.stderr.write(f"\r\x1b[K{head}: {label} {outcome}")
            else:
                sys.stderr.write(f"{head}: {label} {outcome}\n")
            sys.stderr.flush()

    def close(self) -> None:
        if self._enabled and self._tty and self._done:
            with self._lock:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()


def _run_all(
    items: Sequence[T],
    work: Callable[[T], Any],
    *,
    concurrency: int,
    progress: _Progress,
    label: Callable[[T], str],
    outcome: Callable[[Any], str],
) -> list[Any]:
    """Run ``work`` on every item with at most ``concurrency`` threads; results in item order.

    ``work`` must not raise (it returns its failure). On Ctrl-C, items not yet
    started are cancelled (their result is ``None``), the running ones finish,
    and ``KeyboardInterrupt`` is raised with the partial results as its argument.
    """
    results: list[Any] = [None] * len(items)
    if not items:
        return results

    def run(item: T) -> Any:
        result = work(item)
        progress.advance(label(item), outcome(result))
        return result

    executor = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="cpt")
    futures: dict[Future[Any], int] = {}
    try:
        for position, item in enumerate(items):
            futures[executor.submit(run, item)] = position
        pending: set[Future[Any]] = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5)
            for future in done:
                results[futures[future]] = future.result()
    except KeyboardInterrupt:
        executor.shutdown(wait=True, cancel_futures=True)
        for future, position in futures.items():
            if future.done() and not future.cancelled():
                results[position] = future.result()
        progress.close()
        raise KeyboardInterrupt(results) from None
    executor.shutdown(wait=True)
    progress.close()
    return results


# --- clients ----------------------------------------------------------------------------------


@attrs.frozen
class _Connection:
    client: IntegrationClient
    region: str | None
    account: str | None


def _connect(args: argparse.Namespace, concurrency: int = 1) -> _Connection:
    import boto3.session
    import botocore.exceptions
    from botocore.config import Config

    config: Config = Config(
        retries={"mode": args.retry_mode, "total_max_attempts": args.max_attempts},
        max_pool_connections=max(10, concurrency),
    )
    try:
        session = boto3.session.Session(profile_name=args.profile, region_name=args.region)
        client = session.client("customer-profiles", endpoint_url=args.endpoint_url, config=config)
    except botocore.exceptions.BotoCoreError as error:  # no region, unknown profile...
        hint = " (pass --region or set AWS_DEFAULT_REGION)" if "region" in str(error) else ""
        raise _UsageError(f"{error}{hint}") from None
    account: str | None = getattr(args, "account_id", None)
    if account is None:
        # The credentials' account (AWS_ACCOUNT_ID, SSO, aws_account_id...), if botocore knows it.
        get_credentials: Callable[[], object] = getattr(session, "get_credentials")
        try:
            credentials = get_credentials()
        except botocore.exceptions.BotoCoreError:
            credentials = None
        found: object = getattr(credentials, "account_id", None)
        account = found if isinstance(found, str) and found else None
    region: str | None = client.meta.region_name
    return _Connection(IntegrationClient(client), region, account)


def _failure(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        return f"{error.code}: {error.message}" if error.message else error.code
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# --- reading the current state -------------------------------------------------------------------------


class _Reader:
    """Finds the current integration of each request, sharing one list call per domain."""

    def __init__(self, connection: _Connection) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self._domain_locks: dict[str, threading.Lock] = {}
        self._listed: dict[str, list[Integration]] = {}

    def target(self, request: PutIntegrationRequest) -> _Target:
        return _target(request, self._connection.region, self._connection.account)

    def current(self, target: _Target) -> Integration | None:
        client = self._connection.client
        if target.uri is not None:
            try:
                return client.get_integration(domain_name=target.domain, uri=target.uri)
            except ResourceNotFoundError:
                return None
        suffix = f":flow/{target.flow_name}"
        matches = [
            integration
            for integration in self._domain(target.domain)
            if integration.uri.startswith("arn:") and integration.uri.endswith(suffix)
        ]
        return min(matches, key=lambda integration: integration.uri) if matches else None

    def _domain(self, domain: str) -> list[Integration]:
        with self._lock:
            lock = self._domain_locks.setdefault(domain, threading.Lock())
        with lock:
            found = self._listed.get(domain)
            if found is None:
                client = self._connection.client
                found = list(client.list_integrations(domain_name=domain, include_hidden=True))
                self._listed[domain] = found
            return found


# --- planning -------------------------------------------------------------------------------


@attrs.frozen
class _Change:
    field: str
    kind: Literal["add", "change", "remove"]
    old: Any
    new: Any

    @property
    def text(self) -> str:
        # The flow is shown by its hash, a label rather than a value: no quotes.
        show = str if self.field == "FlowDefinition" else _show
        if self.kind == "add":
            return f"+ {self.field}: {show(self.new)}"
        if self.kind == "remove":
            return f"- {self.field}: {show(self.old)}"
        return f"~ {self.field}: {show(self.old)} -> {show(self.new)}"


Action = Literal["create", "update", "unchanged", "failed"]


@attrs.frozen
class _PlanItem:
    spec: Spec
    target: _Target
    action: Action
    changes: tuple[_Change, ...] = ()
    current_uri: str | None = None
    error: str | None = None

    @property
    def uri_label(self) -> str:
        return self.current_uri if self.current_uri is not None else self.target.label


def _compare(field: str, old: Any, new: Any) -> list[_Change]:
    if old == new:
        return []
    if old is None:
        return [_Change(field, "add", None, new)]
    if new is None:
        return [_Change(field, "remove", old, None)]
    return [_Change(field, "change", old, new)]


def _compare_maps(field: str, old: Mapping[str, str], new: Mapping[str, str]) -> list[_Change]:
    changes: list[_Change] = []
    for key in sorted(set(old) | set(new)):
        changes += _compare(f"{field}.{key}", old.get(key), new.get(key))
    return changes


def _user_tags(tags: Mapping[str, str] | None) -> dict[str, str]:
    return {k: v for k, v in (tags or {}).items() if not k.startswith(RESERVED_TAG_PREFIX)}


def _scope(value: Any) -> str:
    if value is None:
        return _DEFAULT_SCOPE
    return str(getattr(value, "value", value))


def _flow_label(digest: str | None) -> str | None:
    return None if digest is None else f"sha256:{digest[:12]}"


def _diff(request: PutIntegrationRequest, current: Integration | None) -> list[_Change]:
    """The field-level changes that putting ``request`` would make to ``current``."""
    wanted = to_spec_dict(request)
    now: dict[str, Any] = current.to_boto3() if current is not None else {}
    changes: list[_Change] = []
    changes += _compare("ObjectTypeName", now.get("ObjectTypeName"), wanted.get("ObjectTypeName"))
    changes += _compare_maps(
        "ObjectTypeNames", now.get("ObjectTypeNames") or {}, wanted.get("ObjectTypeNames") or {}
    )
    digest = flow_fingerprint(request)
    if digest is not None:
        recorded = (current.tags or {}).get(FLOW_HASH_TAG) if current is not None else None
        if current is not None and recorded is None:
            changes.append(_Change("FlowDefinition", "change", "(not recorded)", _flow_label(digest)))
        elif recorded != digest:
            changes += _compare("FlowDefinition", _flow_label(recorded), _flow_label(digest))
    changes += _compare("RoleArn", now.get("RoleArn"), wanted.get("RoleArn"))
    changes += _compare(
        "EventTriggerNames", now.get("EventTriggerNames"), wanted.get("EventTriggerNames")
    )
    if current is None:
        changes += _compare("Scope", None, wanted.get("Scope"))
    else:
        changes += _compare("Scope", _scope(now.get("Scope")), _scope(wanted.get("Scope")))
    changes += _compare_maps(
        "Tags", _user_tags(current.tags if current else None), _user_tags(request.tags)
    )
    return changes


def _plan_one(reader: _Reader, spec: Spec) -> _PlanItem:
    target = reader.target(spec.request)
    try:
        current = reader.current(target)
        changes = tuple(_diff(spec.request, current))
    except Exception as error:  # one item's failure must not stop the others
        return _PlanItem(spec, target, "failed", error=_failure(error))
    if current is None:
        return _PlanItem(spec, target, "create", changes)
    action: Action = "update" if changes else "unchanged"
    return _PlanItem(spec, target, action, changes, current_uri=current.uri)


def _plan_all(
    reader: _Reader, specs: Sequence[Spec], concurrency: int, progress: bool
) -> list[_PlanItem]:
    meter = _Progress(len(specs), "reading", progress)
    return _run_all(
        specs,
        lambda spec: _plan_one(reader, spec),
        concurrency=concurrency,
        progress=meter,
        label=lambda spec: spec.location,
        outcome=lambda item: str(item.action),
    )


_MARKS: dict[str, str] = {"create": "+", "update": "~", "unchanged": "=", "failed": "!"}


def _plan_lines(items: Sequence[_PlanItem]) -> list[str]:
    lines: list[str] = []
    for item in items:
        head = (
            f"{_MARKS[item.action]} {item.action} {item.spec.location} "
            f"(domain {item.target.domain}): {item.uri_label}"
        )
        lines.append(head)
        lines += [f"    {change.text}" for change in item.changes]
        if item.error is not None:
            lines.append(f"    error: {item.error}")
    return lines


def _counts(items: Iterable[str], order: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(order, 0)
    for item in items:
        counts[item] += 1
    return counts


def _plan_summary(items: Sequence[_PlanItem]) -> str:
    counts = _counts((item.action for item in items), ("create", "update", "unchanged", "failed"))
    return (
        f"Plan: {counts['create']} to create, {counts['update']} to update, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed."
    )


def _plan_json(items: Sequence[_PlanItem]) -> list[dict[str, Any]]:
    return [
        {
            "location": item.spec.location,
            "domain": item.target.domain,
            "uri": item.current_uri if item.current_uri is not None else item.target.uri,
            "flow_name": item.target.flow_name,
            "action": item.action,
            "changes": [
                {"field": c.field, "change": c.kind, "old": c.old, "new": c.new}
                for c in item.changes
            ],
            "error": item.error,
        }
        for item in items
    ]


# --- commands -------------------------------------------------------------------------------


def _report_load(loaded: _Loaded, output: Output, *, command: str) -> None:
    """Show what loading found: the full report for ``validate``, problems only otherwise."""
    if output == "json" and command == "validate":
        _print_json(
            {
                "valid": not loaded.problems,
                "files": [
                    {
                        "file": file,
                        "requests": count,
                        "problems": [_problem_json(p) for p in problems],
                        "warnings": [_problem_json(w) for w in found_warnings],
                    }
                    for file, count, problems, found_warnings in loaded.files
                ],
            }
        )
        return
    if output == "json":
        if not loaded.problems:
            return
        _print_json(
            {
                "valid": False,
                "problems": [_problem_json(p) for p in loaded.problems],
            }
        )
        return
    for file, count, problems, found_warnings in loaded.files:
        if command == "validate" and not problems:
            _print(f"{file}: ok ({_plural(count, 'request')})")
        for problem in problems:
            _print(str(problem))
        for warning in found_warnings:
            _print(_warning_text(warning), err=command != "validate")


def _cmd_validate(args: argparse.Namespace) -> int:
    loaded = _load(args.files, args.skip_rule)
    _report_load(loaded, args.output, command="validate")
    if args.output == "text":
        invalid = sum(1 for _, _, problems, _ in loaded.files if problems)
        total = sum(count for _, count, _, _ in loaded.files)
        found_warnings = sum(len(w) for _, _, _, w in loaded.files)
        _print(
            f"\n{_plural(len(loaded.files), 'file')}, {_plural(total, 'request')}: "
            f"{_plural(len(loaded.problems), 'problem')} in {_plural(invalid, 'file')}, "
            f"{_plural(found_warnings, 'warning')}."
        )
    return EXIT_PROBLEMS if loaded.problems else EXIT_OK


def _load_or_report(args: argparse.Namespace) -> _Loaded | None:
    loaded = _load(args.files, args.skip_rule)
    _report_load(loaded, args.output, command=args.command)
    if loaded.problems:
        if args.output == "text":
            _print(
                f"error: {_plural(len(loaded.problems), 'problem')} in the spec files: "
                "nothing was read or changed",
                err=True,
            )
        return None
    return loaded


def _show_progress(args: argparse.Namespace) -> bool:
    return bool(args.progress) or sys.stderr.isatty()


def _cmd_plan(args: argparse.Namespace) -> int:
    loaded = _load_or_report(args)
    if loaded is None:
        return EXIT_PROBLEMS
    connection = _connect(args, args.concurrency)
    items = _plan_all(_Reader(connection), loaded.specs, args.concurrency, _show_progress(args))
    if args.output == "json":
        _print_json({"items": _plan_json(items), "summary": _plan_summary_json(items)})
    else:
        _print_plan(items)
    changed = any(item.action in ("create", "update", "failed") for item in items)
    return EXIT_PROBLEMS if changed else EXIT_OK


def _plan_summary_json(items: Sequence[_PlanItem]) -> dict[str, int]:
    return _counts((item.action for item in items), ("create", "update", "unchanged", "failed"))


def _confirm(question: str, assume_yes: bool) -> None:
    """Ask on the terminal unless ``--yes``; raise ``_UsageError`` if there is no terminal."""
    if assume_yes:
        return
    if not sys.stdin.isatty():
        raise _UsageError("refusing to change anything without --yes: stdin is not a terminal")
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise _Declined()


class _Declined(Exception):
    """The user answered no: nothing was changed."""


Result = Literal["created", "updated", "unchanged", "failed", "not applied"]


@attrs.frozen
class _Applied:
    item: _PlanItem
    result: Result
    uri: str | None
    error: str | None = None


def _put_request(item: _PlanItem) -> PutIntegrationRequest:
    """The request to send: the spec's, with the flow's hash in the reserved tag."""
    request = item.spec.request
    digest = flow_fingerprint(request)
    if digest is None:
        return request
    # Checked when read (with the user's --skip-rule); only the tags change here.
    with skip_rules("all"):
        return attrs.evolve(request, tags={**(request.tags or {}), FLOW_HASH_TAG: digest})


def _apply_one(client: IntegrationClient, item: _PlanItem) -> _Applied:
    """Put one planned item; never raises (its failure is its result)."""
    if item.action == "unchanged":
        return _Applied(item, "unchanged", item.current_uri)
    if item.action == "failed":
        return _Applied(item, "failed", item.target.uri, item.error)
    try:
        integration = client.put_integration_request(_put_request(item))
    except Exception as error:  # one item's failure must not stop the others
        return _Applied(item, "failed", item.current_uri or item.target.uri, _failure(error))
    result: Result = "created" if item.action == "create" else "updated"
    return _Applied(item, result, integration.uri)


def _not_started(spec: Spec, reader: _Reader) -> _Applied:
    item = _PlanItem(spec, reader.target(spec.request), "failed")
    return _Applied(item, "not applied", item.target.uri, "interrupted before it started")


def _result_rows(results: Sequence[_Applied]) -> list[str]:
    header = ("LOCATION", "DOMAIN", "RESULT", "URI / ERROR")
    rows = [
        (
            r.item.spec.location,
            r.item.target.domain,
            r.result,
            r.error if r.error is not None else (r.uri or r.item.target.label),
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    return [
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip()
        for row in [header, *rows]
    ]


def _apply_summary(results: Sequence[_Applied]) -> dict[str, int]:
    return _counts(
        (r.result for r in results), ("created", "updated", "unchanged", "failed", "not applied")
    )


def _report_apply(args: argparse.Namespace, results: Sequence[_Applied]) -> None:
    counts = _apply_summary(results)
    if args.output == "json":
        _print_json(
            {
                "succeeded": counts["failed"] == 0 and counts["not applied"] == 0,
                "items": [
                    {
                        "location": r.item.spec.location,
                        "domain": r.item.target.domain,
                        "uri": r.uri,
                        "flow_name": r.item.target.flow_name,
                        "result": r.result,
                        "error": r.error,
                    }
                    for r in results
                ],
                "summary": counts,
            }
        )
        return
    _print()
    for line in _result_rows(results):
        _print(line)
    _print(
        f"\nApplied {_plural(len(results), 'item')}: {counts['created']} created, "
        f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed"
        + (f", {counts['not applied']} not applied" if counts["not applied"] else "")
        + "."
    )


def _cmd_apply(args: argparse.Namespace) -> int:
    loaded = _load_or_report(args)
    if loaded is None:
        return EXIT_PROBLEMS
    connection = _connect(args, args.concurrency)
    client = connection.client
    reader = _Reader(connection)
    progress = _show_progress(args)
    specs = loaded.specs
    outcome: list[_Applied | None]
    interrupted = False
    if args.yes:
        # Nothing to confirm: each worker reads its item and puts it at once, so
        # the reads of some items overlap the writes of others.
        try:
            outcome = _run_all(
                specs,
                lambda spec: _apply_one(client, _plan_one(reader, spec)),
                concurrency=args.concurrency,
                progress=_Progress(len(specs), "applying", progress),
                label=lambda spec: spec.location,
                outcome=lambda applied: str(applied.result),
            )
        except KeyboardInterrupt as stop:
            outcome, interrupted = list(stop.args[0]), True
        results = [
            applied if applied is not None else _not_started(spec, reader)
            for spec, applied in zip(specs, outcome)
        ]
        if args.output == "text":
            _print_plan([r.item for r in results])
    else:
        items = _plan_all(reader, specs, args.concurrency, progress)
        if args.output == "text":
            _print_plan(items)
        todo = [item for item in items if item.action in ("create", "update")]
        if todo:
            try:
                _confirm(f"Apply {_plural(len(todo), 'change')}?", args.yes)
            except _Declined:
                _print("Nothing was applied.", err=True)
                return EXIT_PROBLEMS
        try:
            outcome = _run_all(
                items,
                lambda item: _apply_one(client, item),
                concurrency=args.concurrency,
                progress=_Progress(len(items), "applying", progress),
                label=lambda item: item.spec.location,
                outcome=lambda applied: str(applied.result),
            )
        except KeyboardInterrupt as stop:
            outcome, interrupted = list(stop.args[0]), True
        results = [
            applied if applied is not None else _not_started(item.spec, reader)
            for item, applied in zip(items, outcome)
        ]
    _report_apply(args, results)
    if interrupted:
        return EXIT_INTERRUPTED
    ok = all(r.result in ("created", "updated", "unchanged") for r in results)
    return EXIT_OK if ok else EXIT_PROBLEMS


def _print_plan(items: Sequence[_PlanItem]) -> None:
    for line in _plan_lines(items):
        _print(line)
    _print(("\n" if items else "") + _plan_summary(items))


def _integration_json(integration: Integration) -> dict[str, Any]:
    data: dict[str, Any] = _canonical(integration.to_boto3())
    return data


def _integration_lines(integration: Integration) -> list[str]:
    data = integration.to_boto3()
    rows: list[tuple[str, str]] = []
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            shown = value.astimezone(timezone.utc).isoformat()
        elif isinstance(value, str):
            shown = value
        else:
            shown = json.dumps(_canonical(value), ensure_ascii=False, sort_keys=True)
        rows.append((key, shown))
    width = max(len(key) for key, _ in rows)
    return [f"{key:<{width}}  {shown}" for key, shown in rows]


def _cmd_get(args: argparse.Namespace) -> int:
    client = _connect(args).client
    try:
        integration = client.get_integration(domain_name=args.domain, uri=args.uri)
    except (ServiceError, ValidationError) as error:
        _print(f"error: {_failure(error)}", err=True)
        return EXIT_PROBLEMS
    if args.output == "json":
        _print_json(_integration_json(integration))
    else:
        for line in _integration_lines(integration):
            _print(line)
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    client = _connect(args).client
    try:
        found = list(
            client.list_integrations(domain_name=args.domain, include_hidden=args.include_hidden)
        )
    except (ServiceError, ValidationError) as error:
        _print(f"error: {_failure(error)}", err=True)
        return EXIT_PROBLEMS
    if args.output == "json":
        _print_json([_integration_json(integration) for integration in found])
        return EXIT_OK
    rows = [("URI", "OBJECT TYPE", "LAST UPDATED")]
    rows += [
        (
            integration.uri,
            integration.object_type_name or "-",
            integration.last_updated_at.isoformat(timespec="seconds"),
        )
        for integration in found
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for row in rows:
        _print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")
    _print(f"\n{_plural(len(found), 'integration')} in domain {args.domain}.")
    return EXIT_OK


def _cmd_delete(args: argparse.Namespace) -> int:
    client = _connect(args).client
    try:
        _confirm(f"Delete integration {args.uri} of domain {args.domain}?", args.yes)
    except _Declined:
        _print("Nothing was deleted.", err=True)
        return EXIT_PROBLEMS
    try:
        message = client.delete_integration(domain_name=args.domain, uri=args.uri)
    except (ServiceError, ValidationError) as error:
        _print(f"error: {_failure(error)}", err=True)
        return EXIT_PROBLEMS
    if args.output == "json":
        _print_json({"domain": args.domain, "uri": args.uri, "message": message})
    else:
        _print(message)
    return EXIT_OK


def _cmd_emulator(args: argparse.Namespace) -> int:
    from customer_profiles_typed.testing import Emulator

    emulator = Emulator(host=str(args.host), port=int(args.port), access_key_id=args.access_key_id)
    try:
        emulator.start()
        print(
            f"Customer Profiles emulator listening on {emulator.endpoint_url} (Ctrl-C stops it)",
            flush=True,
        )
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    print("Emulator stopped.", flush=True)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from customer_profiles_typed._demo import run

    return run()


# --- the parser ------------------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _connection_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options every AWS command takes, before or after the command name."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("connection and output")
    group.add_argument("--profile", default=default(None), help="AWS profile of the shared config")
    group.add_argument("--region", default=default(None), help="AWS region (default: the profile's)")
    group.add_argument(
        "--endpoint-url", default=default(None), help="service endpoint, e.g. a local emulator"
    )
    group.add_argument(
        "--output",
        choices=("text", "json"),
        default=default("text"),
        help="text for people (default), json for scripts",
    )
    group.add_argument(
        "--retry-mode",
        choices=("standard", "adaptive", "legacy"),
        default=default("standard"),
        help="boto3 retry mode for throttling and transient errors (default: standard)",
    )
    group.add_argument(
        "--max-attempts",
        type=_positive,
        default=default(10),
        help="attempts per call, first included (default: 10)",
    )


EPILOG = """\
exit codes:
  0    success: specs valid, nothing to change, every item applied
  1    problems in the specs, changes pending (plan), or a failed item or call
  2    usage error: bad arguments, no region, no --yes without a terminal
  130  interrupted
"""


def build_parser(prog: str = "customer-profiles-typed") -> argparse.ArgumentParser:
    """The argument parser of the command line, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Amazon Connect Customer Profiles integrations as code: validate spec files, "
            "plan and apply them, and inspect integrations."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _connection_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _connection_options(common, suppress=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=description,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def spec_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("files", nargs="+", metavar="FILE", help="spec files (.json, .yaml, .yml)")
        sub.add_argument(
            "--skip-rule",
            action="append",
            default=[],
            metavar="RULE",
            help="skip a documented rule (K4, G5...; 'all'); repeatable",
        )

    def bulk_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--concurrency",
            type=_positive,
            default=8,
            metavar="N",
            help="calls in flight at once, sharing one client (default: 8)",
        )
        sub.add_argument(
            "--progress", action="store_true", help="show progress on stderr even without a terminal"
        )
        sub.add_argument(
            "--account-id",
            default=None,
            help="the AWS account, to derive the flow ARN of new flows and read them with "
            "GetIntegration (default: the credentials' account if known, else ListIntegrations)",
        )

    validate = command(
        "validate",
        "check spec files, reporting every problem of every file",
        "Check spec files against the AWS model and the documented rules; no AWS call.",
    )
    spec_options(validate)
    validate.set_defaults(handler=_cmd_validate)

    plan = command(
        "plan",
        "show what apply would change",
        "Read the current integrations and show a field-level diff. FlowDefinition is "
        "compared through the hash apply records in the tag " + FLOW_HASH_TAG + ".",
    )
    spec_options(plan)
    bulk_options(plan)
    plan.set_defaults(handler=_cmd_plan)

    apply = command(
        "apply",
        "put the integrations that differ from their specs",
        "Plan, confirm, then put only what changed, concurrently; one item's failure "
        "does not stop the others. A per-item result table ends the run.",
    )
    spec_options(apply)
    bulk_options(apply)
    apply.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    apply.set_defaults(handler=_cmd_apply)

    get = command("get", "show one integration", "Show one integration (GetIntegration).")
    get.add_argument("--domain", required=True, help="domain name")
    get.add_argument("--uri", required=True, help="integration URI")
    get.set_defaults(handler=_cmd_get)

    listing = command(
        "list", "list the integrations of a domain", "List a domain's integrations."
    )
    listing.add_argument("--domain", required=True, help="domain name")
    listing.add_argument("--include-hidden", action="store_true", help="include hidden integrations")
    listing.set_defaults(handler=_cmd_list)

    delete = command("delete", "delete one integration", "Delete one integration.")
    delete.add_argument("--domain", required=True, help="domain name")
    delete.add_argument("--uri", required=True, help="integration URI")
    delete.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(handler=_cmd_delete)

    emulator = commands.add_parser(
        "emulator",
        help="run the local Customer Profiles HTTP emulator in the foreground",
        description="Serve a local, stateful emulator of the Customer Profiles API until Ctrl-C.",
    )
    emulator.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    emulator.add_argument(
        "--host", default="127.0.0.1", help="loopback address to bind (default: 127.0.0.1)"
    )
    emulator.add_argument(
        "--access-key-id",
        default=None,
        help="accept only requests signed with this access key (default: accept any)",
    )
    emulator.set_defaults(handler=_cmd_emulator)

    demo = commands.add_parser(
        "demo",
        help="put the README's S3 integration through the embedded emulator",
        description=(
            "Start the emulator in-process, create a domain, put the README's example S3 "
            "integration through IntegrationClient over HTTP and print the typed result."
        ),
    )
    demo.set_defaults(handler=_cmd_demo)
    return parser


def _configured_handler(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler


def main(argv: Sequence[str] | None = None, *, prog: str = "customer-profiles-typed") -> int:
    """Run the command line with ``argv`` (default: the process arguments); return the exit code."""
    args = build_parser(prog).parse_args(argv)
    handler = _configured_handler(args)
    try:
        with warnings.catch_warnings():
            # Spec warnings are reported by the commands, each naming its file.
            warnings.simplefilter("ignore", ValidationWarning)
            return int(handler(args))
    except _UsageError as error:
        _print(f"error: {error}", err=True)
        return EXIT_USAGE
    except ValueError as error:
        _print(f"error: {error}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _print("interrupted", err=True)
        return EXIT_INTERRUPTED
