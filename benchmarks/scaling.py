"""How parse + validate + serialize scales with the number of tasks, next to botocore's.

For flows of 10, 100, 1,000, 10,000 and 20,000 tasks (one projection over n-1
fields, n-1 Map tasks), time ``PutIntegrationRequest.from_boto3(d).to_boto3()``
and botocore's own validate + serialize of the same dict
(``ParamValidator().validate`` + rest-json ``serialize_to_request``). Printed:
the time per task, its ratio to the 10-task and to the 1,000-task figure
(flat means linear cost; the 10-task flow also pays the fixed cost of a
request), and our time per task against botocore's. Every size and both sides
run interleaved, round by round, each with a batch length of its own; each
figure is a median over rounds, ratios taken per round.

Peak memory per task (``tracemalloc``, a separate untimed call of each side)
is what one call allocates above what was live before it, its result
included; printed for both sides, with their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import warnings
from collections.abc import Callable
from typing import Any

import _common as c

SIZES = (10, 100, 1_000, 10_000, 20_000)
TARGET = 1.5
"""Flat: no size costs more than 1.5x the 10-task or the 1,000-task time per task."""
LINEAR_FROM = 1_000
"""The size whose time per task the larger sizes are held to (the fixed cost spread out)."""


def ours(payload: dict[str, Any]) -> Callable[[], object]:
    """Our parse + validate + serialize of ``payload``, checked once to give it back exactly."""
    from customer_profiles_typed import PutIntegrationRequest

    assert PutIntegrationRequest.from_boto3(payload).to_boto3() == payload
    return lambda: PutIntegrationRequest.from_boto3(payload).to_boto3()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--budget", type=float, default=50.0, help="seconds of timing before stopping early")
    parser.add_argument(
        "--sizes", type=lambda text: tuple(int(part) for part in text.split(",")), default=SIZES,
        help="comma-separated task counts, smallest first",
    )
    args = parser.parse_args(argv)
    sizes: tuple[int, ...] = args.sizes
    c.header("Scaling: PutIntegrationRequest.from_boto3(d).to_boto3() by flow size, next to botocore", c.machine())
    warnings.simplefilter("error")

    payloads = {size: c.request_wire(size) for size in sizes}
    candidates: dict[str, Callable[[], object]] = {}
    for size, payload in payloads.items():
        candidates[f"ours {size}"] = ours(payload)
        candidates[f"botocore {size}"] = c.botocore_validate_serialize("PutIntegration", payload)
    # Each candidate gets its own batch length so that every batch takes about as long.
    inners = {name: c.calibrate_inner(function, target=0.05) for name, function in candidates.items()}
    result = c.interleaved(candidates, rounds=args.rounds, inner=inners, budget=args.budget)

    def per_task(side: str, size: int) -> list[float]:
        return [seconds / size for seconds in result.seconds[f"{side} {size}"]]

    def paired(a: list[float], b: list[float]) -> float:
        return statistics.median(x / y for x, y in zip(a, b))

    base = per_task("ours", sizes[0])
    linear_base = LINEAR_FROM if LINEAR_FROM in sizes else sizes[0]
    print(
        f"{'tasks':>7} {'per call':>10} {'per task':>10} {'vs ' + str(sizes[0]):>8} "
        f"{'vs ' + format(linear_base, ','):>8} {'botocore/task':>14} {'vs botocore':>12}   "
        f"{'memory/task':>11} {'botocore':>9} {'ratio':>6}"
    )
    worst = 0.0
    worst_memory = 0.0
    for size in sizes:
        mine = per_task("ours", size)
        theirs = per_task("botocore", size)
        to_small = paired(mine, base)
        to_linear = paired(mine, per_task("ours", linear_base))
        if size >= linear_base:
            worst = max(worst, to_small, to_linear)
        else:
            worst = max(worst, to_small)
        memory = c.peak_bytes(candidates[f"ours {size}"]) / size
        memory_botocore = c.peak_bytes(candidates[f"botocore {size}"]) / size
        worst_memory = max(worst_memory, memory / memory_botocore)
        print(
            f"{size:>7,} {c.fmt_time(statistics.median(result.seconds[f'ours {size}'])):>10} "
            f"{c.fmt_time(statistics.median(mine)):>10} {to_small:>7.2f}x "
            f"{to_linear:>7.2f}x {c.fmt_time(statistics.median(theirs)):>14} "
            f"{paired(mine, theirs):>11.2f}x   "
            f"{memory / 1024:>7.2f} KiB {memory_botocore / 1024:>5.2f} KiB {memory / memory_botocore:>5.2f}x"
        )
    print(f"({len(base)} rounds; medians; per-task ratios taken per round)")
    print(
        f"target: time per task flat (each size <= {TARGET:.1f}x the {sizes[0]}-task figure, and from "
        f"{linear_base:,} tasks on <= {TARGET:.1f}x the {linear_base:,}-task one): worst {worst:.2f}x, "
        f"{c.verdict(worst, TARGET)}"
    )
    print(
        f"target: peak memory per task below botocore's at every size: worst {worst_memory:.2f}x its figure, "
        f"{c.verdict(worst_memory, 1.0 - 1e-9)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
