"""The integration operations of both clients, the sync and the async methods side by side.

``PutIntegration``, ``GetIntegration``, ``ListIntegrations``,
``ListAccountIntegrations`` and ``DeleteIntegration``: ``IntegrationMethods``
and ``AsyncIntegrationMethods`` are the same methods, the async ones awaited.
What each sends and how its answer is read is in ``_operations``. The
contents of a ``FlowDefinition``, which AWS marks sensitive, are never logged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from customer_profiles_typed import _operations
from customer_profiles_typed.models import AnyFlowDefinition, PutIntegrationRequest
from customer_profiles_typed.resources._base import AsyncResource, SyncResource, logger

if TYPE_CHECKING:
    from customer_profiles_typed.enums import Scope
    from customer_profiles_typed.models.integrations import Integration

__all__ = ["AsyncIntegrationMethods", "IntegrationMethods"]


def _log_put(request: PutIntegrationRequest) -> None:
    logger.debug(
        "PutIntegration domain=%s uri=%s object_type=%s flow_definition=%s",
        request.domain_name,
        request.uri,
        request.object_type_name,
        "<sensitive>" if request.flow_definition is not None else None,
    )


class IntegrationMethods(SyncResource):
    """The integration operations: add or update, read, list and remove a domain's integrations."""

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
        _log_put(request)
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
        return self._pages(
            _operations.list_integrations(domain_name, include_hidden, page_size), _operations.page
        )

    def list_account_integrations(
        self,
        *,
        uri: str,
        include_hidden: bool | None = None,
        page_size: int | None = None,
    ) -> Iterator[Integration]:
        """Iterate over the integrations of every domain of the account that use this URI."""
        return self._pages(
            _operations.list_account_integrations(uri, include_hidden, page_size), _operations.page
        )

    def delete_integration(self, *, domain_name: str, uri: str) -> str:
        """Remove an integration from a domain; return AWS's confirmation message."""
        logger.debug("DeleteIntegration domain=%s uri=%s", domain_name, uri)
        return _operations.deleted(
            self._send(_operations.delete_integration(domain_name, uri)), "DeleteIntegration"
        )


class AsyncIntegrationMethods(AsyncResource):
    """The integration operations, awaited: see ``IntegrationMethods``."""

    async def put_integration(
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
        """Add an integration to a domain, or update it; see ``IntegrationMethods``."""
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
        return await self.put_integration_request(request)

    async def put_integration_request(self, request: PutIntegrationRequest) -> Integration:
        """Send a ``PutIntegrationRequest`` built in code or read with ``from_boto3``."""
        _log_put(request)
        integration = _operations.integration(
            await self._send(_operations.put_integration(request)), "PutIntegration"
        )
        logger.debug(
            "PutIntegration done uri=%s request_id=%s", integration.uri, integration.request_id
        )
        return integration

    async def get_integration(self, *, domain_name: str, uri: str) -> Integration:
        """Return the integration of a domain with this URI; see ``IntegrationMethods``."""
        return _operations.integration(
            await self._send(_operations.get_integration(domain_name, uri)), "GetIntegration"
        )

    def list_integrations(
        self,
        *,
        domain_name: str,
        include_hidden: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Integration]:
        """Iterate (``async for``) over every integration of a domain, page by page.

        The arguments are checked now; pages are fetched as the iteration goes.
        """
        return self._pages(
            _operations.list_integrations(domain_name, include_hidden, page_size), _operations.page
        )

    def list_account_integrations(
        self,
        *,
        uri: str,
        include_hidden: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Integration]:
        """Iterate (``async for``) over the integrations of every domain that use this URI."""
        return self._pages(
            _operations.list_account_integrations(uri, include_hidden, page_size), _operations.page
        )

    async def delete_integration(self, *, domain_name: str, uri: str) -> str:
        """Remove an integration from a domain; return AWS's confirmation message."""
        logger.debug("DeleteIntegration domain=%s uri=%s", domain_name, uri)
        return _operations.deleted(
            await self._send(_operations.delete_integration(domain_name, uri)), "DeleteIntegration"
        )
