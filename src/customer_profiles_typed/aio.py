"""``AsyncIntegrationClient``: the same operations as ``IntegrationClient``, awaited.

Built on aiobotocore (install ``customer-profiles-typed[async]``). It shares the
models, the converter, validation and the error mapping with the sync client;
only the call to AWS is awaited. Lists are async iterators that fetch pages as
they are consumed.

One difference comes from aiohttp, under aiobotocore: when the server closes
the connection without answering an idempotent HTTP request (GET or PUT:
``ListIntegrations``, ``PutIntegration``), aiohttp sends it once more by
itself, whatever botocore's retry settings say.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import AsyncExitStack
from types import TracebackType
from typing import TYPE_CHECKING, Any

from customer_profiles_typed import _model, _operations
from customer_profiles_typed.client import logger
from customer_profiles_typed.models import AnyFlowDefinition, PutIntegrationRequest

if TYPE_CHECKING:
    from botocore.config import Config
    from typing_extensions import Self

    from customer_profiles_typed.enums import Scope
    from customer_profiles_typed.models.integrations import Integration

__all__ = ["AsyncIntegrationClient"]


class AsyncIntegrationClient:
    """Typed access to Customer Profiles integrations through an aiobotocore client.

    Use it as an async context manager; it opens (and then closes) its own
    aiobotocore client unless you pass one that you manage yourself::

        async with AsyncIntegrationClient(region_name="eu-west-1") as profiles:
            integration = await profiles.get_integration(domain_name="d", uri=uri)

    Entering is re-entrant: nested ``async with`` blocks on one object share
    its client, which is closed when the outermost block ends. A call made
    while the client is not open raises ``RuntimeError``; a new ``async with``
    opens a fresh one.
    """

    def __init__(
        self,
        client: Any = None,
        *,
        session: Any = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
    ) -> None:
        """Wrap an open aiobotocore ``client``, or describe the one ``async with`` opens.

        ``session`` is an ``aiobotocore.session.AioSession``; the other settings
        are those of ``AioSession.create_client``.
        """
        self._client: Any = client
        self._settings: dict[str, Any] = {
            "region_name": region_name,
            "endpoint_url": endpoint_url,
            "config": config,
            "aws_access_key_id": aws_access_key_id,
            "aws_secret_access_key": aws_secret_access_key,
            "aws_session_token": aws_session_token,
        }
        self._session = session
        self._stack: AsyncExitStack | None = None
        # How many ``async with`` blocks are open on this object; the last one out closes.
        self._depth = 0
        # Whether the client this object opened has been closed since (for the error message).
        self._closed = False
        # Held while the client is opened or closed, so that concurrent entries share one.
        self._opening = asyncio.Lock()

    async def __aenter__(self) -> Self:
        """Open the aiobotocore client, unless one was passed in or a block already opened it."""
        async with self._opening:
            if self._client is None:
                import aiobotocore.session

                session = self._session or aiobotocore.session.get_session()
                stack = AsyncExitStack()
                settings = {key: value for key, value in self._settings.items() if value is not None}
                self._client = await stack.enter_async_context(
                    session.create_client(_model.SERVICE_NAME, **settings)
                )
                self._stack = stack
                self._closed = False
            self._depth += 1
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Leave one block; the outermost closes the aiobotocore client this object opened."""
        async with self._opening:
            if self._depth == 0:  # not entered, or already left: nothing to close
                return
            self._depth -= 1
            if self._depth > 0:
                return
            stack, self._stack = self._stack, None
            if stack is not None:
                self._client = None
                self._closed = True
                await stack.aclose()

    @property
    def aiobotocore_client(self) -> Any:
        """The wrapped aiobotocore client, for calls this library does not cover."""
        if self._client is None:
            if self._closed:
                raise RuntimeError(
                    "this AsyncIntegrationClient is closed: its 'async with' block has ended; "
                    "make calls inside 'async with' (entering again opens a new client)"
                )
            raise RuntimeError("use 'async with AsyncIntegrationClient(...)' to open the client")
        return self._client

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
        """Add an integration to a domain, or update it; see ``IntegrationClient.put_integration``."""
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
        logger.debug(
            "PutIntegration domain=%s uri=%s object_type=%s flow_definition=%s",
            request.domain_name,
            request.uri,
            request.object_type_name,
            "<sensitive>" if request.flow_definition is not None else None,
        )
        return _operations.integration(
            await self._send(_operations.put_integration(request)), "PutIntegration"
        )

    async def get_integration(self, *, domain_name: str, uri: str) -> Integration:
        """Return the integration of a domain with this URI; see ``IntegrationClient.get_integration``."""
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
        return self._pages(_operations.list_integrations(domain_name, include_hidden, page_size))

    def list_account_integrations(
        self,
        *,
        uri: str,
        include_hidden: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Integration]:
        """Iterate (``async for``) over the integrations of every domain that use this URI."""
        return self._pages(_operations.list_account_integrations(uri, include_hidden, page_size))

    async def delete_integration(self, *, domain_name: str, uri: str) -> str:
        """Remove an integration from a domain; return AWS's confirmation message."""
        logger.debug("DeleteIntegration domain=%s uri=%s", domain_name, uri)
        return _operations.deleted(
            await self._send(_operations.delete_integration(domain_name, uri)), "DeleteIntegration"
        )

    async def _pages(self, listing: _operations.Listing) -> AsyncIterator[Integration]:
        call = listing.first
        while True:
            items, token = _operations.page(await self._send(call), call.operation)
            for item in items:
                yield item
            if token is None:
                return
            call = listing.following(token)

    async def _send(self, call: _operations.Call) -> Mapping[str, Any]:
        """Make one aiobotocore call, mapping its failures onto this library's errors."""
        method = getattr(self.aiobotocore_client, call.method)
        try:
            response: Mapping[str, Any] = await method(**call.kwargs)
        except Exception as error:
            translated = _operations.translate(error, call.operation)
            if translated is None:
                raise
            raise translated from error
        return response
