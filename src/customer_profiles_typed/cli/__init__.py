"""The ``customer-profiles-typed`` command: a whole Customer Profiles setup as code.

Spec files (see ``customer_profiles_typed.specs``) describe the domains,
object types, event triggers and integrations wanted; the commands check them,
show what would change and change it, in dependency order::

    customer-profiles-typed validate specs/*.json          # every problem of every file
    customer-profiles-typed plan specs/*.json              # field-level diff and links against AWS
    customer-profiles-typed apply specs/*.json --yes       # make only the calls that change something
    customer-profiles-typed apply specs/*.json --prune     # and delete what no spec lists
    customer-profiles-typed export --format cloudformation specs/*.json > template.yaml
    customer-profiles-typed get --domain D --uri U
    customer-profiles-typed list --domain D
    customer-profiles-typed delete --domain D --uri U --yes
    customer-profiles-typed explain K4                     # what a rule of a problem means

Exit codes: 0 success (valid, nothing to change, everything applied); 1
problems in the specs, changes pending (``plan``), or a failed item or call;
2 usage errors (bad arguments, no region or credentials, ``apply`` without
``--yes`` and no terminal to ask on); 130 interrupted.

What ``plan`` compares: AWS's ``GetIntegration`` returns every field of a
request except ``FlowDefinition`` (sensitive, never returned). ``apply``
therefore records a SHA-256 of the canonical ``FlowDefinition`` it puts in the
reserved tag ``customer-profiles-typed:flow-sha256``, and ``plan`` compares
that hash: it tells that the flow changed, not which of its fields did. A flow
put by other tools has no such tag: ``plan`` reports it as not recorded and
``apply`` puts it once. The hash is unsalted, so anyone who can read the
integration's tags can confirm a guess of the flow's content (a bucket name,
say), though not read it.

This package holds the command line only: ``_parser`` (arguments),
``_commands`` (one handler per command), ``_load`` (spec files), ``_plan``
(current state and diff, in creation order), ``_kinds`` (reading, diffing and
sending domains, object types and triggers), ``_links`` (what the domains hold,
and the link checks), ``_apply`` (applying a plan in dependency order),
``_retry`` (item-level retries), ``_bulk`` (the thread pool and progress),
``_aws`` (the client), ``_render`` (text and JSON output), ``_flow_hash`` (the
reserved tags), ``_export`` (CloudFormation templates), ``_explain`` (the rule
catalogue's entries) and ``_exit_codes``.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence

from customer_profiles_typed.errors import ValidationWarning

from ._exit_codes import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    CallFailed,
    UsageError,
)
from ._flow_hash import FLOW_HASH_TAG, RESERVED_TAG_PREFIX, flow_fingerprint
from ._parser import build_parser
from ._render import print_line

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "FLOW_HASH_TAG",
    "RESERVED_TAG_PREFIX",
    "build_parser",
    "flow_fingerprint",
    "main",
]


def main(argv: Sequence[str] | None = None, *, prog: str = "customer-profiles-typed") -> int:
    """Run the command line with ``argv`` (default: the process arguments); return the exit code."""
    args = build_parser(prog).parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        with warnings.catch_warnings():
            # Spec warnings are reported by the commands, each naming its file.
            warnings.simplefilter("ignore", ValidationWarning)
            return int(handler(args))
    except CallFailed as error:
        print_line(f"error: {error}", err=True)
        return EXIT_PROBLEMS
    except (UsageError, ValueError) as error:
        print_line(f"error: {error}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print_line("interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``... | head``): stop quietly, and keep Python's own
        # flush at exit from failing on the same pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
