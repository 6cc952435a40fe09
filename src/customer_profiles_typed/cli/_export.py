"""The ``export`` command: the spec files as a CloudFormation template on stdout.

The files are read and checked as ``validate`` reads them (``_load.load``);
any problem is reported as ``validate`` reports it and no template is written.
So is a field a template cannot hold (``cloudformation.TemplateError``).
"""

from __future__ import annotations

import argparse
import sys

from customer_profiles_typed.cloudformation import TemplateError, dumps_template

from ._exit_codes import EXIT_OK, EXIT_PROBLEMS, UsageError
from ._load import FileReport, Loaded, load
from ._render import plural, print_line, print_load

__all__ = ["EXPORT_FORMATS", "run_export"]

EXPORT_FORMATS = ("cloudformation",)
"""The ``--format`` choices: what the specs are exported as."""


def _refused(loaded: Loaded, args: argparse.Namespace, what: str) -> int:
    """Report the problems of ``loaded`` the way ``validate`` does; the exit code."""
    print_load(loaded, args.output, command="export")
    if args.output == "text":
        print_line(
            f"error: {plural(len(loaded.problems), 'problem')} {what}: no template was written",
            err=True,
        )
    return EXIT_PROBLEMS


def _template_problems(error: TemplateError) -> Loaded:
    """A ``TemplateError`` as ``load`` reports problems: grouped by file, in order."""
    files: dict[str, FileReport] = {}
    for problem in error.problems:
        report = files.setdefault(problem.file, FileReport(problem.file, 0, [], []))
        report.problems.append(problem)
    return Loaded([], list(error.problems), list(files.values()))


def run_export(args: argparse.Namespace) -> int:
    """``export``: write the specs as a template (``--output-format`` yaml or json) on stdout."""
    loaded = load(args.files, args.skip_rule)
    if loaded.problems:
        return _refused(loaded, args, "in the spec files")
    print_load(loaded, args.output, command="export")  # the warnings, on stderr
    try:
        text = dumps_template(loaded.specs, description=args.description, format=args.output_format)
    except TemplateError as error:
        return _refused(_template_problems(error), args, "for a CloudFormation template")
    except ImportError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(text)
    return EXIT_OK
