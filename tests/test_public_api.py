"""The public API as an IDE shows it: exports, docstrings on hover, real parameter names."""

from __future__ import annotations

import ast
import enum
from collections.abc import Callable
import inspect
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest

import customer_profiles_typed
from customer_profiles_typed import aio, builders, errors, integration, models, specs, testing

PUBLIC_MODULES: list[ModuleType] = [
    customer_profiles_typed,
    models,
    integration,
    errors,
    builders,
    specs,
    aio,
    testing,
]


def _public_objects() -> list[tuple[str, object]]:
    found: dict[int, tuple[str, object]] = {}
    for module in PUBLIC_MODULES:
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                found.setdefault(id(value), (f"{module.__name__}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


PUBLIC = _public_objects()


def test_all_is_sorted_and_complete() -> None:
    root = customer_profiles_typed.__all__
    assert root == sorted(root)
    for module in (models, integration, errors, builders, specs):
        # The root re-exports every model, error and builder; spec-file helpers
        # beyond the main ones live in ``customer_profiles_typed.specs``.
        missing = [] if module is specs else [
            name
            for name in module.__all__
            if name not in root
            and (inspect.isclass(getattr(module, name)) or inspect.isfunction(getattr(module, name)))
        ]
        assert not missing, f"{module.__name__} exports {missing} but the package root does not"
        defined = [
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and (inspect.isclass(value) or inspect.isfunction(value))
            and getattr(value, "__module__", None) == module.__name__
        ]
        unexported = sorted(set(defined) - set(module.__all__))
        assert not unexported, f"{module.__name__} defines {unexported} outside __all__"


@pytest.mark.parametrize(("name", "value"), PUBLIC, ids=[name for name, _ in PUBLIC])
def test_every_public_class_and_function_has_a_docstring(name: str, value: object) -> None:
    doc = inspect.getdoc(value)
    assert doc and doc.strip(), f"{name} has no docstring"
    if inspect.isclass(value) and not issubclass(value, enum.Enum):
        for attribute, member in vars(value).items():
            if attribute.startswith("_") or not callable(member) and not isinstance(member, property):
                continue
            assert inspect.getdoc(member), f"{name}.{attribute} has no docstring"


@pytest.mark.parametrize(("name", "value"), PUBLIC, ids=[name for name, _ in PUBLIC])
def test_no_public_signature_hides_its_parameters_in_kwargs(name: str, value: object) -> None:
    callables: list[Callable[..., object]] = [value] if inspect.isfunction(value) else []
    if inspect.isclass(value) and not issubclass(value, (enum.Enum, BaseException)):
        callables.append(cast("Callable[..., object]", value))
        callables += [
            member
            for attribute, member in vars(value).items()
            if inspect.isfunction(member) and not attribute.startswith("_")
        ]
    for function in callables:
        kinds = {p.kind for p in inspect.signature(function).parameters.values()}
        assert inspect.Parameter.VAR_KEYWORD not in kinds, f"{name}: **kwargs in {function}"


def _undocumented_fields(path: Path) -> list[str]:
    """Annotated class attributes not followed by a docstring (what IDEs show on hover)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
            continue
        body = node.body
        for position, statement in enumerate(body):
            if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
                continue
            if statement.target.id.startswith("_"):
                continue
            following = body[position + 1] if position + 1 < len(body) else None
            documented = (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            )
            if not documented:
                missing.append(f"{node.name}.{statement.target.id}")
    return missing


@pytest.mark.parametrize("module", [models, integration, errors, builders, specs], ids=lambda m: m.__name__)
def test_every_model_field_has_a_hover_docstring(module: ModuleType) -> None:
    assert module.__file__ is not None
    assert _undocumented_fields(Path(module.__file__)) == []
