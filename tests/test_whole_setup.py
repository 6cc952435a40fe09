"""The README's whole setup (``examples/whole_setup.py``): what it sends, and what it refuses.

The script's ``apply`` runs on botocore's Stubber, which checks the exact
params of every call in order. Then each mistake that breaks real setups is
made once, and each must be refused with its field and rule before boto3 is
called at all.
"""

from __future__ import annotations

import runpy
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from botocore.stub import Stubber

from customer_profiles_typed import (
    CustomerProfiles,
    DomainState,
    FieldSpec,
    ObjectTypeKey,
    PutProfileObjectTypeRequest,
    StandardIdentifier,
    ValidationError,
    find_link_problems,
    find_online_problems,
    object_type_from_flow,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "whole_setup.py"
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
FLOW_URI = "arn:aws:appflow:us-east-1:123456789012:flow/shop-customers-from-s3"


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    """The example script's names, loaded as a module is (``main`` is not run)."""
    return runpy.run_path(str(EXAMPLE), run_name="whole_setup")


@pytest.fixture
def sent(make_client: Callable[..., Any]) -> Iterator[tuple[CustomerProfiles, Stubber, list[str]]]:
    """A client on the Stubber, and the operations boto3 was called for."""
    boto3_client = make_client()
    built: list[str] = []

    def record(model: Any, **_: Any) -> None:
        built.append(model.name)

    boto3_client.meta.events.register("before-parameter-build.customer-profiles", record)
    with Stubber(boto3_client) as stubber:
        yield CustomerProfiles(boto3_client), stubber, built


def test_plan_builds_every_request_without_a_warning(example: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        setup = example["plan"]()
    fields = setup.object_type.to_boto3()["Fields"]
    # The object type reads exactly the columns the flow maps.
    assert {name: field["Source"] for name, field in fields.items()} == {
        column: f"_source.{column}" for column in example["COLUMNS"]
    }
    assert setup.integration.event_trigger_names == (setup.trigger.event_trigger_name,)


def test_apply_sends_the_five_calls_in_order_with_exact_params(
    example: dict[str, Any], sent: tuple[CustomerProfiles, Stubber, list[str]]
) -> None:
    profiles, stubber, built = sent
    setup = example["plan"]()
    domain = {"DomainName": "retail", "DefaultExpirationDays": 366, "CreatedAt": NOW, "LastUpdatedAt": NOW}
    stubber.add_response(
        "create_domain",
        domain,
        {
            "DomainName": "retail",
            "DefaultExpirationDays": 366,
            "DefaultEncryptionKey": example["KMS_KEY"],
        },
    )
    object_type = setup.object_type.to_boto3()
    stubber.add_response(
        "put_profile_object_type",
        {key: value for key, value in object_type.items() if key != "DomainName"},
        object_type,
    )
    trigger = setup.trigger.to_boto3()
    stubber.add_response(
        "create_event_trigger",
        {key: value for key, value in trigger.items() if key != "DomainName"},
        trigger,
    )
    integration = dict(setup.integration.to_boto3())
    assert integration["EventTriggerNames"] == ["big-spender"]
    stubber.add_response(
        "put_integration",
        {"DomainName": "retail", "Uri": FLOW_URI, "CreatedAt": NOW, "LastUpdatedAt": NOW},
        integration,
    )
    base = "arn:aws:profile:us-east-1:123456789012:domains/retail"
    for arn in (f"{base}/object-types/ShopCustomer", f"{base}/integrations/{FLOW_URI}"):
        stubber.add_response(
            "tag_resource", {}, {"resourceArn": arn, "tags": {"team": "crm", "cost-center": "retail"}}
        )

    uri = example["apply"](profiles, setup, region="us-east-1")

    assert uri == FLOW_URI
    stubber.assert_no_pending_responses()
    assert built == [
        "CreateDomain",
        "PutProfileObjectType",
        "CreateEventTrigger",
        "PutIntegration",
        "TagResource",
        "TagResource",
    ]


def _refused(action: Callable[[], object]) -> list[tuple[str, str]]:
    """The (rule, wire path) of every error ``action`` is refused with."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValidationError) as caught:
            action()
    return [(problem.rule, problem.wire_path) for problem in caught.value.errors]


def _object_type(example: dict[str, Any], **changes: Any) -> PutProfileObjectTypeRequest:
    object_type: PutProfileObjectTypeRequest = example["plan"]().object_type
    return attrs.evolve(object_type, **changes)


def test_a_key_on_a_field_that_is_not_defined_is_refused_before_sending(
    example: dict[str, Any], sent: tuple[CustomerProfiles, Stubber, list[str]]
) -> None:
    profiles, _, built = sent
    object_type = example["plan"]().object_type
    keys = dict(object_type.keys or {})
    keys["email"] = [ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE], field_names=["mail"])]
    found = _refused(
        lambda: profiles.put_profile_object_type(
            domain_name="retail",
            object_type_name="ShopCustomer",
            description="Customers",
            fields=object_type.fields,
            keys=keys,
        )
    )
    assert any(rule == "O31" and path.startswith("Keys[") for rule, path in found), found
    assert built == []


def test_two_unique_keys_are_refused(example: dict[str, Any]) -> None:
    object_type = example["plan"]().object_type
    keys = dict(object_type.keys or {})
    keys["email"] = [
        ObjectTypeKey(
            standard_identifiers=[StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE],
            field_names=["email"],
        )
    ]
    found = _refused(lambda: attrs.evolve(object_type, keys=keys))
    assert any(rule == "O34" and path.startswith("Keys[") for rule, path in found), found


def test_a_target_that_is_no_profile_attribute_is_refused(example: dict[str, Any]) -> None:
    flow = example["customer_flow"]()
    found = _refused(
        lambda: object_type_from_flow(
            flow,
            domain_name="retail",
            object_type_name="ShopCustomer",
            description="Customers",
            fields={
                "customer_id": FieldSpec(
                    key=(StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE)
                ),
                "email": FieldSpec(target="_profile.BusinessEmail"),
            },
        )
    )
    assert any(rule == "O22" and path.endswith(".Target") for rule, path in found), found


def test_an_object_type_field_the_flow_does_not_produce_is_refused(example: dict[str, Any]) -> None:
    flow = example["customer_flow"]()
    found = _refused(
        lambda: object_type_from_flow(
            flow,
            domain_name="retail",
            object_type_name="ShopCustomer",
            description="Customers",
            fields={"e_mail": FieldSpec(key=(StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE))},
        )
    )
    assert [rule for rule, _ in found] == ["X6"]


def test_an_object_type_written_by_hand_that_reads_other_columns_is_reported(
    example: dict[str, Any],
) -> None:
    setup = example["plan"]()
    wire = dict(setup.object_type.to_boto3())
    fields = {name: dict(field) for name, field in wire["Fields"].items()}
    fields["email"]["Source"] = "_source.email_address"
    hand_written = PutProfileObjectTypeRequest.from_boto3({**wire, "Fields": fields})
    problems = find_link_problems(integration=setup.integration, object_type=hand_written)
    assert "X6" in {problem.rule for problem in problems}


def test_an_event_trigger_name_that_names_no_trigger_is_reported(example: dict[str, Any]) -> None:
    setup = example["plan"]()
    typo = attrs.evolve(setup.integration, event_trigger_names=["big-spenders"])
    state = DomainState(domain_name="retail", event_trigger_names={"big-spender"})
    problems = find_online_problems(typo, state)
    assert [(problem.rule, problem.wire_path) for problem in problems] == [
        ("X4", "EventTriggerNames[0]")
    ]
    assert find_online_problems(setup.integration, state) == []


def test_the_script_plan_refuses_a_broken_link(
    example: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The plan checks the links itself: a trigger name the setup does not create stops it.
    plan = cast(Callable[[], Any], example["plan"])
    monkeypatch.setitem(plan.__globals__, "TRIGGER", "other-trigger")
    monkeypatch.setitem(plan.__globals__, "DomainState", _state_without_triggers)
    found = _refused(plan)
    assert ("X4", "EventTriggerNames[0]") in found


def _state_without_triggers(**state: Any) -> DomainState:
    return DomainState(**{**state, "event_trigger_names": set()})
