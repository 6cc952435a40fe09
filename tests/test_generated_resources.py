"""The generated client method modules are what ``scripts/generate_resources.py`` writes.

The generator reads the request classes of the models, so after the models are
regenerated the method modules must be too; a committed module that differs
fails here, naming the file and the command that rewrites it.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from support import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
COMMAND = "python scripts/generate_resources.py"




GENERATED: dict[Path, str] = load_script("generate_resources").outputs()


def test_the_generator_writes_the_four_resource_modules() -> None:
    assert sorted(path.name for path in GENERATED) == [
        "domains.py",
        "event_triggers.py",
        "object_types.py",
        "tags.py",
    ]
    assert {path.parent for path in GENERATED} == {ROOT / "src" / "customer_profiles_typed" / "resources"}


@pytest.mark.parametrize("path", sorted(GENERATED), ids=lambda path: path.name)
def test_committed_module_is_what_the_generator_writes(path: Path) -> None:
    shown = path.relative_to(ROOT)
    assert path.exists(), f"{shown} is missing: run {COMMAND}"
    committed = path.read_text(encoding="utf-8")
    text = GENERATED[path]
    if committed != text:
        diff = difflib.unified_diff(
            committed.splitlines(), text.splitlines(), f"{shown} (committed)", f"{shown} (generated)", lineterm=""
        )
        excerpt = "\n".join(list(diff)[:40])
        pytest.fail(f"{shown} differs from what the generator writes: run {COMMAND}\n{excerpt}")


def test_the_generator_checks_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "generate_resources.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
