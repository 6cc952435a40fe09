"""CloudFormation's intrinsic functions: recognising them in a template, and YAML's short tags.

A template in JSON writes a function as a one-key object, ``{"Ref": "Bucket"}``
or ``{"Fn::Sub": "${AWS::StackName}-flow"}``; in YAML it may use a short tag
instead, ``!Ref Bucket``. ``yaml_loader`` reads the short tags into the JSON
form (``!GetAtt Key.Arn`` becomes ``{"Fn::GetAtt": ["Key", "Arn"]}``), so a
template reads the same whichever form it uses; the spec readers parse every
YAML document with it (a document without tags reads as with ``yaml.safe_load``).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from typing import Any, cast

__all__ = ["SHORT_TAGS", "function_of", "yaml_loader", "yaml_module"]

SHORT_TAGS: Mapping[str, str] = {
    "Ref": "Ref",
    "Condition": "Condition",
    **{
        name: f"Fn::{name}"
        for name in (
            "And",
            "Base64",
            "Cidr",
            "Equals",
            "FindInMap",
            "GetAZs",
            "GetAtt",
            "If",
            "ImportValue",
            "Join",
            "Length",
            "Not",
            "Or",
            "Select",
            "Split",
            "Sub",
            "ToJsonString",
            "Transform",
        )
    },
}
"""The YAML short tags (without the ``!``) -> the key of the function's JSON form."""


def function_of(value: object) -> str | None:
    """The function a template value calls (``Ref``, ``Fn::Sub``...), or ``None`` for a plain value."""
    if not isinstance(value, dict) or len(cast("dict[object, object]", value)) != 1:
        return None
    (key,) = cast("dict[object, object]", value)
    if isinstance(key, str) and (key in ("Ref", "Condition") or key.startswith("Fn::")):
        return key
    return None


def _constructor(key: str) -> Callable[[Any, Any], dict[str, Any]]:
    """The YAML constructor of one short tag: the node's value under the function's key."""

    def construct(loader: Any, node: Any) -> dict[str, Any]:
        kind = type(node).__name__
        if kind == "ScalarNode":
            value: Any = loader.construct_scalar(node)
            if key == "Fn::GetAtt" and isinstance(value, str):
                resource, _, attribute = value.partition(".")
                value = [resource, attribute]
        elif kind == "SequenceNode":
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {key: value}

    return construct


def yaml_module() -> Any:
    """PyYAML, or an ``ImportError`` saying how to install it."""
    try:
        return importlib.import_module("yaml")
    except ImportError:
        raise ImportError(
            "YAML needs PyYAML: pip install 'customer-profiles-typed[yaml]'"
        ) from None


@functools.cache
def yaml_loader() -> Any:
    """PyYAML's safe loader, knowing the short tags of CloudFormation (``ImportError`` without PyYAML)."""
    yaml = yaml_module()
    loader: Any = type("TemplateLoader", (yaml.SafeLoader,), {})
    for tag, key in SHORT_TAGS.items():
        loader.add_constructor(f"!{tag}", _constructor(key))
    return loader
