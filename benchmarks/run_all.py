"""Run every benchmark, one fresh interpreter each, and print their figures.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install -e '.[bench]' && .venv-bench/bin/python benchmarks/run_all.py

Takes six to eight minutes on two cores (``apply_many`` alone three to four);
each benchmark bounds its own time. Only loopback traffic (the emulator
cases of ``call_overhead`` and ``apply_many``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "call_overhead.py",
    "first_call.py",
    "import_time.py",
    "scaling.py",
    "peers.py",
    "objects_in_code.py",
    "string_timestamps.py",
    "validate_many.py",
    "apply_many.py",
)


def main() -> int:
    failed = []
    for script in SCRIPTS:
        begin = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script)])
        print(f"-- {script}: {time.perf_counter() - begin:.0f} s\n", flush=True)
        if done.returncode != 0:
            failed.append(script)
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
