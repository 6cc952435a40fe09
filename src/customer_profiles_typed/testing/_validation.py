"""Server-side validation of request parameters: the library's own model checks.

The emulator rejects what AWS rejects by its model: required members, types,
lengths, full-match patterns, enum values, ranges, list and map sizes and
unknown members. It reuses the client's checks (``customer_profiles_typed._checks``)
rather than a second copy, and keeps only their model-constraint errors: the
project's own rules (C3, K7, ...) and the warnings are client-side advice that
AWS is not documented to enforce.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from customer_profiles_typed import _checks
from customer_profiles_typed._paths import ROOT
from customer_profiles_typed.testing._botocore import OperationModel

MODEL_RULES = _checks.MODEL_CONSTRAINTS | {"A3"}
"""The findings that stand for constraints of the AWS model itself (A3: its ARN patterns)."""


def validate_input(operation_model: OperationModel, params: Mapping[str, Any]) -> list[str]:
    """Return one message per constraint of the operation's input that ``params`` breaks."""
    shape = operation_model.input_shape
    if shape is None:
        return [f"Unknown member at '{name}'" for name in params]
    return [
        f"Value at '{finding.path.wire or shape.name}' failed to satisfy constraint: "
        f"{finding.message}"
        for finding in _checks.check_wire(shape.name, params, ROOT)
        if not finding.warning and finding.rule in MODEL_RULES
    ]
