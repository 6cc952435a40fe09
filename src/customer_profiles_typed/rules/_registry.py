"""The registry of documented rules: ``Rule``, the list of all rules, and the decorator that adds one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar

import attrs

from customer_profiles_typed._paths import Path

__all__ = ["RULES", "Check", "Rule", "Severity", "rule", "rules_for"]

Severity = Literal["error", "warning"]
Check = Callable[[Any, Path], Iterable[tuple[Path, str]]]
C = TypeVar("C", bound=Check)


@attrs.frozen
class Rule:
    """A documented rule: its ID, whether it rejects or warns, and its check."""

    id: str
    """The rule ID in the rules file, e.g. ``"K4"``."""
    severity: Severity
    """``"error"`` (SAFE: reject) or ``"warning"`` (WARN: warn and send)."""
    applies_to: type
    """The model class whose objects the rule looks at."""
    summary: str
    """One line saying what the rule requires."""
    check: Check = attrs.field(repr=False)
    """Yields ``(path, message)`` for every breach found in one object."""


RULES: list[Rule] = []
"""Every rule, in the order of the rules file's sections."""


def rule(rule_id: str, severity: Severity, applies_to: type, summary: str) -> Callable[[C], C]:
    """Register a check as the rule ``rule_id`` on objects of ``applies_to``.

    ``severity`` is ``"error"`` for the rulebooks' SAFE rules and ``"warning"``
    for their WARN rules; ``summary`` is one line saying what the rule requires.
    """

    def register(check: C) -> C:
        RULES.append(Rule(rule_id, severity, applies_to, summary, check))
        return check

    return register


_RULES_BY_CLASS: dict[type, tuple[Rule, ...]] = {}


def rules_for(cls: type) -> tuple[Rule, ...]:
    """The rules that look at objects of a class."""
    found = _RULES_BY_CLASS.get(cls)
    if found is None:
        found = tuple(rule for rule in RULES if issubclass(cls, rule.applies_to))
        _RULES_BY_CLASS[cls] = found
    return found


