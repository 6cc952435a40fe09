"""One valid call of each client operation, for tests that sweep all of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._api import Api
from ._data import connect_uri

EXISTING_URI = connect_uri(1)
"""The integration every sweep expects in its domain (see ``prepare``)."""

NEW_URI = connect_uri(2)
"""The integration the sweep's PutIntegration creates."""

CALLS: Mapping[str, Callable[[Api, str], Any]] = {
    "PutIntegration": lambda api, domain: api.put_integration(
        domain_name=domain, uri=NEW_URI, object_type_name="Sweep"
    ),
    "GetIntegration": lambda api, domain: api.get_integration(domain_name=domain, uri=EXISTING_URI),
    "ListIntegrations": lambda api, domain: api.list_integrations(domain_name=domain),
    "ListAccountIntegrations": lambda api, domain: api.list_account_integrations(uri=EXISTING_URI),
    "DeleteIntegration": lambda api, domain: api.delete_integration(domain_name=domain, uri=EXISTING_URI),
}
"""A call per AWS operation the clients make, given a domain holding ``EXISTING_URI``."""

OPERATIONS = sorted(CALLS)
