"""The AWS side of the commands: the client the options describe, and failed calls as text.

boto3 is imported only when a command connects, so that ``--help``, ``validate``
and the parser stay fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

import attrs

from customer_profiles_typed.client import IntegrationClient
from customer_profiles_typed.errors import CustomerProfilesError, ServiceError

from ._exit_codes import CallFailed, UsageError

__all__ = ["Connection", "call", "connect", "failure_text"]

T = TypeVar("T")


@attrs.frozen
class Connection:
    """The client of a command, with the region and account it works in when they are known."""

    client: IntegrationClient
    region: str | None
    account: str | None


def connect(args: argparse.Namespace, concurrency: int = 1) -> Connection:
    """The client the connection options ask for, pooled for ``concurrency`` calls in flight.

    The account is ``--account-id``, else the credentials' account if botocore
    knows it. A missing region or an unknown profile raises ``UsageError``.
    """
    import boto3.session
    import botocore.exceptions
    from botocore.config import Config

    config: Config = Config(
        retries={"mode": args.retry_mode, "total_max_attempts": args.max_attempts},
        max_pool_connections=max(10, concurrency),
    )
    try:
        session = boto3.session.Session(profile_name=args.profile, region_name=args.region)
        client = session.client("customer-profiles", endpoint_url=args.endpoint_url, config=config)
    except botocore.exceptions.BotoCoreError as error:  # no region, unknown profile...
        hint = " (pass --region or set AWS_DEFAULT_REGION)" if "region" in str(error) else ""
        raise UsageError(f"{error}{hint}") from None
    account: str | None = getattr(args, "account_id", None)
    if account is None:
        # The credentials' account (AWS_ACCOUNT_ID, SSO, aws_account_id...), if botocore knows it.
        get_credentials: Callable[[], object] = getattr(session, "get_credentials")
        try:
            credentials = get_credentials()
        except botocore.exceptions.BotoCoreError:
            credentials = None
        found: object = getattr(credentials, "account_id", None)
        account = found if isinstance(found, str) and found else None
    region: str | None = client.meta.region_name
    return Connection(IntegrationClient(client), region, account)


def failure_text(error: BaseException) -> str:
    """Why a call failed, on one line: the AWS error code and message, else the exception's."""
    if isinstance(error, ServiceError):
        return f"{error.code}: {error.message}" if error.message else error.code
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def call(operation: Callable[[], T]) -> T:
    """The result of ``operation``; any failure of the library raises ``CallFailed``.

    That is an AWS error, a request refused before it was sent, and no usable
    answer (connection refused or dropped, timeout, missing credentials,
    unreadable response): all ``CustomerProfilesError``.
    """
    try:
        return operation()
    except CustomerProfilesError as error:
        raise CallFailed(failure_text(error)) from None
