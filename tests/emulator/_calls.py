"""One valid call of every emulated operation, for tests that sweep all of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._data import make_flow_definition

if TYPE_CHECKING:
    from types_boto3_customer_profiles.client import CustomerProfilesClient

CONNECT_URI = "arn:aws:connect:us-east-1:123456789012:instance/abc"

VALID_CALLS: Mapping[str, Callable[[CustomerProfilesClient, str], Any]] = {
    "CreateDomain": lambda client, domain: client.create_domain(DomainName=domain + "-new", DefaultExpirationDays=7),
    "GetDomain": lambda client, domain: client.get_domain(DomainName=domain),
    "DeleteDomain": lambda client, domain: client.delete_domain(DomainName=domain),
    "ListDomains": lambda client, domain: client.list_domains(),
    "PutIntegration": lambda client, domain: client.put_integration(
        DomainName=domain, ObjectTypeName="T", FlowDefinition=make_flow_definition("sweep-flow")
    ),
    "GetIntegration": lambda client, domain: client.get_integration(DomainName=domain, Uri=CONNECT_URI),
    "ListIntegrations": lambda client, domain: client.list_integrations(DomainName=domain),
    "DeleteIntegration": lambda client, domain: client.delete_integration(DomainName=domain, Uri=CONNECT_URI),
    "ListAccountIntegrations": lambda client, domain: client.list_account_integrations(Uri=CONNECT_URI),
}
"""A valid call per operation, given a client and an existing domain holding ``CONNECT_URI``."""
