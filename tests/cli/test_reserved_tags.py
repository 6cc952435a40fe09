"""The tags this tool reserves are reported with an item's other problems, valid item or not."""

from __future__ import annotations

from pathlib import Path

from customer_profiles_typed.cli import FLOW_HASH_TAG
from customer_profiles_typed.specs import parse_spec_text

from .helpers import Runner, s3_spec, write_json


def test_an_invalid_item_reports_its_reserved_tag_too(cli: Runner, tmp_path: Path) -> None:
    broken = s3_spec("bad domain", tags={FLOW_HASH_TAG: "x", "team": "crm"})
    wrapped = {
        "PutProfileObjectType": {
            "DomainName": "d1",
            "ObjectTypeName": "Shop",
            "Description": "",
            "TemplateId": "t",
            "Tags": {"customer-profiles-typed:owner": "me"},
        }
    }
    file = write_json(tmp_path / "s.json", [broken, wrapped])
    result = cli("validate", file)
    assert result.code == 1
    lines = result.out.splitlines()
    assert f"{file}: [0].DomainName: must match the pattern '^[a-zA-Z0-9_-]+$', got 'bad domain' (pattern)" in lines
    assert (
        f"{file}: [0].Tags.{FLOW_HASH_TAG}: tag keys starting with 'customer-profiles-typed:' "
        "are reserved for this tool (reserved-tag)"
    ) in lines
    assert any(line.startswith(f"{file}: [1].PutProfileObjectType.Description: ") for line in lines)
    assert (
        f"{file}: [1].PutProfileObjectType.Tags.customer-profiles-typed:owner: tag keys starting "
        "with 'customer-profiles-typed:' are reserved for this tool (reserved-tag)"
    ) in lines
    # Each item's problems stay together, in item order.
    items = [line.split(": ", 2)[1].split(".")[0] for line in lines if line.startswith(file)]
    assert items == sorted(items)


def test_fifty_tags_on_an_invalid_flow_item_leave_no_room_for_the_hash(
    cli: Runner, tmp_path: Path
) -> None:
    spec = s3_spec("bad domain", tags={f"t{n}": "v" for n in range(50)})
    result = cli("validate", write_json(tmp_path / "s.json", spec))
    assert result.code == 1
    assert f"Tags: at most 49 tags with a FlowDefinition: apply adds the tag '{FLOW_HASH_TAG}'" in result.out


def test_a_valid_item_with_a_reserved_tag_is_still_checked_across_files(
    cli: Runner, tmp_path: Path
) -> None:
    first = write_json(tmp_path / "a.json", s3_spec("d1", tags={"customer-profiles-typed:x": "1"}))
    second = write_json(tmp_path / "b.json", s3_spec("d1"))
    result = cli("validate", first, second)
    assert result.code == 1
    assert "reserved for this tool (reserved-tag)" in result.out
    assert f"{second}: the same integration as {first} (duplicate)" in result.out


def test_the_spec_file_keeps_the_arguments_of_its_invalid_items() -> None:
    spec_file = parse_spec_text('[{"DomainName": "bad domain", "Uri": "u"}, {"DomainName": "ok", "Uri": "u"}]')
    assert len(spec_file.specs) == 1
    (invalid,) = spec_file.invalid
    assert (invalid.item, invalid.operation, invalid.field_prefix) == (0, "PutIntegration", "")
    assert invalid.arguments == {"DomainName": "bad domain", "Uri": "u"}
