"""Typing cases for the wire ``TypedDict`` of every generated request class.

Each request class's ``to_boto3()`` is typed with the ``TypedDict`` of its
operation (``customer_profiles_typed.wire_types``): it must be assignable to the
request type of types-boto3-customer-profiles and unpack into the typed
client's method. Checked by mypy and pyright (both strict), never executed. One
negative case per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from types_boto3_customer_profiles.client import CustomerProfilesClient
from types_boto3_customer_profiles.type_defs import (
    CreateDomainRequestTypeDef,
    CreateEventTriggerRequestTypeDef,
    DeleteDomainRequestTypeDef,
    DeleteEventTriggerRequestTypeDef,
    DeleteProfileObjectTypeRequestTypeDef,
    GetDomainRequestTypeDef,
    GetEventTriggerRequestTypeDef,
    GetProfileObjectTypeRequestTypeDef,
    GetProfileObjectTypeTemplateRequestTypeDef,
    ListDomainsRequestTypeDef,
    ListEventTriggersRequestTypeDef,
    ListProfileObjectTypesRequestTypeDef,
    ListProfileObjectTypeTemplatesRequestTypeDef,
    ListTagsForResourceRequestTypeDef,
    PutProfileObjectTypeRequestTypeDef,
    TagResourceRequestTypeDef,
    UntagResourceRequestTypeDef,
    UpdateDomainRequestTypeDef,
    UpdateEventTriggerRequestTypeDef,
)
from typing_extensions import assert_type

from customer_profiles_typed import (
    CreateDomainRequest,
    CreateEventTriggerRequest,
    DeleteDomainRequest,
    DeleteEventTriggerRequest,
    DeleteProfileObjectTypeRequest,
    FieldContentType,
    GetDomainRequest,
    GetEventTriggerRequest,
    GetProfileObjectTypeRequest,
    GetProfileObjectTypeTemplateRequest,
    ListDomainsRequest,
    ListEventTriggersRequest,
    ListProfileObjectTypesRequest,
    ListProfileObjectTypeTemplatesRequest,
    ListTagsForResourceRequest,
    ObjectTypeField,
    ObjectTypeKey,
    PutProfileObjectTypeRequest,
    StandardIdentifier,
    TagResourceRequest,
    UntagResourceRequest,
    UpdateDomainRequest,
    UpdateEventTriggerRequest,
)
from customer_profiles_typed.models._base import Request
from customer_profiles_typed.wire_types import (
    ObjectTypeKeyDict,
    ObjectTypeKeyOutputDict,
    PutProfileObjectTypeDict,
)


def object_types(typed: CustomerProfilesClient) -> None:
    request = PutProfileObjectTypeRequest(
        domain_name="d",
        object_type_name="orders",
        description="Orders",
        fields={"id": ObjectTypeField(source="_source.id", target="_order.Id", content_type=FieldContentType.STRING)},
        keys={"id": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.UNIQUE], field_names=["id"])]},
    )
    kwargs = request.to_boto3()
    assert_type(kwargs, PutProfileObjectTypeDict)
    oracle: PutProfileObjectTypeRequestTypeDef = request.to_boto3()
    typed.put_profile_object_type(**request.to_boto3())
    assert_type(PutProfileObjectTypeRequest.from_boto3(oracle), PutProfileObjectTypeRequest)


def object_type_reads(
    typed: CustomerProfilesClient,
    get: GetProfileObjectTypeRequest,
    listing: ListProfileObjectTypesRequest,
    delete: DeleteProfileObjectTypeRequest,
    templates: ListProfileObjectTypeTemplatesRequest,
    template: GetProfileObjectTypeTemplateRequest,
) -> None:
    _get: GetProfileObjectTypeRequestTypeDef = get.to_boto3()
    _listing: ListProfileObjectTypesRequestTypeDef = listing.to_boto3()
    _delete: DeleteProfileObjectTypeRequestTypeDef = delete.to_boto3()
    _templates: ListProfileObjectTypeTemplatesRequestTypeDef = templates.to_boto3()
    _template: GetProfileObjectTypeTemplateRequestTypeDef = template.to_boto3()
    typed.get_profile_object_type(**get.to_boto3())
    typed.list_profile_object_types(**listing.to_boto3())
    typed.delete_profile_object_type(**delete.to_boto3())
    typed.list_profile_object_type_templates(**templates.to_boto3())
    typed.get_profile_object_type_template(**template.to_boto3())


def event_triggers(
    typed: CustomerProfilesClient,
    create: CreateEventTriggerRequest,
    get: GetEventTriggerRequest,
    update: UpdateEventTriggerRequest,
    listing: ListEventTriggersRequest,
    delete: DeleteEventTriggerRequest,
) -> None:
    _create: CreateEventTriggerRequestTypeDef = create.to_boto3()
    _get: GetEventTriggerRequestTypeDef = get.to_boto3()
    _update: UpdateEventTriggerRequestTypeDef = update.to_boto3()
    _listing: ListEventTriggersRequestTypeDef = listing.to_boto3()
    _delete: DeleteEventTriggerRequestTypeDef = delete.to_boto3()
    typed.create_event_trigger(**create.to_boto3())
    typed.get_event_trigger(**get.to_boto3())
    typed.update_event_trigger(**update.to_boto3())
    typed.list_event_triggers(**listing.to_boto3())
    typed.delete_event_trigger(**delete.to_boto3())


def tags(
    typed: CustomerProfilesClient,
    tag: TagResourceRequest,
    untag: UntagResourceRequest,
    listing: ListTagsForResourceRequest,
) -> None:
    _tag: TagResourceRequestTypeDef = tag.to_boto3()
    _untag: UntagResourceRequestTypeDef = untag.to_boto3()
    _listing: ListTagsForResourceRequestTypeDef = listing.to_boto3()
    typed.tag_resource(**tag.to_boto3())
    typed.untag_resource(**untag.to_boto3())
    typed.list_tags_for_resource(**listing.to_boto3())


def domains(
    typed: CustomerProfilesClient,
    create: CreateDomainRequest,
    get: GetDomainRequest,
    update: UpdateDomainRequest,
    delete: DeleteDomainRequest,
    listing: ListDomainsRequest,
) -> None:
    _create: CreateDomainRequestTypeDef = create.to_boto3()
    _get: GetDomainRequestTypeDef = get.to_boto3()
    _update: UpdateDomainRequestTypeDef = update.to_boto3()
    _delete: DeleteDomainRequestTypeDef = delete.to_boto3()
    _listing: ListDomainsRequestTypeDef = listing.to_boto3()
    typed.create_domain(**create.to_boto3())
    typed.get_domain(**get.to_boto3())
    typed.update_domain(**update.to_boto3())
    typed.delete_domain(**delete.to_boto3())
    typed.list_domains(**listing.to_boto3())


def any_request(request: Request, key: ObjectTypeKeyDict | ObjectTypeKeyOutputDict) -> None:
    assert_type(request.to_boto3(), Mapping[str, Any])
    keys: PutProfileObjectTypeDict = {"DomainName": "d", "ObjectTypeName": "o", "Description": "x"}
    keys["Keys"] = {"id": [key]}


def wire_type_mistakes(put: PutProfileObjectTypeRequest, create: CreateEventTriggerRequest) -> None:
    _trigger: CreateEventTriggerRequestTypeDef = put.to_boto3()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    put.to_boto3()["Feilds"]  # type: ignore[typeddict-item]  # pyright: ignore[reportGeneralTypeIssues]
    _conditions: str = create.to_boto3()["EventTriggerConditions"]  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    PutProfileObjectTypeDict(DomainName="d", ObjectTypeName="o")  # type: ignore[typeddict-item]  # pyright: ignore[reportCallIssue]
    _any: PutProfileObjectTypeDict = Request.to_boto3(put)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
