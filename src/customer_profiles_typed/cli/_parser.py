"""The argument parser: the commands, their options, and the handler each one runs."""

from __future__ import annotations

import argparse

from ._commands import (
    run_apply,
    run_delete,
    run_demo,
    run_emulator,
    run_get,
    run_list,
    run_plan,
    run_validate,
)
from ._explain import run_explain
from ._export import EXPORT_FORMATS, run_export
from ._flow_hash import FLOW_HASH_TAG

__all__ = ["build_parser"]

EPILOG = """\
exit codes:
  0    success: specs valid, nothing to change, every item applied
  1    problems in the specs, changes pending (plan), or a failed item or call
  2    usage error: bad arguments, no region or credentials, no --yes without a terminal
  130  interrupted
"""


FLOW_HASH_NOTE = f"""\
Privacy: apply stores an unsalted SHA-256 of each FlowDefinition in the tag
{FLOW_HASH_TAG}, so anyone who can read the integration's tags
can confirm a guess of the flow's content (a bucket name, say), though not read it."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a TCP port is 0-65535, got {value}")
    return value


def _connection_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options every AWS command takes, before or after the command name."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("connection and output")
    group.add_argument("--profile", default=default(None), help="AWS profile of the shared config")
    group.add_argument("--region", default=default(None), help="AWS region (default: the profile's)")
    group.add_argument(
        "--endpoint-url", default=default(None), help="service endpoint, e.g. a local emulator"
    )
    group.add_argument(
        "--output",
        choices=("text", "json"),
        default=default("text"),
        help="text for people (default), json for scripts",
    )
    group.add_argument(
        "--retry-mode",
        choices=("standard", "adaptive", "legacy"),
        default=default("standard"),
        help="boto3 retry mode for throttling and transient errors (default: standard)",
    )
    group.add_argument(
        "--max-attempts",
        type=_positive,
        default=default(10),
        help="attempts per call, first included (default: 10)",
    )


def _version() -> str:
    from importlib.metadata import version

    return version("customer-profiles-typed")


def build_parser(prog: str = "customer-profiles-typed") -> argparse.ArgumentParser:
    """The argument parser of the command line, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Amazon Connect Customer Profiles integrations as code: validate spec files, "
            "plan and apply them, and inspect integrations."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help="print the version and exit"
    )
    _connection_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _connection_options(common, suppress=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=description,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def spec_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("files", nargs="+", metavar="FILE", help="spec files (.json, .yaml, .yml)")
        sub.add_argument(
            "--skip-rule",
            action="append",
            default=[],
            metavar="RULE",
            help="skip a documented rule (K4, G5...; 'all'); repeatable",
        )

    def bulk_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--concurrency",
            type=_positive,
            default=8,
            metavar="N",
            help="calls in flight at once, sharing one client (default: 8)",
        )
        sub.add_argument(
            "--progress", action="store_true", help="show progress on stderr even without a terminal"
        )
        sub.add_argument(
            "--account-id",
            default=None,
            help="the AWS account, to derive the flow ARN of new flows (a domain with one "
            "integration spec is then read with GetIntegration, others with one ListIntegrations "
            "each; default: the credentials' account if known)",
        )
        sub.add_argument(
            "--item-attempts",
            type=_positive,
            default=8,
            metavar="N",
            help="tries per item after throttling or a server error, each a whole call with "
            "boto3's retries, with backoff and jitter (default: 8)",
        )
        sub.add_argument(
            "--deadline",
            type=_seconds,
            default=None,
            metavar="SECONDS",
            help="stop starting items and retries after this long; what is left is reported "
            "as not applied (default: none)",
        )
        sub.add_argument(
            "--prune",
            action="store_true",
            help="also delete the integrations, event triggers and object types of the specs' "
            "domains that no spec lists (never domains, nor hidden integrations)",
        )

    validate = command(
        "validate",
        "check spec files, reporting every problem of every file",
        "Check spec files against the AWS model and the documented rules; no AWS call.",
    )
    spec_options(validate)
    validate.set_defaults(handler=run_validate)

    export = command(
        "export",
        "write spec files as a CloudFormation template",
        "Check spec files as validate does, then write their resources as a CloudFormation\n"
        "template on stdout; nothing is written if any file has a problem.",
    )
    spec_options(export)
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, required=True, help="what to write: cloudformation"
    )
    export.add_argument(
        "--output-format",
        choices=("yaml", "json"),
        default="yaml",
        help="the template's format (default: yaml)",
    )
    export.add_argument("--description", default=None, help="the template's Description")
    export.set_defaults(handler=run_export)

    plan = command(
        "plan",
        "show what apply would change",
        "Read the current integrations and show a field-level diff. FlowDefinition is\n"
        "compared through the hash apply records in the tag " + FLOW_HASH_TAG + ".\n\n"
        + FLOW_HASH_NOTE,
    )
    spec_options(plan)
    bulk_options(plan)
    plan.set_defaults(handler=run_plan)

    apply = command(
        "apply",
        "put the integrations that differ from their specs",
        "Plan, confirm, then put only what changed, concurrently; one item's failure\n"
        "does not stop the others. A per-item result table ends the run.\n\n" + FLOW_HASH_NOTE,
    )
    spec_options(apply)
    bulk_options(apply)
    apply.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    apply.set_defaults(handler=run_apply)

    get = command("get", "show one integration", "Show one integration (GetIntegration).")
    get.add_argument("--domain", required=True, help="domain name")
    get.add_argument("--uri", required=True, help="integration URI")
    get.set_defaults(handler=run_get)

    listing = command(
        "list", "list the integrations of a domain", "List a domain's integrations."
    )
    listing.add_argument("--domain", required=True, help="domain name")
    listing.add_argument("--include-hidden", action="store_true", help="include hidden integrations")
    listing.set_defaults(handler=run_list)

    delete = command("delete", "delete one integration", "Delete one integration.")
    delete.add_argument("--domain", required=True, help="domain name")
    delete.add_argument("--uri", required=True, help="integration URI")
    delete.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(handler=run_delete)

    emulator = commands.add_parser(
        "emulator",
        help="run the local Customer Profiles HTTP emulator in the foreground",
        description="Serve a local, stateful emulator of the Customer Profiles API until Ctrl-C.",
    )
    emulator.add_argument("--port", type=_port, default=0, help="TCP port (default: a free one)")
    emulator.add_argument(
        "--host", default="127.0.0.1", help="loopback address to bind (default: 127.0.0.1)"
    )
    emulator.add_argument(
        "--access-key-id",
        default=None,
        help="the access key clients sign with (default: emulator-access-key)",
    )
    emulator.add_argument(
        "--secret-access-key",
        default=None,
        help="the secret of that key (default: emulator-secret)",
    )
    emulator.add_argument(
        "--any-credentials",
        action="store_true",
        help="accept requests whatever their signature, even unsigned ones",
    )
    emulator.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="NAME",
        help="create this domain at start (DefaultExpirationDays 366), in the emulator's "
        "account and region; repeatable",
    )
    emulator.set_defaults(handler=run_emulator)

    demo = commands.add_parser(
        "demo",
        help="put the README's S3 integration through the embedded emulator",
        description=(
            "Start the emulator in-process, create a domain, put the README's example S3 "
            "integration through IntegrationClient over HTTP and print the typed result."
        ),
    )
    demo.set_defaults(handler=run_demo)

    explain = commands.add_parser(
        "explain",
        help="say what a rule ID (K4, O34...) or label (pattern...) of a problem means",
        description=(
            "Print a rule's entry of the rule catalogue: its class, what it requires, an "
            "example with the problem it reports, and how to skip it. Without RULE, list "
            "every rule."
        ),
    )
    explain.add_argument("rule", nargs="?", metavar="RULE", help="a rule ID or label, e.g. K4")
    explain.add_argument(
        "--output", choices=("text", "json"), default=argparse.SUPPRESS, help="text (default) or json"
    )
    explain.set_defaults(handler=run_explain)
    return parser
