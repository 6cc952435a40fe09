"""``export --format cloudformation``: a template cfn-lint accepts; ``validate`` reads templates back.

Golden files: ``export_setup.yaml`` (the template of ``specs/cloudformation/setup.yaml``)
and ``validate_template.txt`` (``validate`` on ``specs/cloudformation/stack.yaml``,
a template with a rule violation and intrinsic functions). ``UPDATE_GOLDEN=1``
rewrites them.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed.cloudformation import logical_id, to_template
from customer_profiles_typed.specs import read_specs

from .helpers import Runner, assert_golden, s3_spec, write_json

SETUP = "specs/cloudformation/setup.yaml"
STACK = "specs/cloudformation/stack.yaml"


def _cfn_lint(text: str) -> list[str]:
    api: Any = importlib.import_module("cfnlint.api")
    return [f"{m.rule.id} {m.linenumber}: {m.message}" for m in api.lint(text, regions=["us-east-1"])]


def test_export_writes_a_template_cfn_lint_accepts(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("export", "--format", "cloudformation", SETUP, "--description", "Retail and outlet profiles")
    assert result.code == 0, result.err
    assert result.err == ""
    assert_golden("export_setup.yaml", result.out)
    assert _cfn_lint(result.out) == []


def test_export_as_json_is_the_same_template(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("export", "--format", "cloudformation", "--output-format", "json", SETUP)
    assert result.code == 0
    assert result.json() == to_template(read_specs(in_cli_folder / SETUP))
    assert _cfn_lint(result.out) == []


def test_the_exported_template_validates_to_the_same_requests(
    cli: Runner, in_cli_folder: Path, tmp_path: Path
) -> None:
    template = tmp_path / "stack.yaml"
    template.write_text(cli("export", "--format", "cloudformation", SETUP).out, encoding="utf-8")
    result = cli("validate", str(template))
    assert result.code == 0
    assert f"{template}: ok (7 requests)" in result.out
    again = {logical_id(spec.request): spec.request for spec in read_specs(template)}
    assert again == {logical_id(spec.request): spec.request for spec in read_specs(in_cli_folder / SETUP)}


def test_invalid_specs_are_reported_as_validate_does_and_no_template_is_written(
    cli: Runner, tmp_path: Path
) -> None:
    bad = s3_spec("bad domain")
    path = write_json(tmp_path / "bad.json", [s3_spec("fine"), bad])
    result = cli("export", "--format", "cloudformation", path)
    validated = cli("validate", path)
    assert result.code == 1
    problems = [line for line in validated.out.splitlines() if line.startswith(f"{path}: [1]")]
    assert problems and result.out.splitlines() == problems
    assert "AWSTemplateFormatVersion" not in result.out
    assert "no template was written" in result.err
    as_json = cli("export", "--format", "cloudformation", path, "--output", "json")
    assert as_json.code == 1 and as_json.json()["valid"] is False


def test_a_field_no_template_holds_is_a_problem_naming_the_item(cli: Runner, tmp_path: Path) -> None:
    spec = s3_spec("d1")
    spec["RoleArn"] = "arn:aws:iam::123456789012:role/ingest"
    path = write_json(tmp_path / "role.json", [spec])
    assert cli("validate", path).code == 0
    result = cli("export", "--format", "cloudformation", path)
    assert result.code == 1
    assert result.out == (
        f"{path}: [0].RoleArn: AWS::CustomerProfiles::Integration has no property for RoleArn "
        "(not-in-template)\n"
    )
    assert "error: 1 problem for a CloudFormation template: no template was written" in result.err


def test_export_needs_a_format(cli: Runner, in_cli_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli("export", SETUP)
    assert stopped.value.code == 2
    assert "--format" in capsys.readouterr().err


def test_validate_reads_a_template_naming_resources_and_properties(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("validate", STACK)
    assert result.code == 1
    assert_golden("validate_template.txt", result.out)
    assert f"{STACK}: Resources.ShopCustomers.Properties.Fields[2].ObjectTypeField.Target:" in result.out
    assert "(not-checkable)" in result.out and "ExportBucket" not in result.out


def test_validate_reports_a_template_as_json(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("validate", STACK, "--output", "json")
    (report,) = result.json()["files"]
    assert report["requests"] == 3
    assert [p["path"] for p in report["problems"]] == [
        "Resources.ShopCustomers.Properties.Fields[2].ObjectTypeField.Target"
    ]
    assert {w["rule"] for w in report["warnings"]} == {"not-checkable"}
    assert json.dumps(report).count("Resources.ShopFlow.Properties.FlowDefinition") == 2


def test_a_reserved_tag_in_a_template_points_at_its_entry(cli: Runner, tmp_path: Path) -> None:
    template = tmp_path / "tagged.yaml"
    template.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Shop:\n"
        "    Type: AWS::CustomerProfiles::Domain\n"
        "    Properties:\n"
        "      DomainName: tpl-a\n"
        "      DefaultExpirationDays: 30\n"
        "      Tags:\n"
        "        - {Key: team, Value: crm}\n"
        "        - {Key: 'customer-profiles-typed:owner', Value: x}\n",
        encoding="utf-8",
    )
    result = cli("validate", str(template))
    assert result.code == 1
    assert f"{template}: Resources.Shop.Properties.Tags[1]: tag keys starting with" in result.out
