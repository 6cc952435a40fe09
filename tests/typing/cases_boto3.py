"""Typing cases for the boto3 stubs in ``stubs/boto3``.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

import boto3
import boto3.session
from botocore.client import BaseClient
from botocore.config import Config
from types_boto3_customer_profiles.client import CustomerProfilesClient
from typing_extensions import assert_type


def clients() -> None:
    config = Config(
        region_name="eu-west-1",
        retries={"total_max_attempts": 3, "mode": "standard"},
        connect_timeout=5,
        read_timeout=10.5,
        max_pool_connections=4,
        user_agent_extra="customer-profiles-typed",
    )
    assert_type(boto3.client("customer-profiles", config=config), CustomerProfilesClient)
    assert_type(boto3.client("s3", region_name="eu-west-1"), BaseClient)
    session = boto3.session.Session(region_name="eu-west-1")
    assert_type(session.region_name, str | None)
    assert_type(session.client("customer-profiles", endpoint_url="http://localhost:4566"), CustomerProfilesClient)


def client_mistakes(session: boto3.session.Session) -> None:
    boto3.client(service_name=None)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    boto3.client("customer-profiles", regoin_name="eu-west-1")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    session.client("customer-profiles", config={"retries": {}})  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    _region: str = session.region_name  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]


def config_mistakes() -> None:
    Config("eu-west-1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    Config(conect_timeout=5)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    Config(retries={"mode": "fast"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
