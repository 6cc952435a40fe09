"""CloudFormation templates out of spec files, and spec files' checks over templates.

Out: ``to_template`` (a dict) and ``dumps_template`` (YAML or JSON text) write
the requests of a setup as ``AWS::CustomerProfiles::Domain``, ``::ObjectType``,
``::EventTrigger`` and ``::Integration`` resources, in CloudFormation's own
shapes, with ``DependsOn`` in the order ``plan`` and ``apply`` follow::

    from customer_profiles_typed.cloudformation import dumps_template
    from customer_profiles_typed.specs import read_specs

    specs = read_specs("setup/retail.yaml")
    print(dumps_template(specs, description="Retail profiles"))

A field a template cannot hold (``RoleArn`` of an integration) raises
``TemplateError``, naming the item and the field: nothing is left out silently.

In: the spec readers (``customer_profiles_typed.specs``) read a template, JSON
or YAML with the short tags (``!Ref``, ``!Sub``, ``!GetAtt``...), as the
requests of its Customer Profiles resources, checked with the same rules as
spec items; each problem names the resource and the property
(``Resources.Shop.Properties.Fields[2].ObjectTypeField.Source``). A value that
is an intrinsic function is a warning of rule ``NOT_CHECKABLE``, never an
error. The two directions are one table of differences (``RESOURCE_TYPES``
and the tables beside it), generated from cfn-lint's resource schemas by
``scripts/generate_cloudformation.py``.
"""

from __future__ import annotations

from ._export import TEMPLATE_VERSION, TemplateError, dumps_template, logical_id, to_template
from ._read import NOT_CHECKABLE, is_template
from ._tables import RESOURCE_TYPES

__all__ = [
    "NOT_CHECKABLE",
    "RESOURCE_TYPES",
    "TEMPLATE_VERSION",
    "TemplateError",
    "dumps_template",
    "is_template",
    "logical_id",
    "to_template",
]
