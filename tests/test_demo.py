"""The demo command and the README's example both run, against the emulator."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_typed import Integration
from customer_profiles_typed.testing import Emulator

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_demo_command_puts_reads_back_and_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "customer_profiles_typed", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "uri               arn:aws:appflow:us-east-1:123456789012:flow/customers-from-s3" in result.stdout
    assert "identical" in result.stdout


def _quick_start() -> str:
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the README's Quick start has no python block"
    return match.group(1)


def test_the_readme_quick_start_runs_as_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with Emulator() as emulator:
        emulator.client().create_domain(DomainName="demo-domain", DefaultExpirationDays=30)
        # The client the quick start builds finds the emulator through the environment.
        key = emulator.default_credentials
        monkeypatch.setenv("AWS_ENDPOINT_URL", emulator.endpoint_url)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", key.access_key_id)
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key.secret_access_key)
        monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
        monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
        monkeypatch.delenv("AWS_PROFILE", raising=False)
        namespace: dict[str, Any] = {}
        exec(compile(_quick_start(), str(README), "exec"), namespace)  # noqa: S102 - the README's own code
        integration = namespace["integration"]
        assert isinstance(integration, Integration)
        stored = emulator.integrations("demo-domain")
        assert [item.uri for item in stored] == [integration.uri]
        assert integration.tags == {"team": "crm"}


def test_the_demo_uses_the_readme_flow() -> None:
    """The demo's flow is the README's, field for field (the README shows it inline)."""
    from customer_profiles_typed._demo import FIELDS, KMS_KEY, example_flow

    code = _quick_start()
    assert repr(FIELDS) in code.replace('"', "'")
    assert KMS_KEY in code
    flow = example_flow()
    assert f'flow_name="{flow.flow_name}"' in code
    source = flow.source_flow_config.source_connector_properties
    assert f'bucket_name="{getattr(source, "bucket_name")}"' in code


def test_the_readme_builder_example_builds_a_valid_canonical_flow() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    # The whole-setup excerpt also calls s3_flow; examples/whole_setup.py is its test.
    (code,) = [
        block for block in blocks if "s3_flow(" in block and "object_type_from_flow(" not in block
    ]
    namespace: dict[str, Any] = {}
    exec(compile(code, str(README), "exec"), namespace)  # noqa: S102 - the README's own code
    flow = namespace["flow"]
    assert [task.task_type.value for task in flow.tasks] == ["Filter", "Map", "Map", "Map"]
    assert list(flow.tasks[0].source_fields) == ["customer_id", "email", "tel"]
