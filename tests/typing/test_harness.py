"""Meta-tests: the typing-test harness in this folder can actually fail.

The case files (every other ``*.py`` here) are never executed; the
``typing_tests`` nox session type-checks them with mypy and pyright, and both
must report nothing. A negative case is one line carrying the error it must
produce::

    boto3.client(None)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]

mypy's ``warn_unused_ignores`` and pyright's ``reportUnnecessaryTypeIgnoreComment``
turn a case that stops failing into an error. These tests check the other half:
with its ignore comment removed, every negative case is reported by the
checker, with exactly the codes its comment names, and a stale ignore comment
is reported under the project's configuration.

Run by the ``typing_tests`` session (``pytest tests/typing``), not by ``tests``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

MYPY_IGNORE = re.compile(r"#\s*type:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")
PYRIGHT_IGNORE = re.compile(r"#\s*pyright:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")
MYPY_ERROR = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?:\d+:)? error: .*\[(?P<code>[a-z0-9-]+)\]$")


@dataclass(frozen=True)
class Case:
    file: str
    line: int  # 1-based
    mypy: frozenset[str]
    pyright: frozenset[str]


def _codes(match: re.Match[str] | None, where: str) -> frozenset[str]:
    if match is None:
        return frozenset()
    codes = frozenset(c.strip() for c in (match.group("codes") or "").split(",") if c.strip())
    if not codes:
        pytest.fail(f"{where}: an ignore comment must name its error code(s)")
    return codes


def case_files() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith(("test_", "conftest")))


def _comments(path: Path) -> dict[int, tuple[int, str]]:
    """``{line: (column, text)}`` of the real comments (not strings) in ``path``."""
    with path.open("rb") as source:
        return {
            token.start[0]: (token.start[1], token.string)
            for token in tokenize.tokenize(source.readline)
            if token.type == tokenize.COMMENT
        }


def strip_cases(dest: Path) -> list[Case]:
    """Copy the case files to ``dest`` without their ignore comments."""
    cases: list[Case] = []
    for path in case_files():
        comments = _comments(path)
        kept: list[str] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            column, comment = comments.get(number, (0, ""))
            mypy = MYPY_IGNORE.search(comment)
            pyright = PYRIGHT_IGNORE.search(comment)
            starts = [m.start() for m in (mypy, pyright) if m is not None]
            if starts:
                where = f"{path.name}:{number}"
                cases.append(Case(path.name, number, _codes(mypy, where), _codes(pyright, where)))
                line = line[: column + min(starts)].rstrip()
            kept.append(line)
        (dest / path.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return cases


def run_mypy(folder: Path) -> set[tuple[str, int, str]]:
    """Type-check ``folder`` with the project's mypy config: ``(file, line, code)``."""
    files = sorted(str(p) for p in folder.glob("*.py"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(folder / ".mypy_cache"),
            "--no-error-summary",
            *files,
        ],
        cwd=ROOT,  # mypy_path = "stubs" is relative to the project root
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    found: set[tuple[str, int, str]] = set()
    for line in result.stdout.splitlines():
        match = MYPY_ERROR.match(line)
        if match:
            found.add((Path(match.group("path")).name, int(match.group("line")), match.group("code")))
    return found


def run_pyright(folder: Path) -> set[tuple[str, int, str]]:
    """Type-check ``folder`` with this folder's pyright config: ``(file, line, rule)``."""
    config = json.loads((HERE / "pyrightconfig.json").read_text(encoding="utf-8"))
    config["stubPath"] = str((HERE / config["stubPath"]).resolve())
    config["extraPaths"] = [str((HERE / p).resolve()) for p in config.get("extraPaths", [])]
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", "-p", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    report = json.loads(result.stdout[result.stdout.index("{") :])
    found: set[tuple[str, int, str]] = set()
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = int(diagnostic["range"]["start"]["line"]) + 1
            found.add((Path(diagnostic["file"]).name, line, str(diagnostic.get("rule", ""))))
    return found


def _expected(cases: list[Case], checker: str) -> Iterator[tuple[str, int, str]]:
    for case in cases:
        for code in case.mypy if checker == "mypy" else case.pyright:
            yield (case.file, case.line, code)


@pytest.mark.parametrize("checker", ["mypy", "pyright"])
def test_each_negative_case_fails_without_its_ignore(checker: str, tmp_path: Path) -> None:
    cases = strip_cases(tmp_path)
    expected = set(_expected(cases, checker))
    assert expected, f"no negative {checker} cases found in {HERE.name}/"
    found = run_mypy(tmp_path) if checker == "mypy" else run_pyright(tmp_path)
    # Errors reported on a case line must be exactly the ones its comment names;
    # lines without a comment must stay clean.
    missing = sorted(expected - found)
    unexpected = sorted(found - expected)
    assert not missing, f"{checker}: these cases no longer produce their error: {missing}"
    assert not unexpected, f"{checker}: errors not named by any case comment: {unexpected}"


@pytest.mark.parametrize(
    ("checker", "expected"),
    [("mypy", (1, "unused-ignore")), ("pyright", (1, "reportUnnecessaryTypeIgnoreComment"))],
)
def test_a_case_that_stops_failing_is_reported(checker: str, expected: tuple[int, str], tmp_path: Path) -> None:
    (tmp_path / "cases_stale.py").write_text(
        "x: int = 1  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]\n",
        encoding="utf-8",
    )
    found = run_mypy(tmp_path) if checker == "mypy" else run_pyright(tmp_path)
    assert ("cases_stale.py", *expected) in found
