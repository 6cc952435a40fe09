"""Accounts follow from access keys; state is kept per account and region."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from customer_profiles_typed.testing import AccessKey, Emulator

from ._boto import ClientError, error_response, no_retries
from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

ALICE = AccessKey("AKIDALICE", "alice-secret", "111111111111")
BOB = AccessKey("AKIDBOB", "bob-secret", "222222222222")


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """A running emulator that knows Alice's and Bob's keys, in two accounts."""
    with Emulator(credentials=[ALICE, BOB]) as running:
        yield running


def _client(emulator: Emulator, key: AccessKey, region: str = "us-east-1") -> CustomerProfilesClient:
    return emulator.client(access_key_id=key.access_key_id, region_name=region, config=no_retries())


def _names(client: CustomerProfilesClient) -> list[str]:
    return [item["DomainName"] for item in client.list_domains()["Items"]]


def test_the_same_domain_name_in_two_accounts_is_two_domains(emulator: Emulator) -> None:
    alice, bob = _client(emulator, ALICE), _client(emulator, BOB)
    alice.create_domain(DomainName="shop", DefaultExpirationDays=30)
    bob.create_domain(DomainName="shop", DefaultExpirationDays=7)
    assert alice.get_domain(DomainName="shop")["DefaultExpirationDays"] == 30
    assert bob.get_domain(DomainName="shop")["DefaultExpirationDays"] == 7
    bob.delete_domain(DomainName="shop")
    assert (_names(alice), _names(bob)) == (["shop"], [])
    assert [d.name for d in emulator.domains(account_id=ALICE.account_id)] == ["shop"]
    assert emulator.domains(account_id=BOB.account_id) == []
    assert emulator.domains() == []  # the default account has none


def test_the_same_domain_name_in_two_regions_is_two_domains(emulator: Emulator) -> None:
    east, west = _client(emulator, ALICE, "us-east-1"), _client(emulator, ALICE, "eu-west-2")
    east.create_domain(DomainName="shop", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as raised:
        west.get_domain(DomainName="shop")
    assert error_response(raised.value)["Error"]["Code"] == "ResourceNotFoundException"
    west.create_domain(DomainName="shop", DefaultExpirationDays=7)
    assert east.get_domain(DomainName="shop")["DefaultExpirationDays"] == 30
    assert west.get_domain(DomainName="shop")["DefaultExpirationDays"] == 7
    stored = emulator.domains(account_id=ALICE.account_id, region="eu-west-2")
    assert [(d.name, d.default_expiration_days) for d in stored] == [("shop", 7)]


def test_keys_of_one_account_share_its_state(emulator: Emulator) -> None:
    emulator.add_credentials("AKIDCAROL", "carol-secret", account_id=ALICE.account_id)
    _client(emulator, ALICE).create_domain(DomainName="shared", DefaultExpirationDays=3)
    carol = emulator.client(access_key_id="AKIDCAROL", config=no_retries())
    assert _names(carol) == ["shared"]


def test_generated_arns_carry_the_account_of_the_key_and_the_region_of_the_request(emulator: Emulator) -> None:
    bob = _client(emulator, BOB, "eu-west-2")
    bob.create_domain(DomainName="shop", DefaultExpirationDays=30)
    put = bob.put_integration(DomainName="shop", ObjectTypeName="Customer", FlowDefinition=make_flow_definition("import"))
    assert put["Uri"] == "arn:aws:appflow:eu-west-2:222222222222:flow/import"
    assert [i.uri for i in emulator.integrations("shop", account_id="222222222222", region="eu-west-2")] == [put["Uri"]]


def test_a_key_added_while_running_is_served_in_its_account(emulator: Emulator) -> None:
    added = emulator.add_credentials("AKIDDAVE", "dave-secret", account_id="333333333333")
    assert added == AccessKey("AKIDDAVE", "dave-secret", "333333333333")
    emulator.client(access_key_id="AKIDDAVE").create_domain(DomainName="dave", DefaultExpirationDays=3)
    assert [d.name for d in emulator.domains(account_id="333333333333")] == ["dave"]


def test_a_key_without_an_account_belongs_to_the_default_account(emulator: Emulator) -> None:
    added = emulator.add_credentials("AKIDERIN", "erin-secret")
    assert added.account_id == emulator.account_id == "123456789012"
    emulator.client(access_key_id="AKIDERIN").create_domain(DomainName="erin", DefaultExpirationDays=3)
    assert [d.name for d in emulator.domains()] == ["erin"]


def test_the_known_credentials_are_listed_with_their_accounts(emulator: Emulator) -> None:
    assert emulator.credentials() == [
        ALICE,
        BOB,
        AccessKey("emulator-access-key", "emulator-secret", "123456789012"),
    ]
    assert emulator.default_credentials.access_key_id == "emulator-access-key"


def test_the_default_key_account_and_region_can_be_chosen() -> None:
    with Emulator(
        access_key_id="AKIDMINE", secret_access_key="my-secret", account_id="444455556666", region="ap-south-1"
    ) as mine:
        assert mine.default_credentials == AccessKey("AKIDMINE", "my-secret", "444455556666")
        client = mine.client()
        assert client.meta.region_name == "ap-south-1"
        client.create_domain(DomainName="mine", DefaultExpirationDays=3)
        assert [d.name for d in mine.domains(account_id="444455556666", region="ap-south-1")] == ["mine"]
        assert [d.name for d in mine.domains()] == ["mine"]


def test_without_verification_unknown_keys_act_in_the_default_account_and_known_ones_in_theirs() -> None:
    with Emulator(verify_signatures=False, credentials=[ALICE]) as lenient:
        lenient.client(access_key_id="AKIDSTRANGER", secret_access_key="x").create_domain(
            DomainName="stranger", DefaultExpirationDays=3
        )
        lenient.client(access_key_id=ALICE.access_key_id, secret_access_key="wrong").create_domain(
            DomainName="alice", DefaultExpirationDays=3
        )
        assert [d.name for d in lenient.domains()] == ["stranger"]
        assert [d.name for d in lenient.domains(account_id=ALICE.account_id)] == ["alice"]


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (("AKID", "secret", "12345"), "12-digit"),
        (("AKID", "secret", 123456789012), "12-digit"),
        (("AK ID", "secret", None), "access_key_id"),
        (("AKID/1", "secret", None), "access_key_id"),
        (("AKID", "", None), "secret_access_key"),
    ],
)
def test_malformed_credentials_are_refused(arguments: tuple[object, object, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        AccessKey(*arguments)  # type: ignore[arg-type]


def test_a_malformed_default_account_is_refused() -> None:
    with pytest.raises(ValueError, match="12-digit"):
        Emulator(account_id="acme")


def test_store_options_reach_the_state_of_every_account() -> None:
    with pytest.raises(TypeError, match="no_such_option"):
        Emulator(store_options={"no_such_option": 1})


@pytest.mark.parametrize(
    "customer_profiles_emulator_options", [{"credentials": [ALICE], "region": "eu-central-1"}]
)
def test_the_plugin_fixture_takes_its_options_from_a_fixture(
    customer_profiles_emulator_options: dict[str, object],
    customer_profiles_emulator: Emulator,
    customer_profiles_client: CustomerProfilesClient,
) -> None:
    assert customer_profiles_emulator.region == customer_profiles_emulator_options["region"]
    assert customer_profiles_client.meta.region_name == "eu-central-1"
    _client(customer_profiles_emulator, ALICE, "eu-central-1").create_domain(DomainName="alice", DefaultExpirationDays=3)
    assert [d.name for d in customer_profiles_emulator.domains(account_id=ALICE.account_id)] == ["alice"]
    assert _names(customer_profiles_client) == []
