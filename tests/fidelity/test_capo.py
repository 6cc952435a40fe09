"""capo-customer-profiles, an SDK with its own HTTP stack and SigV4 signer, against the emulator.

capo does not use botocore at all: its requests are built, signed and parsed
by code generated from AWS's Smithy model, so it checks the emulator's wire
format and signature handling from outside the botocore family. It speaks
snake_case TypedDicts; the wire names are its business. Every call is bounded
by the timeouts of its HTTP handler and makes one attempt.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from customer_profiles_typed import object_type_arn
from customer_profiles_typed.testing import Emulator

from ._cli import ACCESS_KEY_ID, ACCOUNT_ID, REGION, SECRET_ACCESS_KEY

CALL_TIMEOUT = 30.0
"""Seconds one capo call may take (connect, read, total)."""

DOMAIN = "retail"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
OBJECT_TYPE = "ShopCustomer"
TAGS = {"team": "crm", "cost-center": "retail"}
FIELDS = {
    "customer_id": {"source": "_source.customer_id", "target": "_profile.AccountNumber", "content_type": "STRING"},
    "email": {"source": "_source.email", "target": "_profile.EmailAddress", "content_type": "EMAIL_ADDRESS"},
}
KEYS = {
    "customer_id": [{"standard_identifiers": ["PROFILE", "UNIQUE"], "field_names": ["customer_id"]}],
    "email": [{"standard_identifiers": ["PROFILE"], "field_names": ["email"]}],
}


def flow_definition(flow_name: str) -> dict[str, Any]:
    """An S3 flow named ``flow_name`` bringing the columns of ``FIELDS``, in capo's spelling."""
    columns = list(FIELDS)
    return {
        "flow_name": flow_name,
        "kms_arn": KMS_KEY,
        "source_flow_config": {
            "connector_type": "S3",
            "source_connector_properties": {
                "s3": {"bucket_name": "example-shop-exports", "bucket_prefix": "customers/"}
            },
        },
        "tasks": [
            {"task_type": "Filter", "source_fields": columns, "connector_operator": {"s3": "PROJECTION"}},
            *(
                {
                    "task_type": "Map",
                    "source_fields": [column],
                    "connector_operator": {"s3": "NO_OP"},
                    "destination_field": column,
                }
                for column in columns
            ),
        ],
        "trigger_config": {"trigger_type": "OnDemand"},
    }


def flow_uri(flow_name: str) -> str:
    """The Uri of the integration made from the flow ``flow_name``: the flow's ARN."""
    return f"arn:aws:appflow:{REGION}:{ACCOUNT_ID}:flow/{flow_name}"


def _import(module: str) -> Any:
    """``module`` of the capo SDK; fails the test (never skips) when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        missing = str(error)
    pytest.fail(
        f"capo-customer-profiles is not installed ({missing}); "
        "run these tests with `python3 scripts/check.py -s fidelity`.",
        pytrace=False,
    )


@pytest.fixture
def capo(emulator: Emulator) -> Iterator[Any]:
    """A capo ``CustomerProfilesClient`` bound to ``emulator``, signing with the fidelity credentials."""
    sdk = _import("capo_customer_profiles")
    network = _import("zapros")
    handler = network.StdNetworkHandler(
        total_timeout=CALL_TIMEOUT, connect_timeout=CALL_TIMEOUT, read_timeout=CALL_TIMEOUT
    )
    with sdk.CustomerProfilesClient(
        http_handler=handler,
        region=REGION,
        endpoint=emulator.endpoint_url,
        credentials={"access_key": ACCESS_KEY_ID, "secret_key": SECRET_ACCESS_KEY},
        retry_max_attempts=1,
    ) as client:
        yield client


def test_capo_runs_a_domain_and_its_integrations(capo: Any) -> None:
    not_found: type[Exception] = _import("capo_customer_profiles.errors").ResourceNotFoundException
    created = capo.create_domain(DOMAIN, 366, default_encryption_key=KMS_KEY)
    assert created["domain_name"] == DOMAIN
    assert created["default_encryption_key"] == KMS_KEY

    flows = ["shop-export-1", "shop-export-2", "shop-export-3"]
    for flow_name in flows:
        put = capo.put_integration(DOMAIN, object_type_name=OBJECT_TYPE, flow_definition=flow_definition(flow_name))
        assert put["uri"] == flow_uri(flow_name)
        assert put["is_unstructured"] is False

    uris: list[str] = []
    page = capo.list_integrations(DOMAIN, max_results=2)
    for _ in flows:
        uris += [item["uri"] for item in page["items"]]
        if "next_token" not in page:
            break
        page = capo.list_integrations(DOMAIN, max_results=2, next_token=page["next_token"])
    assert sorted(uris) == sorted(flow_uri(name) for name in flows)

    assert capo.get_integration(DOMAIN, flow_uri("shop-export-2"))["object_type_name"] == OBJECT_TYPE
    with pytest.raises(not_found):
        capo.get_integration(DOMAIN, flow_uri("no-such-flow"))

    for flow_name in flows:
        assert capo.delete_integration(DOMAIN, flow_uri(flow_name))["message"]
    assert capo.delete_domain(DOMAIN)["message"]
    with pytest.raises(not_found):
        capo.get_domain(DOMAIN)


def test_capo_puts_an_object_type_and_tags_it(capo: Any) -> None:
    capo.create_domain(DOMAIN, 366)
    put = capo.put_profile_object_type(
        DOMAIN, OBJECT_TYPE, "Customers of the web shop", allow_profile_creation=True, fields=FIELDS, keys=KEYS
    )
    assert put["object_type_name"] == OBJECT_TYPE
    assert put["fields"] == FIELDS
    assert put["keys"] == KEYS
    assert capo.get_profile_object_type(DOMAIN, OBJECT_TYPE)["keys"] == KEYS

    arn = object_type_arn(DOMAIN, OBJECT_TYPE, region=REGION, account_id=ACCOUNT_ID)
    capo.tag_resource(arn, TAGS)
    assert capo.list_tags_for_resource(arn)["tags"] == TAGS
