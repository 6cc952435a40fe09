"""The integration operations: PutIntegration, GetIntegration, DeleteIntegration and the listings.

Answers follow the model's doc strings: ``Scope`` is ``PROFILE`` when none was
sent (its default), and ``EventTriggerNames`` is ``[]`` for an integration
without triggers (PutIntegration's and GetIntegration's docs: "This list would
be empty if no Event Trigger is associated"). List items say the same, so an
integration reads back equal whichever call reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from customer_profiles_typed.testing._context import Context, Handler
from customer_profiles_typed.testing._records import StoredIntegration

DEFAULT_SCOPE = "PROFILE"
"""The ``Scope`` of an integration put without one (the model's documented default)."""


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
        "EventTriggerNames": list(names or ()),
        "Scope": integration.scope if integration.scope is not None else DEFAULT_SCOPE,
    }


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
    page, token = context.page(found, lambda integration: integration.uri, params)
    return {"Items": [_integration_output(item) for item in page], "NextToken": token}


def _list_account_integrations(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    found = context.store.account_integrations(
        str(params["Uri"]), include_hidden=bool(params.get("IncludeHidden", False))
    )
    page, token = context.page(found, lambda integration: integration.domain_name, params)
    return {"Items": [_integration_output(item) for item in page], "NextToken": token}


HANDLERS: Mapping[str, Handler] = {
    "PutIntegration": _put_integration,
    "GetIntegration": _get_integration,
    "DeleteIntegration": _delete_integration,
    "ListIntegrations": _list_integrations,
    "ListAccountIntegrations": _list_account_integrations,
}
"""The integration operations, by operation name."""
