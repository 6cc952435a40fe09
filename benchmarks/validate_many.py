"""``validate`` of many spec files against a naive json + botocore ParamValidator loop.

200 spec files, one 100-task S3 ``put_integration`` request each, timestamps
as ISO 8601 strings as spec files hold them. The candidates run interleaved,
round by round, in this process:

- ``customer-profiles-typed validate FILE...`` (``cli.main``, its report
  written to a discarded stream): every model constraint and documented rule,
  the cross-file checks, every problem located;
- the naive loop: for each file, ``json.load`` then botocore's
  ``ParamValidator().validate`` against ``PutIntegrationRequest`` (the model's
  types, required members and ranges; no pattern, no rule), stopping nowhere.

    python benchmarks/validate_many.py [--files 200] [--tasks 100] [--rounds 9]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import _common as c

TARGET = 1.3
"""validate checks everything in at most 1.3x the naive loop's time."""


def write_files(folder: Path, files: int, tasks: int) -> list[str]:
    """``files`` spec files of one request each, every flow named apart (names are per account)."""
    paths = []
    for index in range(files):
        request = c.request_wire(tasks)
        request["FlowDefinition"]["FlowName"] = f"bench-flow-{index:04d}"
        scheduled = request["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]
        scheduled["ScheduleStartTime"] = scheduled["ScheduleStartTime"].isoformat()
        path = folder / f"spec-{index:04d}.json"
        path.write_text(json.dumps(request), encoding="utf-8")
        paths.append(str(path))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds before stopping early")
    args = parser.parse_args(argv)
    c.header(f"validate: {args.files} spec files of {args.tasks} tasks", c.machine())

    import botocore.session
    from botocore.validate import ParamValidator

    from customer_profiles_typed.cli import main as cli

    shape = botocore.session.get_session().get_service_model("customer-profiles").operation_model(
        "PutIntegration"
    ).input_shape
    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(Path(folder), args.files, args.tasks)

        def typed() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                code = cli(["validate", *paths])
            assert code == 0, "the benchmark's spec files must be valid"

        def naive() -> None:
            validator = ParamValidator()
            for path in paths:
                with open(path, encoding="utf-8") as handle:
                    kwargs: Any = json.load(handle)
                report = validator.validate(kwargs, shape)
                assert not report.has_errors(), report.generate_report()

        result = c.interleaved(
            {"validate": typed, "json + ParamValidator": naive},
            rounds=args.rounds,
            inner=1,
            budget=args.budget,
        )
    ratio = result.ratio("validate", "json + ParamValidator")
    low, high = result.ratio_spread("validate", "json + ParamValidator")
    print(f"{'candidate':<24} {'per run':>10}")
    for name in result.names:
        print(f"{name:<24} {c.fmt_time(result.median(name)):>10}")
    print(f"ratio validate / naive: {ratio:.2f}x (IQR {low:.2f}-{high:.2f}; {len(result.seconds['validate'])} rounds)")
    print(f"target: <= {TARGET:.1f}x: {c.verdict(ratio, TARGET)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
