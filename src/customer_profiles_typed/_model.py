"""The AWS service model of Customer Profiles, read once from the installed botocore.

Loading it costs a few milliseconds, so it happens on first use, never at import.
A boto3 client already holds the model it was built from: ``adopt`` lets the
clients hand it over (``client.meta.service_model``) before anything is loaded,
so a program pays for loading it once, not twice.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.model import ServiceModel, Shape

SERVICE_NAME = "customer-profiles"


_loaded: ServiceModel | None = None


def service_model() -> ServiceModel:
    """The botocore service model of Customer Profiles (the one ``adopt`` was given, else loaded)."""
    global _loaded  # noqa: PLW0603 - loaded on first use to keep imports lazy
    if _loaded is None:
        import botocore.session

        _loaded = botocore.session.get_session().get_service_model(SERVICE_NAME)
    return _loaded


def adopt(client: object) -> None:
    """Use the service model a boto3 or aiobotocore client holds, if none is in use yet.

    Only a botocore ``ServiceModel`` of Customer Profiles is taken; anything
    else (a stand-in client without one) is ignored and the model is loaded on
    first use as before. Once a model is in use it stays: shapes read from it
    are cached.
    """
    global _loaded  # noqa: PLW0603 - see service_model
    if _loaded is not None:
        return
    model = getattr(getattr(client, "meta", None), "service_model", None)
    if model is None:
        return
    from botocore.model import ServiceModel

    if isinstance(model, ServiceModel) and model.service_name == SERVICE_NAME:
        _loaded = model


@functools.cache
def shape(name: str) -> Shape:
    """A shape of the model by name, e.g. ``"FlowDefinition"`` (built once, then shared)."""
    return service_model().shape_for(name)


@functools.cache
def member_names() -> frozenset[str]:
    """Every member name of every structure of the model, in lower case: the model's own vocabulary."""
    model = service_model()
    return frozenset(
        name.lower() for shape_name in model.shape_names for name in members(model.shape_for(shape_name))
    )


def members(shape: Shape) -> Mapping[str, Shape]:
    """The members of a structure shape (none for other shapes)."""
    from botocore.model import StructureShape

    return shape.members if isinstance(shape, StructureShape) else {}


def required_members(shape: Shape) -> list[str]:
    """The names of the required members of a structure shape."""
    from botocore.model import StructureShape

    return list(shape.required_members) if isinstance(shape, StructureShape) else []


def list_member(shape: Shape) -> Shape:
    """The item shape of a list shape."""
    from botocore.model import ListShape

    if not isinstance(shape, ListShape):
        raise TypeError(f"{shape.name} is not a list shape")
    return shape.member


def map_key_value(shape: Shape) -> tuple[Shape, Shape]:
    """The key and value shapes of a map shape."""
    from botocore.model import MapShape

    if not isinstance(shape, MapShape):
        raise TypeError(f"{shape.name} is not a map shape")
    return shape.key, shape.value


def enum_values(shape: Shape) -> list[str]:
    """The enum values of a string shape (empty if it has none)."""
    from botocore.model import StringShape

    return list(shape.enum) if isinstance(shape, StringShape) else []
