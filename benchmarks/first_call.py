"""What the first call costs in a fresh process, next to plain boto3: import, client, first answer.

Each case is a new interpreter that imports, builds a client, queues one
stubbed answer on botocore's ``Stubber`` and makes one ``put_integration`` of
the small flow (6 tasks); it prints how long each step took
(``time.perf_counter`` around it):

- boto3: ``import boto3``; ``Session(...).client("customer-profiles")``;
  ``client.put_integration(**kwargs)`` with the dict literal.
- library: ``import boto3`` and ``import customer_profiles_typed``;
  ``CustomerProfiles(session=Session(...))``; the flow built with ``s3_flow``
  and sent with ``profiles.put_integration(...)``: the first call builds the
  converter, compiles the checks of the classes it meets and loads the rules.

Importing ``botocore.stub`` and queueing the answer happen between the timed
steps, in both cases. Cases run interleaved, one of each per round in a rotating
order; every "extra" is the library's time minus boto3's of the same round,
then the median over rounds. Targets: import at most +12 ms, import + client +
first call at most +25 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import _common as c

TARGET_IMPORT_MS = 12.0
TARGET_FIRST_CALL_MS = 25.0
HERE = Path(__file__).resolve().parent

_PRELUDE = f"""
import json, sys, time
sys.path.insert(0, {str(HERE)!r})
import _common as c
clock = time.perf_counter
"""

_SESSION = (
    "Session(aws_access_key_id='bench', aws_secret_access_key='bench', region_name='us-east-1')"
)

CASES = {
    "boto3": _PRELUDE
    + f"""
kwargs = c.request_wire(c.SMALL_TASKS)
begin = clock()
import boto3
from boto3.session import Session
imported = clock()
client = {_SESSION}.client("customer-profiles")
built = clock()
from botocore.stub import Stubber
stubber = Stubber(client); stubber.activate(); stubber.add_response("put_integration", c.put_response())
ready = clock()
client.put_integration(**kwargs)
answered = clock()
print(json.dumps({{"import": imported - begin, "client": built - imported, "call": answered - ready}}))
""",
    "library": _PRELUDE
    + f"""
begin = clock()
import boto3
from boto3.session import Session
import customer_profiles_typed as cpt
imported = clock()
profiles = cpt.CustomerProfiles(session={_SESSION})
built = clock()
from botocore.stub import Stubber
stubber = Stubber(profiles.boto3_client); stubber.activate()
stubber.add_response("put_integration", c.put_response())
ready = clock()
profiles.put_integration(
    domain_name=c.DOMAIN, object_type_name=c.OBJECT_TYPE, tags=c.TAGS,
    flow_definition=c.typed_flow(c.SMALL_TASKS),
)
answered = clock()
print(json.dumps({{"import": imported - begin, "client": built - imported, "call": answered - ready}}))
""",
}

STEPS = ("import", "client", "call")


def run_case(code: str) -> dict[str, float]:
    done = c.run_fresh(code)
    times: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    times["total"] = sum(times[step] for step in STEPS)
    return times


def profile_first_call() -> list[str]:
    """Where the library's extra goes, from ``-X importtime`` and ``cProfile`` of one fresh run."""
    code = CASES["library"].replace(
        "profiles.put_integration(",
        "import cProfile, pstats, io\nprofiler = cProfile.Profile(); profiler.enable()\n"
        "profiles.put_integration(",
    ).replace(
        "answered = clock()",
        "answered = clock(); profiler.disable()\n"
        "out = io.StringIO(); pstats.Stats(profiler, stream=out).sort_stats('cumulative')"
        ".print_stats(r'customer_profiles_typed|cattrs', 12); sys.stderr.write(out.getvalue())",
    )
    done = c.run_fresh(code)
    rows = [line for line in done.stderr.splitlines() if "customer_profiles_typed" in line]
    return rows[:12]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--profile", action="store_true", help="also print a profile of one first call")
    args = parser.parse_args(argv)
    c.header("First call in a fresh process: import, client, one put_integration (6 tasks)", c.machine())
    for code in CASES.values():  # warm the bytecode caches; not counted
        run_case(code)

    measured: dict[str, list[dict[str, float]]] = {name: [] for name in CASES}
    names = list(CASES)
    for round_number in range(args.rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            measured[name].append(run_case(CASES[name]))

    def ms(value: float) -> str:
        return f"{value * 1e3:7.1f} ms"

    print(f"{'step':<8} {'boto3':>10} {'library':>10} {'extra':>10}")
    extras: dict[str, float] = {}
    for step in (*STEPS, "total"):
        plain = statistics.median(run[step] for run in measured["boto3"])
        typed = statistics.median(run[step] for run in measured["library"])
        extra = statistics.median(
            ours[step] - theirs[step] for ours, theirs in zip(measured["library"], measured["boto3"])
        )
        extras[step] = extra
        print(f"{step:<8} {ms(plain):>10} {ms(typed):>10} {ms(extra):>10}")
    print(f"({args.rounds} rounds; medians; extra taken per round)")
    if args.profile:
        print("profile of one first call (cumulative, the library's functions):")
        for row in profile_first_call():
            print(f"   {row.strip()}")
    imported, total = extras["import"] * 1e3, extras["total"] * 1e3
    print(
        f"target: import <= +{TARGET_IMPORT_MS:.0f} ms over boto3: +{imported:.1f} ms, "
        f"{c.verdict(imported, TARGET_IMPORT_MS)}"
    )
    print(
        f"target: import + client + first call <= +{TARGET_FIRST_CALL_MS:.0f} ms over boto3: "
        f"+{total:.1f} ms, {c.verdict(total, TARGET_FIRST_CALL_MS)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
