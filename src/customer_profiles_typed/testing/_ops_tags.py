"""The tag operations: TagResource, UntagResource, ListTagsForResource, on resources named by ARN.

The ARN is read against the caller's region and account (``_resource_arns``);
its resource is then looked up in the caller's store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from customer_profiles_typed.testing._context import Context, Handler
from customer_profiles_typed.testing._resource_arns import ResourceRef, parse_resource_arn


def _resource(context: Context, params: Mapping[str, Any]) -> ResourceRef:
    return parse_resource_arn(str(params["resourceArn"]), region=context.region, account_id=context.account_id)


def _tag_resource(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    context.store.tag_resource(_resource(context, params), params["tags"])
    return {}


def _untag_resource(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    context.store.untag_resource(_resource(context, params), params["tagKeys"])
    return {}


def _list_tags_for_resource(context: Context, params: Mapping[str, Any]) -> dict[str, Any]:
    return {"tags": context.store.resource_tags(_resource(context, params))}


HANDLERS: Mapping[str, Handler] = {
    "TagResource": _tag_resource,
    "UntagResource": _untag_resource,
    "ListTagsForResource": _list_tags_for_resource,
}
"""The tag operations, by operation name."""
