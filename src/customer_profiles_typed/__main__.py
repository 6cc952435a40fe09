"""``python -m customer_profiles_typed <command>``: the ``customer-profiles-typed`` command line.

The same commands as the console script (``validate``, ``plan``, ``apply``,
``get``, ``list``, ``delete``), plus ``emulator`` and ``demo``; see
``customer_profiles_typed.cli``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from customer_profiles_typed import cli

PROG = "python -m customer_profiles_typed"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line, with one subparser per command."""
    return cli.build_parser(PROG)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: the process arguments) and run the chosen command."""
    return cli.main(argv, prog=PROG)


if __name__ == "__main__":
    sys.exit(main())
