"""Shared pieces of the benchmarks: payloads, interleaved A/B timing, machine facts.

Every figure the benchmarks print is a ratio of two (or more) things measured
side by side in the same process: each round runs every candidate once, in an
order that rotates from round to round (A B, then B A, ...), and the ratio is
taken per round, then the median over all rounds is reported. A machine that
gets slower or faster during the run shifts both sides of a round alike.
"""

from __future__ import annotations

import functools
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from importlib import metadata
from typing import Any

DOMAIN = "bench-domain"
OBJECT_TYPE = "CustomerCsv"
FLOW_NAME = "customers-from-s3"
BUCKET = "example-customer-exports"
PREFIX = "customers/"
KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
TAGS = {"team": "crm"}
START = (datetime.now(timezone.utc) + timedelta(days=1)).replace(microsecond=0)
"""The schedule start: in the future, so rule G13 stays quiet for the whole run."""

SMALL_TASKS = 6
"""The small flow: a projection over five fields plus five Map tasks (the README's)."""
LARGE_TASKS = 500
"""The large flow: a projection over 499 fields plus 499 Map tasks."""


def field_names(count: int) -> list[str]:
    """``count`` distinct source fields: ``field_00000``, ``field_00001``..."""
    return [f"field_{position:05d}" for position in range(count)]


def request_wire(tasks: int) -> dict[str, Any]:
    """boto3's ``put_integration`` keyword arguments for an S3 flow of ``tasks`` tasks.

    One ``Filter``/``PROJECTION`` task over ``tasks - 1`` fields, then one
    ``Map``/``NO_OP`` task per field: a valid request that draws no warning.
    Written out as a boto3 user would, independently of the library, so that
    the typed side can be checked against it; ``typed_flow`` is the same flow.
    """
    fields = field_names(tasks - 1)
    task_list: list[dict[str, Any]] = [
        {"TaskType": "Filter", "SourceFields": list(fields), "ConnectorOperator": {"S3": "PROJECTION"}}
    ]
    task_list += [
        {
            "TaskType": "Map",
            "SourceFields": [field],
            "DestinationField": field,
            "ConnectorOperator": {"S3": "NO_OP"},
            "TaskProperties": {},
        }
        for field in fields
    ]
    return {
        "DomainName": DOMAIN,
        "ObjectTypeName": OBJECT_TYPE,
        "Tags": dict(TAGS),
        "FlowDefinition": {
            "FlowName": FLOW_NAME,
            "KmsArn": KMS_ARN,
            "SourceFlowConfig": {
                "ConnectorType": "S3",
                "SourceConnectorProperties": {"S3": {"BucketName": BUCKET, "BucketPrefix": PREFIX}},
            },
            "Tasks": task_list,
            "TriggerConfig": {
                "TriggerType": "Scheduled",
                "TriggerProperties": {
                    "Scheduled": {
                        "ScheduleExpression": "rate(15minutes)",
                        "DataPullMode": "Incremental",
                        "ScheduleStartTime": START,
                    }
                },
            },
        },
    }


def typed_flow(tasks: int) -> Any:
    """The same flow as ``request_wire(tasks)['FlowDefinition']``, from the library's builders."""
    from customer_profiles_typed import DataPullMode, rate, s3_flow, scheduled_trigger

    return s3_flow(
        flow_name=FLOW_NAME,
        kms_arn=KMS_ARN,
        bucket_name=BUCKET,
        bucket_prefix=PREFIX,
        fields=field_names(tasks - 1),
        trigger=scheduled_trigger(
            rate(15, "minutes"),
            data_pull_mode=DataPullMode.INCREMENTAL,
            schedule_start_time=START,
        ),
    )


OBJECT_TYPE_FIELDS = 100
"""The large object type: 100 fields, one of them the profile's unique key."""


def object_type_wire(fields: int) -> dict[str, Any]:
    """boto3's ``put_profile_object_type`` keyword arguments for an object type of ``fields`` fields.

    Each field reads ``_source.<name>`` into a custom profile attribute as a
    string; the first is the ``PROFILE``/``UNIQUE`` key. Profile creation on,
    a year of retention, one tag: a valid request that draws no warning.
    """
    return object_type_literal(field_names(fields))


def object_type_literal(names: list[str]) -> dict[str, Any]:
    """The object type of ``object_type_wire`` for the field ``names``, written out as a dict literal."""
    return {
        "DomainName": DOMAIN,
        "ObjectTypeName": OBJECT_TYPE,
        "Description": "Customers exported as CSV files",
        "ExpirationDays": 365,
        "AllowProfileCreation": True,
        "Fields": {
            name: {
                "Source": f"_source.{name}",
                "Target": f"_profile.Attributes.{name}",
                "ContentType": "STRING",
            }
            for name in names
        },
        "Keys": {"customer_id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": [names[0]]}]},
        "Tags": {"team": "crm"},
    }


def put_response() -> dict[str, Any]:
    """A ``PutIntegration`` response as boto3 returns it (timestamps parsed)."""
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    return {
        "DomainName": DOMAIN,
        "Uri": f"arn:aws:appflow:us-east-1:123456789012:flow/{FLOW_NAME}",
        "ObjectTypeName": OBJECT_TYPE,
        "CreatedAt": moment,
        "LastUpdatedAt": moment,
        "Tags": dict(TAGS),
    }


# --- Timing ---------------------------------------------------------------------


@dataclass
class Comparison:
    """Per-round seconds per call of each candidate, and their paired ratios."""

    names: list[str]
    seconds: dict[str, list[float]]

    def median(self, name: str) -> float:
        return statistics.median(self.seconds[name])

    def ratio(self, name: str, baseline: str) -> float:
        """Median over rounds of (time of ``name`` / time of ``baseline``) in the same round."""
        return statistics.median(
            a / b for a, b in zip(self.seconds[name], self.seconds[baseline])
        )

    def total_ratio(self, name: str, baseline: str) -> float:
        """Time per call of ``name`` summed over all rounds / the same sum of ``baseline``.

        Unlike the median of per-round ratios, this counts in full the rare,
        long pauses (a full pass of the cyclic garbage collector over a large
        heap) that fall into some batches only.
        """
        return sum(self.seconds[name]) / sum(self.seconds[baseline])

    def ratio_spread(self, name: str, baseline: str) -> tuple[float, float]:
        """First and third quartiles of the per-round ratios."""
        ratios = sorted(a / b for a, b in zip(self.seconds[name], self.seconds[baseline]))
        if len(ratios) < 4:
            return ratios[0], ratios[-1]
        quartiles = statistics.quantiles(ratios, n=4)
        return quartiles[0], quartiles[2]


def interleaved(
    candidates: Mapping[str, Callable[[], object]],
    *,
    rounds: int,
    inner: int | Mapping[str, int],
    before_batch: Callable[[str, int], None] | None = None,
    budget: float | None = None,
) -> Comparison:
    """Time the candidates round by round, rotating their order each round.

    Each round runs every candidate ``inner`` times in a row (``before_batch``
    is called first, untimed, e.g. to queue stubbed responses); ``inner`` may
    give each candidate its own batch length, by name. ``budget``
    (seconds) stops early, after at least 5 rounds, so a slow machine stays
    within the time the benchmark promises.
    """
    names = list(candidates)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    clock = time.perf_counter
    started = clock()
    for round_number in range(rounds):
        shift = round_number % len(names)
        order = names[shift:] + names[:shift]
        if len(names) == 2 and round_number % 2:
            order = names[::-1]
        for name in order:
            function = candidates[name]
            batch = inner if isinstance(inner, int) else inner[name]
            if before_batch is not None:
                before_batch(name, batch)
            begin = clock()
            for _ in range(batch):
                function()
            seconds[name].append((clock() - begin) / batch)
        if budget is not None and round_number >= 4 and clock() - started > budget:
            break
    return Comparison(names, seconds)


def calibrate_inner(function: Callable[[], object], target: float = 0.02) -> int:
    """How many calls make a batch of about ``target`` seconds (at least 1)."""
    function()
    begin = time.perf_counter()
    function()
    one = max(time.perf_counter() - begin, 1e-7)
    return max(1, min(10_000, round(target / one)))


def peak_bytes(function: Callable[[], object]) -> int:
    """Peak memory one call of ``function`` allocates above what was live before it (``tracemalloc``).

    The result stays alive until the peak is read, as it would in the caller.
    """
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = function()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - before


# --- botocore, the baseline ------------------------------------------------------


def botocore_validate_serialize(operation: str, payload: Mapping[str, Any]) -> Callable[[], object]:
    """botocore's own work on ``payload`` for ``operation``: the baseline of the peers and scaling figures.

    ``ParamValidator().validate(d, input_shape)`` + ``create_serializer("rest-json")
    .serialize_to_request(d, operation_model)``, as a boto3 client does before
    it sends a request. Checks once that botocore accepts ``payload``.
    """
    import botocore.session
    from botocore.serialize import create_serializer
    from botocore.validate import ParamValidator

    model = botocore.session.get_session().get_service_model("customer-profiles").operation_model(operation)
    shape = model.input_shape
    assert shape is not None
    validator = ParamValidator()
    serializer = create_serializer("rest-json")
    report = validator.validate(payload, shape)
    assert not report.has_errors(), report.generate_report()

    def run() -> object:
        validator.validate(payload, shape)
        return serializer.serialize_to_request(payload, model)

    return run


# --- Fresh interpreters ---------------------------------------------------------


@functools.cache
def fresh_interpreter_env() -> dict[str, str]:
    """The environment of a fresh interpreter: bytecode cached, as an installed program has it.

    With ``PYTHONDONTWRITEBYTECODE`` set, every fresh process would compile the
    sources it imports again. Bytecode goes to a directory of its own
    (``PYTHONPYCACHEPREFIX``, made for this run), never into the source tree;
    the first, untimed run of each case fills it. One directory serves the
    whole run, so that every timed process finds the bytecode made before it.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-pycache-")
    return env


def run_fresh(code: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (``options`` before ``-c``, e.g. ``-X importtime``)."""
    return subprocess.run(
        [sys.executable, *options, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=fresh_interpreter_env(),
    )


# --- Reporting ------------------------------------------------------------------


def fmt_time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "NOT met"


def version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def machine() -> list[str]:
    """Facts about where the figures come from (no paths, no host name)."""
    versions = ", ".join(
        f"{name} {version(name)}"
        for name in ("customer-profiles-typed", "boto3", "botocore", "attrs", "cattrs")
        if version(name) is not None
    )
    return [
        f"platform: {platform.platform()} ({platform.machine()})",
        f"cpus: {os.cpu_count()}",
        f"python: {platform.python_implementation()} {platform.python_version()}",
        f"packages: {versions}",
    ]


def header(title: str, lines: Sequence[str] = ()) -> None:
    print(f"== {title}")
    for line in lines:
        print(f"   {line}")
    sys.stdout.flush()
