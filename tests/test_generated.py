"""The generated modules are what their generators write from the installed botocore model.

``scripts/generate_enums.py`` writes ``enums.py``, ``scripts/generate_models.py``
the generated model modules and ``_wire_tables.py``, and
``scripts/generate_wire_types.py`` writes ``wire_types.py``. Each generator runs
here in-process; a committed file that differs from its output fails, naming
the file and the command that rewrites it. The operations the generators cover
each have a request class and a response class exported from the package root.
"""

from __future__ import annotations

import difflib
import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import customer_profiles_typed
from customer_profiles_typed import _model, _wire, wire_types
from support import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
GENERATORS = ["generate_enums", "generate_models", "generate_wire_types"]




def _generated() -> list[tuple[str, Path, str]]:
    """(generator, file, content it writes) of every generated file."""
    found: list[tuple[str, Path, str]] = []
    for name in GENERATORS:
        for path, text in load_script(name).outputs().items():
            found.append((name, path, text))
    return found


GENERATED = _generated()


def _covered_operations() -> list[str]:
    operations: list[str] = load_script("generate_models").operations()
    return operations


OPERATIONS = _covered_operations()


@pytest.mark.parametrize(
    ("generator", "path", "text"),
    GENERATED,
    ids=[str(path.relative_to(ROOT)) for _, path, _ in GENERATED],
)
def test_committed_file_is_what_its_generator_writes(generator: str, path: Path, text: str) -> None:
    shown = path.relative_to(ROOT)
    assert path.exists(), f"{shown} is missing: run python scripts/{generator}.py"
    committed = path.read_text(encoding="utf-8")
    if committed != text:
        diff = difflib.unified_diff(
            committed.splitlines(), text.splitlines(), f"{shown} (committed)", f"{shown} (generated)", lineterm=""
        )
        excerpt = "\n".join(list(diff)[:40])
        pytest.fail(f"{shown} differs from what the generator writes: run python scripts/{generator}.py\n{excerpt}")


@pytest.mark.parametrize("generator", GENERATORS)
def test_each_generator_checks_from_the_command_line(generator: str) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / f"{generator}.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_names_a_stale_file_and_leaves_it_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regenerate = load_script("generate_models").regenerate
    stale, fresh = tmp_path / "stale.py", tmp_path / "fresh.py"
    stale.write_text("old\n", encoding="utf-8")
    fresh.write_text("same\n", encoding="utf-8")

    def files() -> dict[Path, str]:
        return {stale: "new\n", fresh: "same\n"}

    assert regenerate(files, ["--check"], "generate_x.py", "Doc.") == 1
    out = capsys.readouterr().out
    assert str(stale) in out and str(fresh) not in out
    assert "python scripts/generate_x.py" in out
    assert stale.read_text(encoding="utf-8") == "old\n"
    assert regenerate(files, [], "generate_x.py", "Doc.") == 0
    assert stale.read_text(encoding="utf-8") == "new\n"
    assert regenerate(files, ["--check"], "generate_x.py", "Doc.") == 0


def test_enums_and_wire_types_cover_putintegration_and_the_generated_operations() -> None:
    for name in ("generate_enums", "generate_wire_types"):
        assert load_script(name).OPERATIONS == ["PutIntegration", *OPERATIONS], name


@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_operation_has_a_request_class_at_the_package_root(operation: str) -> None:
    name = f"{operation}Request"
    assert name in customer_profiles_typed.__all__, f"{name} is not exported from the package root"
    cls: Any = getattr(customer_profiles_typed, name)
    input_shape = _model.service_model().operation_model(operation).input_shape
    assert input_shape is not None, f"{operation} has no input shape"
    assert _wire.CLASS_SHAPES[cls] == input_shape.name


@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_output_shape_has_a_response_class_at_the_package_root(operation: str) -> None:
    output_shape = _model.service_model().operation_model(operation).output_shape
    assert output_shape is not None, f"{operation} has no output shape"
    cls = _wire.RESPONSE_CLASS_OF_SHAPE.get(output_shape.name)
    assert cls is not None, f"no response class reads {output_shape.name}"
    assert cls.__name__ in customer_profiles_typed.__all__, f"{cls.__name__} is not exported from the package root"
    assert getattr(customer_profiles_typed, cls.__name__) is cls


@pytest.mark.parametrize("operation", ["PutIntegration", *OPERATIONS])
def test_to_boto3_is_typed_with_the_typeddict_of_its_shape(operation: str) -> None:
    cls: Any = getattr(customer_profiles_typed, f"{operation}Request")
    shape = _wire.CLASS_SHAPES[cls]
    typed_name = load_script("generate_models").dict_name(shape)
    assert inspect.signature(cls.to_boto3).return_annotation == typed_name
    typed: Any = getattr(wire_types, typed_name)
    keys = set(typed.__required_keys__) | set(typed.__optional_keys__)
    assert keys == set(_wire.FIELDS[shape].values())
    assert set(typed.__required_keys__) == set(_model.required_members(_model.shape(shape)))
