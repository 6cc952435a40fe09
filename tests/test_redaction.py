"""No value AWS marks sensitive reaches a log record, a repr, a message, a traceback or the CLI's output.

Every logger is at DEBUG (the root, ``botocore``, ``aiobotocore``, ``urllib3``,
``aiohttp`` and the library's own) and every record is formatted as a handler
would, traceback included. The requests come from the rule examples' valid
requests: walking each operation's input shape, every string inside a member
the model marks sensitive (map keys included) gets ``TOKEN``; the test checks
that every sensitive member of every request shape of the library got one.
They are put, read back, listed and refused by the service (the emulator),
sync and async, and applied by the CLI. With the switch
``CUSTOMER_PROFILES_TYPED_LOG_SENSITIVE=1`` the token does appear in botocore's
records, so the checks can fail.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed import _model, _operations, _redact, _rule_examples, _wire, skip_rules
from customer_profiles_typed.aio import AsyncCustomerProfiles
from customer_profiles_typed.cli import main
from customer_profiles_typed.client import CustomerProfiles
from customer_profiles_typed.errors import ServiceError, ValidationError
from customer_profiles_typed.testing import Emulator

TOKEN = "Sentinel7q"
"""Put into every sensitive string; found anywhere it must not be, it is a leak."""

DOMAIN = "retail"

LOGGERS = ("", "botocore", "aiobotocore", "urllib3", "aiohttp", "asyncio", "customer_profiles_typed")
"""The loggers put at DEBUG (``""``: the root)."""

READS = {
    "GetIntegration", "ListIntegrations", "GetProfileObjectType", "ListProfileObjectTypes",
    "GetEventTrigger", "ListEventTriggers",
}
"""The reads the scenarios make (with the puts, whose answers echo their requests)."""

NOT_SENTINELS = {
    ("FlowDefinition", "FlowName"): "the service makes it the end of the integration's Uri, not sensitive",
}
"""Sensitive strings left as they are, and why: their value is public elsewhere by the model."""

NOT_READ = {"GetProfileObjectTypeTemplate": "a template is AWS's own: it holds no value of the caller's"}
"""Operations whose answer holds sensitive members but that the scenarios leave out, and why."""


# --- the requests -----------------------------------------------------------------


def library_operations() -> list[str]:
    """Every operation the library has a request class for."""
    model = _model.service_model()
    return sorted(
        operation
        for operation in model.operation_names
        if getattr(model.operation_model(operation).input_shape, "name", None) in _wire.CLASS_SHAPES.values()
    )


def sensitive_members(shape: Any) -> set[str]:
    """The members of a structure whose value, at some depth, is marked sensitive."""
    return {name for name, member in _model.members(shape).items() if _holds_sensitive(member, frozenset())}


def _holds_sensitive(shape: Any, seen: frozenset[str]) -> bool:
    if shape.metadata.get("sensitive"):
        return True
    if shape.name in seen:
        return False
    inner = seen | {shape.name}
    if shape.type_name == "structure":
        return any(_holds_sensitive(member, inner) for member in _model.members(shape).values())
    if shape.type_name == "list":
        return _holds_sensitive(_model.list_member(shape), inner)
    if shape.type_name == "map":
        return any(_holds_sensitive(part, inner) for part in _model.map_key_value(shape))
    return False


def input_shape(operation: str) -> Any:
    return _model.service_model().operation_model(operation).input_shape


def output_shape(operation: str) -> Any:
    return _model.service_model().operation_model(operation).output_shape


def sensitive_operations() -> list[str]:
    """The library's operations whose request holds a sensitive member."""
    return [op for op in library_operations() if sensitive_members(input_shape(op))]


def _base(operation: str) -> dict[str, Any]:
    if operation == "UpdateEventTrigger":  # an update takes the members of a create
        members = _model.members(input_shape(operation))
        create = _rule_examples.BASES["CreateEventTrigger"]
        return {key: copy.deepcopy(value) for key, value in create.items() if key in members}
    return copy.deepcopy(dict(_rule_examples.BASES[operation]))


def _marked(value: str, shape: Any) -> str | None:
    """``value`` with ``TOKEN`` added where the shape's pattern and length allow; ``None``: nowhere."""
    if _model.enum_values(shape):
        return None  # the model's own vocabulary, never a value of the caller's
    pattern, longest = shape.metadata.get("pattern"), shape.metadata.get("max", 1 << 30)
    for candidate in (value + TOKEN, TOKEN + value):
        if len(candidate) <= longest and (pattern is None or re.fullmatch(pattern, candidate)):
            return candidate
    return None


def _inject(value: Any, shape: Any, inside: bool, marked: set[str], member: str) -> Any:
    inside = inside or bool(shape.metadata.get("sensitive"))
    kind = shape.type_name
    if kind == "structure":
        members = _model.members(shape)
        return {
            key: item
            if (shape.name, key) in NOT_SENTINELS
            else _inject(item, members[key], inside, marked, member or key)
            for key, item in value.items()
        }
    if kind == "list":
        return [_inject(item, _model.list_member(shape), inside, marked, member) for item in value]
    if kind == "map":
        key_shape, value_shape = _model.map_key_value(shape)
        entries = {}
        for key, item in value.items():
            new_key = _marked(key, key_shape) if inside else None
            if new_key is not None:
                marked.add(member)
            entries[new_key or key] = _inject(item, value_shape, inside, marked, member)
        return entries
    if kind == "string" and inside:
        new = _marked(value, shape)
        if new is not None:
            marked.add(member)
            return new
    return value


def sentinel_request(operation: str) -> dict[str, Any]:
    """The operation's rule-example request with ``TOKEN`` in every sensitive string it can hold."""
    shape = input_shape(operation)
    base = _base(operation)
    for name, member in _model.members(shape).items():  # a sensitive string the example leaves out
        if name not in base and member.type_name == "string" and name in sensitive_members(shape):
            base[name] = "a value"
    marked: set[str] = set()
    request: dict[str, Any] = _inject(base, shape, False, marked, "")
    missing = sensitive_members(shape) - marked
    assert not missing, f"{operation}: no sentinel in the sensitive members {sorted(missing)}"
    return request


def request_object(operation: str, kwargs: dict[str, Any]) -> Any:
    """The library's request object of ``kwargs`` (rules skipped: the sentinels break some)."""
    classes: dict[str, Any] = {shape: cls for cls, shape in _wire.CLASS_SHAPES.items()}
    with skip_rules("all"):
        return classes[f"{operation}Request"].from_boto3(kwargs)


# --- what is captured ---------------------------------------------------------------


class Capture(logging.Handler):
    """Keeps every record as a handler formats it, traceback included."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def having(self, text: str) -> list[str]:
        """The formatted records holding ``text``."""
        return [line for line in self.lines if text in line]


@pytest.fixture
def records() -> Iterator[Capture]:
    """Every logger at DEBUG, every record captured."""
    capture = Capture()
    saved = {name: logging.getLogger(name).level for name in LOGGERS}
    root = logging.getLogger()
    root.addHandler(capture)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The switch off, whatever the environment says."""
    monkeypatch.delenv(_redact.SWITCH, raising=False)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """A running emulator with the examples' domain."""
    with Emulator() as running:
        running.client().create_domain(
            DomainName=DOMAIN, DefaultExpirationDays=30, DefaultEncryptionKey=_rule_examples.KMS_KEY
        )
        yield running


def texts_of(error: BaseException) -> list[str]:
    """What an exception shows: its message, its repr and its whole traceback (causes included)."""
    return [str(error), repr(error), "".join(traceback.format_exception(error))]


def assert_nothing_shown(records: Capture, texts: list[str], operations: list[str]) -> None:
    """No ``TOKEN`` in any record or text; botocore did log each operation's request (not vacuous)."""
    assert records.lines, "no log record was captured"
    for operation in operations:
        assert records.having(f"Making request for OperationModel(name={operation})"), operation
    assert records.having("Response body"), "botocore logged no answer"
    leaks = [line for line in records.lines if TOKEN in line]
    assert not leaks, "\n".join(leaks[:5])
    shown = [text for text in texts if TOKEN in text]
    assert not shown, "\n".join(shown[:5])


# --- the scenarios ------------------------------------------------------------------


def test_every_sensitive_request_member_gets_a_sentinel() -> None:
    operations = sensitive_operations()
    assert {"PutIntegration", "PutProfileObjectType", "CreateEventTrigger", "UpdateEventTrigger"} <= set(operations)
    for operation in operations:
        assert TOKEN in json.dumps(sentinel_request(operation)), operation
    holding = {op for op in library_operations() if sensitive_members(output_shape(op))}
    assert holding - set(operations) - READS == set(NOT_READ)


def _reads_sync(profiles: CustomerProfiles, uri: str) -> list[object]:
    return [
        profiles.get_integration(domain_name=DOMAIN, uri=uri),
        list(profiles.list_integrations(domain_name=DOMAIN)),
        profiles.get_profile_object_type(domain_name=DOMAIN, object_type_name="ShopCustomer"),
        list(profiles.list_profile_object_types(domain_name=DOMAIN)),
        profiles.get_event_trigger(domain_name=DOMAIN, event_trigger_name="big-spender"),
        list(profiles.list_event_triggers(domain_name=DOMAIN)),
    ]


def _order() -> list[str]:
    """The sensitive operations in an order the service accepts (the object type first)."""
    first = ["PutProfileObjectType", "PutIntegration", "CreateEventTrigger"]
    return first + [op for op in sensitive_operations() if op not in first]


def test_put_get_list_and_errors_show_no_sensitive_value_sync(
    records: Capture, shown: None, emulator: Emulator
) -> None:
    profiles = CustomerProfiles(emulator.client())
    texts: list[str] = []
    results: list[object] = []
    uri = ""
    for operation in _order():
        request = request_object(operation, sentinel_request(operation))
        texts += [repr(request), str(request)]
        result = getattr(profiles, f"{_operations.method_name(operation)}_request")(request)
        results.append(result)
        uri = getattr(result, "uri", None) or uri
    results += _reads_sync(profiles, uri)
    for operation in _order():
        emulator.inject_fault(operation, error_code="BadRequestException")
        request = request_object(operation, sentinel_request(operation))
        with pytest.raises(ServiceError) as caught:
            getattr(profiles, f"{_operations.method_name(operation)}_request")(request)
        texts += texts_of(caught.value)
    texts += [repr(result) for result in results] + [str(result) for result in results]
    assert_nothing_shown(records, texts, [*_order(), *sorted(READS)])


def test_put_get_list_and_errors_show_no_sensitive_value_async(
    records: Capture, shown: None, emulator: Emulator
) -> None:
    key = emulator.default_credentials

    async def scenario() -> list[str]:
        texts: list[str] = []
        results: list[object] = []
        async with AsyncCustomerProfiles(
            endpoint_url=emulator.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=key.access_key_id,
            aws_secret_access_key=key.secret_access_key,
        ) as profiles:
            uri = ""
            for operation in _order():
                request = request_object(operation, sentinel_request(operation))
                result = await getattr(profiles, f"{_operations.method_name(operation)}_request")(request)
                results.append(result)
                uri = getattr(result, "uri", None) or uri
            results += [
                await profiles.get_integration(domain_name=DOMAIN, uri=uri),
                [item async for item in profiles.list_integrations(domain_name=DOMAIN)],
                await profiles.get_profile_object_type(domain_name=DOMAIN, object_type_name="ShopCustomer"),
                [item async for item in profiles.list_profile_object_types(domain_name=DOMAIN)],
                await profiles.get_event_trigger(domain_name=DOMAIN, event_trigger_name="big-spender"),
                [item async for item in profiles.list_event_triggers(domain_name=DOMAIN)],
            ]
            for operation in _order():
                emulator.inject_fault(operation, error_code="BadRequestException")
                request = request_object(operation, sentinel_request(operation))
                try:
                    await getattr(profiles, f"{_operations.method_name(operation)}_request")(request)
                except ServiceError as error:
                    texts += texts_of(error)
                else:
                    raise AssertionError(f"{operation}: the injected error was not raised")
        return texts + [repr(result) for result in results]

    texts = asyncio.run(scenario())
    assert_nothing_shown(records, texts, [*_order(), *sorted(READS)])


def _with_unknown_keys(value: Any, shape: Any, inside: bool = False) -> Any:
    """``value`` with an unknown key named after ``TOKEN`` in every structure inside a sensitive member."""
    inside = inside or bool(shape.metadata.get("sensitive"))
    kind = shape.type_name
    if kind == "structure":
        members = _model.members(shape)
        changed = {key: _with_unknown_keys(item, members[key], inside) for key, item in value.items()}
        return {**changed, f"{TOKEN}Key": TOKEN} if inside else changed
    if kind == "list":
        return [_with_unknown_keys(item, _model.list_member(shape), inside) for item in value]
    if kind == "map":
        value_shape = _model.map_key_value(shape)[1]
        return {key: _with_unknown_keys(item, value_shape, inside) for key, item in value.items()}
    return value


@pytest.mark.parametrize("operation", sensitive_operations())
def test_a_refused_request_names_no_unknown_key_or_value_inside_a_sensitive_member(
    records: Capture, operation: str
) -> None:
    kwargs = _with_unknown_keys(sentinel_request(operation), input_shape(operation))
    with pytest.raises(ValidationError) as caught:
        request_object(operation, kwargs)
    unknown = [problem for problem in caught.value.errors if problem.rule == "unknown-key"]
    assert unknown, "no unknown key was reported"
    assert all("<key #" in problem.wire_path and "not shown: sensitive" in problem.message for problem in unknown)
    texts = texts_of(caught.value) + [repr(problem) for problem in caught.value.errors]
    assert not [text for text in texts + records.lines if TOKEN in text]


def test_an_unknown_key_outside_sensitive_members_is_still_named() -> None:
    kwargs = {**sentinel_request("PutIntegration"), "ObjectTypeNmae": "ShopCustomer"}
    with pytest.raises(ValidationError) as caught:
        request_object("PutIntegration", kwargs)
    assert [problem.wire_path for problem in caught.value.errors] == ["ObjectTypeNmae"]
    assert "unknown parameter 'ObjectTypeNmae'" in str(caught.value)


def _spec(tmp_path: Path) -> str:
    path = tmp_path / "sensitive.json"
    path.write_text(json.dumps([{"PutIntegration": sentinel_request("PutIntegration")}]), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("output", ["text", "json"])
def test_the_cli_shows_no_sensitive_value(
    records: Capture,
    shown: None,
    emulator: Emulator,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    output: str,
) -> None:
    key = emulator.default_credentials
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key.secret_access_key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    emulator.client().put_profile_object_type(**_base("PutProfileObjectType"))
    spec = _spec(tmp_path)
    options = ["--skip-rule", "all", "--output", output]
    url = [*options, "--endpoint-url", emulator.endpoint_url]
    outputs: list[str] = []
    for argv in (["validate", spec, *options], ["plan", spec, *url], ["apply", spec, "--yes", *url], ["plan", spec, *url]):
        capsys.readouterr()
        code = main(argv)
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err]
        assert code in (0, 1), f"{argv[0]} exited {code}: {captured.err}"
    assert emulator.request_count("PutIntegration") == 1
    emulator.inject_fault("PutIntegration", error_code="BadRequestException")
    changed = json.loads(Path(spec).read_text(encoding="utf-8"))
    changed[0]["PutIntegration"]["FlowDefinition"]["Description"] = f"changed {TOKEN}"
    Path(spec).write_text(json.dumps(changed), encoding="utf-8")
    capsys.readouterr()
    assert main(["apply", spec, "--yes", *url]) == 1, "the refused put is not reported"
    captured = capsys.readouterr()
    outputs += [captured.out, captured.err]
    assert_nothing_shown(records, outputs, ["ListIntegrations", "PutIntegration"])


# --- the switch, and calls made without the library ---------------------------------------


def test_with_the_switch_on_botocore_shows_the_values(
    records: Capture, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(_redact.SWITCH, "1")
    profiles = CustomerProfiles(emulator.client())
    profiles.put_profile_object_type_request(
        request_object("PutProfileObjectType", sentinel_request("PutProfileObjectType"))
    )
    assert records.having("Making request for OperationModel(name=PutProfileObjectType)")[0].count(TOKEN) > 1
    assert [line for line in records.having("Response body") if TOKEN in line]


def test_calls_made_on_the_boto3_client_directly_are_logged_as_botocore_logs_them(
    records: Capture, shown: None, emulator: Emulator
) -> None:
    client = emulator.client()
    CustomerProfiles(client)  # the filter is on botocore's loggers from now on
    client.put_profile_object_type(**sentinel_request("PutProfileObjectType"))
    assert TOKEN in records.having("Making request for OperationModel(name=PutProfileObjectType)")[0]


# --- the filter on its own ---------------------------------------------------------


def _record(name: str, msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, logging.DEBUG, __file__, 1, msg, args, None)


def _filtered(record: logging.LogRecord, operation: str | None = "GetProfileObjectType") -> str:
    assert _redact.RedactingFilter(lambda: operation).filter(record)
    return record.getMessage()


def test_an_answer_is_redacted_by_the_operations_output_shape(shown: None) -> None:
    body = {
        "ObjectTypeName": "ShopCustomer",
        "Description": TOKEN,
        "Fields": {f"a{TOKEN}": {"Source": TOKEN}},
        "Keys": {TOKEN: []},
    }
    message = _filtered(_record("botocore.parsers", "Response body:\n%r", json.dumps(body).encode()))
    assert TOKEN not in message
    assert '"ObjectTypeName":"ShopCustomer"' in message and _redact.PLACEHOLDER in message


def test_keys_the_shape_does_not_know_are_judged_by_name(shown: None) -> None:
    body = {"Newer": {"Description": TOKEN, "Plain": "kept"}, "Name": TOKEN}
    message = _filtered(_record("botocore.parsers", "Response body:\n%r", json.dumps(body).encode()))
    assert TOKEN not in message and "kept" in message
    unknown = _filtered(_record("botocore.parsers", "%s", json.dumps(body)), operation="NoSuchOperation")
    assert TOKEN not in unknown and "kept" in unknown


def test_a_body_that_is_not_json_is_shown_by_its_size_only(shown: None) -> None:
    cut = b'{"Description": "' + TOKEN.encode()
    message = _filtered(_record("botocore.parsers", "Response body:\n%r", cut))
    assert TOKEN not in message and f"{len(cut)} bytes" in message


def test_a_request_dicts_body_is_redacted_by_the_input_shape(shown: None) -> None:
    params = {"url_path": "/domains/retail/object-types/ShopCustomer", "body": json.dumps({"Description": TOKEN}).encode()}
    message = _filtered(
        _record("botocore.endpoint", "Making request for %s with params: %s", "PutProfileObjectType", params),
        operation="PutProfileObjectType",
    )
    assert TOKEN not in message and "/domains/retail/object-types/ShopCustomer" in message


def test_a_record_that_cannot_be_redacted_is_replaced_whole(shown: None) -> None:
    record = _record("botocore.parsers", "Response body: %s %s", json.dumps({"Description": TOKEN}))  # one arg short
    message = _filtered(record)
    assert TOKEN not in message and "not shown" in message and "GetProfileObjectType" in message


def test_records_outside_the_librarys_calls_pass_unchanged(shown: None) -> None:
    record = _record("botocore.parsers", "Response body:\n%r", json.dumps({"Description": TOKEN}).encode())
    assert TOKEN in _filtered(record, operation=None)
