"""What each operation sends and what it makes of the answer, shared by both clients.

``CustomerProfiles`` and ``AsyncCustomerProfiles`` differ only in how they call
boto3 (directly, or awaiting aiobotocore); everything else lives here once:
checking the input before anything is sent, the exact boto3 keyword arguments,
reading the response, and turning boto3's exceptions into this library's.

The integration operations have calls of their own (``get_integration``...).
Every other operation takes one generic path: its request object gives the
call (``request_call``, ``listing``), and a reader (``reader``, ``page_reader``,
``deleted``, ``nothing``, ``tags``) turns the answer into what the method
returns; a reader reports an answer it cannot use as ``TransportError``.
``translate`` turns whatever a call raised into this library's exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Mapping, Sequence
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from customer_profiles_typed import _wire
from customer_profiles_typed.errors import (
    NO_CREDENTIALS,
    ConfigurationError,
    CustomerProfilesError,
    TransportError,
    ValidationError,
    service_error_from,
    transport_error_from,
)
from customer_profiles_typed.models.integrations import Integration

if TYPE_CHECKING:
    from customer_profiles_typed._guards import CallGuard
    from customer_profiles_typed.models import PutIntegrationRequest
    from customer_profiles_typed.models._base import Request

R = TypeVar("R")
ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)

Reader = Callable[[Mapping[str, Any], str], R]
"""What makes a method's result of a boto3 response: ``read(response, operation)``."""

PageReader = Callable[[Mapping[str, Any], str], tuple[Sequence[ItemT], str | None]]
"""What reads one page of a list: its items and the token of the next page (``None``: last)."""


class Call:
    """One boto3 call to make: the operation, the client method and its keyword arguments.

    A plain class with slots, not an attrs class: it is never compared, and
    building it at import costs a fraction of what attrs's generated methods do.
    """

    __slots__ = ("kwargs", "method", "operation")

    operation: str
    """The AWS operation name, e.g. ``GetIntegration``."""
    method: str
    """The boto3 client method, e.g. ``get_integration``."""
    kwargs: dict[str, Any]
    """Exactly the keyword arguments boto3 receives (not in the repr: they may hold a FlowDefinition)."""

    def __init__(self, operation: str, method: str, kwargs: dict[str, Any]) -> None:
        self.operation = operation
        self.method = method
        self.kwargs = kwargs

    def __repr__(self) -> str:
        return f"Call(operation={self.operation!r}, method={self.method!r})"


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


def request_call(request: Request) -> Call:
    """The call of a request object: ``PutProfileObjectTypeRequest`` -> ``put_profile_object_type``.

    The operation is the request's AWS shape without ``Request``; the keyword
    arguments are exactly ``request.to_boto3()`` (the request checked itself
    when it was built).
    """
    operation = _wire.CLASS_SHAPES[type(request)].removesuffix("Request")
    return Call(operation, method_name(operation), dict(request.to_boto3()))


def method_name(operation: str) -> str:
    """boto3's method of an operation, as botocore names it (``ListDomains`` -> ``list_domains``)."""
    words = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", operation)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()


class Listing:
    """The calls of a paginated list: the first page's, and how to ask for the next one."""

    __slots__ = ("first", "following")

    first: Call
    """The call of the first page, checked already."""
    following: Callable[[str], Call]
    """The call of the page after a ``NextToken``."""

    def __init__(self, first: Call, following: Callable[[str], Call]) -> None:
        self.first = first
        self.following = following

    def __repr__(self) -> str:
        return f"Listing(first={self.first!r})"

    def after(self, token: str, seen: set[str]) -> Call:
        """The call of the page after ``token``; ``TransportError`` if the list already gave it.

        A service that hands out a token it handed out before would make the
        listing go round for ever; ``seen`` holds the tokens of this listing.
        """
        if token in seen:
            raise TransportError(
                f"the service repeated a NextToken after {len(seen)} page(s); "
                "the listing would never end",
                operation=self.first.operation,
            )
        seen.add(token)
        return self.following(token)


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


def listing(request: Request) -> Listing:
    """The pages of a paginated list, from its request: the first page starts at its ``next_token``."""
    first = request_call(request)

    def following(next_token: str) -> Call:
        return Call(first.operation, first.method, {**first.kwargs, "NextToken": next_token})

    return Listing(first, following)


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

    A JSON object without ``Items`` is an empty page: the model makes ``Items``
    optional. A body that is not a JSON object (HTML, empty, cut short) never
    reaches this: the call raised ``TransportError`` first (``_guards``), and an
    answer that is not a mapping fails the check below.
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


def structured(cls: type[R], response: Mapping[str, Any], operation: str) -> R:
    """A generated response class read from the answer of ``operation``, leniently.

    Checked against the operation's own output shape (required members and
    types), then read as ``cls.from_boto3`` would read it.
    """
    from customer_profiles_typed import validation
    from customer_profiles_typed._converter import structure_response

    with _reading(operation):
        validation.check_response(f"{operation}Response", response)
        return structure_response(cls, response)


def reader(cls: type[R]) -> Reader[R]:
    """The reader of an answer that is one response object (``ProfileObjectType``, ``Domain``...)."""

    def read(response: Mapping[str, Any], operation: str) -> R:
        return structured(cls, response, operation)

    return read


class Page(Protocol[ItemT_co]):
    """A generated ``List...Response``: a page of items and the token of the next one."""

    @property
    def items(self) -> tuple[ItemT_co, ...] | None:
        """The items of the page (``None``: an empty page)."""

    @property
    def next_token(self) -> str | None:
        """The token of the next page (``None``: the last page)."""


def page_reader(cls: type[Page[ItemT]]) -> PageReader[ItemT]:
    """The reader of one page of a list, through its ``List...Response`` class."""

    def read(response: Mapping[str, Any], operation: str) -> tuple[Sequence[ItemT], str | None]:
        answer = structured(cls, response, operation)
        return answer.items or (), answer.next_token or None

    return read


def nothing(response: Mapping[str, Any], operation: str) -> None:
    """Check an answer that carries nothing (``TagResource``, ``UntagResource``)."""
    from customer_profiles_typed import validation

    with _reading(operation):
        validation.check_response(f"{operation}Response", response)


def tags(response: Mapping[str, Any], operation: str) -> Mapping[str, str]:
    """The tags of a ``ListTagsForResource`` answer (empty if AWS lists none)."""
    from customer_profiles_typed.models.tags import ListTagsForResourceResponse

    found = structured(ListTagsForResourceResponse, response, operation).tags
    return found if found is not None else MappingProxyType({})


def deleted(response: Mapping[str, Any], operation: str) -> str:
    """The message of a ``Delete...`` response."""
    from customer_profiles_typed import validation

    with _reading(operation):
        validation.check_response(f"{operation}Response", response)
    return str(response["Message"])


def translate(
    error: Exception, operation: str, guard: CallGuard | None = None
) -> CustomerProfilesError | None:
    """This library's exception for one that a boto3 call raised, or ``None`` if it is not boto3's.

    The one place where a call's failure becomes ours: a ``ClientError`` is a
    ``ServiceError``; no credentials is a ``ConfigurationError``; botocore's
    transport errors, any failure once the call's deadline has passed, and any
    exception botocore's parser raised on the answer (``guard.parsing``: a JSON
    array, ``null``, a timestamp of ``"yesterday"``) are a ``TransportError``. An exception of this library
    (raised by a ``_guards`` hook) is returned as it is.
    """
    from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

    if isinstance(error, CustomerProfilesError):
        return error
    if isinstance(error, ClientError):
        return service_error_from(error)
    if isinstance(error, NoCredentialsError):  # raised before anything is sent
        return ConfigurationError(f"{operation} was not sent: {NO_CREDENTIALS}")
    if guard is not None and guard.overdue():
        return guard.overdue_error()
    if isinstance(error, BotoCoreError):
        return transport_error_from(error, operation=operation)
    if guard is not None and guard.parsing:
        return TransportError(
            f"the response could not be read: {type(error).__name__}: {error}", operation=operation
        )
    return None
