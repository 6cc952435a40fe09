#!/usr/bin/env python3
"""Run the whole check suite: ``python3 scripts/check.py [nox arguments]``.

Needs only Python 3.10+ and access to PyPI. Creates ``.venv`` in the project
root if it is missing, installs nox into it if nox is missing or too old, and
runs nox there with the given arguments (the sessions are in ``noxfile.py``).
Standard library only, so that it runs before anything is installed.
"""

import os
import subprocess
import sys
import venv
from pathlib import Path

MINIMUM_PYTHON = (3, 10)
NOX_MINIMUM = (2025, 5, 1)  # keep in step with nox.needs_version in noxfile.py
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")

_PROBE = (
    "import sys\n"
    "from importlib.metadata import PackageNotFoundError, version\n"
    "try:\n"
    "    nox = tuple(int(p) for p in version('nox').split('.')[:3])\n"
    "except (PackageNotFoundError, ValueError):\n"
    "    nox = ()\n"
    "print('%d.%d' % sys.version_info[:2], '.'.join(map(str, nox)))\n"
)


def _probe() -> "tuple[tuple[int, ...], tuple[int, ...]] | None":
    """(Python version, nox version) of ``.venv``, or None if it does not run."""
    try:
        result = subprocess.run(
            [str(VENV_PYTHON), "-c", _PROBE], stdin=subprocess.DEVNULL, capture_output=True, text=True
        )
    except OSError:
        return None
    if result.returncode != 0:
        return None
    python, _, nox = result.stdout.strip().partition(" ")
    return tuple(map(int, python.split("."))), tuple(int(p) for p in nox.split(".") if p)


def main(argv: "list[str]") -> int:
    if sys.version_info < MINIMUM_PYTHON:
        sys.stderr.write("check.py needs Python %d.%d or newer.\n" % MINIMUM_PYTHON)
        return 2
    state = _probe()
    if state is None:
        print("Creating %s" % VENV, flush=True)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        state = _probe()
        if state is None:
            sys.stderr.write("%s does not run after creating it.\n" % VENV_PYTHON)
            return 2
    python_version, nox_version = state
    if python_version < MINIMUM_PYTHON:
        sys.stderr.write(
            "%s uses Python %s; remove it and run this again with Python %d.%d+.\n"
            % (VENV, ".".join(map(str, python_version)), *MINIMUM_PYTHON)
        )
        return 2
    if nox_version < NOX_MINIMUM:
        print("Installing nox into %s" % VENV, flush=True)
        subprocess.run(
            [
                str(VENV_PYTHON),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "nox>=%d.%d.%d" % NOX_MINIMUM,
            ],
            stdin=subprocess.DEVNULL,
            check=True,
        )
    return subprocess.run([str(VENV_PYTHON), "-m", "nox", *argv], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
