"""The public ``Emulator``: a local, stateful Customer Profiles endpoint.

It ties the pieces together: a loopback HTTP server within its limits, the
model-driven service pipeline, the known access keys, the state of each
account and region, the rate limits and the fault plan, plus read helpers
for tests.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from customer_profiles_typed.testing._auth import (
    DEFAULT_ACCESS_KEY_ID,
    DEFAULT_SECRET_ACCESS_KEY,
    AccessKey,
    Authenticator,
    Keyring,
)
from customer_profiles_typed.testing._botocore import new_client, service_model
from customer_profiles_typed.testing._errors import ServiceError
from customer_profiles_typed.testing._faults import FaultPlan, make_fault
from customer_profiles_typed.testing._ratelimit import RateLimit, RateLimiter
from customer_profiles_typed.testing._server import LoopbackHTTPServer, ServerLimits
from customer_profiles_typed.testing._service import Service, Stores
from customer_profiles_typed.testing._state import Store, StoredDomain, StoredIntegration

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

DEFAULT_ACCOUNT_ID = "123456789012"
"""The account of access keys given no other one (it appears in generated ARNs)."""

DEFAULT_REGION = "us-east-1"
"""The region of requests that carry no SigV4 credential scope, and of the read helpers by default."""


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


def _known_operation(operation: str) -> str:
    if operation not in service_model().operation_names:
        raise ValueError(f"unknown operation {operation!r}")
    return operation


class Emulator:
    """A local HTTP emulator of the Customer Profiles API for tests.

    It speaks the REST-JSON wire protocol, so an unmodified boto3 client
    pointed at ``endpoint_url`` works through its whole pipeline. Use it as a
    context manager or call ``start()``/``stop()``; it listens on a loopback
    address only, on a free port by default.

    Requests must be SigV4-signed with an access key the emulator knows and
    its secret, as AWS checks them; ``client()`` builds clients that are.
    State is kept per account (the access key's) and region (the request's
    credential scope).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        access_key_id: str | None = None,
        secret_access_key: str = DEFAULT_SECRET_ACCESS_KEY,
        credentials: Iterable[AccessKey] = (),
        verify_signatures: bool = True,
        region: str = DEFAULT_REGION,
        account_id: str = DEFAULT_ACCOUNT_ID,
        clock: Callable[[], float] = time.time,
        wall_clock: Callable[[], float] = time.time,
        rate_limits: Mapping[str, RateLimit] | None = None,
        store_options: Mapping[str, Any] | None = None,
        limits: ServerLimits | None = None,
    ) -> None:
        """Prepare (not start) an emulator.

        The emulator knows one access key to begin with, ``access_key_id``
        (default ``emulator-access-key``) with ``secret_access_key`` (default
        ``emulator-secret``) in ``account_id``, plus every key of
        ``credentials``; ``add_credentials`` adds more. Other keys get
        UnrecognizedClientException, wrong signatures InvalidSignatureException.
        ``verify_signatures=False`` serves any request, signed or not, with
        any credentials: the account is a known key's, else ``account_id``.

        ``region`` is used for unsigned requests and by the read helpers by
        default. ``clock`` gives the epoch seconds of CreatedAt/LastUpdatedAt;
        ``wall_clock`` the epoch seconds request signatures are checked
        against (5 minutes of skew allowed) and rate limits refill by.
        ``rate_limits`` maps operation names (e.g. ``"PutIntegration"``) to
        their ``RateLimit``. ``store_options`` are passed as keyword arguments
        to the state of every account and region. ``limits`` bounds what the
        HTTP server takes on (request body size, worker threads, open
        connections, idle time); the defaults are never reached in normal use.
        """
        self._host = _loopback_host(host)
        self._requested_port = port
        self._region = region
        self._faults = FaultPlan()
        options = dict(store_options or {})
        self._stores = Stores(lambda: Store(clock, **options))
        self._keyring = Keyring(account_id)
        self._default_key_id = self._keyring.add(
            AccessKey(access_key_id or DEFAULT_ACCESS_KEY_ID, secret_access_key, account_id)
        ).access_key_id
        for key in credentials:
            self._keyring.add(key)
        self._authenticator = Authenticator(
            self._keyring,
            verify=verify_signatures,
            default_region=region,
            signing_name=str(cast(Any, service_model()).signing_name),
            wall_clock=wall_clock,
        )
        self._rate_limiter = RateLimiter(wall_clock)
        for operation, limit in (rate_limits or {}).items():
            self.set_rate_limit(operation, limit)
        self._stores.get(account_id, region)  # made now, so that bad store options fail here
        self._service = Service(
            service_model(),
            self._stores,
            self._faults,
            authenticator=self._authenticator,
            rate_limiter=self._rate_limiter,
        )
        self._limits = limits if limits is not None else ServerLimits()
        self._lifecycle = threading.Lock()
        self._server: LoopbackHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle -------------------------------------------------------------------

    def start(self) -> Emulator:
        """Start serving in a background thread (no-op if already running); returns ``self``."""
        with self._lifecycle:
            if self._server is not None:
                return self
            server = LoopbackHTTPServer(self._host, self._requested_port, self._service, self._limits)
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
    def limits(self) -> ServerLimits:
        """What the HTTP server takes on: body size, worker threads, open connections, idle time."""
        return self._limits

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
        secret_access_key: str | None = None,
        region_name: str | None = None,
    ) -> CustomerProfilesClient:
        """A plain boto3 Customer Profiles client bound to this emulator.

        It signs with ``access_key_id`` (default: the emulator's default key)
        and ``secret_access_key`` (default: the secret the emulator knows for
        that key, ``emulator-secret`` for a key it does not know), for
        ``region_name`` (default: the emulator's region). ``config`` is an
        optional ``botocore.config.Config``.
        """
        key_id = access_key_id or self._default_key_id
        if secret_access_key is None:
            known = self._keyring.get(key_id)
            secret_access_key = known.secret_access_key if known is not None else DEFAULT_SECRET_ACCESS_KEY
        return new_client(
            self.endpoint_url,
            region_name=region_name or self._region,
            access_key_id=key_id,
            secret_access_key=secret_access_key,
            config=config,
        )

    # Credentials and accounts ------------------------------------------------------

    @property
    def default_credentials(self) -> AccessKey:
        """The access key ``client()`` signs with by default (its secret and account)."""
        key = self._keyring.get(self._default_key_id)
        assert key is not None  # keys are never forgotten
        return key

    @property
    def account_id(self) -> str:
        """The default account: of keys added without one, and of unknown keys when signatures are not verified."""
        return self._keyring.default_account_id

    @property
    def region(self) -> str:
        """The default region: of unsigned requests and of the read helpers."""
        return self._region

    @property
    def verify_signatures(self) -> bool:
        """Whether requests must be signed with a known access key and its secret (settable while running)."""
        return self._authenticator.verify

    @verify_signatures.setter
    def verify_signatures(self, verify: bool) -> None:
        self._authenticator.verify = bool(verify)

    def add_credentials(
        self, access_key_id: str, secret_access_key: str, *, account_id: str | None = None
    ) -> AccessKey:
        """Know one more access key (or give a known one a new secret or account).

        ``account_id`` (12 digits) defaults to the emulator's default account.
        Returns the key as stored.
        """
        return self._keyring.add(AccessKey(access_key_id, secret_access_key, account_id))

    def credentials(self) -> list[AccessKey]:
        """Every access key the emulator knows, sorted by access key ID."""
        return self._keyring.all()

    # Rate limits ---------------------------------------------------------------------

    def set_rate_limit(self, operation: str, limit: RateLimit | None) -> None:
        """Limit the calls of ``operation`` (e.g. ``"PutIntegration"``); ``None`` lifts the limit.

        Each account and region has its own bucket, full to begin with (and
        again whenever the limit is set). A call that finds it empty gets
        ThrottlingException (HTTP 429) and has no effect. Usable while running.
        """
        self._rate_limiter.set(_known_operation(operation), limit)

    def rate_limits(self) -> dict[str, RateLimit]:
        """The rate limit of every limited operation."""
        return self._rate_limiter.limits()

    def throttle_count(self, operation: str | None = None) -> int:
        """Calls of ``operation`` (all if ``None``) refused so far by a rate limit."""
        return self._rate_limiter.throttled(operation)

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
        _known_operation(operation)
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

    def _store(self, account_id: str | None, region: str | None) -> Store:
        return self._stores.get(account_id or self.account_id, region or self._region)

    def domains(self, *, account_id: str | None = None, region: str | None = None) -> list[StoredDomain]:
        """A snapshot of every domain of an account and region (default: the emulator's), sorted by name."""
        return self._store(account_id, region).domains()

    def integrations(
        self, domain_name: str, *, account_id: str | None = None, region: str | None = None
    ) -> list[StoredIntegration]:
        """A snapshot of a domain's integrations (hidden ones included), sorted by URI.

        The domain is looked up in ``account_id`` and ``region`` (default: the
        emulator's). Raises ``LookupError`` if the domain does not exist.
        """
        try:
            return self._store(account_id, region).integrations(domain_name)
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
        account_id: str | None = None,
        region: str | None = None,
    ) -> StoredIntegration:
        """Seed an integration directly, e.g. a hidden or workflow one that PutIntegration cannot create.

        The domain is looked up in ``account_id`` and ``region`` (default: the
        emulator's). Raises ``LookupError`` if the domain does not exist.
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
            return self._store(account_id, region).add_integration(integration)
        except ServiceError as error:
            raise LookupError(f"no domain {domain_name!r}") from error
