"""``IntegrationClient``: typed objects in, one boto3 call, a typed ``Integration`` out.

The client validates before it calls boto3 (an invalid request raises
``ValidationError`` and nothing is sent), calls boto3 exactly once per operation
(retries are boto3's: pass a ``botocore.config.Config`` with a ``retries`` mode),
and maps every boto3 failure onto ``customer_profiles_typed.errors``. It never
logs, reprs or reports the contents of a ``FlowDefinition``, which AWS marks
sensitive.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, Union

from customer_profiles_typed import _model, _operations
from customer_profiles_typed.models.integrations import Integration
from customer_profiles_typed.models import AnyFlowDefinition, PutIntegrationRequest

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.client import BaseClient
    from botocore.config import Config
    from typing_extensions import TypeAlias

    from customer_profiles_typed.enums import Scope

__all__ = ["CustomerProfilesClient", "IntegrationClient", "logger"]

logger = logging.getLogger("customer_profiles_typed")
"""The library's logger. Requests are logged at DEBUG, without FlowDefinition contents."""


class CustomerProfilesClientProtocol(Protocol):
    """What this library needs of a boto3 ``customer-profiles`` client.

    Both a plain ``boto3.client("customer-profiles")`` and a client typed by
    ``types-boto3-customer-profiles`` fit.
    """

    @property
    def meta(self) -> Any:
        """botocore's client metadata (service model, region, endpoint)."""

    def put_integration(self, *args: Any, **kwargs: Any) -> Any:
        """boto3's ``put_integration``."""


CustomerProfilesClient: TypeAlias = Union[CustomerProfilesClientProtocol, "BaseClient"]
"""A boto3 ``customer-profiles`` client, plain or typed."""


class IntegrationClient:
    """Typed access to Customer Profiles integrations through a boto3 client.

    Wrap an existing client, ``IntegrationClient(boto3.client("customer-profiles"))``,
    or let it build one: ``IntegrationClient(region_name="eu-west-1")``,
    ``IntegrationClient(session=my_session, config=Config(retries={"mode": "adaptive"}))``.
    Safe to share between threads, like the boto3 client it wraps.
    """

    def __init__(
        self,
        client: CustomerProfilesClient | None = None,
        *,
        session: Session | None = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
    ) -> None:
        """Wrap ``client``, or build one from ``session``, ``region_name``, ``endpoint_url`` and ``config``."""
        if client is not None and (
            session is not None
            or region_name is not None
            or endpoint_url is not None
            or config is not None
        ):
            raise TypeError(
                "pass either a boto3 client or the settings to build one "
                "(session, region_name, endpoint_url, config), not both"
            )
        if client is None:
            client = _build_client(session, region_name, endpoint_url, config)
        self._client: CustomerProfilesClient = client

    @property
    def boto3_client(self) -> CustomerProfilesClient:
        """The wrapped boto3 client, for calls this library does not cover."""
        return self._client

    def __repr__(self) -> str:
        meta = getattr(self._client, "meta", None)
        region = getattr(meta, "region_name", None)
        return f"IntegrationClient(region_name={region!r})"

    def put_integration(
        self,
        *,
        domain_name: str,
        uri: str | None = None,
        object_type_name: str | None = None,
        object_type_names: Mapping[str, str] | None = None,
        tags: Mapping[str, str] | None = None,
        flow_definition: AnyFlowDefinition | None = None,
        role_arn: str | None = None,
        event_trigger_names: Iterable[str] | None = None,
        scope: Scope | None = None,
    ) -> Integration:
        """Add an integration to a domain, or update it; return what AWS reports.

        The arguments are those of ``PutIntegrationRequest``. Raises
        ``ValidationError`` before sending anything if the request is invalid,
        a ``ServiceError`` subclass if AWS refuses it, ``TransportError`` if no
        usable answer comes back (the integration may then have been written).
        """
        request = PutIntegrationRequest(
            domain_name=domain_name,
            uri=uri,
            object_type_name=object_type_name,
            object_type_names=object_type_names,
            tags=tags,
            flow_definition=flow_definition,
            role_arn=role_arn,
            event_trigger_names=event_trigger_names,
            scope=scope,
        )
        return self.put_integration_request(request)

    def put_integration_request(self, request: PutIntegrationRequest) -> Integration:
        """Send a ``PutIntegrationRequest`` built in code or read with ``from_boto3``."""
        logger.debug(
            "PutIntegration domain=%s uri=%s object_type=%s flow_definition=%s",
            request.domain_name,
            request.uri,
            request.object_type_name,
            "<sensitive>" if request.flow_definition is not None else None,
        )
        integration = _operations.integration(
            self._send(_operations.put_integration(request)), "PutIntegration"
        )
        logger.debug(
            "PutIntegration done uri=%s request_id=%s", integration.uri, integration.request_id
        )
        return integration

    def get_integration(self, *, domain_name: str, uri: str) -> Integration:
        """Return the integration of a domain with this URI.

        Raises ``ResourceNotFoundError`` if there is none.
        """
        return _operations.integration(
            self._send(_operations.get_integration(domain_name, uri)), "GetIntegration"
        )

    def list_integrations(
        self,
        *,
        domain_name: str,
        include_hidden: bool | None = None,
        page_size: int | None = None,
    ) -> Iterator[Integration]:
        """Iterate over every integration of a domain, fetching pages as needed.

        ``page_size`` (1-100) is how many integrations each call asks for;
        ``include_hidden`` also lists integrations AWS hides by default. The
        arguments are checked now; the first page is fetched on first ``next()``.
        """
        return self._pages(_operations.list_integrations(domain_name, include_hidden, page_size))

    def list_account_integrations(
        self,
        *,
        uri: str,
        include_hidden: bool | None = None,
        page_size: int | None = None,
    ) -> Iterator[Integration]:
        """Iterate over the integrations of every domain of the account that use this URI."""
        return self._pages(_operations.list_account_integrations(uri, include_hidden, page_size))

    def delete_integration(self, *, domain_name: str, uri: str) -> str:
        """Remove an integration from a domain; return AWS's confirmation message."""
        logger.debug("DeleteIntegration domain=%s uri=%s", domain_name, uri)
        return _operations.deleted(
            self._send(_operations.delete_integration(domain_name, uri)), "DeleteIntegration"
        )

    def _pages(self, listing: _operations.Listing) -> Iterator[Integration]:
        call = listing.first
        while True:
            items, token = _operations.page(self._send(call), call.operation)
            yield from items
            if token is None:
                return
            call = listing.following(token)

    def _send(self, call: _operations.Call) -> Mapping[str, Any]:
        """Make one boto3 call, mapping its failures onto this library's errors."""
        try:
            response: Mapping[str, Any] = getattr(self._client, call.method)(**call.kwargs)
        except Exception as error:
            translated = _operations.translate(error, call.operation)
            if translated is None:
                raise
            raise translated from error
        return response


def _build_client(
    session: Session | None,
    region_name: str | None,
    endpoint_url: str | None,
    config: Config | None,
) -> CustomerProfilesClient:
    from boto3.session import Session

    factory = session if session is not None else Session()
    client: CustomerProfilesClient = factory.client(
        _model.SERVICE_NAME, region_name=region_name, endpoint_url=endpoint_url, config=config
    )
    return client
