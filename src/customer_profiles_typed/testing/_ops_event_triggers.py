"""The event trigger operations: Create, Get, Update, Delete and ListEventTriggers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from customer_profiles_typed.testing._context import Context, Handler
from customer_profiles_typed.testing._records import StoredEventTrigger
from customer_profiles_typed.testing._serialize import project


def _event_trigger_output(context: Context, trigger: StoredEventTrigger) -> dict[str, Any]:
    shape = context.operation.output_shape
    assert shape is not None
    output: dict[str, Any] = {
        "EventTriggerName": trigger.name,
        "ObjectTypeName": trigger.object_type_name,
        "Description": trigger.description,
        "EventTriggerConditions": project(shape.members["EventTriggerConditions"], trigger.conditions),
        "SegmentFilter": trigger.segment_filter,
        "CreatedAt": trigger.created_at,
        "LastUpdatedAt": trigger.last_updated_at,
        "Tags": trigger.tags,
    }
    if trigger.limits is not None:
        output["EventTriggerLimits"] = project(shape.members["EventTriggerLimits"], trigger.limits)
    return output


def _create_event_trigger(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _event_trigger_output(context, context.store.create_event_trigger(params))


def _get_event_trigger(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    stored = context.store.get_event_trigger(str(params["DomainName"]), str(params["EventTriggerName"]))
    return _event_trigger_output(context, stored)


def _update_event_trigger(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return _event_trigger_output(context, context.store.update_event_trigger(params))


def _delete_event_trigger(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    name = str(params["EventTriggerName"])
    context.store.delete_event_trigger(str(params["DomainName"]), name)
    return {"Message": f"Event trigger {name} was deleted."}


def _list_event_triggers(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    found = context.store.event_triggers(str(params["DomainName"]))
    page, token = context.page(found, lambda trigger: trigger.name, params)
    items = [
        {
            "ObjectTypeName": trigger.object_type_name,
            "EventTriggerName": trigger.name,
            "Description": trigger.description,
            "CreatedAt": trigger.created_at,
            "LastUpdatedAt": trigger.last_updated_at,
            "Tags": trigger.tags,
        }
        for trigger in page
    ]
    return {"Items": items, "NextToken": token}


HANDLERS: Mapping[str, Handler] = {
    "CreateEventTrigger": _create_event_trigger,
    "GetEventTrigger": _get_event_trigger,
    "UpdateEventTrigger": _update_event_trigger,
    "DeleteEventTrigger": _delete_event_trigger,
    "ListEventTriggers": _list_event_triggers,
}
"""The event trigger operations, by operation name."""
