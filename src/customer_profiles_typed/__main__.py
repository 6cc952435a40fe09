"""Command line entry point: ``python -m customer_profiles_typed <command>``."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Sequence


def _run_emulator(args: argparse.Namespace) -> int:
    """Serve the emulator in the foreground until interrupted (Ctrl-C)."""
    from customer_profiles_typed.testing import Emulator

    emulator = Emulator(host=str(args.host), port=int(args.port), access_key_id=args.access_key_id)
    try:
        emulator.start()
        print(f"Customer Profiles emulator listening on {emulator.endpoint_url} (Ctrl-C stops it)", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    print("Emulator stopped.", flush=True)
    return 0


def _run_demo(args: argparse.Namespace) -> int:
    """Run the README's example against the embedded emulator."""
    from customer_profiles_typed._demo import run

    return run()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line, with one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="python -m customer_profiles_typed",
        description="Tools for typed Amazon Connect Customer Profiles integrations.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    emulator = commands.add_parser(
        "emulator",
        help="run the local Customer Profiles HTTP emulator in the foreground",
        description="Serve a local, stateful emulator of the Customer Profiles API until Ctrl-C.",
    )
    emulator.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    emulator.add_argument("--host", default="127.0.0.1", help="loopback address to bind (default: 127.0.0.1)")
    emulator.add_argument(
        "--access-key-id",
        default=None,
        help="accept only requests signed with this access key (default: accept any)",
    )
    emulator.set_defaults(handler=_run_emulator)

    demo = commands.add_parser(
        "demo",
        help="put the README's S3 integration through the embedded emulator",
        description=(
            "Start the emulator in-process, create a domain, put the README's example S3 "
            "integration through IntegrationClient over HTTP and print the typed result."
        ),
    )
    demo.set_defaults(handler=_run_demo)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: the process arguments) and run the chosen command."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
