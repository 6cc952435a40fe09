"""Shared helpers of the command line tests: spec dicts, files, the runner, golden files."""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed.cli import main

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
ACCOUNT = "123456789012"


def flow_uri(flow_name: str) -> str:
    """The URI the emulator (as AWS) gives an integration created from a FlowDefinition."""
    return f"arn:aws:appflow:us-east-1:{ACCOUNT}:flow/{flow_name}"


def s3_spec(
    domain: str,
    flow_name: str | None = None,
    *,
    fields: tuple[str, ...] = ("customer_id", "email"),
    object_type: str = "CustomerCsv",
    tags: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A valid S3 ``put_integration`` request for ``domain``, in boto3's shape."""
    spec: dict[str, Any] = {
        "DomainName": domain,
        "ObjectTypeName": object_type,
        "FlowDefinition": {
            "FlowName": flow_name or f"{domain}-flow",
            "KmsArn": KMS_KEY,
            "SourceFlowConfig": {
                "ConnectorType": "S3",
                "SourceConnectorProperties": {"S3": {"BucketName": "example-exports"}},
            },
            "Tasks": [
                {"TaskType": "Filter", "SourceFields": list(fields), "ConnectorOperator": {"S3": "PROJECTION"}},
                *(
                    {
                        "TaskType": "Map",
                        "SourceFields": [field],
                        "DestinationField": field,
                        "ConnectorOperator": {"S3": "NO_OP"},
                        "TaskProperties": {},
                    }
                    for field in fields
                ),
            ],
            "TriggerConfig": {"TriggerType": "OnDemand"},
        },
    }
    if tags is not None:
        spec["Tags"] = dict(tags)
    return copy.deepcopy(spec)


def write_json(path: Path, data: Any) -> str:
    """Write ``data`` as JSON to ``path``; returns the path as a string."""
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return str(path)


@dataclass(frozen=True)
class Result:
    """What one run of the command printed, and its exit code."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.out)


class Runner:
    """Runs ``customer_profiles_typed.cli.main`` in process, capturing its output."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *argv: str) -> Result:
        self._capsys.readouterr()
        code = main(list(argv))
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)


def assert_golden(name: str, text: str) -> None:
    """``text`` equals the golden file ``name`` exactly.

    Set ``UPDATE_GOLDEN=1`` to rewrite the golden files from the current output
    (then review the diff).
    """
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"output differs from {path.name}"
