"""The package's imports run one way: from enums and models up to the clients and the CLI.

Every module of ``customer_profiles_typed`` sits in one layer, and a module
imports only modules of its own layer or of the layers below:

0. base: ``_model``, ``_timestamps``, ``enums``, ``errors``, ``_validation_hook``,
   ``_field_docs`` (the AWS model, timestamps, names, exceptions, the switches of
   checking, and the field docs ``help()`` shows);
1. models: ``models/*`` and ``integration`` (the attrs classes);
2. wire names: ``_wire``, ``_wire_tables``, ``wire_types`` and ``_paths`` (a path
   is kept in both spellings, so it reads the name tables);
3. checks and conversion: ``_fast``, ``_checks``, ``_converter``, ``arns`` (it
   checks ARN parts with ``_checks``) and ``rules/*``;
4. validation: ``validation`` and ``links``;
5. builders, spec files and operations: ``builders``, ``specs``, ``_operations``,
   and the rule catalogue with its examples (``_catalogue``, ``_rule_examples``);
6. clients: ``resources/*``, ``client``, ``aio``;
7. outer: ``cli/*``, ``testing/*``, ``_demo``, ``__main__`` and the package's own
   ``__init__`` (it loads the client, builders and specs lazily).

The edges are the ``import`` statements, read with ``ast``: at module level and
inside functions alike (a function-level import is still an edge, only a later
one), but not those under ``if TYPE_CHECKING:``, which never run. A few
entry points call up on purpose; they are listed in ``ALLOWED_UPWARD`` with the
reason, they import inside the function only, and the docstring of their module
says that it may call up. ``docs/architecture.md`` describes the same layers.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "customer_profiles_typed"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("base", frozenset({"_model", "_timestamps", "enums", "enums.*", "errors", "_validation_hook", "_field_docs", "_nesting", "_lazy"})),
    ("models", frozenset({"models", "models.*", "integration"})),
    ("wire names", frozenset({"_wire", "_wire_tables", "wire_types", "_paths"})),
    ("checks and conversion", frozenset({"_fast", "_checks", "_converter", "arns", "rules", "rules.*"})),
    ("validation", frozenset({"validation", "links"})),
    ("builders, specs and operations", frozenset({"builders", "specs", "_spec_yaml", "_dependencies", "cloudformation", "cloudformation.*", "_operations", "_guards", "_redact", "_rule_examples", "_catalogue"})),
    ("clients", frozenset({"resources", "resources.*", "client", "aio"})),
    ("outer", frozenset({"", "__main__", "_demo", "cli", "cli.*", "testing", "testing.*"})),
)
"""Layer name and its modules, lowest first; names are relative to the package
(``""`` is the package itself), ``x.*`` stands for every module of package ``x``."""

ALLOWED_UPWARD: dict[tuple[str, str], str] = {
    ("models._base", "validation"): "Request.from_boto3 and Response.from_boto3 check what they read",
    ("models._base", "_converter"): "from_boto3/to_boto3 convert with the one converter",
    ("models.integrations", "validation"): "PutIntegrationRequest.from_boto3 and Integration.from_boto3 check what they read",
    ("models.integrations", "_converter"): "from_boto3/to_boto3 convert with the one converter",
    ("_validation_hook", "validation"): "on_init checks a new object; skip_rules checks the rule IDs it is given",
}
"""(importer, imported) -> why an entry point may call up, at call time only."""


@dataclass(frozen=True)
class Edge:
    """One import of a package module by another."""

    importer: str
    imported: str
    line: int
    deferred: bool
    """Inside a function: it runs when the function is called, not at import."""


def module_names() -> dict[str, Path]:
    """Every module of the package by its name relative to the package (``""`` for the package)."""
    found: dict[str, Path] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = module_names()


def layer_of(module: str) -> int | None:
    """The index of a module's layer, or ``None`` if no layer names it."""
    for index, (_, members) in enumerate(LAYERS):
        if module in members:
            return index
        if any(member.endswith(".*") and module.startswith(member[:-1]) for member in members):
            return index
    return None


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _target(importer: str, is_package: bool, node: ast.ImportFrom, alias: ast.alias) -> str | None:
    """The package module a ``from ... import`` reads (the submodule when it names one)."""
    if node.level:
        base = importer.split(".") if importer else []
        if not is_package:
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        module = ".".join([PACKAGE, *base, *([node.module] if node.module else [])])
    else:
        module = node.module or ""
    if module != PACKAGE and not module.startswith(PACKAGE + "."):
        return None
    relative = module[len(PACKAGE) + 1 :]
    submodule = f"{relative}.{alias.name}" if relative else alias.name
    return submodule if submodule in MODULES else relative


def edges(importer: str, path: Path) -> Iterator[Edge]:
    """The runtime imports of package modules in one module."""
    is_package = path.name == "__init__.py"

    def visit(nodes: list[ast.stmt] | list[ast.AST], deferred: bool) -> Iterator[Edge]:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                yield from visit(node.orelse, deferred)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(PACKAGE + "."):
                        name = alias.name[len(PACKAGE) + 1 :]
                        yield Edge(importer, name, node.lineno, deferred)
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    target = _target(importer, is_package, node, alias)
                    if target is not None:
                        yield Edge(importer, target, node.lineno, deferred)
            else:
                inner = deferred or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                yield from visit(list(ast.iter_child_nodes(node)), inner)

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    yield from visit(tree.body, False)


def all_edges() -> list[Edge]:
    return [edge for name, path in MODULES.items() for edge in edges(name, path)]


def _shown(module: str) -> str:
    return f"{PACKAGE}.{module}" if module else PACKAGE


def upward(found: list[Edge]) -> list[str]:
    """The imports that go from a lower layer to a higher one and are not allowed, described."""
    problems: list[str] = []
    for edge in found:
        low, high = layer_of(edge.importer), layer_of(edge.imported)
        if low is None or high is None or high <= low:
            continue
        if edge.deferred and (edge.importer, edge.imported) in ALLOWED_UPWARD:
            continue
        problems.append(
            f"{MODULES[edge.importer].relative_to(SOURCE.parent)}:{edge.line}: "
            f"{_shown(edge.importer)} (layer {low}, {LAYERS[low][0]}) imports "
            f"{_shown(edge.imported)} (layer {high}, {LAYERS[high][0]})"
            + ("" if edge.deferred else " at import time")
        )
    return problems


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(_shown(name) for name in MODULES if layer_of(name) is None)
    assert not unplaced, f"add these modules to a layer in LAYERS (and docs/architecture.md): {unplaced}"


def test_no_import_goes_up_a_layer() -> None:
    problems = upward(all_edges())
    assert not problems, "imports from a lower layer to a higher one:\n" + "\n".join(problems)


@pytest.mark.parametrize(("importer", "imported"), sorted(ALLOWED_UPWARD))
def test_each_allowed_upward_call_is_a_call_time_import_its_module_documents(
    importer: str, imported: str
) -> None:
    found = [edge for edge in edges(importer, MODULES[importer]) if edge.imported == imported]
    assert found, f"{_shown(importer)} no longer imports {_shown(imported)}: drop it from ALLOWED_UPWARD"
    at_import = [edge.line for edge in found if not edge.deferred]
    assert not at_import, f"{_shown(importer)} imports {_shown(imported)} at import time (lines {at_import})"
    layer_low, layer_high = layer_of(importer), layer_of(imported)
    assert layer_low is not None and layer_high is not None and layer_high > layer_low
    docstring = ast.get_docstring(ast.parse(MODULES[importer].read_text(encoding="utf-8"))) or ""
    assert "may call up" in " ".join(docstring.split()), (
        f"the docstring of {_shown(importer)} must say that its entry points may call up"
    )


def test_the_walk_sees_every_kind_of_import(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import customer_profiles_typed.client\n"
        "from customer_profiles_typed import validation, enums\n"
        "from . import _checks\n"
        "from .models import integrations\n"
        "if TYPE_CHECKING:\n"
        "    from customer_profiles_typed import cli\n"
        "def later() -> None:\n"
        "    from customer_profiles_typed.specs import Spec\n",
        encoding="utf-8",
    )
    found = {(edge.imported, edge.deferred) for edge in edges("_converter", source)}
    assert found == {
        ("client", False),
        ("validation", False),
        ("enums", False),
        ("_checks", False),
        ("models.integrations", False),
        ("specs", True),
    }
    problems = upward(
        [Edge("_converter", "validation", 3, False), Edge("models._base", "validation", 9, True)]
    )
    assert len(problems) == 1 and "imports customer_profiles_typed.validation" in problems[0]
