"""Typing cases for the clients and the wire format.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from botocore.client import BaseClient
from botocore.config import Config
from types_boto3_customer_profiles.client import CustomerProfilesClient
from types_boto3_customer_profiles.type_defs import PutIntegrationRequestTypeDef
from typing_extensions import assert_type

from customer_profiles_typed import FlowDefinition, Integration, IntegrationClient, PutIntegrationRequest
from customer_profiles_typed.aio import AsyncIntegrationClient
from customer_profiles_typed.wire_types import PutIntegrationDict


def wrapping_clients(plain: BaseClient, typed: CustomerProfilesClient) -> None:
    IntegrationClient(plain)
    IntegrationClient(typed)
    IntegrationClient(region_name="eu-west-1", config=Config(retries={"mode": "adaptive"}))
    IntegrationClient(endpoint_url="http://127.0.0.1:4566")


def wrong_clients(typed: CustomerProfilesClient) -> None:
    IntegrationClient(42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    IntegrationClient("customer-profiles")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    IntegrationClient(typed, regoin_name="eu-west-1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    IntegrationClient(config={"retries": {}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def the_wire_format(request: PutIntegrationRequest, typed: CustomerProfilesClient) -> None:
    kwargs = request.to_boto3()
    assert_type(kwargs, PutIntegrationDict)
    oracle: PutIntegrationRequestTypeDef = request.to_boto3()
    typed.put_integration(**request.to_boto3())
    assert_type(PutIntegrationRequest.from_boto3(oracle), PutIntegrationRequest)
    assert_type(Integration.from_boto3(typed.get_integration(DomainName="d", Uri="u")), Integration)
    assert_type(Integration.from_boto3({}).to_boto3(), dict[str, Any])


def wire_format_mistakes(request: PutIntegrationRequest) -> None:
    _domain: int = request.to_boto3()["DomainName"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    request.to_boto3()["Uir"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
    PutIntegrationRequest.from_boto3("DomainName=d")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def sync_lifecycle(profiles: IntegrationClient, flow: FlowDefinition[Any]) -> None:
    assert_type(profiles.put_integration(domain_name="d", flow_definition=flow), Integration)
    assert_type(profiles.get_integration(domain_name="d", uri="u"), Integration)
    assert_type(profiles.list_integrations(domain_name="d", page_size=10), Iterator[Integration])
    assert_type(profiles.list_account_integrations(uri="u", include_hidden=True), Iterator[Integration])
    assert_type(profiles.delete_integration(domain_name="d", uri="u"), str)


def sync_lifecycle_mistakes(profiles: IntegrationClient) -> None:
    profiles.put_integration("d")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.put_integration(DomainName="d")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.put_integration(domain_name="d", flow_definition={"FlowName": "f"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    profiles.get_integration(domain_name="d")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    profiles.list_integrations(domain_name="d", page_size="10")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    profiles.delete_integration(uri="u")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


async def async_lifecycle(flow: FlowDefinition[Any]) -> None:
    async with AsyncIntegrationClient(region_name="us-east-1") as profiles:
        assert_type(profiles, AsyncIntegrationClient)
        assert_type(await profiles.put_integration(domain_name="d", flow_definition=flow), Integration)
        assert_type(await profiles.get_integration(domain_name="d", uri="u"), Integration)
        assert_type(profiles.list_integrations(domain_name="d"), AsyncIterator[Integration])
        async for integration in profiles.list_account_integrations(uri="u"):
            assert_type(integration, Integration)
        assert_type(await profiles.delete_integration(domain_name="d", uri="u"), str)


async def async_lifecycle_mistakes(profiles: AsyncIntegrationClient) -> None:
    _integration: Integration = profiles.get_integration(domain_name="d", uri="u")  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    for _ in profiles.list_integrations(domain_name="d"):  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        pass
    await profiles.get_integration(domain_name="d")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
