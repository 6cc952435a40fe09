"""``apply`` over many domains against plain boto3 loops doing only the writes.

Every side puts the same 200 integrations (one S3 flow per domain) into a
fresh emulator whose calls answer 50 ms late, as a remote API would:

- the fair baseline: boto3 ``put_integration`` calls on one client from a pool
  of as many threads as apply's ``--concurrency``, doing only the writes;
- for context, the old baseline: a sequential ``for`` loop of the same calls;
- apply: ``customer-profiles-typed apply --concurrency 16 --yes`` over a spec
  file of the 200 requests. Before it writes it reads what exists, once per
  domain (ListIntegrations, or GetIntegration per item with ``--account-id``),
  which is what makes a second run a no-op, and the facts its link checks use
  (GetDomain for X10, ListProfileObjectTypes and the templates for X1).

The concurrent baseline and each apply variant alternate round by round; the
ratio is taken per round and its median printed. Then every domain is checked
to hold exactly its one integration (nothing lost, nothing duplicated), and a
second apply must make no write.

    python benchmarks/apply_many.py [--domains 200] [--concurrency 16] [--latency 0.05] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
from concurrent.futures import ThreadPoolExecutor
import io
import json
import os
import sys
import tempfile
import time
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


def requests(count: int) -> list[PutIntegrationRequest]:
    """One S3 integration per domain, each with its own flow (flow names are per account)."""
    return [
        PutIntegrationRequest(
            domain_name=f"bench-{index:04d}",
            object_type_name="CustomerCsv",
            flow_definition=s3_flow(
                flow_name=f"bench-flow-{index:04d}",
                kms_arn=KMS_KEY,
                bucket_name="example-customer-exports",
                bucket_prefix=f"tenant-{index:04d}/",
                fields=["customer_id", "first_name", "last_name", "email", "phone"],
                trigger=on_demand_trigger(),
            ),
            tags={"team": "crm"},
        )
        for index in range(count)
    ]


def prepared_emulator(count: int) -> Emulator:
    """A running emulator holding ``count`` empty domains (its domain quota raised to fit)."""
    emulator = Emulator(
        credentials=[CREDENTIALS], account_id=ACCOUNT, store_options={"quotas": Quotas(domains=count)}
    ).start()
    client = emulator.client()
    for index in range(count):
        client.create_domain(DomainName=f"bench-{index:04d}", DefaultExpirationDays=30)
    return emulator


def slow_down(emulator: Emulator, operations: list[str], calls: int, latency: float) -> None:
    for operation in operations:
        emulator.inject_fault(operation, latency=latency, times=calls)


def check_state(emulator: Emulator, wanted: list[PutIntegrationRequest]) -> int:
    """How many domains do not hold exactly their one integration."""
    wrong = 0
    for request in wanted:
        found = emulator.integrations(request.domain_name)
        flow = request.flow_definition
        assert flow is not None
        expected = f"arn:aws:appflow:{REGION}:{ACCOUNT}:flow/{flow.flow_name}"
        if [item.uri for item in found] != [expected]:
            wrong += 1
    return wrong


EVERY_CALL = [
    "PutIntegration",
    "ListIntegrations",
    "GetIntegration",
    "GetDomain",
    "ListProfileObjectTypes",
    "ListProfileObjectTypeTemplates",
    "ListEventTriggers",
]
"""The operations apply may call here: "latency on every call" slows them all."""


def baseline(
    wanted: list[PutIntegrationRequest], latency: float, concurrency: int = 1
) -> tuple[float, int]:
    """Seconds to put every request with plain boto3 from ``concurrency`` threads, and domains wrong."""
    emulator = prepared_emulator(len(wanted))
    try:
        slow_down(emulator, ["PutIntegration"], len(wanted), latency)
        from botocore.config import Config

        client = emulator.client(config=Config(max_pool_connections=max(10, concurrency)))
        kwargs = [request.to_boto3() for request in wanted]
        start = time.perf_counter()
        if concurrency == 1:
            for item in kwargs:
                client.put_integration(**item)
        else:
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                list(pool.map(lambda item: client.put_integration(**item), kwargs))
        elapsed = time.perf_counter() - start
        return elapsed, check_state(emulator, wanted)
    finally:
        emulator.stop()


def run_apply(
    wanted: list[PutIntegrationRequest],
    spec: Path,
    *,
    concurrency: int,
    latency: float,
    slow_operations: list[str],
    account_id: bool,
) -> dict[str, Any]:
    emulator = prepared_emulator(len(wanted))
    try:
        slow_down(emulator, slow_operations, len(wanted), latency)
        argv = [
            "apply", str(spec), "--yes", "--output", "json",
            "--concurrency", str(concurrency), "--endpoint-url", emulator.endpoint_url,
        ]
        if account_id:
            argv += ["--account-id", ACCOUNT]
        out = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(out):
            code = main(argv)
        elapsed = time.perf_counter() - start
        report = json.loads(out.getvalue())
        results = [item["result"] for item in report["items"]]
        puts = emulator.request_count("PutIntegration")
        with contextlib.redirect_stdout(io.StringIO()):
            second = main(argv)
        return {
            "seconds": elapsed,
            "exit": code,
            "created": results.count("created"),
            "items": len(results),
            "wrong_domains": check_state(emulator, wanted),
            "puts": puts,
            "second_run_puts": emulator.request_count("PutIntegration") - puts,
            "second_exit": second,
        }
    finally:
        emulator.stop()


def main_benchmark(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domains", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    # The command reads its credentials and region from the environment: the
    # emulator's, whatever the caller's environment holds.
    os.environ["AWS_ACCESS_KEY_ID"] = CREDENTIALS.access_key_id
    os.environ["AWS_SECRET_ACCESS_KEY"] = CREDENTIALS.secret_access_key
    os.environ["AWS_DEFAULT_REGION"] = REGION
    os.environ.pop("AWS_SESSION_TOKEN", None)
    wanted = requests(args.domains)
    ms = f"{args.latency * 1000:.0f} ms"
    variants = [
        ("apply, latency on every call, reads by ListIntegrations", EVERY_CALL, False),
        ("apply, latency on every call, reads by GetIntegration (--account-id)", EVERY_CALL, True),
        ("apply, latency on PutIntegration only (the baseline's calls)", ["PutIntegration"], False),
    ]
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "integrations.json"
        write_specs(spec, wanted)
        sequential, lost = baseline(wanted, args.latency)
        ok = lost == 0
        print(f"context: {args.domains} sequential boto3 put_integration calls, {ms} each: {sequential:.2f} s")
        fair: list[float] = []
        seconds: dict[str, list[float]] = {title: [] for title, _, _ in variants}
        for _ in range(args.rounds):
            elapsed, lost = baseline(wanted, args.latency, args.concurrency)
            fair.append(elapsed)
            ok = ok and lost == 0
            for title, slow, account_id in variants:
                result = run_apply(
                    wanted,
                    spec,
                    concurrency=args.concurrency,
                    latency=args.latency,
                    slow_operations=slow,
                    account_id=account_id,
                )
                seconds[title].append(result["seconds"])
                ok = ok and (
                    result["exit"] == 0
                    and result["created"] == args.domains
                    and result["wrong_domains"] == 0
                    and result["puts"] == args.domains
                    and result["second_run_puts"] == 0
                    and result["second_exit"] == 0
                )
        print(
            f"fair baseline: the same calls from {args.concurrency} threads: "
            f"{statistics.median(fair):.2f} s (median of {args.rounds})"
        )
        for title, _, _ in variants:
            ratio = statistics.median(a / b for a, b in zip(seconds[title], fair))
            print(
                f"{title}: {statistics.median(seconds[title]):.2f} s, {ratio:.2f}x the fair baseline, "
                f"{sequential / statistics.median(seconds[title]):.1f}x faster than the sequential loop"
            )
    print("all items accounted for; second runs made no write" if ok else "ITEMS LOST OR DUPLICATED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main_benchmark())
