"""`autograder sync NAME`: write an assignment's derived files from its source notebook and its checks.

Derived: each test cell's points and hidden score(...) lines, solutions/NAME.py, and
release/NAME/ (nbgrader generate_assignment). With --check nothing is written: the exit
code is 1 and the out-of-date files are listed (the tests and CI use this).
"""

import argparse
import sys

from autograder.authoring.sync import sync as sync_assignment
from autograder.commands import keywords
from autograder.course import AssignmentError, discover


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("sync", help=summary)
    parser.add_argument("assignment", nargs="+", help="the assignments to sync")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a derived file is out of date")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of sync()."""
    return sync(**keywords(args))


def sync(assignment: list[str], *, check: bool = False) -> int:
    """Write the derived files of each assignment named; with `check`, write nothing and say which are out of date.

    The options are the command line's (`autograder sync --help`); the exit code is the command's.
    """
    assignments = discover()
    unknown = [name for name in assignment if name not in assignments]
    if unknown:
        print(f"error: no assignment {', '.join(unknown)}; the course has {', '.join(assignments)}", file=sys.stderr)
        return 2
    out_of_date = False
    for name in assignment:
        synced = assignments[name]
        try:
            stale = sync_assignment(synced, check=check)
        except AssignmentError as error:
            print(f"error: {name}: {error}", file=sys.stderr)
            return 2
        for path in stale:
            print(f"{'out of date' if check else 'wrote'}: {path.relative_to(synced.root)}")
        if not stale:
            print(f"{name}: every derived file is up to date")
        out_of_date |= bool(stale)
    if check and out_of_date:
        print(f"run `autograder sync {' '.join(assignment)}` to write them", file=sys.stderr)
        return 1
    return 0
