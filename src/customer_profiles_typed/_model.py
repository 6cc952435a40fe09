"""The AWS service model of Customer Profiles, read once from the installed botocore.

Loading it costs a few milliseconds, so it happens on first use, never at import.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.model import ServiceModel, Shape

SERVICE_NAME = "customer-profiles"


@functools.cache
def service_model() -> ServiceModel:
    """The botocore service model of Customer Profiles."""
    import botocore.session

    return botocore.session.get_session().get_service_model(SERVICE_NAME)


def shape(name: str) -> Shape:
    """A shape of the model by name, e.g. ``"FlowDefinition"``."""
    return service_model().shape_for(name)
