"""One face for both clients, so every lifecycle test runs against each of them.

``SyncApi`` drives an ``IntegrationClient``; ``AsyncApi`` drives an
``AsyncIntegrationClient`` opened with ``async with`` on an event loop of its
own, awaiting each call to completion. Lists are consumed whole; the
``start_*`` methods only call the list method (which checks its arguments)
without fetching anything.
"""

from __future__ import annotations

import asyncio
import functools
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import botocore.session
from boto3.session import Session
from botocore.config import Config

from customer_profiles_typed import Integration, IntegrationClient, PutIntegrationRequest
from customer_profiles_typed.aio import AsyncIntegrationClient
from customer_profiles_typed.testing import Emulator

if TYPE_CHECKING:
    from aiobotocore.session import AioSession

T = TypeVar("T")

REGION = "us-east-1"
ACCESS_KEY_ID = "lifecycle-access-key"
SECRET_ACCESS_KEY = "lifecycle-secret"
FLAVOURS = ("sync", "async")


@functools.lru_cache(maxsize=1)
def _botocore_session() -> botocore.session.Session:
    # One session for every sync client: its loader parses the service model once.
    return botocore.session.get_session()


@functools.lru_cache(maxsize=1)
def _aio_session() -> AioSession:
    # Imported here so the sync tests run where aiobotocore is not installed;
    # the async ones then fail on this import (the test extra installs it).
    from aiobotocore.session import get_session

    return get_session()


def no_retries(**options: Any) -> Config:
    """A client config that makes exactly one attempt per call."""
    return Config(retries={"mode": "standard", "total_max_attempts": 1}, **options)


class Api(ABC):
    """The operations of ``IntegrationClient``, whichever client carries them out."""

    flavour: str

    @abstractmethod
    def put_integration(self, **fields: Any) -> Integration:
        """``put_integration(**fields)``."""

    @abstractmethod
    def put_integration_request(self, request: PutIntegrationRequest) -> Integration:
        """``put_integration_request(request)``."""

    @abstractmethod
    def get_integration(self, *, domain_name: str, uri: str) -> Integration:
        """``get_integration``."""

    @abstractmethod
    def list_integrations(self, **arguments: Any) -> list[Integration]:
        """Every item of ``list_integrations(**arguments)``."""

    @abstractmethod
    def list_account_integrations(self, **arguments: Any) -> list[Integration]:
        """Every item of ``list_account_integrations(**arguments)``."""

    @abstractmethod
    def start_list_integrations(self, **arguments: Any) -> None:
        """Call ``list_integrations(**arguments)`` without iterating."""

    @abstractmethod
    def start_list_account_integrations(self, **arguments: Any) -> None:
        """Call ``list_account_integrations(**arguments)`` without iterating."""

    @abstractmethod
    def delete_integration(self, *, domain_name: str, uri: str) -> str:
        """``delete_integration``."""

    @abstractmethod
    def close(self) -> None:
        """Release the client."""


class SyncApi(Api):
    """``IntegrationClient``, built from settings the way an application builds it."""

    flavour = "sync"

    def __init__(self, endpoint_url: str, config: Config | None) -> None:
        session = Session(
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            region_name=REGION,
            botocore_session=_botocore_session(),
        )
        self.client = IntegrationClient(session=session, endpoint_url=endpoint_url, config=config)

    def put_integration(self, **fields: Any) -> Integration:
        return self.client.put_integration(**fields)

    def put_integration_request(self, request: PutIntegrationRequest) -> Integration:
        return self.client.put_integration_request(request)

    def get_integration(self, *, domain_name: str, uri: str) -> Integration:
        return self.client.get_integration(domain_name=domain_name, uri=uri)

    def list_integrations(self, **arguments: Any) -> list[Integration]:
        return list(self.client.list_integrations(**arguments))

    def list_account_integrations(self, **arguments: Any) -> list[Integration]:
        return list(self.client.list_account_integrations(**arguments))

    def start_list_integrations(self, **arguments: Any) -> None:
        self.client.list_integrations(**arguments)

    def start_list_account_integrations(self, **arguments: Any) -> None:
        self.client.list_account_integrations(**arguments)

    def delete_integration(self, *, domain_name: str, uri: str) -> str:
        return self.client.delete_integration(domain_name=domain_name, uri=uri)

    def close(self) -> None:
        pass


async def collect(items: AsyncIterator[T]) -> list[T]:
    """Every item of an async iterator, in order."""
    return [item async for item in items]


class AsyncApi(Api):
    """``AsyncIntegrationClient`` opened by its own ``async with``, on a private loop."""

    flavour = "async"

    def __init__(self, endpoint_url: str, config: Config | None) -> None:
        self._loop = asyncio.new_event_loop()
        self.client = AsyncIntegrationClient(
            session=_aio_session(),
            endpoint_url=endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            config=config,
        )
        self._run(self.client.__aenter__())

    def _run(self, work: Coroutine[Any, Any, T]) -> T:
        return self._loop.run_until_complete(work)

    def put_integration(self, **fields: Any) -> Integration:
        return self._run(self.client.put_integration(**fields))

    def put_integration_request(self, request: PutIntegrationRequest) -> Integration:
        return self._run(self.client.put_integration_request(request))

    def get_integration(self, *, domain_name: str, uri: str) -> Integration:
        return self._run(self.client.get_integration(domain_name=domain_name, uri=uri))

    def list_integrations(self, **arguments: Any) -> list[Integration]:
        return self._run(collect(self.client.list_integrations(**arguments)))

    def list_account_integrations(self, **arguments: Any) -> list[Integration]:
        return self._run(collect(self.client.list_account_integrations(**arguments)))

    def start_list_integrations(self, **arguments: Any) -> None:
        self.client.list_integrations(**arguments)

    def start_list_account_integrations(self, **arguments: Any) -> None:
        self.client.list_account_integrations(**arguments)

    def delete_integration(self, *, domain_name: str, uri: str) -> str:
        return self._run(self.client.delete_integration(domain_name=domain_name, uri=uri))

    def close(self) -> None:
        try:
            self._run(self.client.__aexit__(None, None, None))
            self._run(self._loop.shutdown_asyncgens())
        finally:
            self._loop.close()


def open_api(flavour: str, emulator: Emulator, config: Config | None = None) -> Api:
    """A client of ``flavour`` (``"sync"`` or ``"async"``) bound to ``emulator``."""
    if flavour == "sync":
        return SyncApi(emulator.endpoint_url, config)
    if flavour == "async":
        return AsyncApi(emulator.endpoint_url, config)
    raise ValueError(f"unknown flavour {flavour!r}")
