"""``CustomerProfiles``: typed objects in, one boto3 call, typed objects out.

The client validates before it calls boto3 (an invalid request raises
``ValidationError`` and nothing is sent), calls boto3 exactly once per operation
(retries are boto3's: pass a ``botocore.config.Config`` with a ``retries`` mode),
and maps every boto3 failure onto ``customer_profiles_typed.errors``: an
answer that cannot be read and a call past its deadline (``call_timeout``)
are ``TransportError``. It never logs, reprs or reports the values of members
AWS marks sensitive (a ``FlowDefinition``, an object type's fields and keys,
event trigger conditions, descriptions).

Its methods come from ``customer_profiles_typed.resources``, one class per
resource: integrations, object types, event triggers, tags and domains.
``IntegrationClient`` is the same class under the name it had when it covered
integrations only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, Union

from customer_profiles_typed import _guards, _model
from customer_profiles_typed.errors import ConfigurationError
from customer_profiles_typed.resources import (
    DomainMethods,
    EventTriggerMethods,
    IntegrationMethods,
    ObjectTypeMethods,
    TagMethods,
)
from customer_profiles_typed.resources._base import logger

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.client import BaseClient
    from botocore.config import Config
    from typing_extensions import TypeAlias

__all__ = ["CustomerProfiles", "CustomerProfilesClient", "IntegrationClient", "logger"]


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


class CustomerProfiles(
    IntegrationMethods, ObjectTypeMethods, EventTriggerMethods, TagMethods, DomainMethods
):
    """Typed access to Customer Profiles through a boto3 client.

    Wrap an existing client, ``CustomerProfiles(boto3.client("customer-profiles"))``,
    or let it build one: ``CustomerProfiles(region_name="eu-west-1")``,
    ``CustomerProfiles(session=my_session, config=Config(retries={"mode": "adaptive"}))``,
    ``CustomerProfiles(region_name="eu-west-1", call_timeout=60)``.
    One method per operation, named as boto3's (``put_profile_object_type``,
    ``list_event_triggers``...), with keyword arguments in snake_case. Safe to
    share between threads, like the boto3 client it wraps.

    Every request is checked before it is sent, more strictly than botocore
    checks it, so a client this class builds has botocore's own parameter
    validation off (``Config(parameter_validation=False)``): a request is
    validated once, not twice. Pass ``config=Config(parameter_validation=True)``
    to keep botocore's too. A client you pass in is used as it is configured.
    """

    def __init__(
        self,
        client: CustomerProfilesClient | None = None,
        *,
        session: Session | None = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
        call_timeout: float | None = _guards.DEFAULT_CALL_TIMEOUT,
    ) -> None:
        """Wrap ``client``, or build one from ``session``, ``region_name``, ``endpoint_url`` and ``config``.

        ``call_timeout`` is the deadline of each call in seconds, botocore's
        retries and their pauses included (default 300; ``None``: no deadline);
        a call past it raises ``TransportError``. botocore's ``connect_timeout``
        and ``read_timeout`` still bound each connection attempt and each socket
        read. A sync call cannot be interrupted in the middle of a read: an
        answer that keeps trickling in is cut once it has ended.
        """
        timeout = _guards.checked_timeout(call_timeout)
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
        _model.adopt(client)
        _guards.install(client)
        self._client = client
        self._call_timeout = timeout

    @property
    def boto3_client(self) -> CustomerProfilesClient:
        """The wrapped boto3 client, for calls this library does not cover.

        A client this class built does not run botocore's parameter validation
        (see the class): a call made on it directly is sent as it is and only the
        service judges it, unless ``config=Config(parameter_validation=True)``
        was passed.
        """
        return self._client

    def __repr__(self) -> str:
        meta = getattr(self._client, "meta", None)
        region = getattr(meta, "region_name", None)
        return f"{type(self).__name__}(region_name={region!r})"


IntegrationClient = CustomerProfiles
"""``CustomerProfiles`` under the name it had when it covered integrations only."""


def _build_client(
    session: Session | None,
    region_name: str | None,
    endpoint_url: str | None,
    config: Config | None,
) -> CustomerProfilesClient:
    from boto3.session import Session
    from botocore.exceptions import NoRegionError, ProfileNotFound

    try:
        factory = session if session is not None else Session()
        client: CustomerProfilesClient = factory.client(
            _model.SERVICE_NAME,
            region_name=region_name,
            endpoint_url=endpoint_url,
            config=built_client_config(config),
        )
    except NoRegionError as error:
        raise ConfigurationError(NO_REGION) from error
    except ProfileNotFound as error:
        raise ConfigurationError(f"{error}: name a profile of the shared AWS config") from error
    return client


def built_client_config(config: Config | None) -> Config:
    """The configuration of a client this library builds: ``config``, botocore's validation off.

    botocore's parameter validation checks less than this library's checks, which
    every method runs before it calls boto3, so it is turned off unless ``config``
    sets ``parameter_validation`` itself. The result is of ``config``'s class
    (an aiobotocore ``AioConfig`` stays one).
    """
    from botocore.config import Config

    base = Config if config is None else type(config)
    unchecked = base(parameter_validation=False)
    return unchecked if config is None else unchecked.merge(config)


NO_REGION = (
    "no AWS region is configured: pass region_name (e.g. region_name=\"eu-west-1\"), "
    "set AWS_REGION or AWS_DEFAULT_REGION, or use a profile that has a region"
)
"""The message of the ``ConfigurationError`` raised when botocore finds no region."""
