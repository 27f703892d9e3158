"""`autograder check-assignments`: release every assignment, grade its reference and its blank stub.

The kit's promise in one command: each student notebook is regenerated from the
instructor's notebook, the instructor's solutions earn full marks, and a blank
submission earns zero without breaking the grader.
"""

import argparse

from autograder import assignments
from autograder.assignments import KIT_ROOT, Assignment
from autograder.grading import grade_notebook
from autograder.nbgrader_cli import run_nbgrader
from autograder.preflight import NotReady, prepare
from autograder.reporting.results import GRADER_ERROR
from autograder.reporting.table import format_table
from autograder.sandbox.policy import DEFAULT_POLICY


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check-assignments", help="release, then grade each reference and blank stub", description=__doc__
    )
    parser.add_argument(
        "--assignment", action="append", choices=sorted(assignments.ASSIGNMENTS), help="only these (default: all)"
    )
    parser.set_defaults(run=run)


def release(assignment: Assignment) -> None:
    """Regenerate release/<name>/ from source/<name>/ with nbgrader, as an instructor would."""
    done = run_nbgrader("generate_assignment", assignment.name, "--force", cwd=KIT_ROOT)
    if done.returncode:
        raise SystemExit(f"nbgrader generate_assignment {assignment.name} failed:\n{done.stdout}{done.stderr}")


def run(args: argparse.Namespace) -> int:
    ok = True
    for name in args.assignment or sorted(assignments.ASSIGNMENTS):
        assignment = assignments.get(name)
        release(assignment)
        print(f"released {assignment.release_notebook.relative_to(KIT_ROOT)}")
        try:
            prepare(assignment, DEFAULT_POLICY)
        except NotReady as error:
            raise SystemExit(f"error: {error}") from None
        for label, notebook, wanted in (
            ("reference", assignment.source_notebook, "full"),
            ("blank stub", assignment.release_notebook, "zero"),
        ):
            graded = grade_notebook(notebook, assignment)
            good = graded.status != GRADER_ERROR and graded.score == (graded.max_score if wanted == "full" else 0)
            ok &= good
            verdict = "as expected" if good else f"expected {wanted} marks"
            if graded.status == GRADER_ERROR:
                verdict = "grader error:\n" + "\n".join(graded.faults)
            print(f"\n{name}, {label}: {graded.score:g} / {graded.max_score:g} ({verdict})")
            print(format_table(graded.checks))
    return 0 if ok else 1
