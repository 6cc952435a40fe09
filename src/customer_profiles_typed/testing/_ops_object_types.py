"""The object type and template operations.

PutProfileObjectType, GetProfileObjectType, ListProfileObjectTypes and
DeleteProfileObjectType act on the store; ListProfileObjectTypeTemplates and
GetProfileObjectTypeTemplate read the built-in catalogue (``_templates``).
Members that were not sent are not filled in (the service would, for
instance, apply the domain's ``DefaultExpirationDays``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from customer_profiles_typed.testing._context import Context, Handler
from customer_profiles_typed.testing._errors import NOT_FOUND, ServiceError
from customer_profiles_typed.testing._records import StoredObjectType
from customer_profiles_typed.testing._serialize import project
from customer_profiles_typed.testing._templates import template, template_ids


def _object_type_output(context: Context, object_type: StoredObjectType) -> dict[str, Any]:
    shape = context.operation.output_shape
    assert shape is not None
    output: dict[str, Any] = {
        "ObjectTypeName": object_type.name,
        "Description": object_type.description,
        "TemplateId": object_type.template_id,
        "ExpirationDays": object_type.expiration_days,
        "EncryptionKey": object_type.encryption_key,
        "AllowProfileCreation": object_type.allow_profile_creation,
        "SourceLastUpdatedTimestampFormat": object_type.source_last_updated_timestamp_format,
        "MaxProfileObjectCount": object_type.max_profile_object_count,
        "SourcePriority": object_type.source_priority,
        "CreatedAt": object_type.created_at,
        "LastUpdatedAt": object_type.last_updated_at,
        "Tags": object_type.tags,
    }
    if object_type.fields is not None:
        output["Fields"] = project(shape.members["Fields"], object_type.fields)
    if object_type.keys is not None:
        output["Keys"] = project(shape.members["Keys"], object_type.keys)
    return output


def _summary(object_type: StoredObjectType) -> dict[str, Any]:
    return {
        "ObjectTypeName": object_type.name,
        "Description": object_type.description,
        "CreatedAt": object_type.created_at,
        "LastUpdatedAt": object_type.last_updated_at,
        "MaxProfileObjectCount": object_type.max_profile_object_count,
        "SourcePriority": object_type.source_priority,
        "Tags": object_type.tags,
    }


def _put_object_type(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _object_type_output(context, context.store.put_object_type(params))


def _get_object_type(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    stored = context.store.get_object_type(str(params["DomainName"]), str(params["ObjectTypeName"]))
    return _object_type_output(context, stored)


def _delete_object_type(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    name = str(params["ObjectTypeName"])
    context.store.delete_object_type(str(params["DomainName"]), name)
    return {"Message": f"Object type {name} was deleted."}


def _list_object_types(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    found = context.store.object_types(str(params["DomainName"]))
    page, token = context.page(found, lambda object_type: object_type.name, params)
    return {"Items": [_summary(item) for item in page], "NextToken": token}


def _list_templates(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    page, token = context.page(template_ids(), lambda template_id: template_id, params)
    items: list[dict[str, Any]] = []
    for template_id in page:
        found = template(template_id)
        assert found is not None
        items.append(
            {"TemplateId": template_id, "SourceName": found["SourceName"], "SourceObject": found["SourceObject"]}
        )
    return {"Items": items, "NextToken": token}


def _get_template(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    template_id = str(params["TemplateId"])
    found = template(template_id)
    if found is None:
        raise ServiceError(NOT_FOUND, f"Template {template_id} not found.")
    shape = context.operation.output_shape
    assert shape is not None
    output: dict[str, Any] = project(shape, found)
    return output


HANDLERS: Mapping[str, Handler] = {
    "PutProfileObjectType": _put_object_type,
    "GetProfileObjectType": _get_object_type,
    "DeleteProfileObjectType": _delete_object_type,
    "ListProfileObjectTypes": _list_object_types,
    "ListProfileObjectTypeTemplates": _list_templates,
    "GetProfileObjectTypeTemplate": _get_template,
}
"""The object type and template operations, by operation name."""
