"""What importing the library costs, next to ``import boto3``, in fresh interpreters.

Each case is a new ``python -X importtime -c "..."``; its import time is the sum
of the cumulative times of the top-level modules the statement imports (what
``-X importtime`` prints unindented: nested imports are inside them). The
interpreter's own start-up imports are the same in every case and not counted.
The wall time of the whole process, minus that of an empty interpreter started
in the same round, is printed as a cross-check.

Cases run interleaved: every round starts each case once, in a rotating order;
medians over rounds are printed, and every "extra over boto3" is taken per
round (case minus ``import boto3`` of the same round) before the median.

Peers are measured where they are installed (``pip install -e '.[bench]'``):
troposphere, types-boto3-customer-profiles, capo-customer-profiles and
aws-resource-validator-customer-profiles (the pydantic models).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time

import _common as c

TARGET_RATIO = 1.10
PEER_EXTRA_MS = {
    "troposphere": 14.0,
    "types-boto3": 25.0,
    "capo": 66.0,
    "pydantic peer": 248.0,
}
"""The peers' extra over boto3 as measured by the issue author (ms)."""

LIBRARY = "customer_profiles_typed"
CASES: dict[str, list[str]] = {
    "boto3": ["boto3"],
    "library alone": [LIBRARY],
    "boto3 + library": ["boto3", LIBRARY],
    "boto3 + troposphere": ["boto3", "troposphere.customerprofiles"],
    "boto3 + types-boto3": ["boto3", "types_boto3_customer_profiles"],
    "boto3 + capo": ["boto3", "capo_customer_profiles"],
    "boto3 + pydantic peer": [
        "boto3",
        "aws_resource_validator.pydantic_models.customer_profiles.customer_profiles_classes",
    ],
}
PEER_OF_CASE = {
    "boto3 + troposphere": "troposphere",
    "boto3 + types-boto3": "types-boto3",
    "boto3 + capo": "capo",
    "boto3 + pydantic peer": "pydantic peer",
}
FORBIDDEN = ("boto3", "botocore", "cattrs", "s3transfer", "urllib3", "pydantic")
"""Packages ``import customer_profiles_typed`` must not load."""


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module.split(".")[0]) is not None
    except (ImportError, ValueError):
        return False


def parse_importtime(stderr: str) -> dict[str, int]:
    """Top-level module -> cumulative microseconds, from ``-X importtime`` output."""
    found: dict[str, int] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2]
        if name.startswith(" ") and not name.startswith("  "):  # one separator space: top level
            found[name.strip()] = int(parts[1])
    return found


def run_case(modules: list[str]) -> tuple[float, float]:
    """(import seconds by -X importtime, wall seconds of the process) of one fresh run."""
    code = "; ".join(f"import {module}" for module in modules) or "pass"
    begin = time.perf_counter()
    done = c.run_fresh(code, "-X", "importtime")
    wall = time.perf_counter() - begin
    tops = parse_importtime(done.stderr)
    total = 0
    for module in modules:
        # ``import a.b.c`` imports a, then a.b, then a.b.c, each at the top level.
        parts = module.split(".")
        for end in range(1, len(parts) + 1):
            total += tops.pop(".".join(parts[:end]), 0)
    return total / 1e6, wall


def what_library_imports() -> list[str]:
    """The packages outside the standard library that the import loads, and the checks."""
    code = (
        "import sys; before = set(sys.modules); import customer_profiles_typed; "
        "new = sorted(m for m in set(sys.modules) - before if '.' not in m); print(' '.join(new))"
    )
    done = c.run_fresh(code)
    loaded = done.stdout.split()
    stdlib = set(sys.stdlib_module_names)
    third_party = [m for m in loaded if m not in stdlib and not m.startswith("_") and m != LIBRARY]
    forbidden = [m for m in FORBIDDEN if m in loaded]
    rows = [
        f"third-party packages loaded: {', '.join(third_party) or 'none'}",
        f"boto3/botocore/cattrs loaded: {', '.join(forbidden) or 'none (as required)'}",
    ]
    done = c.run_fresh(f"import {LIBRARY}", "-X", "importtime")
    heavy: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        parts = line[len("import time:") :].split("|") if line.startswith("import time:") else []
        if len(parts) == 3 and parts[0].strip().isdigit():
            name = parts[2].rstrip()
            depth = (len(name) - len(name.lstrip())) // 2
            if depth <= 3:
                heavy.append((int(parts[0]), name.strip()))
    heavy.sort(reverse=True)
    rows.append(
        "largest self times (one run): "
        + ", ".join(f"{name} {micro / 1000:.1f} ms" for micro, name in heavy[:8])
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    c.header("Import time: fresh interpreters, -X importtime", c.machine())

    cases = {name: modules for name, modules in CASES.items() if all(installed(m) for m in modules)}
    for name in CASES:
        if name not in cases:
            print(f"   {name}: not installed")
    for modules in [[], *cases.values()]:  # warm the bytecode caches; not counted
        run_case(modules)

    imports: dict[str, list[float]] = {name: [] for name in cases}
    walls: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for round_number in range(args.rounds):
        shift = round_number % len(names)
        _, empty_wall = run_case([])
        for name in names[shift:] + names[:shift]:
            seconds, wall = run_case(cases[name])
            imports[name].append(seconds)
            walls[name].append(wall - empty_wall)

    def ms(value: float) -> str:
        return f"{value * 1e3:7.1f} ms"

    print(f"{'case':<24} {'import':>10} {'wall-empty':>10} {'extra over boto3':>17}  ratio to boto3")
    base = imports["boto3"]
    results: dict[str, tuple[float, float]] = {}
    for name in names:
        extra = statistics.median(a - b for a, b in zip(imports[name], base))
        ratio = statistics.median(a / b for a, b in zip(imports[name], base))
        results[name] = (extra, ratio)
        print(
            f"{name:<24} {ms(statistics.median(imports[name])):>10} "
            f"{ms(statistics.median(walls[name])):>10} {ms(extra) if name != 'boto3' else '':>17}"
            f"  {ratio:5.2f}x"
        )
    print(f"({args.rounds} rounds; medians)")
    for row in what_library_imports():
        print(row)

    alone = results["library alone"][1]
    print(
        f"target: import {LIBRARY} <= {TARGET_RATIO:.2f}x import boto3: {alone:.2f}x, "
        f"{c.verdict(alone, TARGET_RATIO)}"
    )
    combined_extra, combined_ratio = results["boto3 + library"]
    print(
        f"        with boto3 imported too (what a program using the client pays): "
        f"{combined_ratio:.2f}x, +{combined_extra * 1e3:.1f} ms"
    )
    measured = {PEER_OF_CASE[name]: extra * 1e3 for name, (extra, _) in results.items() if name in PEER_OF_CASE}
    lowest_peer = min([*measured.values(), *PEER_EXTRA_MS.values()])
    print(
        f"target: extra over boto3 below every peer's (lowest: {lowest_peer:.1f} ms, measured here "
        f"or by the issue author): +{combined_extra * 1e3:.1f} ms, "
        f"{c.verdict(combined_extra * 1e3, lowest_peer - 1e-9)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
