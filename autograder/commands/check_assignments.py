"""`autograder check-assignments`: sync every assignment, grade its reference and its blank stub.

The kit's promise in one command: each assignment's derived files (the student notebook,
the reference, the points) are written anew from the instructor's notebook and the checks,
the instructor's solutions earn full marks, and a blank submission earns zero without
breaking the grader.
"""

import argparse

from autograder.authoring.sync import sync
from autograder.commands import keywords
from autograder.course import AssignmentError, discover, names
from autograder.grading import grade_notebook
from autograder.preflight import NotReady, prepare
from autograder.reporting.results import GRADER_ERROR, warn_if_unconfined
from autograder.reporting.table import format_table
from autograder.sandbox.policy import DEFAULT_POLICY


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("check-assignments", help=summary, description=__doc__)
    parser.add_argument("--assignment", action="append", choices=names(), help="only these (default: all)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of check_assignments()."""
    return check_assignments(**keywords(args))


def check_assignments(*, assignment: list[str] | None = None) -> int:
    """Sync each assignment named (default: all), then grade its reference (full marks?) and blank stub (zero?).

    The options are the command line's (`autograder check-assignments --help`); the exit code is the command's.
    """
    ok = True
    assignments = discover()
    graded_here = []
    for name in assignment or sorted(assignments):
        checked = assignments[name]
        try:
            written = sync(checked)
        except AssignmentError as error:
            print(f"\n{name}: not graded, its files do not fit together: {error}")
            ok = False
            continue
        for path in written:
            print(f"{name}: wrote {path.relative_to(checked.root)} (it was out of date)")
        print(f"released {checked.release_notebook.relative_to(checked.root)}")
        try:
            prepare(checked, DEFAULT_POLICY)
        except NotReady as error:
            raise SystemExit(f"error: {error}") from None
        for label, notebook, wanted in (
            ("reference", checked.source_notebook, "full"),
            ("blank stub", checked.release_notebook, "zero"),
        ):
            graded = grade_notebook(notebook, checked)
            graded_here.append(graded.instructor_results())
            good = graded.status != GRADER_ERROR and graded.score == (graded.max_score if wanted == "full" else 0)
            ok &= good
            verdict = "as expected" if good else f"expected {wanted} marks"
            if graded.status == GRADER_ERROR:
                verdict = "grader error:\n" + "\n".join(graded.faults)
            print(f"\n{name}, {label}: {graded.score:g} / {graded.max_score:g} ({verdict})")
            print(format_table(graded.checks))
    warn_if_unconfined(graded_here)
    return 0 if ok else 1
