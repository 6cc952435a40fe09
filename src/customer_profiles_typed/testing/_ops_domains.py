"""The domain operations: CreateDomain, GetDomain, UpdateDomain, DeleteDomain, ListDomains."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from customer_profiles_typed.testing._context import Context, Handler
from customer_profiles_typed.testing._records import StoredDomain
from customer_profiles_typed.testing._serialize import project


def _domain_output(context: Context, domain: StoredDomain) -> dict[str, Any]:
    shape = context.operation.output_shape
    assert shape is not None
    output: dict[str, Any] = {
        "DomainName": domain.name,
        "DefaultExpirationDays": domain.default_expiration_days,
        "DefaultEncryptionKey": domain.default_encryption_key,
        "DeadLetterQueueUrl": domain.dead_letter_queue_url,
        "CreatedAt": domain.created_at,
        "LastUpdatedAt": domain.last_updated_at,
        "Tags": domain.tags,
    }
    if domain.matching is not None:
        output["Matching"] = project(shape.members["Matching"], domain.matching)
    if domain.rule_based_matching is not None:
        rule_based = project(shape.members["RuleBasedMatching"], domain.rule_based_matching)
        rule_based["Status"] = "ACTIVE"
        output["RuleBasedMatching"] = rule_based
    if domain.data_store is not None:
        output["DataStore"] = project(shape.members["DataStore"], domain.data_store)
    if "Stats" in shape.members:
        output["Stats"] = {"ProfileCount": 0, "MeteringProfileCount": 0, "ObjectCount": 0, "TotalSize": 0}
    return output


def _create_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _domain_output(context, context.store.create_domain(params))


def _get_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _domain_output(context, context.store.get_domain(str(params["DomainName"])))


def _update_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _domain_output(context, context.store.update_domain(params))


def _delete_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    name = str(params["DomainName"])
    context.store.delete_domain(name)
    return {"Message": f"Domain {name} was deleted."}


def _list_domains(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    page, token = context.page(context.store.domains(), lambda domain: domain.name, params)
    items = [
        {"DomainName": d.name, "CreatedAt": d.created_at, "LastUpdatedAt": d.last_updated_at, "Tags": d.tags}
        for d in page
    ]
    return {"Items": items, "NextToken": token}


HANDLERS: Mapping[str, Handler] = {
    "CreateDomain": _create_domain,
    "GetDomain": _get_domain,
    "UpdateDomain": _update_domain,
    "DeleteDomain": _delete_domain,
    "ListDomains": _list_domains,
}
"""The domain operations, by operation name."""
