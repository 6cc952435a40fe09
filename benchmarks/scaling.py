"""How parse + validate + serialize scales with the number of tasks.

For flows of 10, 100, 1,000 and 10,000 tasks (one projection over n-1 fields,
n-1 Map tasks), time ``PutIntegrationRequest.from_boto3(d).to_boto3()`` and
print the time per task and its ratio to the 10-task figure: a flat line means
linear cost. The sizes run interleaved, round by round, and each size's time
is the median over rounds. Peak memory per task (``tracemalloc``, a separate
untimed run) is what the call allocates above what was live before it.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
import warnings
from typing import Any

import _common as c

SIZES = (10, 100, 1_000, 10_000)
TARGET = 1.5
"""Flat: no size costs more than 1.5x the 10-task time per task."""


def peak_bytes(payload: dict[str, Any]) -> int:
    from customer_profiles_typed import PutIntegrationRequest

    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = PutIntegrationRequest.from_boto3(payload).to_boto3()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--budget", type=float, default=40.0, help="seconds before stopping early")
    args = parser.parse_args(argv)
    c.header("Scaling: PutIntegrationRequest.from_boto3(d).to_boto3() by flow size", c.machine())
    warnings.simplefilter("error")

    from customer_profiles_typed import PutIntegrationRequest

    payloads = {size: c.request_wire(size) for size in SIZES}
    for payload in payloads.values():  # warm up, and check the round trip is exact
        assert PutIntegrationRequest.from_boto3(payload).to_boto3() == payload

    def case(payload: dict[str, Any]) -> Any:
        return lambda: PutIntegrationRequest.from_boto3(payload).to_boto3()

    candidates = {str(size): case(payload) for size, payload in payloads.items()}
    # Each size gets its own batch length so that every batch takes about as long.
    inners = {name: c.calibrate_inner(function, target=0.05) for name, function in candidates.items()}
    seconds: dict[str, list[float]] = {name: [] for name in candidates}
    rounds_done = 0
    started = time.perf_counter()
    names = list(candidates)
    for round_number in range(args.rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            one = c.interleaved({name: candidates[name]}, rounds=1, inner=inners[name])
            seconds[name].append(one.seconds[name][0])
        rounds_done += 1
        if round_number >= 4 and time.perf_counter() - started > args.budget:
            break

    per_task = {size: [s / size for s in seconds[str(size)]] for size in SIZES}
    base = per_task[SIZES[0]]
    print(f"{'tasks':>7} {'per call':>10} {'per task':>10} {'vs 10 tasks':>12} {'peak memory/task':>17}")
    worst = 0.0
    for size in SIZES:
        ratio = statistics.median(a / b for a, b in zip(per_task[size], base))
        worst = max(worst, ratio)
        memory = peak_bytes(payloads[size]) / size
        print(
            f"{size:>7,} {c.fmt_time(statistics.median(seconds[str(size)])):>10} "
            f"{c.fmt_time(statistics.median(per_task[size])):>10} {ratio:>11.2f}x "
            f"{memory / 1024:>13.2f} KiB"
        )
    print(f"({rounds_done} rounds; medians; per-task ratios taken per round)")
    print(f"target: time per task flat (each size <= {TARGET:.1f}x the 10-task figure): worst {worst:.2f}x, {c.verdict(worst, TARGET)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
