"""The emulated operations: request parameters in, output dictionary out.

Each handler reads already-validated parameters (keyed by member names, as
a boto3 caller passes them), acts on the store and returns the output keyed
by the members of the operation's output shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from customer_profiles_typed.testing._botocore import OperationModel
from customer_profiles_typed.testing._pagination import paginate
from customer_profiles_typed.testing._serialize import project
from customer_profiles_typed.testing._state import StoredDomain, StoredIntegration, Store


@dataclass(frozen=True)
class Context:
    """What a handler may use besides its parameters."""

    store: Store
    operation: OperationModel
    region: str
    account_id: str


Handler = Callable[[Context, Mapping[str, Any]], dict[str, Any]]


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


def _integration_output(integration: StoredIntegration) -> dict[str, Any]:
    names = integration.event_trigger_names
    return {
        "DomainName": integration.domain_name,
        "Uri": integration.uri,
        "ObjectTypeName": integration.object_type_name,
        "CreatedAt": integration.created_at,
        "LastUpdatedAt": integration.last_updated_at,
        "Tags": integration.tags,
        "ObjectTypeNames": integration.object_type_names,
        "WorkflowId": integration.workflow_id,
        "IsUnstructured": integration.is_unstructured,
        "RoleArn": integration.role_arn,
        "EventTriggerNames": list(names) if names is not None else None,
        "Scope": integration.scope,
    }


def _create_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _domain_output(context, context.store.create_domain(params))


def _get_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _domain_output(context, context.store.get_domain(str(params["DomainName"])))


def _delete_domain(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    name = str(params["DomainName"])
    context.store.delete_domain(name)
    return {"Message": f"Domain {name} was deleted."}


def _list_domains(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    page, token = paginate(
        context.store.domains(),
        lambda domain: domain.name,
        max_results=params.get("MaxResults"),
        next_token=params.get("NextToken"),
    )
    items = [
        {"DomainName": d.name, "CreatedAt": d.created_at, "LastUpdatedAt": d.last_updated_at, "Tags": d.tags}
        for d in page
    ]
    return {"Items": items, "NextToken": token}


def _put_integration(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    stored = context.store.put_integration(params, region=context.region, account_id=context.account_id)
    return _integration_output(stored)


def _get_integration(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    stored = context.store.get_integration(str(params["DomainName"]), str(params["Uri"]))
    return _integration_output(stored)


def _delete_integration(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    uri = str(params["Uri"])
    context.store.delete_integration(str(params["DomainName"]), uri)
    return {"Message": f"Integration {uri} was deleted."}


def _list_integrations(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    found = context.store.integrations(
        str(params["DomainName"]), include_hidden=bool(params.get("IncludeHidden", False))
    )
    page, token = paginate(
        found,
        lambda integration: integration.uri,
        max_results=params.get("MaxResults"),
        next_token=params.get("NextToken"),
    )
    return {"Items": [_integration_output(item) for item in page], "NextToken": token}


def _list_account_integrations(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    found = context.store.account_integrations(
        str(params["Uri"]), include_hidden=bool(params.get("IncludeHidden", False))
    )
    page, token = paginate(
        found,
        lambda integration: integration.domain_name,
        max_results=params.get("MaxResults"),
        next_token=params.get("NextToken"),
    )
    return {"Items": [_integration_output(item) for item in page], "NextToken": token}


HANDLERS: Mapping[str, Handler] = {
    "CreateDomain": _create_domain,
    "GetDomain": _get_domain,
    "DeleteDomain": _delete_domain,
    "ListDomains": _list_domains,
    "PutIntegration": _put_integration,
    "GetIntegration": _get_integration,
    "DeleteIntegration": _delete_integration,
    "ListIntegrations": _list_integrations,
    "ListAccountIntegrations": _list_account_integrations,
}
"""The operations the emulator implements, by operation name."""
