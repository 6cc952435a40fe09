"""The exit codes of the command line, and the exceptions that end a command with one."""

from __future__ import annotations

__all__ = ["EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "CallFailed", "UsageError"]

EXIT_OK = 0
"""Success: the specs are valid, nothing is left to change, every item was applied."""

EXIT_PROBLEMS = 1
"""Problems in the specs, changes pending (``plan``), or an item or call that failed."""

EXIT_USAGE = 2
"""Bad arguments, no region or credentials, or ``apply``/``delete`` refused (no ``--yes``, no terminal)."""

EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C); ``apply`` reports which items were applied before it stopped."""


class UsageError(Exception):
    """A problem with how the command was called: exit code 2."""


class CallFailed(Exception):
    """The call of ``get``, ``list`` or ``delete`` failed, or the emulator could not listen.

    Exit code 1; the one-line message says why.
    """
