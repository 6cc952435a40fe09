"""``AsyncCustomerProfiles``: the same operations as ``CustomerProfiles``, awaited.

Built on aiobotocore (install ``customer-profiles-typed[async]``). It shares the
models, the converter, validation and the error mapping with the sync client;
only the call to AWS is awaited. Lists are async iterators that fetch pages as
they are consumed. Its methods come from ``customer_profiles_typed.resources``
(the ``Async...Methods`` classes); ``AsyncIntegrationClient`` is the same class
under the name it had when it covered integrations only.

One difference comes from aiohttp, under aiobotocore: when the server closes
the connection without answering an idempotent HTTP request (GET or PUT:
``ListIntegrations``, ``PutIntegration``), aiohttp sends it once more by
itself, whatever botocore's retry settings say.
"""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from customer_profiles_typed import _guards, _model
from customer_profiles_typed.client import NO_REGION, built_client_config
from customer_profiles_typed.errors import ConfigurationError
from customer_profiles_typed.resources import (
    AsyncDomainMethods,
    AsyncEventTriggerMethods,
    AsyncIntegrationMethods,
    AsyncObjectTypeMethods,
    AsyncTagMethods,
)

if TYPE_CHECKING:
    from botocore.config import Config
    from typing_extensions import Self

__all__ = ["AsyncCustomerProfiles", "AsyncIntegrationClient"]


class AsyncCustomerProfiles(
    AsyncIntegrationMethods,
    AsyncObjectTypeMethods,
    AsyncEventTriggerMethods,
    AsyncTagMethods,
    AsyncDomainMethods,
):
    """Typed access to Customer Profiles through an aiobotocore client.

    Use it as an async context manager; it opens (and then closes) its own
    aiobotocore client unless you pass one that you manage yourself::

        async with AsyncCustomerProfiles(region_name="eu-west-1") as profiles:
            integration = await profiles.get_integration(domain_name="d", uri=uri)

    Entering is re-entrant: nested ``async with`` blocks on one object share
    its client, which is closed when the outermost block ends. A call made
    while the client is not open raises ``RuntimeError``; a new ``async with``
    opens a fresh one.

    As with ``CustomerProfiles``, a client this class opens has botocore's
    parameter validation off (every request is checked before it is sent)
    unless ``config`` sets ``parameter_validation``; a client you pass in is
    used as it is configured.
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
        call_timeout: float | None = _guards.DEFAULT_CALL_TIMEOUT,
    ) -> None:
        """Wrap an open aiobotocore ``client``, or describe the one ``async with`` opens.

        ``session`` is an ``aiobotocore.session.AioSession``; the other settings
        are those of ``AioSession.create_client``. ``call_timeout`` is the
        deadline of each call in seconds (default 300; ``None``: none): past it
        the call, retries and pauses included, is cancelled and raises
        ``TransportError``, even while an answer is still trickling in.
        """
        self._call_timeout = _guards.checked_timeout(call_timeout)
        if client is not None:
            _model.adopt(client)
            _guards.install(client)
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
                from botocore.exceptions import NoRegionError

                session = self._session or _aiobotocore_session()
                stack = AsyncExitStack()
                settings = {key: value for key, value in self._settings.items() if value is not None}
                settings["config"] = _opened_client_config(self._settings["config"])
                try:
                    self._client = await stack.enter_async_context(
                        session.create_client(_model.SERVICE_NAME, **settings)
                    )
                except NoRegionError as error:
                    raise ConfigurationError(NO_REGION) from error
                _model.adopt(self._client)
                _guards.install(self._client)
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

    def __repr__(self) -> str:
        meta = getattr(self._client, "meta", None)
        region = getattr(meta, "region_name", None) or self._settings["region_name"]
        return f"{type(self).__name__}(region_name={region!r})"

    @property
    def aiobotocore_client(self) -> Any:
        """The wrapped aiobotocore client, for calls this library does not cover."""
        if self._client is None:
            if self._closed:
                # Both names of this class, so that either one is found in the message.
                raise RuntimeError(
                    "this AsyncCustomerProfiles/AsyncIntegrationClient is closed: its "
                    "'async with' block has ended; make calls inside 'async with' "
                    "(entering again opens a new client)"
                )
            raise RuntimeError(
                f"use 'async with {type(self).__name__}(...)' to open the client"
            )
        return self._client


AsyncIntegrationClient = AsyncCustomerProfiles
"""``AsyncCustomerProfiles`` under the name it had when it covered integrations only."""


def _opened_client_config(config: Config | None) -> Config:
    """The configuration of a client this class opens: ``built_client_config``, an ``AioConfig`` by default."""
    if config is None:
        import importlib

        config = cast("Config", importlib.import_module("aiobotocore.config").AioConfig())
    return built_client_config(config)


def _aiobotocore_session() -> Any:
    """A new aiobotocore session; ``ConfigurationError`` naming the extra if it is not installed."""
    try:
        import aiobotocore.session
    except ImportError as error:
        raise ConfigurationError(
            "AsyncCustomerProfiles needs aiobotocore: pip install 'customer-profiles-typed[async]'"
        ) from error
    return aiobotocore.session.get_session()
