"""The rules of tags (``object-type-rules.md``) the AWS model cannot express, one function per rule.

Rules here: TG4's minimum (``tags`` on TagResource is not empty; error: the
model walk leaves map minimums to the rules), TG3 (an integration's ARN fits
the tag operations; warning) and TG8 (an empty ``Tags`` on PutProfileObjectType
or CreateEventTrigger; warning; on PutIntegration it is rule T11 of
``rules/integrations.py``).

Model constraints (``_checks``), not repeated here: TG1 (``resourceArn`` pattern
and length), TG4's maximum of 50 tags, TG5 (tag key pattern, taken literally, and
lengths), TG6 (``tagKeys`` count and keys). TG2 is ``customer_profiles_typed.arns``.
TG7 and TG10 are advice, not checks; TG9 says not to restrict the resource type
in the ARN, and nothing does.

The rules here look at the requests of four resources; those of object types,
event triggers and tags are named, not imported (see ``rules._registry``), so
that checking an integration imports no other resource's models.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from customer_profiles_typed import _model
from customer_profiles_typed._paths import Path
from customer_profiles_typed._wire import CLASS_SHAPES
from customer_profiles_typed.arns import shortest_integration_arn
from customer_profiles_typed.models.integrations import PutIntegrationRequest
from customer_profiles_typed.rules._registry import rule as _rule

if TYPE_CHECKING:
    from customer_profiles_typed.models.event_triggers import CreateEventTriggerRequest
    from customer_profiles_typed.models.object_types import PutProfileObjectTypeRequest
    from customer_profiles_typed.models.tags import TagResourceRequest

__all__: list[str] = []


@functools.cache
def _tag_arn_limit() -> int:
    """The most characters the tag operations take in ``resourceArn`` (the model's ``TagArn``)."""
    limit: int = _model.shape("TagArn").metadata["max"]
    return limit


@_rule("TG4", "error", "TagResourceRequest", "TagResource adds at least one tag.")
def _tags_to_add(request: TagResourceRequest, path: Path) -> Iterator[tuple[Path, str]]:
    if len(request.tags) == 0:
        yield (
            path.attribute("TagResourceRequest", "tags"),
            "tags is empty: the AWS model asks for 1 to 50 tags to add",
        )


@_rule("TG8", "warning", "PutProfileObjectTypeRequest", "Tags, if given, has at least one entry.")
@_rule("TG8", "warning", "CreateEventTriggerRequest", "Tags, if given, has at least one entry.")
def _empty_tags(
    request: PutProfileObjectTypeRequest | CreateEventTriggerRequest, path: Path
) -> Iterator[tuple[Path, str]]:
    if request.tags is not None and len(request.tags) == 0:
        yield (
            path.attribute(CLASS_SHAPES[type(request)], "tags"),
            "tags is empty: the AWS model asks for at least one entry; leave tags out instead",
        )


@functools.cache
def _max_length(shape: str, member: str) -> int:
    found: int = _model.members(_model.shape(shape))[member].metadata["max"]
    return found


def _fits_model(request: PutIntegrationRequest) -> bool:
    """Whether the names TG3 measures are within the model's own maxima."""
    if len(request.domain_name) > _max_length("PutIntegrationRequest", "DomainName"):
        return False
    if request.flow_definition is not None:
        return len(request.flow_definition.flow_name) <= _max_length("FlowDefinition", "FlowName")
    return request.uri is None or len(request.uri) <= _max_length("PutIntegrationRequest", "Uri")


@_rule("TG3", "warning", PutIntegrationRequest, "The integration's ARN fits the tag operations.")
def _integration_arn_length(request: PutIntegrationRequest, path: Path) -> Iterator[tuple[Path, str]]:
    if not _fits_model(request):
        return  # a name too long already: the model's checks report it
    # With a FlowDefinition, AWS creates the flow and its ARN becomes the Uri.
    flow = request.flow_definition
    if flow is None and request.uri is None:
        return  # rule T3 says so
    if flow is not None:
        arn = shortest_integration_arn(request.domain_name, flow_name=flow.flow_name)
    else:
        arn = shortest_integration_arn(request.domain_name, uri=request.uri)
    limit = _tag_arn_limit()
    if len(arn) > limit:
        if flow is not None:
            where = path.attribute("PutIntegrationRequest", "flow_definition").attribute(
                "FlowDefinition", "flow_name"
            )
        else:
            where = path.attribute("PutIntegrationRequest", "uri")
        yield (
            where,
            "the integration's ARN embeds the domain name and the Uri (with a FlowDefinition, "
            f"the flow's ARN) and would be at least "
            f"{len(arn)} characters, over the {limit} that TagResource, UntagResource and "
            "ListTagsForResource accept: the integration could not be tagged; shorten the "
            "names",
        )
