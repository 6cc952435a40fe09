"""The standalone emulator, then ``apply``: domains made with ``--domain`` or by a ``CreateDomain`` item."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import customer_profiles_typed

from .conftest import ACCESS_KEY
from .helpers import Runner, s3_spec, write_json


@pytest.fixture
def standalone() -> Iterator[tuple[str, list[str]]]:
    """``customer-profiles-typed emulator --domain shop --domain outlet`` in a child process.

    Yields its endpoint URL and the banner's lines; stops it with Ctrl-C.
    """
    source_root = str(Path(customer_profiles_typed.__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": source_root + (os.pathsep + existing if existing else "")}
    process = subprocess.Popen(
        [
            sys.executable, "-m", "customer_profiles_typed", "emulator",
            "--access-key-id", ACCESS_KEY.access_key_id,
            "--secret-access-key", ACCESS_KEY.secret_access_key,
            "--domain", "shop", "--domain", "outlet", "--domain", "shop",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(3)]
        endpoint = banner[0].split("listening on ", 1)[1].split()[0]
        yield endpoint, [line.rstrip("\n") for line in banner]
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
        assert process.returncode == 0, err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_the_domains_of_the_command_line_exist_at_start(
    cli: Runner, standalone: tuple[str, list[str]], tmp_path: Path
) -> None:
    endpoint, banner = standalone
    assert banner[2] == "  domains: shop, outlet"
    spec = write_json(tmp_path / "shop.json", s3_spec("shop"))
    applied = cli("apply", spec, "--endpoint-url", endpoint, "--yes")
    assert applied.code == 0, applied.err
    assert "1 created" in applied.out
    assert cli("plan", spec, "--endpoint-url", endpoint).code == 0


def test_a_create_domain_item_makes_its_domain_in_the_standalone_emulator(
    cli: Runner, standalone: tuple[str, list[str]], tmp_path: Path
) -> None:
    endpoint, _ = standalone
    spec = write_json(
        tmp_path / "new.json",
        [{"CreateDomain": {"DomainName": "fresh", "DefaultExpirationDays": 30}}, s3_spec("fresh")],
    )
    applied = cli("apply", spec, "--endpoint-url", endpoint, "--yes")
    assert applied.code == 0, applied.err
    assert "2 created" in applied.out
    assert cli("plan", spec, "--endpoint-url", endpoint).code == 0


def test_a_domain_name_aws_refuses_is_a_usage_error(cli: Runner) -> None:
    result = cli("emulator", "--domain", "no spaces allowed")
    assert result.code == 2
    assert result.err.splitlines() == [
        "error: invalid arguments of CreateDomain: 1 problem",
        "  --domain (DomainName): must match the pattern '^[a-zA-Z0-9_-]+$', "
        "got 'no spaces allowed' (pattern)",
    ]


def test_the_option_is_repeatable_and_empty_by_default() -> None:
    from customer_profiles_typed.cli import build_parser

    assert build_parser().parse_args(["emulator"]).domain == []
    args = build_parser().parse_args(["emulator", "--domain", "a", "--domain", "b"])
    assert args.domain == ["a", "b"]
