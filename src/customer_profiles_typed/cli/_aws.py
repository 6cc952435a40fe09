"""The AWS side of the commands: the client the options describe, and failed calls as text.

boto3 is imported only when a command connects, so that ``--help``, ``validate``
and the parser stay fast. A command that cannot work says so before its first
call: no region, an unknown profile or no credentials is a ``UsageError``
naming the fix. A connection that fails is not retried ``--max-attempts``
times: once to an endpoint outside AWS (an emulator that is not running does
not start in between), ``CONNECT_ATTEMPTS`` times to AWS.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

import attrs

from customer_profiles_typed.client import IntegrationClient, built_client_config
from customer_profiles_typed.errors import (
    ConfigurationError,
    CustomerProfilesError,
    ServiceError,
    ValidationError,
)

from ._exit_codes import CallFailed, UsageError

__all__ = [
    "CONNECT_ATTEMPTS",
    "Connection",
    "call",
    "connect",
    "connect_attempts",
    "failure_text",
    "usage_text",
]

T = TypeVar("T")

CONNECT_ATTEMPTS = 3
"""Attempts of a call whose connection to AWS fails (DNS, refused, timeout), the first included."""

_AWS_DOMAINS = ("amazonaws.com", "amazonaws.com.cn", "api.aws", "on.aws")
"""The domains of AWS's own endpoints (an endpoint URL under one of them is AWS)."""

_OPTIONS = {"DomainName": "--domain", "Uri": "--uri", "IncludeHidden": "--include-hidden"}
"""The option of ``get``, ``list`` and ``delete`` that gives each argument of their call."""


@attrs.frozen
class Connection:
    """The client of a command, with the region and account it works in when they are known."""

    client: IntegrationClient
    region: str | None
    account: str | None


def connect_attempts(endpoint_url: str | None) -> int:
    """How often a call is tried when its connection fails: once outside AWS, else ``CONNECT_ATTEMPTS``."""
    if endpoint_url is None:
        return CONNECT_ATTEMPTS
    host = (urlsplit(endpoint_url).hostname or "").lower()
    aws = any(host == domain or host.endswith("." + domain) for domain in _AWS_DOMAINS)
    return CONNECT_ATTEMPTS if aws else 1


def _no_credentials_text(profile: str | None) -> str:
    found = f"the profile {profile!r} has no AWS credentials" if profile else "no AWS credentials found"
    return (
        f"{found}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile NAME "
        "(or set AWS_PROFILE) for a profile that has them, or run 'aws configure' to write one "
        "('aws sso login' for an SSO profile); a local emulator takes the keys its banner names"
    )


def _stop_retrying_connections(limit: int) -> Callable[..., None]:
    """A botocore ``needs-retry`` handler: a call whose connection failed ``limit`` times ends."""
    from botocore.exceptions import ConnectionError as BotocoreConnectionError

    def handler(attempts: int, caught_exception: BaseException | None = None, **_: object) -> None:
        if isinstance(caught_exception, BotocoreConnectionError) and attempts >= limit:
            raise caught_exception  # before botocore's retry handler schedules another try

    return handler


def connect(args: argparse.Namespace, concurrency: int = 1) -> Connection:
    """The client the connection options ask for, pooled for ``concurrency`` calls in flight.

    The account is ``--account-id``, else the credentials' account if botocore
    knows it. A missing region, an unknown profile or no credentials raises
    ``UsageError``. A call whose connection fails is tried ``connect_attempts``
    times, whatever ``--max-attempts`` says.
    """
    import boto3.session
    import botocore.exceptions
    from botocore.config import Config

    # Every call goes through IntegrationClient, which checks it first: botocore
    # need not validate it again, as for the clients the library builds.
    config: Config = built_client_config(
        Config(
            retries={"mode": args.retry_mode, "total_max_attempts": args.max_attempts},
            max_pool_connections=max(10, concurrency),
        )
    )
    try:
        session = boto3.session.Session(profile_name=args.profile, region_name=args.region)
        client = session.client("customer-profiles", endpoint_url=args.endpoint_url, config=config)
    except botocore.exceptions.BotoCoreError as error:  # no region, unknown profile...
        hint = " (pass --region or set AWS_DEFAULT_REGION)" if "region" in str(error) else ""
        raise UsageError(f"{error}{hint}") from None
    # Cached by the session since the client was made: no second lookup.
    get_credentials: Callable[[], object] = getattr(session, "get_credentials")
    try:
        credentials = get_credentials()
    except botocore.exceptions.BotoCoreError as error:
        raise UsageError(f"{error}: {_no_credentials_text(args.profile)}") from None
    if credentials is None:
        raise UsageError(_no_credentials_text(args.profile))
    client.meta.events.register_first(
        "needs-retry.customer-profiles",
        _stop_retrying_connections(min(args.max_attempts, connect_attempts(args.endpoint_url))),
        unique_id="customer-profiles-typed-connect-attempts",
    )
    account: str | None = getattr(args, "account_id", None)
    if account is None:
        # The credentials' account (AWS_ACCOUNT_ID, SSO, aws_account_id...), if botocore knows it.
        found: object = getattr(credentials, "account_id", None)
        account = found if isinstance(found, str) and found else None
    region: str | None = client.meta.region_name
    return Connection(IntegrationClient(client), region, account)


def _connection_failed(error: BaseException) -> bool:
    from botocore.exceptions import ConnectionError as BotocoreConnectionError

    return isinstance(error.__cause__, BotocoreConnectionError)


def failure_text(error: BaseException) -> str:
    """Why a call failed, on one line: the AWS error code and message, else the exception's.

    A connection that failed (the message names the URL) says what to check.
    """
    if isinstance(error, ServiceError):
        return f"{error.code}: {error.message}" if error.message else error.code
    text = str(error).splitlines()[0] if str(error) else ""
    text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    if _connection_failed(error):
        text += " (is the endpoint up? check --endpoint-url and --region)"
    return text


def usage_text(error: ValidationError) -> str:
    """Arguments refused before any call, as ``validate`` reports a spec: per problem, the option, what it must be, the rule."""
    count = len(error.errors)
    subject = error.subject.removesuffix("Request")
    lines = [f"invalid arguments of {subject}: {count} {'problem' if count == 1 else 'problems'}"]
    for problem in error.errors:
        option = _OPTIONS.get(problem.wire_path)
        where = f"{option} ({problem.wire_path})" if option else problem.wire_path or "(request)"
        lines.append(f"  {where}: {problem.message} ({problem.rule})")
    return "\n".join(lines)


def call(operation: Callable[[], T]) -> T:
    """The result of ``operation``; bad arguments raise ``UsageError``, any other failure ``CallFailed``.

    Bad arguments are a request refused before it was sent (``ValidationError``)
    or a client that cannot sign it (``ConfigurationError``: credentials gone
    since the command started). Other failures are an AWS error and no usable
    answer (connection refused or dropped, timeout, unreadable response): all
    ``CustomerProfilesError``.
    """
    try:
        return operation()
    except ValidationError as error:
        raise UsageError(usage_text(error)) from None
    except ConfigurationError as error:
        raise UsageError(str(error)) from None
    except CustomerProfilesError as error:
        raise CallFailed(failure_text(error)) from None
