"""Output a terminal cannot encode never turns a finished ``apply`` into a usage error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from customer_profiles_typed.testing import Emulator

from .conftest import ACCESS_KEY
from .helpers import s3_spec


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_lone_surrogate_tag_is_applied_and_printed_as_an_escape(
    emulator: Emulator, tmp_path: Path, encoding: str
) -> None:
    emulator.client().create_domain(DomainName="d1", DefaultExpirationDays=30)
    spec = s3_spec("d1", tags={"note": "\ud800"})
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec), encoding="utf-8")  # ensure_ascii: "\ud800" in the file
    env = {
        **os.environ,
        "PYTHONIOENCODING": encoding,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY.access_key_id,
        "AWS_SECRET_ACCESS_KEY": ACCESS_KEY.secret_access_key,
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    for command in (["apply", str(path), "--yes"], ["plan", str(path), "--output", "json"]):
        run = subprocess.run(
            [sys.executable, "-m", "customer_profiles_typed", *command,
             "--endpoint-url", emulator.endpoint_url],
            env=env, capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        out = run.stdout.decode(encoding)
        assert run.returncode == 0, out + run.stderr.decode(encoding, "replace")
        assert "Traceback" not in run.stderr.decode(encoding, "replace")
    assert json.loads(out)["summary"]["unchanged"] == 1
    stored = emulator.integrations("d1")
    assert stored[0].tags is not None and stored[0].tags["note"] == "\ud800"


def test_a_reader_that_goes_away_ends_the_command_without_a_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "customer_profiles_typed", "explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(64)  # like `| head -c 64`
    process.stdout.close()
    err = process.stderr.read().decode("utf-8", "replace")
    code = process.wait(timeout=120)
    assert first
    assert "Traceback" not in err, err
    assert code in (0, 1)
