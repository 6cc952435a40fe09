"""The emulator's catalogue of profile object type templates.

AWS publishes the IDs of its templates (``CTR``, ``Salesforce-Account``...)
but not their fields and keys, so the definitions here are stand-ins: each is
a plausible mapping of the source's own field names (``_source.<name>``) onto
the standard profile, with the predefined key of its source (``_ctrContactId``,
``_salesforceAccountId``...), and each passes the library's object type rules.
Tests may rely on the IDs and on the shape of the answers, not on the exact
fields.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

_Wire = Mapping[str, Any]


def _field(source: str, target: str | None = None, content_type: str = "STRING") -> _Wire:
    field: dict[str, Any] = {"Source": f"_source.{source}", "ContentType": content_type}
    if target is not None:
        field["Target"] = target
    return field


def _key(*identifiers: str, fields: tuple[str, ...]) -> list[_Wire]:
    return [{"StandardIdentifiers": list(identifiers), "FieldNames": list(fields)}]


def _contact_record(*, allow_profile_creation: bool, phone: tuple[str, ...]) -> _Wire:
    return {
        "SourceName": "Amazon Connect",
        "SourceObject": "ContactRecord",
        "AllowProfileCreation": allow_profile_creation,
        "Fields": {
            "ContactId": _field("ContactId"),
            "Channel": _field("Channel"),
            "InitiationTimestamp": _field("InitiationTimestamp"),
            "CustomerEndpointAddress": _field(
                "CustomerEndpoint.Address", "_profile.PhoneNumber", "PHONE_NUMBER"
            ),
        },
        "Keys": {
            "_ctrContactId": _key("UNIQUE", fields=("ContactId",)),
            "_phone": _key(*phone, fields=("CustomerEndpointAddress",)),
        },
    }


def _person(
    source_name: str,
    source_object: str,
    *,
    id_field: str,
    id_key: str,
    names: tuple[str, str],
    email: str,
    phone: str,
) -> _Wire:
    first, last = names
    return {
        "SourceName": source_name,
        "SourceObject": source_object,
        "AllowProfileCreation": True,
        "Fields": {
            id_field: _field(id_field, "_profile.AccountNumber"),
            first: _field(first, "_profile.FirstName", "NAME"),
            last: _field(last, "_profile.LastName", "NAME"),
            email: _field(email, "_profile.EmailAddress", "EMAIL_ADDRESS"),
            phone: _field(phone, "_profile.PhoneNumber", "PHONE_NUMBER"),
        },
        "Keys": {
            id_key: _key("PROFILE", "UNIQUE", fields=(id_field,)),
            "_email": _key("PROFILE", fields=(email,)),
            "_phone": _key("PROFILE", fields=(phone,)),
        },
    }


_SALESFORCE_ACCOUNT: _Wire = {
    "SourceName": "Salesforce",
    "SourceObject": "Account",
    "AllowProfileCreation": True,
    "SourceLastUpdatedTimestampFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
    "Fields": {
        "Id": _field("Id"),
        "Name": _field("Name", "_profile.BusinessName", "NAME"),
        "AccountNumber": _field("AccountNumber", "_profile.AccountNumber"),
        "Phone": _field("Phone", "_profile.BusinessPhoneNumber", "PHONE_NUMBER"),
        "PersonEmail": _field("PersonEmail", "_profile.PersonalEmailAddress", "EMAIL_ADDRESS"),
        "BillingStreet": _field("BillingStreet", "_profile.BillingAddress.Address1"),
        "BillingCity": _field("BillingCity", "_profile.BillingAddress.City"),
        "BillingPostalCode": _field("BillingPostalCode", "_profile.BillingAddress.PostalCode"),
        "BillingCountry": _field("BillingCountry", "_profile.BillingAddress.Country"),
        "LastModifiedDate": _field("LastModifiedDate", "_profile.SourceLastUpdatedTimestamp"),
    },
    "Keys": {
        "_salesforceAccountId": _key("PROFILE", "UNIQUE", fields=("Id",)),
        "_email": _key("PROFILE", fields=("PersonEmail",)),
    },
}

_CATALOGUE: Mapping[str, _Wire] = MappingProxyType(
    {
        "CTR": _contact_record(allow_profile_creation=True, phone=("PROFILE",)),
        "CTR-AutoAssociateOnly": _contact_record(allow_profile_creation=False, phone=("PROFILE", "LOOKUP_ONLY")),
        "CTR-NoInferred": _contact_record(allow_profile_creation=False, phone=("PROFILE",)),
        "Marketo-leads": _person(
            "Marketo", "leads", id_field="id", id_key="_marketoLeadId",
            names=("firstName", "lastName"), email="email", phone="phone",
        ),
        "Salesforce-Account": _SALESFORCE_ACCOUNT,
        "Salesforce-Contact": _person(
            "Salesforce", "Contact", id_field="Id", id_key="_salesforceContactId",
            names=("FirstName", "LastName"), email="Email", phone="Phone",
        ),
        "Shopify-Customer": _person(
            "Shopify", "Customer", id_field="id", id_key="_shopifyCustomerId",
            names=("first_name", "last_name"), email="email", phone="phone",
        ),
        "Servicenow-sys_user": _person(
            "ServiceNow", "sys_user", id_field="sys_id", id_key="_serviceNowSystemId",
            names=("first_name", "last_name"), email="email", phone="phone",
        ),
    }
)  # fmt: skip


def template_ids() -> list[str]:
    """The IDs of the catalogue, sorted."""
    return sorted(_CATALOGUE)


def template(template_id: str) -> dict[str, Any] | None:
    """A copy of the template ``template_id`` keyed by the model's member names (with ``TemplateId``), or ``None``."""
    found = _CATALOGUE.get(template_id)
    return {"TemplateId": template_id, **copy.deepcopy(dict(found))} if found is not None else None
