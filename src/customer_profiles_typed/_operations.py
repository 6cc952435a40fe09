"""What each operation sends and what it makes of the answer, shared by both clients.

``IntegrationClient`` and ``AsyncIntegrationClient`` differ only in how they call
boto3 (directly, or awaiting aiobotocore); everything else lives here once:
checking the input before anything is sent, the exact boto3 keyword arguments,
reading the response, and turning boto3's exceptions into this library's.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs

from customer_profiles_typed.errors import (
    CustomerProfilesError,
    TransportError,
    ValidationError,
    service_error_from,
    transport_error_from,
)
from customer_profiles_typed.models.integrations import Integration

if TYPE_CHECKING:
    from customer_profiles_typed.models import PutIntegrationRequest


@attrs.frozen
class Call:
    """One boto3 call to make: the operation, the client method and its keyword arguments."""

    operation: str
    """The AWS operation name, e.g. ``GetIntegration``."""
    method: str
    """The boto3 client method, e.g. ``get_integration``."""
    kwargs: dict[str, Any] = attrs.field(repr=False)
    """Exactly the keyword arguments boto3 receives (not in the repr: they may hold a FlowDefinition)."""


def _checked(operation: str, method: str, shape: str, kwargs: dict[str, Any]) -> Call:
    """Drop absent arguments, check the rest against the AWS model, and make the call."""
    from customer_profiles_typed import validation

    present = {key: value for key, value in kwargs.items() if value is not None}
    validation.check_input(shape, present, subject=operation)
    return Call(operation, method, present)


def put_integration(request: PutIntegrationRequest) -> Call:
    """``PutIntegration``: the request checked itself when it was built."""
    return Call("PutIntegration", "put_integration", dict(request.to_boto3()))


def get_integration(domain_name: str, uri: str) -> Call:
    """``GetIntegration`` of one integration."""
    return _checked(
        "GetIntegration",
        "get_integration",
        "GetIntegrationRequest",
        {"DomainName": domain_name, "Uri": uri},
    )


def delete_integration(domain_name: str, uri: str) -> Call:
    """``DeleteIntegration`` of one integration."""
    return _checked(
        "DeleteIntegration",
        "delete_integration",
        "DeleteIntegrationRequest",
        {"DomainName": domain_name, "Uri": uri},
    )


@attrs.frozen
class Listing:
    """The calls of a paginated list: the first page's, and how to ask for the next one."""

    first: Call
    """The call of the first page, checked already."""
    following: Callable[[str], Call]
    """The call of the page after a ``NextToken``."""


def list_integrations(domain_name: str, include_hidden: bool | None, page_size: int | None) -> Listing:
    """The pages of ``ListIntegrations``; the arguments are checked now."""

    def call(next_token: str | None) -> Call:
        return _checked(
            "ListIntegrations",
            "list_integrations",
            "ListIntegrationsRequest",
            {
                "DomainName": domain_name,
                "IncludeHidden": include_hidden,
                "MaxResults": page_size,
                "NextToken": next_token,
            },
        )

    return Listing(call(None), call)


def list_account_integrations(
    uri: str, include_hidden: bool | None, page_size: int | None
) -> Listing:
    """The pages of ``ListAccountIntegrations``; the arguments are checked now."""

    def call(next_token: str | None) -> Call:
        return _checked(
            "ListAccountIntegrations",
            "list_account_integrations",
            "ListAccountIntegrationsRequest",
            {
                "Uri": uri,
                "IncludeHidden": include_hidden,
                "MaxResults": page_size,
                "NextToken": next_token,
            },
        )

    return Listing(call(None), call)


@contextmanager
def _reading(operation: str) -> Generator[None, None, None]:
    """Report a response that lacks required members or has wrong types as ``TransportError``.

    The request went out and may have taken effect, so this is not the caller's
    ``ValidationError`` ("nothing was sent"): it is an answer that could not be
    used. The problems found are the ``ValidationError`` chained as ``__cause__``.
    """
    try:
        yield
    except ValidationError as error:
        raise TransportError(f"the response could not be read: {error}", operation=operation) from error


def integration(response: Mapping[str, Any], operation: str) -> Integration:
    """The ``Integration`` of a put or get response."""
    with _reading(operation):
        return Integration.from_boto3(response)


def page(response: Mapping[str, Any], operation: str) -> tuple[list[Integration], str | None]:
    """The integrations of one list page, and the token of the next page (``None``: last).

    A page without ``Items`` is an empty page: the model makes ``Items``
    optional, and botocore gives an answer whose body is not JSON the same shape.
    """
    from customer_profiles_typed import validation
    from customer_profiles_typed._converter import structure_integration

    with _reading(operation):
        # Checks the items too, so each is built without being checked again.
        validation.check_response(f"{operation}Response", response)
        meta = response.get("ResponseMetadata")
        items: list[Mapping[str, Any]] = list(response.get("Items") or [])
        if isinstance(meta, Mapping):
            items = [{**item, "ResponseMetadata": meta} for item in items]
        token = response.get("NextToken")
        integrations = [structure_integration(Integration, item) for item in items]
        return integrations, token or None


def deleted(response: Mapping[str, Any], operation: str) -> str:
    """The message of a ``DeleteIntegration`` response."""
    from customer_profiles_typed import validation

    with _reading(operation):
        validation.check_response(f"{operation}Response", response)
    return str(response["Message"])


def translate(error: Exception, operation: str) -> CustomerProfilesError | None:
    """This library's exception for a boto3 one, or ``None`` if it is not boto3's."""
    from botocore.exceptions import BotoCoreError, ClientError

    if isinstance(error, ClientError):
        return service_error_from(error)
    if isinstance(error, BotoCoreError):
        return transport_error_from(error, operation=operation)
    return None
