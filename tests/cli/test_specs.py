"""Spec files as a library: JSON and YAML in boto3's shape, located errors, round trips."""

from __future__ import annotations

import json
import sys
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed import PutIntegrationRequest, ValidationError, ValidationWarning
from customer_profiles_typed.specs import (
    SpecError,
    dumps_specs,
    format_of,
    loads_specs,
    parse_spec_text,
    read_specs,
    to_spec_dict,
    write_specs,
)

from .helpers import s3_spec, write_json

START = "2099-06-01T08:30:00+00:00"


def _scheduled(domain: str) -> dict[str, Any]:
    spec = s3_spec(domain)
    spec["FlowDefinition"]["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": START}
        },
    }
    return spec


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
def test_requests_round_trip_through_files(tmp_path: Path, suffix: str) -> None:
    requests = [PutIntegrationRequest.from_boto3(_scheduled(name)) for name in ("d1", "d2")]
    path = tmp_path / f"specs{suffix}"
    write_specs(path, requests)
    assert [spec.request for spec in read_specs(path)] == requests
    assert START in path.read_text(encoding="utf-8")  # timestamps as ISO 8601 strings


def test_a_file_may_hold_one_request(tmp_path: Path) -> None:
    request = PutIntegrationRequest.from_boto3(s3_spec("d1"))
    path = tmp_path / "one.yaml"
    write_specs(path, request)
    (spec,) = read_specs(path)
    assert spec.request == request and spec.item is None and spec.location == str(path)


def test_the_spec_shape_is_boto3_kwargs_with_iso_timestamps() -> None:
    request = PutIntegrationRequest.from_boto3(_scheduled("d1"))
    data = to_spec_dict(request)
    wire: dict[str, Any] = dict(request.to_boto3())
    scheduled = wire["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]
    assert scheduled["ScheduleStartTime"] == datetime(2099, 6, 1, 8, 30, tzinfo=timezone.utc)
    assert data["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]["ScheduleStartTime"] == START
    assert json.loads(dumps_specs(request)) == data


def test_epoch_seconds_and_yaml_timestamps_are_read(tmp_path: Path) -> None:
    spec = _scheduled("d1")
    spec["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]["ScheduleStartTime"] = 4084000000
    (from_json,) = loads_specs(json.dumps(spec))
    text = dumps_specs(from_json.request, format="yaml").replace(f"'{START}'", START.replace("+00:00", "Z"))
    (from_yaml,) = loads_specs(text, format="yaml")
    assert isinstance(from_yaml.request, PutIntegrationRequest)
    assert from_yaml.request.flow_definition is not None


def test_errors_name_the_file_the_item_and_the_field(tmp_path: Path) -> None:
    bad = s3_spec("d1")
    bad["FlowDefinition"]["Tasks"][1]["ConnectorOperator"] = {"Zendesk": "NO_OP"}
    path = write_json(tmp_path / "bad.json", [s3_spec("d0"), bad])
    with pytest.raises(SpecError) as raised:
        read_specs(path)
    error = raised.value
    assert error.file == path
    assert isinstance(error.__cause__, ValidationError)
    (problem,) = error.problems
    assert (problem.file, problem.item, problem.path, problem.rule) == (
        path,
        1,
        "FlowDefinition.Tasks[1].ConnectorOperator.Zendesk",
        "K7",
    )
    assert f"{path}: [1].FlowDefinition.Tasks[1].ConnectorOperator.Zendesk:" in str(error)
    assert isinstance(error, ValueError)


def test_syntax_errors_have_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    text = '[\n  {"DomainName": "d1",}\n]\n'
    path.write_text(text, encoding="utf-8")
    # Where the JSON parser says the error is (Python 3.13 points at the trailing
    # comma, older versions just after it): the problem must carry exactly that.
    with pytest.raises(json.JSONDecodeError) as parsed:
        json.loads(text)
    line, column = parsed.value.lineno, parsed.value.colno
    with pytest.raises(SpecError) as raised:
        read_specs(path)
    (problem,) = raised.value.problems
    assert line == 2 and column in (22, 23)
    assert (problem.line, problem.column, problem.rule) == (line, column, "syntax")
    assert str(problem).startswith(f"{path}:{line}:{column}: invalid JSON:")


def test_duplicate_json_keys_are_reported() -> None:
    result = parse_spec_text('{"DomainName": "a", "DomainName": "b"}', file="dup.json")
    assert [str(p) for p in result.problems] == [
        "dup.json: the key 'DomainName' appears twice in one object (syntax)"
    ]


def test_warnings_are_collected_and_emitted_naming_the_file() -> None:
    spec = s3_spec("d1")
    spec["FlowDefinition"]["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {"Scheduled": {"ScheduleExpression": "rate(2 hours)"}},
    }
    text = json.dumps(spec)
    (parsed,) = parse_spec_text(text, file="w.json").specs
    assert [w.rule for w in parsed.warnings] == ["G5"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loads_specs(text, file="w.json")
    assert [str(w.message).split(":")[0] for w in caught if w.category is ValidationWarning] == ["w.json"]


def test_yaml_without_pyyaml_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(SpecError, match=r"pip install 'customer-profiles-typed\[yaml\]' \(file\)"):
        loads_specs("DomainName: d1\n", format="yaml")
    with pytest.raises(ImportError, match=r"customer-profiles-typed\[yaml\]"):
        dumps_specs(PutIntegrationRequest.from_boto3(s3_spec("d1")), format="yaml")


def test_yaml_is_read_safely() -> None:
    result = parse_spec_text("!!python/object/apply:os.system ['true']\n", format="yaml", file="x.yaml")
    assert [p.rule for p in result.problems] == ["syntax"]


def test_format_follows_the_suffix() -> None:
    assert format_of("a.JSON") == "json" and format_of("a.yml") == "yaml"
    with pytest.raises(ValueError, match="ends in .json, .yaml or .yml"):
        format_of("a.toml")
