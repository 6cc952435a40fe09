"""What ``IntegrationClient.put_integration`` costs on top of plain boto3.

A: ``IntegrationClient(client).put_integration(...)`` with typed objects built
   before the timed loop (validation on; the request object is built, checked
   and converted to boto3's dict in every call, and the response is read into an
   ``Integration``).
B: ``client.put_integration(**kwargs)`` with the equivalent dict, built before
   the timed loop too.

Both go through boto3's whole pipeline (its parameter validation and REST-JSON
serialization included). Two transports:

- botocore's ``Stubber``: one response queued per call, outside the timed batch;
  nothing leaves the process.
- the library's ``Emulator`` over loopback HTTP (``127.0.0.1``): a real request,
  parsed and stored by the emulator thread, the same work for A and B.

Printed: median time per call of each side and the median per-round ratio A/B.
Target: ratio <= 1.25 on the large flow.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable
from typing import Any

import _common as c

TARGET = 1.25


def _stubbed_client() -> Any:
    import boto3

    return boto3.session.Session().client(
        "customer-profiles",
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
    )


def _pair(client: Any, tasks: int) -> dict[str, Callable[[], object]]:
    from customer_profiles_typed import IntegrationClient

    profiles = IntegrationClient(client)
    flow = c.typed_flow(tasks)
    kwargs = c.request_wire(tasks)

    def typed() -> object:
        return profiles.put_integration(
            domain_name=c.DOMAIN,
            object_type_name=c.OBJECT_TYPE,
            tags=c.TAGS,
            flow_definition=flow,
        )

    def plain() -> object:
        return client.put_integration(**kwargs)

    # Same request on the wire: the typed call must send exactly the dict.
    from customer_profiles_typed import PutIntegrationRequest

    sent = PutIntegrationRequest(
        domain_name=c.DOMAIN, object_type_name=c.OBJECT_TYPE, tags=c.TAGS, flow_definition=flow
    ).to_boto3()
    assert sent == kwargs, "the typed request and the boto3 dict differ"
    return {"IntegrationClient": typed, "boto3": plain}


def _report(label: str, comparison: c.Comparison, rows: list[str]) -> float:
    ratio = comparison.ratio("IntegrationClient", "boto3")
    low, high = comparison.ratio_spread("IntegrationClient", "boto3")
    rows.append(
        f"{label:<38} {c.fmt_time(comparison.median('IntegrationClient')):>10}"
        f" {c.fmt_time(comparison.median('boto3')):>10}   {ratio:5.2f}x"
        f"  (IQR {low:.2f}-{high:.2f}, {len(comparison.seconds['boto3'])} rounds)"
    )
    print(rows[-1], flush=True)
    return ratio


def run(rounds: int, budget: float) -> dict[str, float]:
    results: dict[str, float] = {}
    rows: list[str] = []
    print(f"{'':<38} {'typed':>10} {'boto3':>10}   ratio typed/boto3")

    client = _stubbed_client()
    from botocore.stub import Stubber

    stubber = Stubber(client)
    stubber.activate()
    response = c.put_response()

    def queue(_: str, count: int) -> None:
        for _ in range(count):
            stubber.add_response("put_integration", response)

    for label, tasks in (("small", c.SMALL_TASKS), ("large", c.LARGE_TASKS)):
        pair = _pair(client, tasks)
        for function in pair.values():  # warm up: converters, compiled checks
            queue("", 1)
            function()
        inner = max(c.calibrate_inner(lambda: (queue("", 1), pair["boto3"]())), 1)
        comparison = c.interleaved(
            pair, rounds=rounds, inner=inner, before_batch=queue, budget=budget
        )
        results[f"stubber/{label}"] = _report(
            f"Stubber, {label} flow ({tasks} tasks)", comparison, rows
        )
    stubber.deactivate()

    from customer_profiles_typed.testing import Emulator

    with Emulator() as emulator:
        client = emulator.client()
        client.create_domain(
            DomainName=c.DOMAIN, DefaultExpirationDays=365, DefaultEncryptionKey=c.KMS_ARN
        )
        for label, tasks in (("small", c.SMALL_TASKS), ("large", c.LARGE_TASKS)):
            pair = _pair(client, tasks)
            for function in pair.values():
                function()
            inner = c.calibrate_inner(pair["boto3"])
            comparison = c.interleaved(pair, rounds=rounds, inner=inner, budget=budget)
            results[f"emulator/{label}"] = _report(
                f"Emulator/HTTP, {label} flow ({tasks} tasks)", comparison, rows
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=41, help="A/B rounds per case")
    parser.add_argument(
        "--budget", type=float, default=15.0, help="seconds per case before stopping early"
    )
    args = parser.parse_args(argv)
    c.header("Call overhead: IntegrationClient.put_integration vs boto3 put_integration", c.machine())
    warnings.simplefilter("error")  # a warning would mean the payload is not the clean case
    results = run(args.rounds, args.budget)
    large = results["stubber/large"]
    print(
        f"target: large flow over the Stubber <= {TARGET:.2f}x: {large:.2f}x, "
        f"{c.verdict(large, TARGET)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
