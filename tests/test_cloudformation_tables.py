"""The CloudFormation tables are what ``scripts/generate_cloudformation.py`` writes from cfn-lint's schemas.

The script walks each operation's botocore input shape beside its resource
type's schema as the installed cfn-lint ships it; a committed
``cloudformation/_tables.py`` that differs fails here, naming the command that
rewrites it. The tables must also say what the converter relies on.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

from customer_profiles_typed.cloudformation._tables import (
    ENUM_SPELLINGS,
    EPOCH_SECONDS,
    MAPS_AS_LISTS,
    NOT_IN_TEMPLATES,
    RESOURCE_TYPES,
)
from support import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "generate_cloudformation.py"


def test_the_committed_tables_are_what_the_generator_writes() -> None:
    ((path, text),) = load_script("generate_cloudformation").outputs().items()
    committed = path.read_text(encoding="utf-8")
    diff = "\n".join(
        list(difflib.unified_diff(committed.splitlines(), text.splitlines(), "committed", "generated", lineterm=""))[:40]
    )
    assert committed == text, f"{path.relative_to(ROOT)} is out of date: run python scripts/generate_cloudformation.py\n{diff}"


def test_the_generator_checks_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tables_hold_the_known_differences() -> None:
    assert MAPS_AS_LISTS["PutIntegration"]["FlowDefinition.Tasks[*].TaskProperties"] == (
        "OperatorPropertyKey",
        "Property",
    )
    assert MAPS_AS_LISTS["PutProfileObjectType"]["Fields"] == ("Name", "ObjectTypeField")
    for operation in RESOURCE_TYPES:
        assert MAPS_AS_LISTS[operation]["Tags"] == ("Key", "Value")
    assert "RoleArn" in NOT_IN_TEMPLATES["PutIntegration"]
    spellings = ENUM_SPELLINGS["PutIntegration"]["FlowDefinition.SourceFlowConfig.ConnectorType"]
    assert spellings == {"Servicenow": "ServiceNow"}
    scheduled = "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled"
    assert f"{scheduled}.ScheduleStartTime" in EPOCH_SECONDS["PutIntegration"]


def test_a_difference_the_converter_has_no_entry_for_stops_the_generator() -> None:
    script = load_script("generate_cloudformation")
    walker = script.Walker("PutIntegration", {"properties": {}}, script.Tables())
    shape = script.botocore.session.get_session().get_service_model("customer-profiles").shape_for("TagMap")
    try:
        walker.walk(shape, {"type": "object"}, "Tags")
    except SystemExit as stop:
        assert "a map in boto3" in str(stop)
    else:
        raise AssertionError("a map kept as an object in the template did not stop the generator")
