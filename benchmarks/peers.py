"""Parse + validate + dump of the large flow, by this library and by its peers.

Every candidate runs on the same request (an S3 flow: one projection over 499
fields plus 499 Map tasks), starting from the form it reads, and gives back a
plain dict. All are printed as a ratio to botocore's own validate + serialize
of the same dict, measured interleaved in the same run (median of per-round
ratios):

- botocore (the baseline): ``ParamValidator().validate(d, input_shape)`` +
  ``create_serializer("rest-json").serialize_to_request(d, operation_model)``.
- this library: ``PutIntegrationRequest.from_boto3(d).to_boto3()``: the AWS
  model's constraints (types, required members, lengths, ranges, enums, full
  patterns) plus the documented AppFlow rules.
- aws-resource-validator-customer-profiles (pydantic v2):
  ``PutIntegrationRequestTypeDef.model_validate(d, context={"aws_validate_patterns":
  True}).model_dump(exclude_none=True)``; the context switches its pattern and
  length checks on (they are off by default); also printed with them off.
- capo-customer-profiles: TypedDicts with generated ``deserialize_json`` /
  ``serialize_json``: it reads the JSON wire form (timestamps as epoch seconds)
  and has no runtime validation at all; ``DomainName`` is not part of the body
  it reads (it goes into the URL), so it is not read.
- troposphere: ``customerprofiles.Integration.from_dict(...).to_dict()``
  (``to_dict`` validates: required properties, property types, validators).
  It reads the CloudFormation form of the same request (timestamps as epoch
  seconds; ``Tags`` given as its ``Tags`` object, dumped as a Key/Value list).

A peer that is not installed is reported as such (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import copy
import warnings
from collections.abc import Callable
from datetime import datetime
from typing import Any

import _common as c

TARGET_PEER = "aws-resource-validator (patterns on)"


def _epoch(value: Any) -> Any:
    """The JSON wire form of a value: datetimes as epoch seconds."""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {key: _epoch(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_epoch(item) for item in value]
    return value


def botocore_baseline(payload: dict[str, Any]) -> Callable[[], object]:
    import botocore.session
    from botocore.serialize import create_serializer
    from botocore.validate import ParamValidator

    operation = botocore.session.get_session().get_service_model("customer-profiles").operation_model(
        "PutIntegration"
    )
    validator = ParamValidator()
    serializer = create_serializer("rest-json")
    report = validator.validate(payload, operation.input_shape)
    assert not report.has_errors(), report.generate_report()

    def run() -> object:
        validator.validate(payload, operation.input_shape)
        return serializer.serialize_to_request(payload, operation)

    return run


def ours(payload: dict[str, Any]) -> Callable[[], object]:
    from customer_profiles_typed import PutIntegrationRequest

    assert PutIntegrationRequest.from_boto3(payload).to_boto3() == payload
    return lambda: PutIntegrationRequest.from_boto3(payload).to_boto3()


def pydantic_peer(payload: dict[str, Any], patterns: bool) -> Callable[[], object]:
    from aws_resource_validator.pydantic_models.customer_profiles.customer_profiles_classes import (
        PutIntegrationRequestTypeDef,
    )

    context = {"aws_validate_patterns": True} if patterns else None
    dumped = PutIntegrationRequestTypeDef.model_validate(payload, context=context).model_dump(
        exclude_none=True
    )
    assert dumped == payload, "the pydantic peer does not give back the same dict"
    if patterns:  # the switch really is on: a KmsArn outside the pattern is refused
        bad = copy.deepcopy(payload)
        bad["FlowDefinition"]["KmsArn"] = "not-an-arn-but-long-enough"
        try:
            PutIntegrationRequestTypeDef.model_validate(bad, context=context)
        except ValueError:
            pass
        else:
            raise AssertionError("pattern checks did not switch on")
    return lambda: PutIntegrationRequestTypeDef.model_validate(payload, context=context).model_dump(
        exclude_none=True
    )


def capo_peer(payload: dict[str, Any]) -> Callable[[], object]:
    from capo_customer_profiles.types import put_integration_request as module

    body = _epoch({key: value for key, value in payload.items() if key != "DomainName"})
    assert module.serialize_json(module.deserialize_json(body)) == body
    return lambda: module.serialize_json(module.deserialize_json(body))


def troposphere_peer(payload: dict[str, Any]) -> Callable[[], object]:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds before stopping early")
    parser.add_argument("--tasks", type=int, default=c.LARGE_TASKS)
    args = parser.parse_args(argv)
    c.header(
        f"Peers: parse + validate + dump of one request with {args.tasks} tasks",
        [*c.machine(), "peers: " + ", ".join(
            f"{name} {c.version(name) or 'not installed'}"
            for name in (
                "aws-resource-validator-customer-profiles",
                "pydantic",
                "capo-customer-profiles",
                "troposphere",
            )
        )],
    )
    warnings.simplefilter("error")
    payload = c.request_wire(args.tasks)

    makers: dict[str, Callable[[], Callable[[], object]]] = {
        "botocore validate+serialize": lambda: botocore_baseline(payload),
        "customer-profiles-typed": lambda: ours(payload),
        TARGET_PEER: lambda: pydantic_peer(payload, True),
        "aws-resource-validator (patterns off)": lambda: pydantic_peer(payload, False),
        "capo (no validation)": lambda: capo_peer(payload),
        "troposphere": lambda: troposphere_peer(payload),
    }
    candidates: dict[str, Callable[[], object]] = {}
    missing: list[str] = []
    for name, make in makers.items():
        try:
            candidates[name] = make()
        except ImportError:
            missing.append(name)
    inner = c.calibrate_inner(candidates["botocore validate+serialize"], target=0.05)
    comparison = c.interleaved(candidates, rounds=args.rounds, inner=inner, budget=args.budget)

    baseline = "botocore validate+serialize"
    print(f"{'':<40} {'per call':>10}  ratio to botocore (IQR)")
    for name in candidates:
        low, high = comparison.ratio_spread(name, baseline)
        print(
            f"{name:<40} {c.fmt_time(comparison.median(name)):>10}  "
            f"{comparison.ratio(name, baseline):5.2f}x ({low:.2f}-{high:.2f})"
        )
    for name in missing:
        print(f"{name:<40} not installed")
    print(f"({len(comparison.seconds[baseline])} rounds of {inner} calls; medians)")
    if TARGET_PEER in candidates:
        ratio = comparison.ratio("customer-profiles-typed", TARGET_PEER)
        print(
            f"target: customer-profiles-typed cheaper than {TARGET_PEER}: "
            f"{ratio:.2f}x its time, {c.verdict(ratio, 1.0)}"
        )
    else:
        print(f"target: {TARGET_PEER} not installed, not judged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
