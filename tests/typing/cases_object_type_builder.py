"""Typing cases for ``object_type_from_flow`` and ``FieldSpec``: any connector's flow, typed specs.

Checked by mypy and pyright (both strict), never executed. One negative case
per line, marked ``# type: ignore[<mypy code>]  # pyright: ignore[<rule>]``.
"""

from __future__ import annotations

from typing_extensions import assert_type

from customer_profiles_typed import (
    FieldContentType,
    ObjectTypeKey,
    PutIntegrationRequest,
    PutProfileObjectTypeRequest,
    StandardIdentifier,
)
from customer_profiles_typed.builders import (
    FieldSpec,
    marketo_flow,
    object_type_from_flow,
    on_demand_trigger,
    s3_flow,
    salesforce_flow,
    servicenow_flow,
    zendesk_flow,
)

KMS = "arn:aws:kms:us-east-1:123456789012:key/abc"
EMAIL = FieldSpec(
    target="_profile.EmailAddress",
    content_type=FieldContentType.EMAIL_ADDRESS,
    key=(StandardIdentifier.PROFILE,),
)
ID = FieldSpec(key=[StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE], key_name="customerId")


def any_connector_works() -> None:
    common = {"flow_name": "f", "kms_arn": KMS, "object": "o", "connector_profile_name": "p"}
    s3 = s3_flow(flow_name="f", kms_arn=KMS, bucket_name="bucket", fields=["id"], trigger=on_demand_trigger())
    salesforce = salesforce_flow(
        flow_name="f", kms_arn=KMS, object="Contact", connector_profile_name="p", fields=["id"], trigger=on_demand_trigger()
    )
    specs = {"id": ID, "email": EMAIL}
    for flow in (
        s3,
        salesforce,
        marketo_flow(**common, fields=["id"], trigger=on_demand_trigger()),
        servicenow_flow(**common, fields=["id"], trigger=on_demand_trigger()),
        zendesk_flow(**common, fields=["id"], trigger=on_demand_trigger()),
    ):
        request = object_type_from_flow(flow, domain_name="d", object_type_name="T", description="x", fields=specs)
        assert_type(request, PutProfileObjectTypeRequest)
    integration = PutIntegrationRequest(domain_name="d", object_type_name="T", flow_definition=s3)
    if integration.flow_definition is not None:  # any connector's flow, as a request holds it
        object_type_from_flow(integration.flow_definition, domain_name="d", object_type_name="T", description="x", fields=specs)
    assert_type(EMAIL.key, tuple[StandardIdentifier, ...] | None)
    assert_type(EMAIL.content_type, FieldContentType | None)
    object_type_from_flow(
        salesforce,
        domain_name="d",
        object_type_name="T",
        description="x",
        fields={},
        keys={"both": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE], field_names=["a", "b"])]},
        allow_profile_creation=True,
        expiration_days=30,
    )


def misuse() -> None:
    flow = s3_flow(flow_name="f", kms_arn=KMS, bucket_name="bucket", fields=["id"], trigger=on_demand_trigger())
    FieldSpec(content_type=StandardIdentifier.PROFILE)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    FieldSpec(key=(FieldContentType.EMAIL_ADDRESS,))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    FieldSpec(key=StandardIdentifier.PROFILE)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    FieldSpec(content_type="EMAIL_ADDRESS")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    FieldSpec("_profile.EmailAddress")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    object_type_from_flow(flow, domain_name="d", object_type_name="T", description="x", fields={"id": "PROFILE"})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    object_type_from_flow(flow, domain_name="d", object_type_name="T", fields={"id": ID})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    integration = PutIntegrationRequest(domain_name="d", object_type_name="T", flow_definition=flow)
    object_type_from_flow(integration, domain_name="d", object_type_name="T", description="x", fields={})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
