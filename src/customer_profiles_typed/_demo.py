"""``python -m customer_profiles_typed demo``: the README's example, run against the emulator.

It starts the embedded emulator, creates a domain, puts the README's S3
integration through ``IntegrationClient`` over real HTTP, reads it back and
prints the typed ``Integration``. No AWS account is involved.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from typing import TextIO

from customer_profiles_typed import (
    DataPullMode,
    FlowDefinition,
    Integration,
    IntegrationClient,
    S3ConnectorOperator,
    S3SourceProperties,
    ScheduledTriggerProperties,
    SourceFlowConfig,
    Task,
    TaskType,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
)

DOMAIN = "demo-domain"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666"
FIELDS = ["customer_id", "first_name", "last_name", "email", "phone"]


def example_flow() -> FlowDefinition[S3ConnectorOperator]:
    """The README's flow: CSV files of an S3 bucket, every 15 minutes, five fields."""
    tasks = [
        Task(
            task_type=TaskType.FILTER,
            source_fields=FIELDS,
            connector_operator=S3ConnectorOperator.PROJECTION,
        )
    ]
    tasks += [
        Task(
            task_type=TaskType.MAP,
            source_fields=[field],
            destination_field=field,
            connector_operator=S3ConnectorOperator.NO_OP,
        )
        for field in FIELDS
    ]
    return FlowDefinition(
        flow_name="customers-from-s3",
        kms_arn=KMS_KEY,
        source_flow_config=SourceFlowConfig(
            source_connector_properties=S3SourceProperties(
                bucket_name="example-customer-exports", bucket_prefix="customers/"
            )
        ),
        tasks=tasks,
        trigger_config=TriggerConfig(
            trigger_type=TriggerType.SCHEDULED,
            trigger_properties=TriggerProperties(
                scheduled=ScheduledTriggerProperties(
                    schedule_expression="rate(15minutes)",
                    data_pull_mode=DataPullMode.INCREMENTAL,
                    schedule_start_time=datetime.now(timezone.utc) + timedelta(minutes=10),
                )
            ),
        ),
    )


def describe(integration: Integration) -> str:
    """A readable, multi-line description of an integration."""
    rows = [
        ("domain_name", integration.domain_name),
        ("uri", integration.uri),
        ("object_type_name", integration.object_type_name),
        ("created_at", integration.created_at.isoformat()),
        ("last_updated_at", integration.last_updated_at.isoformat()),
        ("scope", getattr(integration.scope, "value", integration.scope)),
        ("tags", dict(integration.tags) if integration.tags is not None else None),
        ("request_id", integration.request_id),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"Integration of domain {integration.domain_name!r}:"]
    lines += [f"  {name:<{width}}  {value}" for name, value in rows if value is not None]
    return "\n".join(lines)


def run(out: TextIO = sys.stdout) -> int:
    """Run the demo, writing what happens to ``out``; return the exit code."""
    from customer_profiles_typed.testing import Emulator

    with Emulator() as emulator:
        print(f"Emulator running at {emulator.endpoint_url}", file=out)
        boto3_client = emulator.client()
        boto3_client.create_domain(
            DomainName=DOMAIN, DefaultExpirationDays=365, DefaultEncryptionKey=KMS_KEY
        )
        print(f"Created domain {DOMAIN!r}", file=out)

        profiles = IntegrationClient(boto3_client)
        created = profiles.put_integration(
            domain_name=DOMAIN,
            object_type_name="CustomerCsv",
            flow_definition=example_flow(),
            tags={"team": "crm"},
        )
        print(describe(created), file=out)

        fetched = profiles.get_integration(domain_name=DOMAIN, uri=created.uri)
        listed = list(profiles.list_integrations(domain_name=DOMAIN))
        if fetched != created or listed != [created]:
            print("error: the integration read back differs from the one created", file=out)
            return 1
        print("Read back through GetIntegration and ListIntegrations: identical.", file=out)
    return 0
