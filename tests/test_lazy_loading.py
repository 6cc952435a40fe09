"""A program pays for the resources it uses: each resource's models, enums and rules load on first use.

Importing the package, building a client and putting an integration must not
import the models of domains, object types, event triggers or tags (nor their
rules, nor the enums of domains and event triggers); importing the package
defines no enum at all. Each case runs in a fresh interpreter and lists the package modules it
loaded. The registry's table of which rule modules look at which model module
is checked against the rules themselves.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import customer_profiles_typed
from customer_profiles_typed import enums
from customer_profiles_typed.rules import RULES
from customer_profiles_typed.rules._registry import RULE_MODULES

OTHER_RESOURCES = (
    frozenset(
        f"customer_profiles_typed.{kind}.{resource}"
        for kind in ("models", "rules")
        for resource in ("domains", "object_types", "event_triggers", "tags")
    )
    - {"customer_profiles_typed.rules.tags"}
) | {"customer_profiles_typed.enums._domains", "customer_profiles_typed.enums._event_triggers"}
"""The modules a program that only puts integrations has no use for.

The tag rules stay: rule TG3 looks at ``PutIntegrationRequest`` (and the module
names the other resources' classes it looks at without importing them). So do
the enums of object types: the builders' ``FieldSpec`` is annotated with them.
"""

ENUM_MODULES = frozenset(f"customer_profiles_typed.enums.{name}" for name in enums._MODULE_OF.values())
"""The modules that define the enums, one per resource."""

_PUT = """
from datetime import datetime, timezone

import boto3
from botocore.stub import Stubber
from customer_profiles_typed import CustomerProfiles, rate, s3_flow, scheduled_trigger

client = boto3.client(
    "customer-profiles", region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
)
flow = s3_flow(
    flow_name="customers-from-s3",
    kms_arn="arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-5555eeee6666",
    bucket_name="example-customer-exports",
    bucket_prefix="customers/",
    fields=["customer_id", "email"],
    trigger=scheduled_trigger(rate(15, "minutes")),
)
with Stubber(client) as stubber:
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    answer = {"DomainName": "demo", "Uri": "arn:aws:appflow:x", "CreatedAt": moment, "LastUpdatedAt": moment}
    stubber.add_response("put_integration", answer)
    integration = CustomerProfiles(client).put_integration(
        domain_name="demo", object_type_name="CustomerCsv", flow_definition=flow
    )
assert integration.domain_name == "demo"
"""

CASES = {
    "import": "import customer_profiles_typed",
    "client": "from customer_profiles_typed import CustomerProfiles",
    "put_integration": _PUT,
}


def loaded_modules(code: str) -> set[str]:
    """The modules of the package that running ``code`` in a fresh interpreter loads."""
    listing = (
        "\nimport json, sys\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('customer_profiles_typed'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code + listing], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    found: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return set(found)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_program_that_puts_integrations_loads_no_other_resource(case: str) -> None:
    loaded = loaded_modules(CASES[case])
    assert not loaded & OTHER_RESOURCES, f"{case} loads {sorted(loaded & OTHER_RESOURCES)}"


def test_the_put_integration_case_runs_the_checks_it_says() -> None:
    loaded = loaded_modules(_PUT)
    # The checks, the converter and the integration rules did run: the case is not vacuous.
    assert {
        "customer_profiles_typed.models.integrations",
        "customer_profiles_typed.rules.integrations",
        "customer_profiles_typed.validation",
        "customer_profiles_typed._converter",
    } <= loaded


def test_importing_the_package_loads_no_models_client_converter_or_rules() -> None:
    loaded = loaded_modules(CASES["import"])
    later = {"client", "_converter", "_checks", "validation", "rules", "builders", "specs", "_wire", "models.integrations"}
    assert not loaded & {f"customer_profiles_typed.{name}" for name in later}


def test_importing_the_package_defines_no_enum() -> None:
    loaded = loaded_modules(CASES["import"])
    assert "customer_profiles_typed.enums" in loaded
    assert not loaded & ENUM_MODULES, f"import loads {sorted(loaded & ENUM_MODULES)}"


def test_an_enum_used_loads_the_enums_of_its_resource_only() -> None:
    loaded = loaded_modules("from customer_profiles_typed.enums import PeriodUnit")
    assert loaded & ENUM_MODULES == {"customer_profiles_typed.enums._event_triggers"}


@pytest.mark.parametrize("name", enums.__all__)
def test_every_enum_is_reached_from_the_enums_module_and_the_package_root(name: str) -> None:
    enum_class = getattr(enums, name)
    assert enum_class.__module__ == "customer_profiles_typed.enums"
    assert enum_class.__qualname__ == name
    assert getattr(customer_profiles_typed, name) is enum_class
    assert name in dir(enums)
    member = next(iter(enum_class))
    assert pickle.loads(pickle.dumps(member)) is member
    # Pickles name the public module, as they did when one module defined every enum.
    assert f"customer_profiles_typed.enums\n{name}\n".encode() in pickle.dumps(member, protocol=0)


def test_a_name_the_enums_module_lacks_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchEnum"):
        getattr(enums, "NoSuchEnum")


def test_a_generated_class_used_loads_its_models_only() -> None:
    loaded = loaded_modules("from customer_profiles_typed import TagResourceRequest")
    assert "customer_profiles_typed.models.tags" in loaded
    assert not loaded & (OTHER_RESOURCES - {"customer_profiles_typed.models.tags"})


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.id}-{rule.applies_to.__name__}")
def test_every_rule_loads_with_the_models_it_looks_at(rule: object) -> None:
    from customer_profiles_typed.rules import Rule

    assert isinstance(rule, Rule)
    rule_module = rule.check.__module__.rpartition(".")[2]
    model_module = rule.applies_to.__module__
    assert rule_module in RULE_MODULES.get(model_module, ()), (
        f"rule {rule.id} ({rule.check.__module__}) looks at {rule.applies_to.__name__}: "
        f"add {rule_module!r} to RULE_MODULES[{model_module!r}]"
    )
