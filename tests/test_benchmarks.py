"""The benchmark scripts still run against the library: tiny sizes, one round, no timing judged.

Each script checks, before it times anything, that every candidate gives back
the request it was given (``to_boto3() == literal`` and the like), so a change
of the public API or of what it writes shows up here. The figures are never
looked at: only that each script ends well and prints its tables and targets.
A peer that is not installed is reported as such and passes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run(script: str, *arguments: str) -> str:
    """Run one benchmark script in a fresh interpreter; its output."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_objects_in_code() -> None:
    output = run("objects_in_code.py", "--rounds", "1", "--tasks", "3", "--fields", "2")
    for title in ("PutIntegrationRequest, 3 tasks", "one Map Task", "PutProfileObjectTypeRequest, 2 fields"):
        assert f"-- {title}" in output
    assert output.count("target: ") == 4
    assert "builders (s3_flow)" in output


def test_scaling() -> None:
    output = run("scaling.py", "--rounds", "1", "--sizes", "2,3")
    rows = [line.split()[0] for line in output.splitlines() if line.strip().split(" ")[0] in ("2", "3")]
    assert rows == ["2", "3"]
    assert "target: time per task flat" in output
    assert "target: peak memory per task below botocore's" in output


def test_peers() -> None:
    output = run("peers.py", "--rounds", "1", "--tasks", "3", "--fields", "2", "--live-records", "100")
    for heap in ("small heap", "many live objects"):
        for request in ("PutIntegration, 3 tasks", "PutProfileObjectType, 2 fields"):
            table = output.split(f"-- {request}, {heap}")[1].split("\n-- ")[0]
            for candidate in ("botocore validate+serialize", "customer-profiles-typed", "capo", "troposphere"):
                assert candidate in table
            assert "ranking by median: " in table
            assert "target: customer-profiles-typed <= 0.15x botocore" in table
