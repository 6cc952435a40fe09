"""The commands: each handler takes the parsed arguments and returns the exit code."""

from __future__ import annotations

import argparse
import functools
import sys
import threading
import time
from typing import TYPE_CHECKING

from ._apply import apply_all
from ._aws import Connection, call, connect
from ._exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, CallFailed, UsageError
from ._load import Loaded, load
from ._plan import PlanItem, make_plan
from ._retry import Retrier
from ._render import (
    plural,
    print_applied,
    print_deleted,
    print_integration,
    print_integrations,
    print_line,
    print_load,
    print_plan,
    print_plan_json,
    print_validate_summary,
)

if TYPE_CHECKING:
    from customer_profiles_typed.testing import Emulator

__all__ = [
    "run_apply",
    "run_delete",
    "run_demo",
    "run_emulator",
    "run_get",
    "run_list",
    "run_plan",
    "run_validate",
]


def _confirmed(question: str, assume_yes: bool) -> bool:
    """Whether to go on: ``--yes``, or the answer on the terminal; ``UsageError`` without one."""
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError("refusing to change anything without --yes: stdin is not a terminal")
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")


def _show_progress(args: argparse.Namespace) -> bool:
    return bool(args.progress) or sys.stderr.isatty()


def _load_or_report(args: argparse.Namespace) -> Loaded | None:
    """The spec files of ``plan`` or ``apply``; ``None`` (problems reported) if any is invalid."""
    loaded = load(args.files, args.skip_rule)
    print_load(loaded, args.output, command=args.command)
    if loaded.problems:
        if args.output == "text":
            print_line(
                f"error: {plural(len(loaded.problems), 'problem')} in the spec files: "
                "nothing was read or changed",
                err=True,
            )
        return None
    return loaded


def run_validate(args: argparse.Namespace) -> int:
    """``validate``: report every problem and warning of every file; no AWS call."""
    loaded = load(args.files, args.skip_rule)
    print_load(loaded, args.output, command="validate")
    if args.output == "text":
        print_validate_summary(loaded)
    return EXIT_PROBLEMS if loaded.problems else EXIT_OK


def _retrier(args: argparse.Namespace) -> Retrier:
    """The item-level retries the options ask for; the deadline counts from now."""
    deadline = None if args.deadline is None else time.monotonic() + float(args.deadline)
    return Retrier(attempts=args.item_attempts, deadline=deadline)


def _plan(
    args: argparse.Namespace, loaded: Loaded, connection: Connection, retrier: Retrier
) -> list[PlanItem]:
    return make_plan(
        connection,
        loaded.specs,
        concurrency=args.concurrency,
        progress=_show_progress(args),
        skip_rules=args.skip_rule,
        prune=args.prune,
        retrier=retrier,
    )


def run_plan(args: argparse.Namespace) -> int:
    """``plan``: the field-level diff against AWS; exit code 1 while anything is left to change."""
    loaded = _load_or_report(args)
    if loaded is None:
        return EXIT_PROBLEMS
    items = _plan(args, loaded, connect(args, args.concurrency), _retrier(args))
    if args.output == "json":
        print_plan_json(items)
    else:
        print_plan(items)
    changed = any(item.action in ("create", "update", "delete", "failed") for item in items)
    return EXIT_PROBLEMS if changed else EXIT_OK


def run_apply(args: argparse.Namespace) -> int:
    """``apply``: plan, confirm unless ``--yes``, make the calls that change something, report every item.

    Each flow put is tagged with its unsalted SHA-256 (``FLOW_HASH_TAG``): whoever
    can read the tags can confirm a guess of the flow's content.
    """
    loaded = _load_or_report(args)
    if loaded is None:
        return EXIT_PROBLEMS
    connection = connect(args, args.concurrency)
    retrier = _retrier(args)
    items = _plan(args, loaded, connection, retrier)
    if args.output == "text":
        print_plan(items)
    todo = [item for item in items if item.action in ("create", "update", "delete")]
    deletions = sum(1 for item in todo if item.action == "delete")
    question = f"Apply {plural(len(todo), 'change')}?"
    if deletions:
        question = (
            f"Apply {plural(len(todo), 'change')}, deleting {plural(deletions, 'resource')} "
            "no spec lists?"
        )
    if todo and not _confirmed(question, args.yes):
        print_line("Nothing was applied.", err=True)
        return EXIT_PROBLEMS
    results, interrupted = apply_all(
        connection,
        items,
        concurrency=args.concurrency,
        progress=_show_progress(args),
        retrier=retrier,
    )
    print_applied(results, args.output)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if all(r.succeeded for r in results) else EXIT_PROBLEMS


def run_get(args: argparse.Namespace) -> int:
    """``get``: show one integration."""
    client = connect(args).client
    integration = call(lambda: client.get_integration(domain_name=args.domain, uri=args.uri))
    print_integration(integration, args.output)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    """``list``: show a domain's integrations."""
    client = connect(args).client
    found = call(
        lambda: list(
            client.list_integrations(domain_name=args.domain, include_hidden=args.include_hidden)
        )
    )
    print_integrations(found, args.domain, args.output)
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    """``delete``: delete one integration once confirmed; bad arguments are refused before asking."""
    from customer_profiles_typed.validation import check_input

    arguments = {"DomainName": args.domain, "Uri": args.uri}
    call(lambda: check_input("DeleteIntegrationRequest", arguments, subject="DeleteIntegration"))
    client = connect(args).client
    if not _confirmed(f"Delete integration {args.uri} of domain {args.domain}?", args.yes):
        print_line("Nothing was deleted.", err=True)
        return EXIT_PROBLEMS
    message = call(lambda: client.delete_integration(domain_name=args.domain, uri=args.uri))
    print_deleted(args.domain, args.uri, message, args.output)
    return EXIT_OK


_EMULATOR_EXPIRATION_DAYS = 366
"""The ``DefaultExpirationDays`` of the domains ``emulator --domain`` creates."""


def _create_domains(emulator: Emulator, names: list[str]) -> None:
    """Create each of ``names`` once in ``emulator``, as its default key's account.

    A name AWS would refuse raises ``UsageError`` naming ``--domain`` and the rule.
    """
    from customer_profiles_typed.client import CustomerProfiles

    typed = CustomerProfiles(emulator.client())
    for name in dict.fromkeys(names):
        create = functools.partial(
            typed.create_domain, domain_name=name, default_expiration_days=_EMULATOR_EXPIRATION_DAYS
        )
        call(create)


def run_emulator(args: argparse.Namespace) -> int:
    """``emulator``: serve the local emulator in the foreground until Ctrl-C, with the ``--domain`` domains."""
    from customer_profiles_typed.testing import Emulator

    from customer_profiles_typed.testing._auth import DEFAULT_SECRET_ACCESS_KEY

    emulator = Emulator(
        host=str(args.host),
        port=int(args.port),
        access_key_id=args.access_key_id,
        secret_access_key=str(args.secret_access_key or DEFAULT_SECRET_ACCESS_KEY),
        verify_signatures=not args.any_credentials,
    )
    try:
        emulator.start()
    except OSError as error:  # the port is taken, the address is not this machine's...
        reason = error.strerror or str(error)
        raise CallFailed(f"cannot listen on {emulator.host}:{args.port}: {reason}") from None
    try:
        _create_domains(emulator, list(args.domain))
        key = emulator.default_credentials
        signing = (
            "any credentials accepted"
            if args.any_credentials
            else f"sign with AWS_ACCESS_KEY_ID={key.access_key_id} "
            f"AWS_SECRET_ACCESS_KEY={key.secret_access_key}"
        )
        print(
            f"Customer Profiles emulator listening on {emulator.endpoint_url} (Ctrl-C stops it)\n"
            f"  region {emulator.region}, account {emulator.account_id}; {signing}",
            flush=True,
        )
        if args.domain:
            print(f"  domains: {', '.join(dict.fromkeys(args.domain))}", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    print("Emulator stopped.", flush=True)
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    """``demo``: put the README's S3 integration through the embedded emulator."""
    from customer_profiles_typed._demo import run

    return run()
