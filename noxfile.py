"""The check suite of customer-profiles-typed.

Run all of it with one command; it needs nothing but Python 3.10+ and PyPI::

    python3 scripts/check.py

That creates ``.venv`` with nox in it (once) and runs ``nox`` from there; any
arguments are passed on to nox, e.g. ``python3 scripts/check.py -s typecheck``,
``python3 scripts/check.py -R`` (reuse the session venvs and skip installs) or
``python3 scripts/check.py --list``. CI runs the same command (``.ci/run``).

Sessions:

``tests``
    pytest over ``tests/`` (except the typing harness) on the oldest and the
    newest Python of 3.10 ... 3.13 found on the machine. Collecting no tests
    (pytest exit code 5) fails.
``typecheck``
    ``mypy`` (strict, ``[tool.mypy]``: src, tests, examples), ``pyright`` (strict,
    ``[tool.pyright]``: src and examples, plus the stubs in ``stubs/``) and mypy's
    ``stubtest``, which checks ``stubs/`` against the installed boto3 and
    botocore.
``typing_tests``
    mypy and pyright over the typing cases in ``tests/typing/`` (see
    ``tests/typing/test_harness.py``), then the harness's own meta-tests.
``fidelity``
    ``tests/fidelity/``: the emulator driven by unmodified third-party
    clients. The AWS CLI v1 gets a virtualenv of its own inside the session's
    (``awscli`` comes with a botocore of its own, which must not replace the
    one this library is checked against); its ``aws`` is passed to pytest as
    ``CPT_AWS_CLI``. capo-customer-profiles, which does not use botocore,
    is installed next to the project.
``docs``
    ``mkdocs build --strict`` of the documentation site (``mkdocs.yml``, pages in
    ``docs/``) into a temporary folder: a broken link or anchor, a missing page
    or a docstring mkdocstrings cannot read fails it. Its examples run in
    ``tests/test_doc_examples.py``.

Interpreters are looked up as ``python3.X`` on ``PATH``, then in the versions
of ``pyenv root`` and of ``~/.pyenv``; each candidate is run once to check it
works. Versions not found are not scheduled; if none is found, the Python
running nox is used. Locally session venvs are reused; with ``CI`` set they
are always created afresh.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.5.1"

SUPPORTED = ("3.10", "3.11", "3.12", "3.13")
ROOT = Path(__file__).resolve().parent
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")

nox.options.sessions = ["tests", "typecheck", "typing_tests", "fidelity", "docs"]
nox.options.reuse_venv = "no" if IN_CI else "yes"
nox.options.error_on_external_run = True
# Only interpreters found below are scheduled; never fetch one from elsewhere.
nox.options.download_python = "never"


def _version_of(executable: str) -> str | None:
    """``"3.X"`` if ``executable`` runs, else ``None`` (a pyenv shim may not)."""
    try:
        result = subprocess.run(
            [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _pyenv_roots() -> list[Path]:
    roots: list[Path] = []
    pyenv = shutil.which("pyenv")
    if pyenv:
        result = subprocess.run(
            [pyenv, "root"], stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
        )
        if result.returncode == 0 and result.stdout.strip():
            roots.append(Path(result.stdout.strip()))
    if os.environ.get("PYENV_ROOT"):
        roots.append(Path(os.environ["PYENV_ROOT"]))
    roots.append(Path.home() / ".pyenv")
    return list(dict.fromkeys(roots))


def _candidates(version: str) -> list[str]:
    found: list[str] = []
    on_path = shutil.which(f"python{version}")
    if on_path:
        found.append(on_path)
    for root in _pyenv_roots():
        releases = [
            d
            for d in (root / "versions").glob(f"{version}.*")
            if re.fullmatch(rf"{re.escape(version)}\.\d+", d.name)
        ]
        # Newest patch release first.
        for release in sorted(releases, key=lambda d: int(d.name.rsplit(".", 1)[1]), reverse=True):
            found.append(str(release / "bin" / f"python{version}"))
    return found


def _discover() -> dict[str, str]:
    """Map each supported ``3.X`` present on this machine to a working interpreter."""
    interpreters: dict[str, str] = {}
    for version in SUPPORTED:
        for candidate in _candidates(version):
            if _version_of(candidate) == version:
                interpreters[version] = candidate
                break
    return interpreters


def _schedule() -> tuple[list[str], str]:
    """The Pythons for ``tests`` (oldest and newest) and the one for the checkers."""
    interpreters = _discover()
    if not interpreters:
        # Nothing of 3.10 ... 3.13 besides what may be running nox: use that.
        current = "%d.%d" % sys.version_info[:2]
        interpreters = {current: sys.executable}
    # nox looks interpreters up by name on PATH; put the ones found elsewhere
    # (pyenv versions hidden behind shims) in front.
    for version, executable in interpreters.items():
        if shutil.which(f"python{version}") != executable:
            os.environ["PATH"] = os.pathsep.join([str(Path(executable).parent), os.environ.get("PATH", "")])
    versions = sorted(interpreters, key=lambda v: tuple(int(p) for p in v.split(".")))
    oldest, newest = versions[0], versions[-1]
    # Type checkers target 3.10 (``python_version`` / ``pythonVersion``); run
    # them, and stubtest, on the oldest Python too.
    return list(dict.fromkeys([oldest, newest])), oldest


TEST_PYTHONS, CHECK_PYTHON = _schedule()


def _quiet_tools(session: nox.Session) -> None:
    session.env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    session.env["PYRIGHT_PYTHON_IGNORE_WARNINGS"] = "1"


@nox.session(python=TEST_PYTHONS)
def tests(session: nox.Session) -> None:
    """pytest on the oldest and the newest supported Python present."""
    _quiet_tools(session)
    session.install("-e", ".[test]")
    # tests/typing holds never-executed typing cases; its meta-tests run in
    # ``typing_tests``; tests/fidelity needs the clients of ``fidelity``. nox
    # fails on any non-zero exit, including pytest's 5 ("no tests collected").
    session.run("python", "-m", "pytest", "--ignore=tests/typing", "--ignore=tests/fidelity", *session.posargs)


def _stubbed_modules() -> list[str]:
    """The top-level packages that ``stubs/`` covers, for stubtest."""
    return sorted(p.name for p in (ROOT / "stubs").iterdir() if (p / "__init__.pyi").is_file())


@nox.session(python=CHECK_PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict, pyright strict, and stubtest for stubs/."""
    _quiet_tools(session)
    session.install("-e", ".[typing,test]")
    session.run("mypy")
    session.run("pyright")
    session.run("pyright", "stubs")
    # Runtime names the stubs leave out are fine (--ignore-missing-stub: the
    # stubs are partial on purpose); everything they do declare must match.
    session.run(
        "python",
        "-m",
        "mypy.stubtest",
        *_stubbed_modules(),
        "--ignore-missing-stub",
        "--mypy-config-file",
        "pyproject.toml",
        "--allowlist",
        "stubs/stubtest-allowlist.txt",
    )


@nox.session(python=CHECK_PYTHON)
def typing_tests(session: nox.Session) -> None:
    """Typing cases in tests/typing checked by mypy and pyright, plus meta-tests."""
    _quiet_tools(session)
    session.install("-e", ".[typing,test]")
    # Files are named explicitly: [tool.mypy] excludes tests/typing from the
    # main run, and that exclusion applies to directories given to mypy.
    cases = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "typing").glob("*.py"))
    session.run("mypy", *cases)
    session.run("pyright", "-p", "tests/typing")
    session.run("python", "-m", "pytest", "tests/typing", *session.posargs)


AWS_CLI = "awscli>=1.46"
"""The AWS CLI v1 release line the fidelity tests drive."""

CAPO = "capo-customer-profiles>=0.11"
"""An SDK with its own HTTP stack and SigV4 signer (no botocore)."""


@nox.session(python=CHECK_PYTHON)
def fidelity(session: nox.Session) -> None:
    """tests/fidelity: the emulator driven by the AWS CLI (own virtualenv) and capo."""
    _quiet_tools(session)
    session.install("-e", ".[test]", CAPO)
    cli_venv = Path(session.create_tmp()) / "aws-cli"
    scripts = cli_venv / ("Scripts" if os.name == "nt" else "bin")
    aws = scripts / ("aws.cmd" if os.name == "nt" else "aws")
    pip = [str(scripts / "python"), "-m", "pip", "install", "--quiet", AWS_CLI]
    if aws.is_file():
        # An existing CLI is kept with --no-install (``check.py -R``).
        session.run_install(*pip, external=True)
    else:
        session.run("python", "-m", "venv", "--clear", str(cli_venv))
        session.run(*pip, external=True)
    session.run(str(aws), "--version", external=True)
    session.run(
        "python",
        "-m",
        "pytest",
        "tests/fidelity",
        *session.posargs,
        env={"CPT_AWS_CLI": str(aws)},
    )


@nox.session(python=TEST_PYTHONS[-1])
def docs(session: nox.Session) -> None:
    """The documentation site, built strict into a temporary folder (newest Python present)."""
    _quiet_tools(session)
    session.env["NO_MKDOCS_2_WARNING"] = "1"  # a theme notice printed on every build
    session.install("-e", ".[docs]")
    site = Path(session.create_tmp()) / "site"
    session.run("mkdocs", "build", "--strict", "--site-dir", str(site), *session.posargs)
