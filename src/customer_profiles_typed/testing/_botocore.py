"""The one place where the emulator touches botocore and boto3.

botocore ships no type information, so it is imported dynamically here and
narrowed to small structural protocols that describe exactly the parts of
its service model the emulator reads. Every other module of the emulator
depends only on these protocols.
"""

from __future__ import annotations

import functools
import importlib
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

SERVICE_NAME = "customer-profiles"
"""The boto3/botocore name of the Customer Profiles service."""


class Shape(Protocol):
    """A botocore model shape (structure, list, map or scalar)."""

    @property
    def name(self) -> str:
        """The shape's name in the model."""
        ...

    @property
    def type_name(self) -> str:
        """The shape's type, e.g. ``structure``, ``string`` or ``timestamp``."""
        ...

    @property
    def metadata(self) -> Mapping[str, Any]:
        """Constraints of the shape: ``min``, ``max``, ``pattern``, ``enum``, ..."""
        ...

    @property
    def serialization(self) -> Mapping[str, Any]:
        """Wire details: ``location``, ``name`` (locationName), ``timestampFormat``, ..."""
        ...

    @property
    def members(self) -> Mapping[str, Shape]:
        """Members of a structure shape, by member name."""
        ...

    @property
    def required_members(self) -> Sequence[str]:
        """Names of the required members of a structure shape."""
        ...

    @property
    def member(self) -> Shape:
        """The element shape of a list shape."""
        ...

    @property
    def key(self) -> Shape:
        """The key shape of a map shape."""
        ...

    @property
    def value(self) -> Shape:
        """The value shape of a map shape."""
        ...


class OperationModel(Protocol):
    """A botocore operation model."""

    @property
    def name(self) -> str:
        """The operation's name, e.g. ``PutIntegration``."""
        ...

    @property
    def http(self) -> Mapping[str, Any]:
        """The HTTP binding: ``method`` and ``requestUri``."""
        ...

    @property
    def input_shape(self) -> Shape | None:
        """The request structure, if the operation takes input."""
        ...

    @property
    def output_shape(self) -> Shape | None:
        """The response structure, if the operation returns output."""
        ...

    @property
    def error_shapes(self) -> Sequence[Shape]:
        """The modeled errors of the operation."""
        ...


class ServiceModel(Protocol):
    """A botocore service model."""

    @property
    def operation_names(self) -> Sequence[str]:
        """Names of every operation of the service."""
        ...

    def operation_model(self, operation_name: str) -> OperationModel:
        """The model of one operation."""
        ...


_client_creation = threading.Lock()


@functools.lru_cache(maxsize=1)
def _botocore_session() -> Any:
    # One shared session (never the process-wide default one): its loader
    # caches the large service model, so a new client does not parse it again.
    session_module: Any = importlib.import_module("botocore.session")
    return session_module.get_session()


@functools.lru_cache(maxsize=1)
def _boto3_session() -> Any:
    boto3_module: Any = importlib.import_module("boto3")
    return boto3_module.session.Session(botocore_session=_botocore_session())


@functools.lru_cache(maxsize=1)
def service_model() -> ServiceModel:
    """Load (once) the Customer Profiles model of the installed botocore."""
    return cast(ServiceModel, _botocore_session().get_service_model(SERVICE_NAME))


def new_client(
    endpoint_url: str,
    *,
    region_name: str,
    access_key_id: str,
    secret_access_key: str,
    config: object | None = None,
) -> CustomerProfilesClient:
    """Create a plain boto3 Customer Profiles client bound to ``endpoint_url``."""
    with _client_creation:
        client = _boto3_session().client(
            SERVICE_NAME,
            endpoint_url=endpoint_url,
            region_name=region_name,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            config=config,
        )
    return cast("CustomerProfilesClient", client)
