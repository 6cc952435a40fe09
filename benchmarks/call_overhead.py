"""What ``CustomerProfiles.put_integration`` costs next to plain boto3, on the client it builds and on yours.

Candidates, measured interleaved in the same run:

- boto3: ``client.put_integration(**kwargs)`` on a plain boto3 client with its
  default configuration (botocore validates the parameters, then serializes),
  the dict built before the timed loop. The baseline of every ratio.
- built client: ``CustomerProfiles(session=..., region_name=...)``, the client
  this library builds. It checks every request itself, more strictly than
  botocore, so it turns botocore's parameter validation off: the request is
  validated once.
- your client: ``CustomerProfiles(client)`` around a plain boto3 client, which
  keeps its configuration (botocore's validation on): the request is checked by
  the library and then again by botocore.
- boto3, validation off: the plain call on a client with
  ``Config(parameter_validation=False)``, for context: botocore's pipeline
  alone, the floor under the built client.

The typed calls get typed objects built before the timed loop (the flow); the
request object is built, checked and converted to boto3's dict in every call,
and the answer is read into an ``Integration``. Everything goes through boto3's
whole pipeline. Two transports:

- botocore's ``Stubber``: one response queued per call, outside the timed batch;
  nothing leaves the process.
- the library's ``Emulator`` over loopback HTTP (``127.0.0.1``): a real request,
  parsed and stored by the emulator thread, the same work for every candidate.

Printed: median time per call of each candidate and the median per-round ratio
to boto3. Targets, on the large flow over the Stubber: the built client at most
0.65x, your client at most 1.05x.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable
from typing import Any

import _common as c

TARGET_BUILT = 0.65
TARGET_YOURS = 1.05
REGION = "us-east-1"
BASELINE = "boto3"
BUILT = "built client"
YOURS = "your client"
FLOOR = "boto3, validation off"


def _session(access_key_id: str = "bench", secret_access_key: str = "bench") -> Any:
    import boto3

    return boto3.session.Session(
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        region_name=REGION,
    )


def _clients(endpoint_url: str | None = None, **keys: str) -> dict[str, Any]:
    """The client of each candidate: one plain boto3 client each, or the one ``CustomerProfiles`` builds."""
    from botocore.config import Config

    from customer_profiles_typed import CustomerProfiles

    plain = _session(**keys).client("customer-profiles", endpoint_url=endpoint_url)
    unchecked = _session(**keys).client(
        "customer-profiles", endpoint_url=endpoint_url, config=Config(parameter_validation=False)
    )
    yours = _session(**keys).client("customer-profiles", endpoint_url=endpoint_url)
    built = CustomerProfiles(session=_session(**keys), endpoint_url=endpoint_url)
    return {BASELINE: plain, BUILT: built, YOURS: CustomerProfiles(yours), FLOOR: unchecked}


def _candidates(clients: dict[str, Any], tasks: int) -> dict[str, Callable[[], object]]:
    from customer_profiles_typed import PutIntegrationRequest

    flow = c.typed_flow(tasks)
    kwargs = c.request_wire(tasks)

    def typed(profiles: Any) -> Callable[[], object]:
        def call() -> object:
            return profiles.put_integration(
                domain_name=c.DOMAIN,
                object_type_name=c.OBJECT_TYPE,
                tags=c.TAGS,
                flow_definition=flow,
            )

        return call

    def plain(client: Any) -> Callable[[], object]:
        def call() -> object:
            return client.put_integration(**kwargs)

        return call

    # Same request on the wire: the typed calls must send exactly the dict.
    sent = PutIntegrationRequest(
        domain_name=c.DOMAIN, object_type_name=c.OBJECT_TYPE, tags=c.TAGS, flow_definition=flow
    ).to_boto3()
    assert sent == kwargs, "the typed request and the boto3 dict differ"
    return {
        BASELINE: plain(clients[BASELINE]),
        BUILT: typed(clients[BUILT]),
        YOURS: typed(clients[YOURS]),
        FLOOR: plain(clients[FLOOR]),
    }


def _boto3_client_of(candidate: Any) -> Any:
    return getattr(candidate, "boto3_client", candidate)


def _check_configuration(clients: dict[str, Any]) -> None:
    """The built client validates once (botocore's validation off); yours keeps botocore's on."""
    from botocore.validate import ParamValidationDecorator

    def validates(client: Any) -> bool:
        return isinstance(getattr(client, "_serializer", None), ParamValidationDecorator)

    assert validates(clients[BASELINE]) and validates(_boto3_client_of(clients[YOURS]))
    assert not validates(_boto3_client_of(clients[BUILT])) and not validates(clients[FLOOR])


def _report(label: str, comparison: c.Comparison) -> dict[str, float]:
    ratios: dict[str, float] = {}
    for name in comparison.names:
        ratio = comparison.ratio(name, BASELINE)
        low, high = comparison.ratio_spread(name, BASELINE)
        ratios[name] = ratio
        spread = "" if name == BASELINE else f"  (IQR {low:.2f}-{high:.2f})"
        print(
            f"{label:<24} {name:<22} {c.fmt_time(comparison.median(name)):>10}   {ratio:5.2f}x{spread}",
            flush=True,
        )
    print(f"{'':<24} ({len(comparison.seconds[BASELINE])} rounds)", flush=True)
    return ratios


def run(rounds: int, budget: float) -> dict[str, dict[str, float]]:
    from botocore.stub import Stubber

    results: dict[str, dict[str, float]] = {}
    print(f"{'case':<24} {'candidate':<22} {'per call':>10}   ratio to boto3")

    clients = _clients()
    _check_configuration(clients)
    stubbers = {name: Stubber(_boto3_client_of(client)) for name, client in clients.items()}
    for stubber in stubbers.values():
        stubber.activate()
    response = c.put_response()

    def queue(name: str, count: int) -> None:
        for _ in range(count):
            stubbers[name].add_response("put_integration", response)

    for label, tasks in (("small", c.SMALL_TASKS), ("large", c.LARGE_TASKS)):
        candidates = _candidates(clients, tasks)
        for name, function in candidates.items():  # warm up: converters, compiled checks
            queue(name, 1)
            function()
        baseline = candidates[BASELINE]
        inner = c.calibrate_inner(lambda: (queue(BASELINE, 1), baseline()))
        comparison = c.interleaved(
            candidates, rounds=rounds, inner=inner, before_batch=queue, budget=budget
        )
        results[f"stubber/{label}"] = _report(f"Stubber, {tasks} tasks", comparison)
    for stubber in stubbers.values():
        stubber.deactivate()

    from customer_profiles_typed.testing import Emulator

    with Emulator() as emulator:
        key = emulator.default_credentials
        clients = _clients(
            emulator.endpoint_url,
            access_key_id=key.access_key_id,
            secret_access_key=key.secret_access_key,
        )
        clients[BASELINE].create_domain(
            DomainName=c.DOMAIN, DefaultExpirationDays=365, DefaultEncryptionKey=c.KMS_ARN
        )
        for label, tasks in (("small", c.SMALL_TASKS), ("large", c.LARGE_TASKS)):
            candidates = _candidates(clients, tasks)
            for function in candidates.values():
                function()
            inner = c.calibrate_inner(candidates[BASELINE])
            comparison = c.interleaved(candidates, rounds=rounds, inner=inner, budget=budget)
            results[f"emulator/{label}"] = _report(f"Emulator/HTTP, {tasks} tasks", comparison)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=41, help="interleaved rounds per case")
    parser.add_argument(
        "--budget", type=float, default=20.0, help="seconds per case before stopping early"
    )
    args = parser.parse_args(argv)
    c.header("Call overhead: CustomerProfiles.put_integration vs boto3 put_integration", c.machine())
    warnings.simplefilter("error")  # a warning would mean the payload is not the clean case
    results = run(args.rounds, args.budget)
    large = results["stubber/large"]
    print(
        f"target: built client, large flow over the Stubber <= {TARGET_BUILT:.2f}x: "
        f"{large[BUILT]:.2f}x, {c.verdict(large[BUILT], TARGET_BUILT)}"
    )
    print(
        f"target: your client, large flow over the Stubber <= {TARGET_YOURS:.2f}x: "
        f"{large[YOURS]:.2f}x, {c.verdict(large[YOURS], TARGET_YOURS)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
