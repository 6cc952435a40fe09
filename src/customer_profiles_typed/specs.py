"""Spec files: the requests of a whole setup as JSON or YAML, in boto3's own shape.

A spec file holds one item, or a list of items. An item is one request,
written exactly as the keyword arguments of its boto3 method, under the name
of its operation as its one key::

    [
      {"PutProfileObjectType": {"DomainName": "retail", "ObjectTypeName": "Shop", ...}},
      {"CreateEventTrigger": {"DomainName": "retail", "EventTriggerName": "vip", ...}},
      {"PutIntegration": {"DomainName": "retail", "FlowDefinition": {...}}}
    ]

The operations are ``SPEC_OPERATIONS``: ``CreateDomain`` (a domain is only
referenced unless a spec creates it), ``PutProfileObjectType``,
``CreateEventTrigger`` and ``PutIntegration``. A bare mapping of
``put_integration`` arguments is a ``PutIntegration`` item, so examples from the
AWS documentation paste in unchanged. Timestamps are ISO 8601 strings (``"2030-01-01T00:00:00Z"``);
epoch seconds are read too. YAML needs PyYAML (``pip install
"customer-profiles-typed[yaml]"``) and is read with PyYAML's safe loader only
(taught CloudFormation's short tags, ``!Ref``...).

Spec files come from anywhere, so reading one is bounded: only regular files
of at most ``MAX_FILE_BYTES`` (10 MiB) are read, lists and objects nest at
most ``MAX_DEPTH`` levels, YAML aliases add at most ``MAX_ALIAS_NODES`` nodes,
a key written twice in one object is an error in YAML as in JSON, YAML
timestamps are read as strings (the model judges them, at their field), and
an integer too long to convert is an error at its place. Each of these is a
problem of its file, never an exception.

A CloudFormation template is read too: its Customer Profiles resources are
its requests, checked the same way, each problem naming the resource and the
property (``Resources.Shop.Properties.Fields[2].ObjectTypeField.Source``); a
value that is an intrinsic function is a warning of rule ``not-checkable``
(see ``customer_profiles_typed.cloudformation``).

Reading goes through each request class's ``from_boto3``: every problem of
every request of a file is reported at once, each naming the file, the item
and the field in the file (``specs/eu.json: [2].PutIntegration.FlowDefinition.KmsArn:
...``); syntax errors name the line and column::

    specs = read_specs("setup/retail.yaml")   # raises SpecError
    for spec in specs:
        if isinstance(spec.request, PutIntegrationRequest):
            client.put_integration_request(spec.request)

    write_specs("out.json", [spec.request for spec in specs])
"""

from __future__ import annotations

import difflib
import importlib
import json
import os
import stat
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias, Union, cast

import attrs

from customer_profiles_typed._nesting import nests_deeper_than
from customer_profiles_typed._spec_yaml import (
    MAX_ALIAS_NODES as MAX_ALIAS_NODES,
    duplicate_key_message,
    long_integer_message,
    spec_loader,
)
from customer_profiles_typed.errors import (
    CustomerProfilesError,
    ValidationError,
    ValidationProblem,
    ValidationWarning,
)
from customer_profiles_typed.models import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
)
from customer_profiles_typed.validation import parse_request

__all__ = [
    "SPEC_OPERATIONS",
    "InvalidItem",
    "Spec",
    "SpecError",
    "SpecFile",
    "SpecFormat",
    "SpecProblem",
    "SpecRequest",
    "dumps_specs",
    "operation_of",
    "format_of",
    "loads_specs",
    "parse_spec_file",
    "parse_spec_text",
    "read_specs",
    "to_spec_dict",
    "write_specs",
]

SpecFormat: TypeAlias = Literal["json", "yaml"]
"""The formats of spec files."""

PathLike: TypeAlias = Union[str, "os.PathLike[str]"]

_SUFFIXES: dict[str, SpecFormat] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}

SpecRequest: TypeAlias = Union[
    CreateDomainRequest, PutProfileObjectTypeRequest, CreateEventTriggerRequest, PutIntegrationRequest
]
"""A request a spec file can hold: one resource of a setup."""

SPEC_OPERATIONS: Mapping[str, type[SpecRequest]] = {
    "CreateDomain": CreateDomainRequest,
    "PutProfileObjectType": PutProfileObjectTypeRequest,
    "CreateEventTrigger": CreateEventTriggerRequest,
    "PutIntegration": PutIntegrationRequest,
}
"""The operation an item names (its one key) -> the request class it holds, in dependency order."""

_OPERATION_OF: Mapping[type, str] = {cls: name for name, cls in SPEC_OPERATIONS.items()}
_BARE = "PutIntegration"
"""The operation of an item that names none: a bare mapping of ``put_integration`` arguments."""

@attrs.frozen(kw_only=True)
class SpecProblem:
    """One problem of a spec file: where it is (file, request, field, line) and what is wrong."""

    file: str
    """The file, as it was named when read."""

    item: int | None
    """The position of the request in the file's list; ``None`` if the file holds one request."""

    path: str
    """The field, in the file's (boto3's) names: ``FlowDefinition.Tasks[1].ConnectorOperator``; empty for the whole request."""

    message: str
    """What is wrong."""

    rule: str
    """The rule broken: ``syntax``, ``file``, ``shape``, a model constraint (``pattern``...) or a rule ID (``K4``...)."""

    line: int | None = None
    """The 1-based line, for syntax errors."""

    column: int | None = None
    """The 1-based column, for syntax errors."""

    problem: ValidationProblem | None = None
    """The validation problem behind this one, for problems found in a request."""

    logical_id: str | None = None
    """The logical ID of the resource, for a problem of a CloudFormation template (``path`` starts
    at ``Resources.<logical ID>``)."""

    @property
    def where(self) -> str:
        """The request and field: ``[2].FlowDefinition.KmsArn``, ``FlowDefinition``, ``(request)``."""
        return _where(self.item, self.path)

    def __str__(self) -> str:
        if self.line is not None:
            column = f":{self.column}" if self.column is not None else ""
            return f"{self.file}:{self.line}{column}: {self.message} ({self.rule})"
        if self.item is None and not self.path:
            return f"{self.file}: {self.message} ({self.rule})"
        return f"{self.file}: {self.where}: {self.message} ({self.rule})"


def _where(item: int | None, path: str) -> str:
    if item is None:
        return path or "(request)"
    return f"[{item}].{path}" if path else f"[{item}]"


class SpecError(CustomerProfilesError, ValueError):
    """A spec file cannot be read, or holds invalid requests; ``problems`` lists them all.

    When the problems come from validation, the ``ValidationError`` of the
    first invalid request is the ``__cause__``.
    """

    file: str
    """The file that was read."""

    problems: tuple[SpecProblem, ...]
    """Every problem found in the file, in document order."""

    def __init__(self, file: str, problems: Iterable[SpecProblem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"invalid spec file {file}: {count} {noun}"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.file, self.problems))


@attrs.frozen(kw_only=True)
class Spec:
    """One item read from a spec file: its request, and where it came from."""

    request: SpecRequest
    """The validated request; its class says which operation the item names."""

    file: str
    """The file it was read from."""

    item: int | None = None
    """Its position in the file's list; ``None`` if the file holds one request."""

    warnings: tuple[SpecProblem, ...] = ()
    """The ``ValidationWarning``\\ s of the request (likely mistakes AWS probably accepts)."""

    field_prefix: str = ""
    """Where the request's fields start in the item: ``PutProfileObjectType`` for a wrapped item."""

    logical_id: str | None = None
    """The logical ID of the resource, for a request read from a CloudFormation template."""

    paths: Callable[[str], str] | None = attrs.field(default=None, eq=False, repr=False)
    """For a request read from a template: the template path of a wire path of the request
    (``Tags['a']`` -> ``Resources.Shop.Properties.Tags[0]``); ``None`` for spec items."""

    def locate(self, problem: ValidationProblem) -> SpecProblem:
        """A problem of this request (found later, by a check across resources) located in its file."""
        if self.paths is not None:
            located = _spec_problem(self.file, self.item, problem)
            return attrs.evolve(located, path=self.paths(problem.wire_path), logical_id=self.logical_id)
        return _spec_problem(self.file, self.item, problem, self.field_prefix)

    @property
    def operation(self) -> str:
        """The operation of the item: ``PutIntegration``, ``PutProfileObjectType``..."""
        return operation_of(self.request)

    @property
    def location(self) -> str:
        """``file``, ``file[item]`` or ``file[LogicalId]``: how messages name this request."""
        if self.logical_id is not None:
            return f"{self.file}[{self.logical_id}]"
        return self.file if self.item is None else f"{self.file}[{self.item}]"


@attrs.frozen(kw_only=True)
class InvalidItem:
    """An item whose request is invalid: where it is, and its arguments as read (not checked)."""

    file: str
    """The file it was read from."""

    item: int | None
    """Its position in the file's list; ``None`` if the file holds one request."""

    operation: str
    """The operation it names: ``PutIntegration``, ``PutProfileObjectType``..."""

    field_prefix: str
    """Where its arguments start in the item: ``PutProfileObjectType`` for a wrapped item."""

    arguments: Mapping[str, Any]
    """Its boto3 keyword arguments as the file holds them, for checks of a caller's own (e.g. of tags)."""

    def locate(self, problem: ValidationProblem) -> SpecProblem:
        """A problem of its arguments (found by a check of the caller's) located in its file."""
        return _spec_problem(self.file, self.item, problem, self.field_prefix)


@attrs.frozen(kw_only=True)
class SpecFile:
    """Everything read from one spec file: the valid requests and the problems of the others."""

    file: str
    """The file, as it was named."""

    specs: tuple[Spec, ...]
    """The requests that are valid, in file order."""

    problems: tuple[SpecProblem, ...]
    """The errors: syntax, shape, or invalid requests. ``specs`` is complete only if this is empty."""

    count: int
    """How many requests the file holds, valid or not (0 if it could not be parsed)."""

    invalid: tuple[InvalidItem, ...] = ()
    """The items that name an operation and hold arguments but whose request is invalid, in file order."""

    notes: tuple[SpecProblem, ...] = ()
    """The warnings of a template's resources that are not in ``specs``: the values that are
    intrinsic functions (rule ``not-checkable``), of invalid resources and of those whose required
    values are intrinsic functions (checked as far as they can be, but no requests)."""

    @property
    def warnings(self) -> tuple[SpecProblem, ...]:
        """The warnings of every valid request, then ``notes``."""
        return (*(warning for spec in self.specs for warning in spec.warnings), *self.notes)


# --- formats ------------------------------------------------------------------------


class _YamlModule(Protocol):
    """The parts of PyYAML used here."""

    YAMLError: type[Exception]

    def safe_load(self, stream: str) -> Any:
        """Parse one YAML document with the safe loader."""
        ...

    def load(self, stream: str, Loader: Any) -> Any:  # noqa: N803 - PyYAML's name
        """Parse one YAML document with the given loader."""
        ...

    def safe_dump(self, data: Any, **options: Any) -> str:
        """Write plain data as YAML with the safe dumper."""
        ...


def _yaml() -> _YamlModule:
    try:
        return cast(_YamlModule, importlib.import_module("yaml"))
    except ImportError:
        raise ImportError(
            "YAML spec files need PyYAML: pip install 'customer-profiles-typed[yaml]'"
        ) from None


def format_of(path: PathLike) -> SpecFormat:
    """The format of a spec file from its name: ``.json``, or ``.yaml``/``.yml``.

    Raises ``ValueError`` for any other suffix.
    """
    suffix = Path(path).suffix.lower()
    found = _SUFFIXES.get(suffix)
    if found is None:
        raise ValueError(f"{os.fspath(path)}: a spec file ends in .json, .yaml or .yml")
    return found


class _LongInteger:
    """An integer of a JSON text too long to convert, kept in its place until it is located."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _located(document: object, wanted: Callable[[object], bool]) -> list[tuple[int | None, str, object]]:
    """``(item, path, value)`` of each value of a document that is ``wanted``, in document order."""
    found: list[tuple[int | None, str, object]] = []
    pending: list[tuple[object, int | None, str]] = [(document, None, "")]
    while pending:
        value, item, path = pending.pop()
        if wanted(value):
            found.append((item, path, value))
        elif isinstance(value, dict):
            entries = cast("dict[object, object]", value)
            pending.extend(
                (child, item, _join(path, str(key))) for key, child in reversed(entries.items())
            )
        elif isinstance(value, list):
            children = cast("list[object]", value)
            if value is document:
                pending.extend((child, index, "") for index, child in reversed(list(enumerate(children))))
            else:
                pending.extend(
                    (child, item, f"{path}[{index}]") for index, child in reversed(list(enumerate(children)))
                )
    return found


def _parse_json(text: str, file: str) -> tuple[Any, list[SpecProblem]]:
    duplicates: list[SpecProblem] = []
    too_long: list[_LongInteger] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in items:
            if key in found:
                duplicates.append(
                    SpecProblem(
                        file=file,
                        item=None,
                        path="",
                        message=duplicate_key_message(key),
                        rule="syntax",
                    )
                )
            found[key] = value
        return found

    def whole(digits: str) -> int | _LongInteger:
        try:
            return int(digits)
        except ValueError:  # more digits than Python converts from text
            marker = _LongInteger(sum(character.isdigit() for character in digits))
            too_long.append(marker)
            return marker

    try:
        document = json.loads(text, object_pairs_hook=pairs, parse_int=whole)
    except json.JSONDecodeError as error:
        problem = SpecProblem(
            file=file,
            item=None,
            path="",
            message=f"invalid JSON: {error.msg}",
            rule="syntax",
            line=error.lineno,
            column=error.colno,
        )
        return None, [problem]
    if too_long:
        duplicates += [
            SpecProblem(
                file=file,
                item=item,
                path=path,
                message=long_integer_message(cast(_LongInteger, value).digits),
                rule="syntax",
            )
            for item, path, value in _located(document, lambda value: isinstance(value, _LongInteger))
        ]
    return document, duplicates


def _parse_yaml(text: str, file: str) -> tuple[Any, list[SpecProblem]]:
    try:
        yaml = _yaml()
    except ImportError as error:
        return None, [SpecProblem(file=file, item=None, path="", message=str(error), rule="file")]
    loader = spec_loader()
    try:
        return yaml.load(text, Loader=loader), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = getattr(mark, "line", None)
        column = getattr(mark, "column", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        detail = f"{context}: {problem}" if context else str(problem)
        refused = isinstance(error, loader.Refused)
        return None, [
            SpecProblem(
                file=file,
                item=None,
                path="",
                message=detail if refused else f"invalid YAML: {detail}",
                rule="shape" if refused else "syntax",
                line=line + 1 if isinstance(line, int) else None,
                column=column + 1 if isinstance(column, int) else None,
            )
        ]


# --- reading ---------------------------------------------------------------------------


def _join(prefix: str, path: str) -> str:
    """A field path under a prefix: ``PutIntegration`` + ``Tags.a`` -> ``PutIntegration.Tags.a``."""
    if not prefix:
        return path
    if not path:
        return prefix
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


def _spec_problem(
    file: str, item: int | None, problem: ValidationProblem, prefix: str = ""
) -> SpecProblem:
    return SpecProblem(
        file=file,
        item=item,
        path=_join(prefix, problem.wire_path),
        message=problem.message,
        rule=problem.rule,
        problem=problem,
    )


def operation_of(request: SpecRequest) -> str:
    """The operation that sends ``request``: ``PutIntegration``, ``CreateEventTrigger``..."""
    return _OPERATION_OF[type(request)]


def _shape_problem(file: str, item: int | None, path: str, message: str) -> SpecProblem:
    return SpecProblem(file=file, item=item, path=path, message=message, rule="shape")


def _unwrap(
    kwargs: Mapping[str, Any], file: str, item: int | None
) -> tuple[str, str, Any] | SpecProblem:
    """The operation an item names, the path prefix of its fields, and its arguments."""
    named = [key for key in kwargs if key in SPEC_OPERATIONS]
    if not named:
        if len(kwargs) == 1:
            (key, value), = kwargs.items()
            members = _wire_members(PutIntegrationRequest)
            if key not in members and isinstance(value, Mapping):
                close = difflib.get_close_matches(key, SPEC_OPERATIONS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                return _shape_problem(
                    file, item, key,
                    f"unknown operation {key!r}{hint}: an item names one of "
                    f"{', '.join(SPEC_OPERATIONS)}, or is a bare mapping of put_integration arguments",
                )
        return _BARE, "", kwargs
    if len(kwargs) > 1:
        others = sorted(key for key in kwargs if key != named[0])
        return _shape_problem(
            file, item, "",
            f"an item names its operation as its one key: {named[0]!r} is beside "
            f"{', '.join(map(repr, others))}",
        )
    operation = named[0]
    return operation, operation, kwargs[operation]


def _wire_members(cls: type) -> frozenset[str]:
    from customer_profiles_typed import _wire

    return frozenset(_wire.WIRE_TO_PYTHON[_wire.CLASS_SHAPES[cls]])


def _read_request(
    value: Any, file: str, item: int | None, skip_rules: Iterable[str]
) -> tuple[Spec | InvalidItem | None, list[SpecProblem], ValidationError | None]:
    where = "the file" if item is None else "each item of the list"
    if not isinstance(value, Mapping):
        kind = "a list" if isinstance(value, list) else type(value).__name__
        message = (
            f"{where} must be an object naming its operation "
            f"({{\"PutProfileObjectType\": {{...}}}}...) or holding put_integration arguments, got {kind}"
        )
        return None, [_shape_problem(file, item, "", message)], None
    outer = cast("Mapping[object, Any]", value)
    bad_keys = [key for key in outer if not isinstance(key, str)]
    if bad_keys:
        return None, [_shape_problem(file, item, "", f"keys must be strings, got {bad_keys[0]!r}")], None
    unwrapped = _unwrap(cast("Mapping[str, Any]", outer), file, item)
    if isinstance(unwrapped, SpecProblem):
        return None, [unwrapped], None
    operation, prefix, arguments = unwrapped
    if not isinstance(arguments, Mapping):
        kind = "a list" if isinstance(arguments, list) else type(arguments).__name__
        message = f"the arguments of {operation} are an object of boto3's keyword arguments, got {kind}"
        return None, [_shape_problem(file, item, prefix, message)], None
    kwargs = cast("Mapping[object, Any]", arguments)
    bad_keys = [key for key in kwargs if not isinstance(key, str)]
    if bad_keys:
        message = f"keys must be strings, got {bad_keys[0]!r}"
        return None, [_shape_problem(file, item, prefix, message)], None
    sink: list[ValidationProblem] = []
    cls = SPEC_OPERATIONS[operation]
    try:
        request: SpecRequest = parse_request(
            cls, cast("Mapping[str, Any]", kwargs), skip_rules=skip_rules, sink=sink
        )
    except ValidationError as error:
        invalid = InvalidItem(
            file=file,
            item=item,
            operation=operation,
            field_prefix=prefix,
            arguments=cast("Mapping[str, Any]", kwargs),
        )
        return invalid, [_spec_problem(file, item, p, prefix) for p in error.errors], error
    found = tuple(_spec_problem(file, item, problem, prefix) for problem in sink)
    spec = Spec(request=request, file=file, item=item, warnings=found, field_prefix=prefix)
    return spec, [], None


def _read_document(
    document: Any, file: str, skip_rules: Iterable[str]
) -> tuple[SpecFile, ValidationError | None]:
    if isinstance(document, dict) and "Resources" in document:
        from customer_profiles_typed.cloudformation._read import is_template, read_template

        if is_template(cast(object, document)):
            return read_template(cast("dict[str, Any]", document), file, skip_rules)
    items: list[tuple[int | None, Any]]
    if isinstance(document, list):
        items = list(enumerate(cast("Sequence[Any]", document)))
        if not items:
            problem = SpecProblem(
                file=file, item=None, path="", message="the list of requests is empty", rule="shape"
            )
            return SpecFile(file=file, specs=(), problems=(problem,), count=0), None
    else:
        items = [(None, document)]
    specs: list[Spec] = []
    invalid: list[InvalidItem] = []
    problems: list[SpecProblem] = []
    first: ValidationError | None = None
    for item, value in items:
        spec, found, error = _read_request(value, file, item, skip_rules)
        if isinstance(spec, Spec):
            specs.append(spec)
        elif spec is not None:
            invalid.append(spec)
        problems += found
        if first is None:
            first = error
    spec_file = SpecFile(
        file=file,
        specs=tuple(specs),
        problems=tuple(problems),
        count=len(items),
        invalid=tuple(invalid),
    )
    return spec_file, first


MAX_DEPTH = 64
"""How deeply a spec document may nest lists and objects; the deepest AWS shape needs about 10."""


def _depth_problem(file: str) -> SpecProblem:
    return SpecProblem(
        file=file,
        item=None,
        path="",
        message=f"lists and objects nest more than {MAX_DEPTH} levels deep; no request is that deep",
        rule="shape",
    )


def _parse(
    text: str, file: str, format: SpecFormat, skip_rules: Iterable[str]
) -> tuple[SpecFile, ValidationError | None]:
    document: Any = None
    try:
        document, problems = (
            _parse_json(text, file) if format == "json" else _parse_yaml(text, file)
        )
    except RecursionError:
        problems = [_depth_problem(file)]
    else:
        if not problems and nests_deeper_than(document, MAX_DEPTH):
            problems = [_depth_problem(file)]
    if problems:
        return SpecFile(file=file, specs=(), problems=tuple(problems), count=0), None
    return _read_document(document, file, skip_rules)


def parse_spec_text(
    text: str,
    *,
    format: SpecFormat = "json",
    file: str = "<string>",
    skip_rules: Iterable[str] = (),
) -> SpecFile:
    """Read spec text without raising: the valid requests and every problem, each located.

    ``file`` is the name used in the problems. ``skip_rules`` is passed to
    each request's ``from_boto3``. Warnings are collected on each
    ``Spec``, not emitted. Reads timestamps as ISO 8601 strings or epoch seconds.
    """
    return _parse(text, file, format, skip_rules)[0]


MAX_FILE_BYTES = 10 * 1024 * 1024
"""How large a spec file may be (10 MiB); a setup of thousands of resources needs a few MiB."""

_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _regular(mode: int) -> None:
    """Refuse (``ValueError``) anything but a regular file: a FIFO would block, a device never end."""
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise ValueError(f"{kind}, not a regular file: a spec is read from a regular file only")


def _read_text(path: PathLike) -> str:
    """The text of a regular file of at most ``MAX_FILE_BYTES``, else ``OSError``/``ValueError``.

    The kind is checked before opening and again on the open file (opened
    without blocking, so a FIFO put in its place cannot hang the read).
    """
    _regular(os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as stream:
        _regular(os.fstat(stream.fileno()).st_mode)
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, the most a spec file may hold")
    return data.decode("utf-8-sig")


def _parse_file(
    path: PathLike, format: SpecFormat | None, skip_rules: Iterable[str]
) -> tuple[SpecFile, ValidationError | None]:
    file = os.fspath(path)
    try:
        chosen = format if format is not None else format_of(path)
        text = _read_text(path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        message = message.removeprefix(f"{file}: ")
        problem = SpecProblem(file=file, item=None, path="", message=message, rule="file")
        return SpecFile(file=file, specs=(), problems=(problem,), count=0), None
    return _parse(text, file, chosen, skip_rules)


def parse_spec_file(
    path: PathLike, *, format: SpecFormat | None = None, skip_rules: Iterable[str] = ()
) -> SpecFile:
    """Read a spec file without raising: the valid requests and every problem, each located.

    The format follows the file name unless given. A file that cannot be read
    (missing, not UTF-8, unknown suffix, not a regular file, larger than
    ``MAX_FILE_BYTES``) is one problem of rule ``file``.
    """
    return _parse_file(path, format, skip_rules)[0]


def _specs_or_raise(result: tuple[SpecFile, ValidationError | None]) -> list[Spec]:
    spec_file, cause = result
    for warning in spec_file.warnings:
        warnings.warn(ValidationWarning(str(warning), warning.problem), stacklevel=3)
    if spec_file.problems:
        raise SpecError(spec_file.file, spec_file.problems) from cause
    return list(spec_file.specs)


def loads_specs(
    text: str,
    *,
    format: SpecFormat = "json",
    file: str = "<string>",
    skip_rules: Iterable[str] = (),
) -> list[Spec]:
    """Read the requests of spec text; raise ``SpecError`` listing every problem.

    Warnings are emitted as ``ValidationWarning``\\ s naming the file and field.
    """
    return _specs_or_raise(_parse(text, file, format, skip_rules))


def read_specs(
    path: PathLike, *, format: SpecFormat | None = None, skip_rules: Iterable[str] = ()
) -> list[Spec]:
    """Read the requests of a spec file; raise ``SpecError`` listing every problem.

    The format follows the file name (``.json``, ``.yaml``, ``.yml``) unless
    given. Warnings are emitted as ``ValidationWarning``\\ s naming the file.
    """
    return _specs_or_raise(_parse_file(path, format, skip_rules))


# --- writing ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, Any]", value)
        return {str(key): _plain(item) for key, item in mapping.items()}
    if isinstance(value, (list, tuple)):
        sequence = cast("Iterable[Any]", value)
        return [_plain(item) for item in sequence]
    return value


def to_spec_dict(request: SpecRequest) -> dict[str, Any]:
    """The request as a spec item: boto3's keyword arguments, timestamps as ISO 8601 strings.

    A ``PutIntegrationRequest`` is a bare mapping of its arguments (the form
    every version of the spec files reads); any other request is wrapped in its
    operation's name: ``{"PutProfileObjectType": {...}}``.
    """
    if not isinstance(cast(object, request), tuple(SPEC_OPERATIONS.values())):
        raise TypeError(
            f"a spec item is one of {', '.join(c.__name__ for c in SPEC_OPERATIONS.values())}, "
            f"got {type(request).__name__}"
        )
    converted: dict[str, Any] = _plain(request.to_boto3())
    operation = operation_of(request)
    return converted if operation == _BARE else {operation: converted}


def dumps_specs(
    requests: SpecRequest | Sequence[SpecRequest],
    *,
    format: SpecFormat = "json",
) -> str:
    """Write one request (an object) or several (a list) as JSON or YAML text.

    ``read_specs`` reads the result back to equal requests. YAML is written with
    ``yaml.safe_dump``, keys in boto3's order.
    """
    data: Any = (
        [to_spec_dict(request) for request in requests]
        if isinstance(requests, Sequence)
        else to_spec_dict(requests)
    )
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return _yaml().safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)


def write_specs(
    path: PathLike,
    requests: SpecRequest | Sequence[SpecRequest],
    *,
    format: SpecFormat | None = None,
) -> None:
    """Write requests to a spec file; the format follows the file name unless given."""
    chosen = format if format is not None else format_of(path)
    Path(path).write_text(dumps_specs(requests, format=chosen), encoding="utf-8")
