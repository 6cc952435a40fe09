"""Golden outputs of ``validate`` and ``plan``, compared exactly (``UPDATE_GOLDEN=1`` rewrites them)."""

from __future__ import annotations

from pathlib import Path

from customer_profiles_typed.testing import Emulator

from .helpers import Runner, assert_golden

VALID = ["specs/valid/customers.json", "specs/valid/contacts.yaml"]
CHANGED = ["specs/changed/customers.json", "specs/changed/contacts.yaml"]
INVALID = [
    "specs/invalid/broken.json",
    "specs/invalid/syntax.yaml",
    "specs/invalid/duplicate.json",
    "specs/valid/customers.json",
    "specs/missing.json",
]


def test_validate_valid_files_with_warnings(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("validate", *VALID, "specs/warnings.json")
    assert result.code == 0
    assert_golden("validate_valid.txt", result.out)


def test_validate_invalid_files(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("validate", *INVALID)
    assert result.code == 1
    assert_golden("validate_invalid.txt", result.out)


def test_validate_invalid_files_as_json(cli: Runner, in_cli_folder: Path) -> None:
    result = cli("validate", *INVALID, "--output", "json")
    assert result.code == 1
    assert_golden("validate_invalid.json", result.out)


def _prepared(emulator: Emulator) -> list[str]:
    client = emulator.client()
    for name in ("golden-a", "golden-b"):
        client.create_domain(DomainName=name, DefaultExpirationDays=30)
    return ["--endpoint-url", emulator.endpoint_url]


def test_plan_on_empty_domains(cli: Runner, in_cli_folder: Path, emulator: Emulator) -> None:
    result = cli("plan", *VALID, *_prepared(emulator))
    assert result.code == 1
    assert_golden("plan_create.txt", result.out)


def test_plan_with_nothing_to_change(cli: Runner, in_cli_folder: Path, emulator: Emulator) -> None:
    url = _prepared(emulator)
    assert cli("apply", *VALID, "--yes", *url).code == 0
    result = cli("plan", *VALID, *url)
    assert result.code == 0
    assert_golden("plan_no_change.txt", result.out)


def test_plan_with_changes(cli: Runner, in_cli_folder: Path, emulator: Emulator) -> None:
    url = _prepared(emulator)
    assert cli("apply", *VALID, "--yes", *url).code == 0
    result = cli("plan", *CHANGED, *url)
    assert result.code == 1
    assert_golden("plan_changes.txt", result.out)
    as_json = cli("plan", *CHANGED, "--output", "json", *url)
    assert as_json.code == 1
    assert_golden("plan_changes.json", as_json.out)
