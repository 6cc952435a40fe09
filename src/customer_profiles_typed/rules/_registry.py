"""The registry of documented rules: ``Rule``, the list of all rules, and the decorator that adds one.

A rule module registers its rules when it is imported, and it is imported when
first needed: ``rules_for`` loads the rule modules that look at the classes of
one model module (``RULE_MODULES``), and reading ``RULES`` loads them all. A
program that only puts integrations never imports the object type rules, nor
the object type models they look at.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, TypeVar, overload

import attrs

from customer_profiles_typed._paths import Path

__all__ = ["RULES", "RULE_MODULES", "Check", "Rule", "Screen", "Severity", "rule", "rules_for"]

Severity = Literal["error", "warning"]
Check = Callable[[Any, Path], Iterable[tuple[Path, str]]]
Screen = Callable[[Any], bool]
C = TypeVar("C", bound=Check)

RULE_MODULES: dict[str, tuple[str, ...]] = {
    "customer_profiles_typed.models.object_types": ("object_types", "tags"),
    "customer_profiles_typed.models.event_triggers": ("event_triggers", "tags"),
    "customer_profiles_typed.models.integrations": ("integrations", "tags"),
    "customer_profiles_typed.models.tags": ("tags",),
}
"""Model module -> the rule modules (of this package) with rules on its classes.

The tag rules look at the requests of several resources, so they name the
classes of the other resources' models (``Rule.target``) instead of importing them.
"""

_ORDER = ("object_types", "event_triggers", "integrations", "tags")
"""The rule modules in the order ``RULES`` lists their rules (each in the order it registers them)."""


@attrs.frozen
class Rule:
    """A documented rule: its ID, whether it rejects or warns, and its check."""

    id: str
    """The rule ID in the rules file, e.g. ``"K4"``."""
    severity: Severity
    """``"error"`` (SAFE: reject) or ``"warning"`` (WARN: warn and send)."""
    target: type | str
    """The model class whose objects the rule looks at, or its name in ``customer_profiles_typed.models``.

    A name lets a rule module look at the classes of another resource's models
    without importing them (``applies_to`` imports the class).
    """
    summary: str
    """One line saying what the rule requires."""
    check: Check = attrs.field(repr=False)
    """Yields ``(path, message)`` for every breach found in one object."""
    screen: Screen | None = attrs.field(default=None, repr=False)
    """A cheap test of one object, if the rule has one: ``False`` means ``check`` finds
    nothing there, so a caller checking many objects (a flow's tasks) need not build
    the object's path nor call ``check``. ``check`` itself also applies it."""

    @property
    def applies_to(self) -> type:
        """The model class whose objects the rule looks at (a class given by name is imported)."""
        if isinstance(self.target, str):
            from customer_profiles_typed import models

            found: type = getattr(models, self.target)
            return found
        return self.target

    def looks_at(self, cls: type) -> bool:
        """Whether the rule looks at objects of ``cls`` (a class given by name is not imported for this)."""
        target = self.target
        if isinstance(target, str):
            from customer_profiles_typed.models import GENERATED_NAMES

            module = sys.modules.get(GENERATED_NAMES[target])
            if module is None:
                return False  # no class derives from a class of a module not imported yet
            target = getattr(module, target)
        return issubclass(cls, target)


_REGISTERED: dict[str, list[Rule]] = {}
"""Rule module -> the rules it registered, in order."""


def rule(
    rule_id: str,
    severity: Severity,
    applies_to: type | str,
    summary: str,
    *,
    screen: Screen | None = None,
) -> Callable[[C], C]:
    """Register a check as the rule ``rule_id`` on objects of ``applies_to``.

    ``severity`` is ``"error"`` for the rulebooks' SAFE rules and ``"warning"``
    for their WARN rules; ``summary`` is one line saying what the rule requires.
    ``applies_to`` is the model class, or the name of a class of
    ``customer_profiles_typed.models`` that the rule module does not import.
    ``screen`` is the rule's cheap test, if it has one (``Rule.screen``).
    """

    def register(check: C) -> C:
        module = getattr(check, "__module__", "").rpartition(".")[2]
        found = Rule(rule_id, severity, applies_to, summary, check, screen)
        _REGISTERED.setdefault(module, []).append(found)
        return check

    return register


def _load(modules: Iterable[str]) -> None:
    """Import rule modules of this package (each registers its rules once)."""
    for module in modules:
        importlib.import_module(f"customer_profiles_typed.rules.{module}")


def _registered() -> list[Rule]:
    """The rules registered so far: those of ``_ORDER``'s modules first, in its order."""
    modules = [*_ORDER, *(module for module in _REGISTERED if module not in _ORDER)]
    return [found for module in modules for found in _REGISTERED.get(module, ())]


class _EveryRule(Sequence[Rule]):
    """Every rule, in the order of the rules files' sections; reading it loads every rule module."""

    def _every(self) -> list[Rule]:
        _load(_ORDER)
        return _registered()

    @overload
    def __getitem__(self, index: int) -> Rule: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Rule]: ...

    def __getitem__(self, index: int | slice) -> Rule | Sequence[Rule]:
        return self._every()[index]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())

    def __repr__(self) -> str:
        return repr(self._every())


RULES: Sequence[Rule] = _EveryRule()
"""Every rule, in the order of the rules file's sections (reading it loads every rule module)."""

_RULES_BY_CLASS: dict[type, tuple[Rule, ...]] = {}


def rules_for(cls: type) -> tuple[Rule, ...]:
    """The rules that look at objects of a class (loading the rule modules that may have some)."""
    found = _RULES_BY_CLASS.get(cls)
    if found is None:
        for base in cls.__mro__:
            _load(RULE_MODULES.get(base.__module__, ()))
        found = tuple(rule for rule in _registered() if rule.looks_at(cls))
        _RULES_BY_CLASS[cls] = found
    return found
