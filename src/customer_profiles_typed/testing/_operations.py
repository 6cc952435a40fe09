"""The emulated operations: request parameters in, output dictionary out.

Each handler reads already-validated parameters (keyed by member names, as
a boto3 caller passes them), acts on the store and returns the output keyed
by the members of the operation's output shape. The handlers live in one
module per resource (``_ops_domains``, ``_ops_integrations``,
``_ops_object_types``, ``_ops_event_triggers``, ``_ops_tags``); ``HANDLERS``
gathers them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from customer_profiles_typed.testing import (
    _ops_domains,
    _ops_event_triggers,
    _ops_integrations,
    _ops_object_types,
    _ops_tags,
)
from customer_profiles_typed.testing._context import Context, Handler

__all__ = ["HANDLERS", "Context", "Handler"]

HANDLERS: Mapping[str, Handler] = MappingProxyType(
    {
        **_ops_domains.HANDLERS,
        **_ops_integrations.HANDLERS,
        **_ops_object_types.HANDLERS,
        **_ops_event_triggers.HANDLERS,
        **_ops_tags.HANDLERS,
    }
)
"""The operations the emulator implements, by operation name."""
