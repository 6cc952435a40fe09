"""``validate``: every problem of every file, exit 1 if there is any, no AWS call."""

from __future__ import annotations

from pathlib import Path

from .helpers import Runner, s3_spec, write_json


def test_valid_files_exit_0_and_are_listed(cli: Runner, tmp_path: Path) -> None:
    one = write_json(tmp_path / "one.json", s3_spec("d1"))
    many = write_json(tmp_path / "many.json", [s3_spec("d2"), s3_spec("d3")])
    result = cli("validate", one, many)
    assert result.code == 0
    assert f"{one}: ok (1 request)" in result.out
    assert f"{many}: ok (2 requests)" in result.out
    assert "2 files, 3 requests: 0 problems in 0 files, 0 warnings." in result.out


def test_every_problem_of_every_file_is_reported(cli: Runner, tmp_path: Path) -> None:
    bad = s3_spec("bad domain")
    bad["FlowDefinition"]["KmsArn"] = "not-an-arn-but-long-enough"
    first = write_json(tmp_path / "first.json", [s3_spec("fine"), bad])
    second = tmp_path / "second.json"
    second.write_text('{"DomainName": "x",\n  "ObjectTypeName": }\n', encoding="utf-8")
    result = cli("validate", first, str(second))
    assert result.code == 1
    assert f"{first}: [1].DomainName: must match the pattern" in result.out
    assert f"{first}: [1].FlowDefinition.KmsArn:" in result.out
    assert f"{second}:2:21: invalid JSON: Expecting value (syntax)" in result.out
    assert f"{first}: ok" not in result.out


def test_json_output_lists_problems_with_file_item_path_and_rule(cli: Runner, tmp_path: Path) -> None:
    bad = s3_spec("d1")
    bad["FlowDefinition"]["Tasks"][0]["ConnectorOperator"] = {"S3": "NO_OP"}
    path = write_json(tmp_path / "bad.json", [bad])
    result = cli("validate", path, "--output", "json")
    assert result.code == 1
    report = result.json()
    assert report["valid"] is False
    (entry,) = report["files"]
    assert entry["file"] == path and entry["requests"] == 1
    rules = {(p["item"], p["path"], p["rule"]) for p in entry["problems"]}
    assert rules == {
        (0, "FlowDefinition.Tasks", "K4"),
        (0, "FlowDefinition.Tasks[0].ConnectorOperator", "K5"),
    }
    assert all(p["file"] == path for p in entry["problems"])


def test_warnings_are_shown_but_do_not_fail(cli: Runner, tmp_path: Path) -> None:
    spec = s3_spec("d1")
    spec["FlowDefinition"]["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {"Scheduled": {"ScheduleExpression": "rate(1 hour)"}},
    }
    path = write_json(tmp_path / "w.json", spec)
    result = cli("validate", path)
    assert result.code == 0
    assert f"{path}: FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleExpression: warning:" in result.out
    assert "(G5)" in result.out


def test_skip_rule_turns_off_a_documented_rule(cli: Runner, tmp_path: Path) -> None:
    spec = s3_spec("d1")
    spec["FlowDefinition"]["Tasks"] = spec["FlowDefinition"]["Tasks"][1:]  # no projection: K4
    path = write_json(tmp_path / "k4.json", spec)
    assert cli("validate", path).code == 1
    assert cli("validate", path, "--skip-rule", "K4", "--skip-rule", "K8").code == 0


def test_yaml_files_are_read_and_syntax_errors_have_lines(cli: Runner, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "DomainName: d1\nUri: arn:aws:connect:us-east-1:123456789012:instance/abc\nObjectTypeName: CTR\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.yml"
    broken.write_text("DomainName: d1\nTags: {a: b\n", encoding="utf-8")
    result = cli("validate", str(good), str(broken))
    assert result.code == 1
    assert f"{good}: ok (1 request)" in result.out
    assert f"{broken}:3:1: invalid YAML:" in result.out


def test_unreadable_files_are_problems_not_crashes(cli: Runner, tmp_path: Path) -> None:
    other = tmp_path / "spec.txt"
    other.write_text("{}", encoding="utf-8")
    missing = tmp_path / "missing.json"
    empty = write_json(tmp_path / "empty.json", [])
    result = cli("validate", str(other), str(missing), empty)
    assert result.code == 1
    assert f"{other}: a spec file ends in .json, .yaml or .yml (file)" in result.out
    assert f"{missing}: " in result.out and "(file)" in result.out
    assert f"{empty}: the list of requests is empty (shape)" in result.out


def test_requests_that_clash_across_files_are_problems(cli: Runner, tmp_path: Path) -> None:
    first = write_json(tmp_path / "a.json", s3_spec("d1", "shared-flow"))
    same = write_json(tmp_path / "b.json", s3_spec("d1", "shared-flow", object_type="Other"))
    reused = write_json(tmp_path / "c.json", s3_spec("d2", "shared-flow"))
    result = cli("validate", first, same, reused)
    assert result.code == 1
    assert f"{same}: the same integration as {first} (duplicate)" in result.out
    assert f"{reused}: FlowDefinition.FlowName: also the flow of {first} (domain d1)" in result.out


def test_the_reserved_tag_cannot_be_set_by_a_spec(cli: Runner, tmp_path: Path) -> None:
    forged = write_json(
        tmp_path / "f.json", s3_spec("d1", tags={"customer-profiles-typed:flow-sha256": "0" * 64})
    )
    crowded = write_json(
        tmp_path / "g.json", s3_spec("d2", tags={f"tag{i:02d}": "v" for i in range(50)})
    )
    result = cli("validate", forged, crowded)
    assert result.code == 1
    assert f"{forged}: Tags.customer-profiles-typed:flow-sha256: tag keys starting with" in result.out
    assert f"{crowded}: Tags: at most 49 tags with a FlowDefinition" in result.out
