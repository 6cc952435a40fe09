"""An integration with neither Uri nor FlowDefinition (warning T3): what validate and plan say.

T3 stays a warning: the rulebook infers the requirement, no AWS source states it
(``appflow-rules.md``), and a request AWS might accept is never refused. plan
must still name the item sensibly and must not take a flow named ``None`` for it.
"""

from __future__ import annotations

from pathlib import Path

from customer_profiles_typed.testing import Emulator

from .helpers import ACCOUNT, Runner, write_json

SPEC = {"DomainName": "d1", "ObjectTypeName": "CTR"}


def test_validate_warns_with_t3_and_passes(cli: Runner, tmp_path: Path) -> None:
    result = cli("validate", write_json(tmp_path / "s.json", SPEC))
    assert result.code == 0
    assert "(T3)" in result.out and "1 warning" in result.out


def test_plan_names_what_is_missing_never_a_flow_none(
    cli: Runner, emulator: Emulator, tmp_path: Path
) -> None:
    emulator.client().create_domain(DomainName="d1", DefaultExpirationDays=30)
    # An integration of a flow that happens to be called "None" is not this item's.
    emulator.add_integration("d1", f"arn:aws:appflow:us-east-1:{ACCOUNT}:flow/None", object_type_name="CTR")
    result = cli("plan", write_json(tmp_path / "s.json", SPEC), "--endpoint-url", emulator.endpoint_url)
    first = result.out.splitlines()[0]
    assert first.startswith("+ create integration ")
    assert first.endswith("(domain d1): (no Uri and no FlowDefinition: warning T3)")
    assert "None" not in result.out
    assert "(T3)" in result.err
