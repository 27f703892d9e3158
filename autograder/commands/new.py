"""`autograder new NAME --functions f,g,...`: scaffold a working assignment at its own paths.

It writes source/NAME/NAME.ipynb (a solution cell and a test cell per function),
autograder/assignments/NAME/ (the declaration, a check module per function with one real
check, an empty mutants file) and docs/assignments/NAME.md, then syncs (release/NAME/,
solutions/NAME.py, the points). docs/authoring.md goes on from there.
"""

import argparse
import shutil
import sys

from autograder.authoring.scaffold import own_paths, scaffold
from autograder.authoring.sync import sync
from autograder.commands import keywords
from autograder.course import AssignmentError, course_root, get


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("new", help=summary, description=__doc__)
    parser.add_argument("name", help="the assignment's name: a lowercase Python identifier")
    parser.add_argument(
        "--functions", type=comma_separated, required=True, help="the graded functions, comma-separated: f,g,h"
    )
    parser.set_defaults(run=run)


def comma_separated(text: str) -> list[str]:
    """The names in "f, g,h": ["f", "g", "h"]."""
    return [function.strip() for function in text.split(",") if function.strip()]


def run(args: argparse.Namespace) -> int:
    """The command line's call of new()."""
    return new(**keywords(args))


def new(name: str, *, functions: list[str]) -> int:
    """Scaffold the assignment `name` with these graded functions, then sync it; nothing is kept if that fails.

    The options are the command line's (`autograder new --help`); the exit code is the command's.
    """
    root = course_root()
    try:
        written = scaffold(root, name, list(functions))
    except AssignmentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        written += sync(get(name, root))
    except (AssignmentError, KeyError) as error:
        for path in own_paths(root, name):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        print(f"error: the new assignment could not be synced, so nothing was kept: {error}", file=sys.stderr)
        return 1
    for path in sorted(set(written)):
        print(f"wrote {path.relative_to(root)}")
    print(
        f"Next: write the reference solutions in source/{name}/{name}.ipynb and the checks in"
        f" autograder/assignments/{name}/checks/, then `autograder sync {name}` and"
        f" `autograder check-assignments --assignment {name}` (docs/authoring.md)."
    )
    return 0
