"""``apply`` over many domains against plain boto3 doing only the writes, with latency on every call.

Every side puts the same integrations (S3 flows, ``--per-domain`` of them in
each of ``--domains`` domains) into a fresh emulator whose calls all answer
``--latency`` late, as a remote API would. Two shapes are measured in the same
run: one integration per domain (200 items) and ten per domain (2,000 items).

- The fair baseline: boto3 ``put_integration`` calls on one plain client from a
  pool of as many threads as apply's ``--concurrency``, doing only the writes.
- ``apply``: ``customer-profiles-typed apply --concurrency 16 --yes`` over one
  spec file of the same requests, every link check on. Before it writes it
  reads what exists once per domain (``ListIntegrations``: what makes a second
  run a no-op) and the facts its link checks use (``GetDomain`` for X10,
  ``GetProfileObjectType`` of the object type the flows feed for X1 and
  X6-X8, the templates once per run). Each domain holds its key and that
  object type beforehand, so the plan warns of nothing.
- ``apply --skip-rule X1 --skip-rule X10``: the same without those two checks;
  and with every check that reads skipped (X1, X6-X8, X10): only the state.
- For context, the old comparison: a sequential ``for`` loop of the calls
  (one integration per domain only: the ten-per-domain loop would take 100 s).

The baseline and the apply variants alternate round by round, their order
rotating; each ratio is taken per round and its median printed. With the
latency on every call and the same number of calls in flight, a run lasts at
least (its calls) x latency / concurrency: the calls each side made are
counted by operation (the emulator counts what it receives) and printed, and
their ratio is the floor the measured ratio is compared with (counting calls
only: the baseline's client also checks its requests, so a ratio can come out
a little under it). Every run is
checked: each domain holds exactly its integrations (nothing lost, nothing
duplicated), and a second apply, timed and counted too, makes no write.

    python benchmarks/apply_many.py [--domains 200] [--per-domain 1,10] [--concurrency 16] [--latency 0.05] [--rounds 5] [--big-rounds 3]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from customer_profiles_typed import PutIntegrationRequest
from customer_profiles_typed.builders import on_demand_trigger, s3_flow
from customer_profiles_typed.cli import main
from customer_profiles_typed.specs import write_specs
from customer_profiles_typed.testing import AccessKey, Emulator, Quotas

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
ACCOUNT = "123456789012"
REGION = "us-east-1"
CREDENTIALS = AccessKey("benchmark", "benchmark-secret", ACCOUNT)
"""The access key the command signs with (from the environment) and the emulator knows."""

EVERY_CALL = 10**7
"""How many calls of each operation the injected latency covers: all of a run's."""

LINK_READS = ("X1", "X6", "X7", "X8", "X10")
"""The link checks that read something of each domain; skipped, only the state is read."""

WRITE_PREFIXES = ("Put", "Create", "Update", "Delete", "Tag", "Untag")
"""Operations whose name starts so change something; every other one reads."""


FIELDS = ["customer_id", "first_name", "last_name", "email", "phone"]
"""The columns every flow maps, and the fields of the object type that reads them."""


def requests(domains: int, per_domain: int = 1) -> list[PutIntegrationRequest]:
    """``per_domain`` S3 integrations in each of ``domains`` domains, each with its own flow."""
    return [
        PutIntegrationRequest(
            domain_name=f"bench-{index:04d}",
            object_type_name="CustomerCsv",
            flow_definition=s3_flow(
                flow_name=f"bench-flow-{index:04d}-{item:02d}",  # flow names are per account
                kms_arn=KMS_KEY,
                bucket_name="example-customer-exports",
                bucket_prefix=f"tenant-{index:04d}/{item:02d}/",
                fields=FIELDS,
                trigger=on_demand_trigger(),
            ),
            tags={"team": "crm"},
        )
        for index in range(domains)
        for item in range(per_domain)
    ]


def _domains_of(wanted: Sequence[PutIntegrationRequest]) -> list[str]:
    return list(dict.fromkeys(request.domain_name for request in wanted))


def prepared_emulator(wanted: Sequence[PutIntegrationRequest], latency: float) -> Emulator:
    """A running emulator holding the domains of ``wanted``, every call then answering ``latency`` late.

    Each domain has the key of the flows and the object type they feed, read
    as the flows write it, as a setup ready for its integrations would: the
    plan has no warning to show (X1, X6-X8, X10 all hold).
    """
    domains = _domains_of(wanted)
    emulator = Emulator(
        credentials=[CREDENTIALS], account_id=ACCOUNT, store_options={"quotas": Quotas(domains=len(domains))}
    ).start()
    client = emulator.client()
    for name in domains:
        client.create_domain(DomainName=name, DefaultExpirationDays=30, DefaultEncryptionKey=KMS_KEY)
        client.put_profile_object_type(
            DomainName=name,
            ObjectTypeName="CustomerCsv",
            Description="Customers from CSV exports",
            Fields={
                field: {"Source": f"_source.{field}", "Target": f"_profile.Attributes.{field}"}
                for field in FIELDS
            },
            Keys={"customer_id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["customer_id"]}]},
        )
    for operation in OPERATIONS:
        emulator.inject_fault(operation, latency=latency, times=EVERY_CALL)
    return emulator


def _operations() -> list[str]:
    import botocore.session

    return list(botocore.session.get_session().get_service_model("customer-profiles").operation_names)


OPERATIONS = _operations()
"""Every operation of the service: "latency on every call" slows them all."""


def counts(emulator: Emulator) -> collections.Counter[str]:
    """The calls the emulator has received so far, by operation."""
    return collections.Counter({op: n for op in OPERATIONS if (n := emulator.request_count(op))})


def check_state(emulator: Emulator, wanted: Sequence[PutIntegrationRequest]) -> int:
    """How many domains do not hold exactly their integrations."""
    expected: dict[str, list[str]] = {}
    for request in wanted:
        flow = request.flow_definition
        assert flow is not None
        uri = f"arn:aws:appflow:{REGION}:{ACCOUNT}:flow/{flow.flow_name}"
        expected.setdefault(request.domain_name, []).append(uri)
    return sum(
        1
        for domain, uris in expected.items()
        if [item.uri for item in emulator.integrations(domain)] != sorted(uris)
    )


class Run:
    """One timed run of one side: its seconds, calls by operation, and whether it left the state right."""

    def __init__(self, seconds: float, calls: collections.Counter[str], ok: bool) -> None:
        self.seconds = seconds
        self.calls = calls
        self.ok = ok
        self.second_seconds: float | None = None
        self.second_calls: collections.Counter[str] = collections.Counter()


def baseline(
    wanted: Sequence[PutIntegrationRequest], latency: float, concurrency: int
) -> Run:
    """Put every request with plain boto3 from ``concurrency`` threads (1: a ``for`` loop)."""
    from botocore.config import Config

    emulator = prepared_emulator(wanted, latency)
    try:
        client = emulator.client(config=Config(max_pool_connections=max(10, concurrency)))
        kwargs = [request.to_boto3() for request in wanted]
        before = counts(emulator)
        start = time.perf_counter()
        if concurrency == 1:
            for item in kwargs:
                client.put_integration(**item)
        else:
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                list(pool.map(lambda item: client.put_integration(**item), kwargs))
        elapsed = time.perf_counter() - start
        return Run(elapsed, counts(emulator) - before, check_state(emulator, wanted) == 0)
    finally:
        emulator.stop()


def _main(argv: list[str]) -> tuple[int, float, dict[str, Any]]:
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, time.perf_counter() - start, json.loads(out.getvalue())


def run_apply(
    wanted: Sequence[PutIntegrationRequest], spec: Path, *, concurrency: int, latency: float, extra: Sequence[str]
) -> Run:
    """``apply`` twice into a fresh emulator: the first creates everything, the second must write nothing."""
    emulator = prepared_emulator(wanted, latency)
    try:
        argv = [
            "apply", str(spec), "--yes", "--output", "json",
            "--concurrency", str(concurrency), "--endpoint-url", emulator.endpoint_url, *extra,
        ]
        before = counts(emulator)
        code, elapsed, report = _main(argv)
        first = counts(emulator) - before
        results = [item["result"] for item in report["items"]]
        ok = (
            code == 0
            and results.count("created") == len(wanted) == len(results)
            and check_state(emulator, wanted) == 0
        )
        code, second_elapsed, report = _main(argv)
        run = Run(elapsed, first, ok)
        run.second_seconds = second_elapsed
        run.second_calls = counts(emulator) - before - first
        run.ok = ok and code == 0 and not writes(run.second_calls) and all(
            item["result"] == "unchanged" for item in report["items"]
        )
        return run
    finally:
        emulator.stop()


def writes(calls: collections.Counter[str]) -> int:
    """How many of ``calls`` change something."""
    return sum(n for op, n in calls.items() if op.startswith(WRITE_PREFIXES))


def _per_domain(calls: collections.Counter[str], domains: int) -> str:
    total = sum(calls.values())
    written = writes(calls)
    return f"{(total - written) / domains:.2f} reads + {written / domains:.2f} writes per domain"


def _calls_table(title: str, columns: dict[str, collections.Counter[str]]) -> None:
    names = sorted(set().union(*columns.values()), key=lambda op: (op.startswith(WRITE_PREFIXES), op))
    width = max(len(name) for name in [*names, "operation"])
    heads = list(columns)
    print(f"  calls by operation, {title}:")
    cell = max(len(head) for head in heads) + 2
    print("    " + "operation".ljust(width) + "".join(head.rjust(cell) for head in heads))
    for name in [*names, "total"]:
        cells = [
            sum(calls.values()) if name == "total" else calls.get(name, 0) for calls in columns.values()
        ]
        print("    " + name.ljust(width) + "".join(str(value).rjust(cell) for value in cells))


def _spread(ratios: list[float]) -> str:
    ordered = sorted(ratios)
    if len(ordered) >= 4:
        low, _, high = statistics.quantiles(ordered, n=4)
        return f"IQR {low:.2f}-{high:.2f}"
    return f"range {ordered[0]:.2f}-{ordered[-1]:.2f}"


def measure_shape(
    domains: int, per_domain: int, *, rounds: int, concurrency: int, latency: float, sequential: bool
) -> bool:
    """Measure one shape (``per_domain`` integrations in each of ``domains``); print it; whether all was right."""
    wanted = requests(domains, per_domain)
    ms = f"{latency * 1000:.0f} ms"
    print(
        f"\n{domains} domains x {per_domain} integration{'s' if per_domain > 1 else ''} = "
        f"{len(wanted)} items, {ms} on every call, concurrency {concurrency}, {rounds} rounds"
    )
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "integrations.json"
        write_specs(spec, wanted)
        if sequential:
            loop = baseline(wanted, latency, 1)
            ok = loop.ok
            print(f"  context: a sequential boto3 loop of the {len(wanted)} put_integration calls: {loop.seconds:.2f} s")
        sides: dict[str, Callable[[], Run]] = {
            "fair baseline": lambda: baseline(wanted, latency, concurrency),
            "apply": lambda: run_apply(wanted, spec, concurrency=concurrency, latency=latency, extra=()),
            "apply --skip-rule X1 --skip-rule X10": lambda: run_apply(
                wanted, spec, concurrency=concurrency, latency=latency,
                extra=("--skip-rule", "X1", "--skip-rule", "X10"),
            ),
            "apply, every link check that reads skipped (X1, X6-X8, X10)": lambda: run_apply(
                wanted, spec, concurrency=concurrency, latency=latency,
                extra=tuple(arg for rule in LINK_READS for arg in ("--skip-rule", rule)),
            ),
        }
        names = list(sides)
        runs: dict[str, list[Run]] = {name: [] for name in names}
        for round_ in range(rounds):
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                run = sides[name]()
                ok = ok and run.ok
                runs[name].append(run)
    fair = runs["fair baseline"]
    print(f"  fair baseline, {concurrency} threads, writes only: {statistics.median(r.seconds for r in fair):.2f} s")
    for name in names[1:]:
        mine = runs[name]
        ratios = [a.seconds / b.seconds for a, b in zip(mine, fair)]
        calls, base_calls = mine[-1].calls, fair[-1].calls
        floor = sum(calls.values()) / sum(base_calls.values())
        second = statistics.median(r.second_seconds or 0.0 for r in mine)
        print(
            f"  {name}: {statistics.median(r.seconds for r in mine):.2f} s, "
            f"{statistics.median(ratios):.2f}x the fair baseline ({_spread(ratios)}); "
            f"floor {floor:.2f}x ({_per_domain(calls, domains)}); "
            f"second run {second:.2f} s, {writes(mine[-1].second_calls)} writes"
        )
    columns = {"baseline": fair[-1].calls}
    for name, short in zip(names[1:], ("apply", "skip X1 X10", "skip reads")):
        columns[short] = runs[name][-1].calls
        columns[f"{short}, again"] = runs[name][-1].second_calls
    _calls_table("last round", columns)
    return ok


def main_benchmark(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domains", type=int, default=200)
    parser.add_argument("--per-domain", default="1,10", help="integrations per domain, one shape each")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the shapes of up to 500 items")
    parser.add_argument("--big-rounds", type=int, default=3, help="rounds of the larger shapes")
    args = parser.parse_args(argv)
    # The command reads its credentials and region from the environment: the
    # emulator's, whatever the caller's environment holds.
    os.environ["AWS_ACCESS_KEY_ID"] = CREDENTIALS.access_key_id
    os.environ["AWS_SECRET_ACCESS_KEY"] = CREDENTIALS.secret_access_key
    os.environ["AWS_DEFAULT_REGION"] = REGION
    os.environ.pop("AWS_SESSION_TOKEN", None)
    ok = True
    for per_domain in (int(part) for part in args.per_domain.split(",")):
        items = args.domains * per_domain
        ok = measure_shape(
            args.domains,
            per_domain,
            rounds=args.rounds if items <= 500 else args.big_rounds,
            concurrency=args.concurrency,
            latency=args.latency,
            sequential=per_domain == 1,
        ) and ok
    print("\nall items accounted for; second runs made no write" if ok else "\nITEMS LOST OR DUPLICATED, OR A SECOND RUN WROTE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main_benchmark())
