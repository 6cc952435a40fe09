"""Writing the requests of a setup as a CloudFormation template.

One resource per request, of the type that makes the same resource
(``RESOURCE_TYPES``), its properties in CloudFormation's shapes
(``_shapes.to_properties``), ``DependsOn`` naming the resources it needs
first (``_dependencies.dependencies``: the rule ``plan`` and ``apply`` follow),
in creation order. Logical IDs are derived from each resource's kind, domain
and name (``logical_id``), so two exports of the same specs are byte-identical
and a resource keeps its logical ID when others are added or removed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

from customer_profiles_typed._dependencies import ResourceKey, creation_order, dependencies, key_of
from customer_profiles_typed.errors import CustomerProfilesError, ValidationProblem
from customer_profiles_typed.specs import Spec, SpecFormat, SpecProblem, SpecRequest, operation_of

from ._intrinsics import yaml_module
from ._shapes import to_properties
from ._tables import RESOURCE_TYPES

__all__ = ["TEMPLATE_VERSION", "TemplateError", "dumps_template", "logical_id", "to_template"]

TEMPLATE_VERSION = "2010-09-09"
"""The ``AWSTemplateFormatVersion`` of the templates written (the only one there is)."""

NOT_IN_TEMPLATE = "not-in-template"
"""The rule of a problem naming a field or value that a template cannot hold."""

_MAX_LOGICAL_ID = 255
_DIGEST = 8
_KIND_NAMES = {
    "domain": "Domain",
    "object-type": "ObjectType",
    "event-trigger": "EventTrigger",
    "integration": "Integration",
}


class TemplateError(CustomerProfilesError, ValueError):
    """The requests cannot be written as a template; ``problems`` names each item and field.

    A field the resource type has no property for (``RoleArn`` of an
    integration) or an enum value its schema does not accept (rule
    ``not-in-template``), the same resource twice (``duplicate``), or no
    request at all (``empty``): nothing is left out silently.
    """

    problems: tuple[SpecProblem, ...]
    """Every problem found, in the order of the requests."""

    def __init__(self, problems: Iterable[SpecProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"cannot write a CloudFormation template: {count} {noun}"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


def _pascal(text: str) -> str:
    """The letters and digits of ``text``, each run capitalised: ``retail-eu`` -> ``RetailEu``."""
    return "".join(run[0].upper() + run[1:] for run in re.findall(r"[A-Za-z0-9]+", text))


def _readable_name(key: ResourceKey) -> str:
    if key.kind == "domain":
        return ""
    if key.kind == "integration":
        return re.split(r"[/:]", key.name)[-1]
    return key.name


def logical_id(request: SpecRequest) -> str:
    """The logical ID of the resource a request makes: ``ObjectTypeRetailShopCustomers1A2B3C4D``.

    The kind, the domain and the name with only their letters and digits kept
    (what CloudFormation allows), then the first 8 hex digits of a SHA-256 of
    the exact kind, domain and name: the same resource always gets the same ID,
    and two names that differ only in punctuation (``shop-a``, ``shop_a``) get
    different ones.
    """
    key = key_of(request)
    readable = _KIND_NAMES[key.kind] + _pascal(key.domain) + _pascal(_readable_name(key))
    digest = hashlib.sha256("\0".join((key.kind, key.domain, key.name)).encode("utf-8"))
    return readable[: _MAX_LOGICAL_ID - _DIGEST] + digest.hexdigest()[:_DIGEST].upper()


def _items(requests: Sequence[SpecRequest] | Sequence[Spec]) -> list[tuple[SpecRequest, Spec | None]]:
    found: list[tuple[SpecRequest, Spec | None]] = []
    for item in cast("Sequence[object]", requests):
        if isinstance(item, Spec):
            found.append((item.request, item))
        else:
            found.append((cast(SpecRequest, item), None))
    return found


def _problem(position: int, spec: Spec | None, problem: ValidationProblem) -> SpecProblem:
    if spec is not None:
        return spec.locate(problem)
    return SpecProblem(
        file="<requests>",
        item=position,
        path=problem.wire_path,
        message=problem.message,
        rule=problem.rule,
        problem=problem,
    )


def to_template(
    requests: Sequence[SpecRequest] | Sequence[Spec], *, description: str | None = None
) -> dict[str, Any]:
    """A CloudFormation template that makes the resources of ``requests`` (or of the ``Spec``\\ s read).

    ``AWS::CustomerProfiles::Domain``, ``::ObjectType``, ``::EventTrigger`` and
    ``::Integration`` resources in CloudFormation's shapes (``Tags``, ``Fields``,
    ``Keys``, ``ObjectTypeNames`` and ``TaskProperties`` as lists of objects,
    timestamps as epoch seconds), each with ``DependsOn`` naming the resources
    of the set it needs first (sorted), in creation order. Names are kept as
    the requests give them: a domain the set does not create is referenced.

    Raises ``TemplateError`` naming every item and field a template cannot
    hold (``RoleArn`` of an integration...), every resource given twice, or
    that there is no request.
    """
    items = _items(requests)
    plain = [request for request, _ in items]
    problems: list[SpecProblem] = []
    if not items:
        problems.append(
            SpecProblem(
                file="<requests>", item=None, path="", message="there is no request to write", rule="empty"
            )
        )
    ids = [logical_id(request) for request in plain]
    seen: dict[str, int] = {}
    for position, (request, spec) in enumerate(items):
        first = seen.setdefault(ids[position], position)
        if first != position:
            earlier = items[first][1]
            shown = earlier.location if earlier is not None else f"[{first}]"
            problems.append(
                _problem(
                    position,
                    spec,
                    ValidationProblem(
                        path="",
                        wire_path="",
                        message=f"{key_of(request)} is also made by {shown}: a template makes a resource once",
                        rule="duplicate",
                    ),
                )
            )
    properties: list[dict[str, Any]] = []
    for position, (request, spec) in enumerate(items):
        found, unexpressible = to_properties(operation_of(request), request.to_boto3())
        properties.append(found)
        for path, message in unexpressible:
            problem = ValidationProblem(
                path=path.python, wire_path=path.wire, message=message, rule=NOT_IN_TEMPLATE
            )
            problems.append(_problem(position, spec, problem))
    if problems:
        raise TemplateError(problems)
    needs = dependencies(plain)
    resources: dict[str, Any] = {}
    for position in creation_order(plain):
        resource: dict[str, Any] = {"Type": RESOURCE_TYPES[operation_of(plain[position])]}
        depends_on = sorted({ids[needed] for needed in needs[position]})
        if depends_on:
            resource["DependsOn"] = depends_on
        resource["Properties"] = properties[position]
        resources[ids[position]] = resource
    template: dict[str, Any] = {"AWSTemplateFormatVersion": TEMPLATE_VERSION}
    if description is not None:
        template["Description"] = description
    template["Resources"] = resources
    return template


def dumps_template(
    requests: Sequence[SpecRequest] | Sequence[Spec],
    *,
    description: str | None = None,
    format: SpecFormat = "yaml",
) -> str:
    """``to_template`` as YAML (the default; needs PyYAML) or JSON text, one value per line.

    The spec readers read it back (``parse_spec_text``, ``read_specs``) to the
    same requests. Raises ``TemplateError`` as ``to_template`` does.
    """
    template = to_template(requests, description=description)
    if format == "json":
        return json.dumps(template, indent=2, ensure_ascii=False) + "\n"
    text: str = yaml_module().safe_dump(
        template, sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**31 - 1
    )
    return text
