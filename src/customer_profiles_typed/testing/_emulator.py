"""The public ``Emulator``: a local, stateful Customer Profiles endpoint.

It ties the pieces together: a loopback HTTP server, the model-driven
service pipeline, the store and the fault plan, plus read helpers for tests.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from customer_profiles_typed.testing._botocore import new_client, service_model
from customer_profiles_typed.testing._errors import ServiceError
from customer_profiles_typed.testing._faults import FaultPlan, make_fault
from customer_profiles_typed.testing._server import LoopbackHTTPServer
from customer_profiles_typed.testing._service import Service
from customer_profiles_typed.testing._state import Store, StoredDomain, StoredIntegration

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

DEFAULT_ACCOUNT_ID = "123456789012"
"""The account the emulator pretends to serve (it appears in generated ARNs)."""

DEFAULT_REGION = "us-east-1"
"""The region used for ARNs when a request carries no SigV4 credential scope."""


def _loopback_host(host: str) -> str:
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"host must be a loopback IP address, not {host!r}") from None
    if not address.is_loopback:
        raise ValueError(f"the emulator only listens on loopback addresses, not {host!r}")
    return host


class Emulator:
    """A local HTTP emulator of the Customer Profiles API for tests.

    It speaks the REST-JSON wire protocol, so an unmodified boto3 client
    pointed at ``endpoint_url`` works through its whole pipeline. Use it as a
    context manager or call ``start()``/``stop()``; it listens on a loopback
    address only, on a free port by default.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        access_key_id: str | None = None,
        region: str = DEFAULT_REGION,
        account_id: str = DEFAULT_ACCOUNT_ID,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Prepare (not start) an emulator.

        ``access_key_id``, if given, is the only access key accepted: other
        requests get AccessDeniedException. ``clock`` gives the epoch seconds
        used for CreatedAt/LastUpdatedAt.
        """
        self._host = _loopback_host(host)
        self._requested_port = port
        self._region = region
        self._faults = FaultPlan()
        self._store = Store(clock)
        self._service = Service(
            service_model(),
            self._store,
            self._faults,
            region=region,
            account_id=account_id,
            access_key_id=access_key_id,
        )
        self._access_key_id = access_key_id
        self._lifecycle = threading.Lock()
        self._server: LoopbackHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle -------------------------------------------------------------------

    def start(self) -> Emulator:
        """Start serving in a background thread (no-op if already running); returns ``self``."""
        with self._lifecycle:
            if self._server is not None:
                return self
            server = LoopbackHTTPServer(self._host, self._requested_port, self._service)
            thread = threading.Thread(target=server.serve, name="customer-profiles-emulator", daemon=True)
            try:
                thread.start()
            except BaseException:
                server.close()
                raise
            self._server, self._thread = server, thread
            return self

    def stop(self) -> None:
        """Stop serving, close open connections and join all threads; safe to call twice."""
        with self._lifecycle:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None or thread is None:
            return
        server.stop_serving()
        thread.join()
        server.close()

    def __enter__(self) -> Emulator:
        """Start the emulator."""
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the emulator."""
        self.stop()

    @property
    def running(self) -> bool:
        """True between ``start()`` and ``stop()``."""
        return self._server is not None

    @property
    def host(self) -> str:
        """The loopback address the emulator listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The TCP port; the one actually bound once started (useful with ``port=0``)."""
        server = self._server
        return server.server_port if server is not None else self._requested_port

    @property
    def endpoint_url(self) -> str:
        """The URL to pass as boto3's ``endpoint_url``; the emulator must be running."""
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() first")
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self.port}"

    def client(
        self,
        *,
        config: object | None = None,
        access_key_id: str | None = None,
        secret_access_key: str = "emulator-secret",
        region_name: str | None = None,
    ) -> CustomerProfilesClient:
        """A plain boto3 Customer Profiles client bound to this emulator.

        Credentials are dummies (the configured access key if there is one);
        ``config`` is an optional ``botocore.config.Config``.
        """
        return new_client(
            self.endpoint_url,
            region_name=region_name or self._region,
            access_key_id=access_key_id or self._access_key_id or "emulator-access-key",
            secret_access_key=secret_access_key,
            config=config,
        )

    # Faults ------------------------------------------------------------------------

    def inject_fault(
        self,
        operation: str,
        *,
        error_code: str | None = None,
        times: int = 1,
        latency: float | None = None,
        drop_connection: bool = False,
        malformed_body: bool = False,
        status: int | None = None,
        message: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` (e.g. ``"PutIntegration"``) misbehave.

        Choose one of: ``error_code`` (an error answer; its HTTP status comes
        from the model, or ``status`` for codes it does not know; ``message``
        overrides the text), ``drop_connection`` (the socket is closed with no
        answer) or ``malformed_body`` (a 200 answer whose body is not JSON);
        these replace the operation, which then has no effect. ``latency``
        (seconds) delays the answer, alone or combined with one of those;
        alone, the operation takes effect and its answer comes late.
        Faults injected for the same operation are used in order.
        """
        if operation not in service_model().operation_names:
            raise ValueError(f"unknown operation {operation!r}")
        fault = make_fault(
            error_code=error_code,
            status=status,
            message=message,
            latency=latency,
            drop_connection=drop_connection,
            malformed_body=malformed_body,
        )
        self._faults.add(operation, fault, times)

    def clear_faults(self) -> None:
        """Forget every fault still planned."""
        self._faults.clear()

    def pending_faults(self, operation: str) -> int:
        """How many calls of ``operation`` will still meet an injected fault."""
        return self._faults.pending(operation)

    # Reading and seeding state -----------------------------------------------------------

    def request_count(self, operation: str | None = None) -> int:
        """Requests received for ``operation`` (all if ``None``), including faulty and refused ones."""
        return self._service.request_count(operation)

    def domains(self) -> list[StoredDomain]:
        """A snapshot of every domain, sorted by name."""
        return self._store.domains()

    def integrations(self, domain_name: str) -> list[StoredIntegration]:
        """A snapshot of a domain's integrations (hidden ones included), sorted by URI.

        Raises ``LookupError`` if the domain does not exist.
        """
        try:
            return self._store.integrations(domain_name)
        except ServiceError as error:
            raise LookupError(f"no domain {domain_name!r}") from error

    def add_integration(
        self,
        domain_name: str,
        uri: str,
        *,
        object_type_name: str | None = None,
        object_type_names: Mapping[str, str] | None = None,
        workflow_id: str | None = None,
        is_unstructured: bool | None = False,
        hidden: bool = False,
        tags: Mapping[str, str] | None = None,
        role_arn: str | None = None,
        event_trigger_names: Sequence[str] | None = None,
        scope: str | None = None,
    ) -> StoredIntegration:
        """Seed an integration directly, e.g. a hidden or workflow one that PutIntegration cannot create.

        Raises ``LookupError`` if the domain does not exist.
        """
        integration = StoredIntegration(
            domain_name=domain_name,
            uri=uri,
            created_at=0.0,
            last_updated_at=0.0,
            object_type_name=object_type_name,
            object_type_names=dict(object_type_names) if object_type_names is not None else None,
            tags=dict(tags) if tags is not None else None,
            workflow_id=workflow_id,
            is_unstructured=is_unstructured,
            role_arn=role_arn,
            event_trigger_names=tuple(event_trigger_names) if event_trigger_names is not None else None,
            scope=scope,
            hidden=hidden,
        )
        try:
            return self._store.add_integration(integration)
        except ServiceError as error:
            raise LookupError(f"no domain {domain_name!r}") from error
