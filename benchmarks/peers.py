"""Parse + validate + dump of a large request, by this library and by its peers, in two heaps.

Two requests: the large flow (``PutIntegration``, an S3 flow: one projection
over 499 fields plus 499 Map tasks) and a 100-field object type
(``PutProfileObjectType``, ``_common.object_type_wire``). Every candidate runs on
the same request, starting from the form it reads, and gives back a plain dict.
All are printed as a ratio to botocore's own validate + serialize of the same
dict, measured interleaved in the same run: the median of per-round ratios
(with its interquartile range) and the ratio of total times, which counts in
full the long, rare pauses of the garbage collector; beside them, the full
passes of the collector that fell into each candidate's timed batches (a
total resting on few passes moves from run to run):

- botocore (the baseline): ``ParamValidator().validate(d, input_shape)`` +
  ``create_serializer("rest-json").serialize_to_request(d, operation_model)``.
- this library: ``PutIntegrationRequest.from_boto3(d).to_boto3()`` (and
  ``PutProfileObjectTypeRequest``): the AWS model's constraints (types,
  required members, lengths, ranges, enums, full patterns) plus the documented
  rules.
- aws-resource-validator-customer-profiles (pydantic v2):
  ``...RequestTypeDef.model_validate(d, context={"aws_validate_patterns":
  True}).model_dump(exclude_none=True)``; the context switches its pattern and
  length checks on (they are off by default); also printed with them off.
- capo-customer-profiles: TypedDicts with generated ``deserialize_json`` /
  ``serialize_json``: it reads the JSON wire form (timestamps as epoch seconds)
  and has no runtime validation at all; the members that go into the URL
  (``DomainName``, and ``ObjectTypeName`` of an object type) are not part of
  the body it reads, so they are not read.
- troposphere: ``customerprofiles.Integration.from_dict(...).to_dict()``, and
  ``ObjectType`` for the object type (``to_dict`` validates: required
  properties, property types, validators). It reads the CloudFormation form of
  the same request (timestamps as epoch seconds; ``Tags`` given as its ``Tags``
  object, dumped as a Key/Value list; maps of fields, keys and task
  properties as CloudFormation's lists of named entries).

Each request is measured twice, with the garbage collector enabled both times,
as in a real program: in the small heap of a fresh process, then with many
live objects (``--live-records`` records of an application's data kept alive,
each a dict holding a number, a string, a dict of two strings and a list:
400,000 records by default, about 2.4 million objects, of which the 800,000
outer dicts and lists are tracked by the collector; a dict holding only
strings and numbers is not), where each full collection pass walks all the
tracked ones. The number of tracked objects is printed with each table. A heap's
size changes how often the collector runs and what each pass costs, and the
candidates allocate differently, so the ranking is printed for each heap.

A peer that is not installed is reported as such (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import copy
import gc
import time
import warnings
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import _common as c

BASELINE = "botocore validate+serialize"
OURS = "customer-profiles-typed"
TARGET_PEER = "aws-resource-validator (patterns on)"
PEER_DISTRIBUTIONS = (
    "aws-resource-validator-customer-profiles",
    "pydantic",
    "capo-customer-profiles",
    "troposphere",
)
LIVE_RECORDS = 400_000
"""Records kept alive in the second heap (six objects each, two of them tracked by the collector)."""


def _epoch(value: Any) -> Any:
    """The JSON wire form of a value: datetimes as epoch seconds."""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {key: _epoch(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_epoch(item) for item in value]
    return value


def _named(entries: Mapping[str, Any], value_key: str) -> list[dict[str, Any]]:
    """A map in CloudFormation's form: a list of ``{"Name": key, value_key: value}``."""
    return [{"Name": name, value_key: value} for name, value in entries.items()]


# --- The candidates, by request -------------------------------------------------------


def ours(request_class: Any, payload: dict[str, Any]) -> Callable[[], object]:
    """``from_boto3(d).to_boto3()`` of ``request_class``, checked once to give ``payload`` back."""
    assert request_class.from_boto3(payload).to_boto3() == payload
    return lambda: request_class.from_boto3(payload).to_boto3()


def pydantic_peer(
    model_name: str, payload: dict[str, Any], patterns: bool, break_pattern: Callable[[dict[str, Any]], None]
) -> Callable[[], object]:
    """The pydantic peer's ``model_validate(...).model_dump(exclude_none=True)`` of ``model_name``.

    With ``patterns``, checks first that the switch is on: ``break_pattern``
    makes a copy of ``payload`` invalid by its pattern checks only.
    """
    from aws_resource_validator.pydantic_models.customer_profiles import customer_profiles_classes

    model: Any = getattr(customer_profiles_classes, model_name)
    context = {"aws_validate_patterns": True} if patterns else None
    dumped = model.model_validate(payload, context=context).model_dump(exclude_none=True)
    assert dumped == payload, "the pydantic peer does not give back the same dict"
    if patterns:
        bad = copy.deepcopy(payload)
        break_pattern(bad)
        try:
            model.model_validate(bad, context=context)
        except ValueError:
            pass
        else:
            raise AssertionError("pattern checks did not switch on")
    return lambda: model.model_validate(payload, context=context).model_dump(exclude_none=True)


def capo_peer(module_name: str, payload: dict[str, Any], in_url: tuple[str, ...]) -> Callable[[], object]:
    """capo's ``serialize_json(deserialize_json(body))`` of the body of ``payload``."""
    import importlib

    module: Any = importlib.import_module(f"capo_customer_profiles.types.{module_name}")
    body = _epoch({key: value for key, value in payload.items() if key not in in_url})
    assert module.serialize_json(module.deserialize_json(body)) == body
    return lambda: module.serialize_json(module.deserialize_json(body))


def troposphere_integration(payload: dict[str, Any]) -> Callable[[], object]:
    """troposphere's ``Integration.from_dict(...).to_dict()`` of the CloudFormation form."""
    from troposphere import Tags
    from troposphere.customerprofiles import Integration

    template = _epoch(payload)
    tags = template.pop("Tags")
    # CloudFormation spells TaskProperties as a list of {OperatorPropertyKey, Property}.
    for task in template["FlowDefinition"]["Tasks"]:
        if "TaskProperties" in task:
            task["TaskProperties"] = [
                {"OperatorPropertyKey": key, "Property": value}
                for key, value in task["TaskProperties"].items()
            ]

    def run() -> object:
        # from_dict cannot read a Tags list; troposphere's Tags object is how it takes them.
        return Integration.from_dict("BenchIntegration", {**template, "Tags": Tags(tags)}).to_dict()

    produced: Any = run()
    assert produced["Properties"]["FlowDefinition"] == template["FlowDefinition"]
    assert produced["Properties"]["Tags"] == [{"Key": k, "Value": v} for k, v in tags.items()]
    return run


def troposphere_object_type(payload: dict[str, Any]) -> Callable[[], object]:
    """troposphere's ``ObjectType.from_dict(...).to_dict()`` of the CloudFormation form."""
    from troposphere import Tags
    from troposphere.customerprofiles import ObjectType

    template = dict(payload)
    tags = template.pop("Tags")
    template["Fields"] = _named(template["Fields"], "ObjectTypeField")
    template["Keys"] = _named(template["Keys"], "ObjectTypeKeyList")

    def run() -> object:
        return ObjectType.from_dict("BenchObjectType", {**template, "Tags": Tags(tags)}).to_dict()

    produced: Any = run()
    assert produced["Properties"]["Fields"] == template["Fields"]
    assert produced["Properties"]["Keys"] == template["Keys"]
    return run


def _bad_kms_arn(payload: dict[str, Any]) -> None:
    payload["FlowDefinition"]["KmsArn"] = "not-an-arn-but-long-enough"


def _bad_domain_name(payload: dict[str, Any]) -> None:
    payload["DomainName"] = "not a domain name"


def integration_makers(tasks: int) -> dict[str, Callable[[], Callable[[], object]]]:
    """How each candidate is set up for the flow of ``tasks`` tasks."""
    from customer_profiles_typed import PutIntegrationRequest

    payload = c.request_wire(tasks)
    model = "PutIntegrationRequestTypeDef"
    return {
        BASELINE: lambda: c.botocore_validate_serialize("PutIntegration", payload),
        OURS: lambda: ours(PutIntegrationRequest, payload),
        TARGET_PEER: lambda: pydantic_peer(model, payload, True, _bad_kms_arn),
        "aws-resource-validator (patterns off)": lambda: pydantic_peer(model, payload, False, _bad_kms_arn),
        "capo (no validation)": lambda: capo_peer("put_integration_request", payload, ("DomainName",)),
        "troposphere": lambda: troposphere_integration(payload),
    }


def object_type_makers(fields: int) -> dict[str, Callable[[], Callable[[], object]]]:
    """How each candidate is set up for the object type of ``fields`` fields."""
    from customer_profiles_typed import PutProfileObjectTypeRequest

    payload = c.object_type_wire(fields)
    model = "PutProfileObjectTypeRequestTypeDef"
    in_url = ("DomainName", "ObjectTypeName")
    return {
        BASELINE: lambda: c.botocore_validate_serialize("PutProfileObjectType", payload),
        OURS: lambda: ours(PutProfileObjectTypeRequest, payload),
        TARGET_PEER: lambda: pydantic_peer(model, payload, True, _bad_domain_name),
        "aws-resource-validator (patterns off)": lambda: pydantic_peer(model, payload, False, _bad_domain_name),
        "capo (no validation)": lambda: capo_peer("put_profile_object_type_request", payload, in_url),
        "troposphere": lambda: troposphere_object_type(payload),
    }


# --- Heaps ---------------------------------------------------------------------------


def live_records(count: int) -> list[dict[str, Any]]:
    """An application's data: ``count`` customer records, each a dict with a nested dict and a list."""
    return [
        {
            "id": number,
            "name": f"customer {number}",
            "address": {"city": "Springfield", "postal_code": f"{number % 100_000:05d}"},
            "segments": ["retail", "newsletter"],
        }
        for number in range(count)
    ]


class FullPasses:
    """Full passes of the garbage collector, by the candidate whose timed batch they fell into.

    ``before_batch`` (for ``_common.interleaved``) names the candidate about to
    run; a pass of the oldest generation is then counted, with its duration,
    for that candidate. The figures say how many of these long pauses the
    total ratio rests on.
    """

    def __init__(self) -> None:
        self.running = ""
        self.seconds: dict[str, list[float]] = {}
        self._started = 0.0

    def before_batch(self, name: str, calls: int) -> None:
        self.running = name

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds.setdefault(self.running, []).append(time.perf_counter() - self._started)

    def summary(self, name: str) -> str:
        """``<passes> (<total time>)`` for ``name``."""
        found = self.seconds.get(name, [])
        return f"{len(found)} ({c.fmt_time(sum(found))})" if found else "0"


# --- Running ---------------------------------------------------------------------------


def set_up(
    makers: Mapping[str, Callable[[], Callable[[], object]]],
) -> tuple[dict[str, Callable[[], object]], list[str]]:
    """The candidates that are installed, set up (and checked), and the names of those that are not."""
    candidates: dict[str, Callable[[], object]] = {}
    missing: list[str] = []
    for name, make in makers.items():
        try:
            candidates[name] = make()
        except ImportError:
            missing.append(name)
    return candidates, missing


def table(
    title: str,
    candidates: Mapping[str, Callable[[], object]],
    missing: list[str],
    *,
    rounds: int,
    budget: float,
) -> dict[str, float]:
    """Time the candidates interleaved; print the table and the rankings.

    Returns each candidate's median ratio to botocore.
    """
    inner = c.calibrate_inner(candidates[BASELINE], target=0.1)
    passes = FullPasses()
    gc.callbacks.append(passes)
    try:
        comparison = c.interleaved(
            candidates, rounds=rounds, inner=inner, before_batch=passes.before_batch, budget=budget
        )
    finally:
        gc.callbacks.remove(passes)

    print(f"-- {title}")
    print(
        f"   {'':<40} {'per call':>10}  {'ratio to botocore (IQR)':<24} {'total ratio':>11}  "
        "full GC passes in its batches"
    )
    ratios: dict[str, float] = {}
    totals: dict[str, float] = {}
    for name in candidates:
        low, high = comparison.ratio_spread(name, BASELINE)
        ratios[name] = comparison.ratio(name, BASELINE)
        totals[name] = comparison.total_ratio(name, BASELINE)
        print(
            f"   {name:<40} {c.fmt_time(comparison.median(name)):>10}  "
            f"{ratios[name]:5.2f}x ({low:.2f}-{high:.2f}){'':<10} {totals[name]:10.2f}x  "
            f"{passes.summary(name)}"
        )
    for name in missing:
        print(f"   {name:<40} not installed")
    print(f"   ({len(comparison.seconds[BASELINE])} rounds of {inner} calls; medians of per-round ratios)")
    print("   ranking by median: " + " < ".join(sorted(ratios, key=ratios.__getitem__)))
    print("   ranking by total:  " + " < ".join(sorted(totals, key=totals.__getitem__)))
    if TARGET_PEER in candidates:
        ratio = comparison.ratio(OURS, TARGET_PEER)
        total = comparison.total_ratio(OURS, TARGET_PEER)
        print(
            f"   target: {OURS} cheaper than {TARGET_PEER}: {ratio:.2f}x its time "
            f"(totals {total:.2f}x), {c.verdict(max(ratio, total), 1.0 - 1e-9)}"
        )
    else:
        print(f"   target: {TARGET_PEER} not installed, not judged")
    print(f"   target: {OURS} <= 0.15x botocore: {ratios[OURS]:.2f}x, {c.verdict(ratios[OURS], 0.15)}")
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=51)
    parser.add_argument("--budget", type=float, default=35.0, help="seconds per table before stopping early")
    parser.add_argument("--tasks", type=int, default=c.LARGE_TASKS)
    parser.add_argument("--fields", type=int, default=c.OBJECT_TYPE_FIELDS)
    parser.add_argument(
        "--live-records", type=int, default=LIVE_RECORDS, help="records kept alive in the second heap (0: skip it)"
    )
    args = parser.parse_args(argv)
    c.header(
        f"Peers: parse + validate + dump of a {args.tasks}-task flow and a {args.fields}-field object type",
        [
            *c.machine(),
            "peers: " + ", ".join(f"{name} {c.version(name) or 'not installed'}" for name in PEER_DISTRIBUTIONS),
        ],
    )
    warnings.simplefilter("error")

    requests = {
        f"PutIntegration, {args.tasks} tasks": set_up(integration_makers(args.tasks)),
        f"PutProfileObjectType, {args.fields} fields": set_up(object_type_makers(args.fields)),
    }

    def tables(heap: str) -> None:
        for request, (candidates, missing) in requests.items():
            table(f"{request}, {heap}", candidates, missing, rounds=args.rounds, budget=args.budget)

    gc.collect()  # after every candidate is set up: its modules are part of the heap
    tables(f"small heap ({len(gc.get_objects()):,} objects tracked by the collector)")
    if args.live_records:
        kept = live_records(args.live_records)
        gc.collect()  # the records now sit in the oldest generation, as long-lived data does
        tables(
            f"many live objects ({len(kept):,} records kept alive; "
            f"{len(gc.get_objects()):,} objects tracked by the collector)"
        )
        del kept
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
