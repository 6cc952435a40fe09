"""A timestamp given as an ISO 8601 string or epoch seconds, against the same one as a ``datetime``.

``PutIntegrationRequest.from_boto3(d)`` of the 500-task request, whose
``ScheduleStartTime`` is a ``datetime``, an ISO 8601 string (the form spec
files use) or epoch seconds: the three run interleaved, round by round. Each
call reads a request with a timestamp of its own (a different second each
time), so no parse is served from a cache the others lack.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import warnings
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import _common as c

TARGET = 1.05
"""A string timestamp costs no more than a ``datetime`` (within the noise)."""

DISTINCT = 4096
"""Requests per candidate, each with its own instant."""


def _payloads(form: Callable[[Any], object]) -> list[dict[str, Any]]:
    base = c.request_wire(500)
    found = []
    for offset in range(DISTINCT):
        payload = dict(base)
        flow = dict(payload["FlowDefinition"])
        trigger = copy.deepcopy(flow["TriggerConfig"])
        scheduled = trigger["TriggerProperties"]["Scheduled"]
        scheduled["ScheduleStartTime"] = form(c.START + timedelta(seconds=offset))
        flow["TriggerConfig"] = trigger
        payload["FlowDefinition"] = flow
        found.append(payload)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds before stopping early")
    args = parser.parse_args(argv)
    c.header("Timestamps: from_boto3 of the 500-task request, by form of ScheduleStartTime", c.machine())
    warnings.simplefilter("error")

    from customer_profiles_typed import PutIntegrationRequest

    forms: dict[str, Callable[[Any], object]] = {
        "datetime": lambda when: when,
        "ISO 8601 string": lambda when: when.isoformat().replace("+00:00", "Z"),
        "epoch seconds": lambda when: when.timestamp(),
    }
    candidates: dict[str, Callable[[], object]] = {}
    for name, form in forms.items():
        cycle = itertools.cycle(_payloads(form))
        candidates[name] = lambda cycle=cycle: PutIntegrationRequest.from_boto3(next(cycle))
    inner = c.calibrate_inner(candidates["datetime"], target=0.05)
    result = c.interleaved(candidates, rounds=args.rounds, inner=inner, budget=args.budget)
    print(f"{'form':<17} {'per call':>10} {'vs datetime':>12}")
    worst = 0.0
    for name in forms:
        ratio = result.ratio(name, "datetime")
        if name != "datetime":
            worst = max(worst, ratio)
        print(f"{name:<17} {c.fmt_time(result.median(name)):>10} {ratio:>11.2f}x")
    print(f"({len(result.seconds['datetime'])} rounds of {inner} calls; medians of per-round ratios)")
    print(f"target: a string or number costs no more than a datetime (<= {TARGET:.2f}x): worst {worst:.2f}x, {c.verdict(worst, TARGET)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
