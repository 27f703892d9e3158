"""`autograder check-mutants NAME`: grade an assignment's mutants and other correct answers, and say whether the checks hold.

Each mutant (the reference with one bug, listed in the assignment's mutants.py) must lose points
of its own function only and fail the checks MUST_FAIL names for it; each other correct answer
must earn full marks. They are graded in bundles, as the test suite grades them, in the sandbox
as students are (autograder/authoring/mutants.py says how they are built and judged).
"""

import argparse
import sys
from collections.abc import Callable

import nbformat

from autograder.authoring.mutants import StaleChange, Verdict, judge, mutants_of, mutated
from autograder.commands import keywords
from autograder.course import get, names
from autograder.grading import grade_content
from autograder.preflight import NotReady, prepare
from autograder.reporting.results import GRADER_ERROR
from autograder.sandbox.policy import DEFAULT_POLICY, Policy

SHOWN = {
    ("mutant", True): "caught",
    ("mutant", False): "MISSED",
    ("variant", True): "accepted",
    ("variant", False): "REFUSED",
}


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("check-mutants", help=summary, description=__doc__)
    parser.add_argument("name", metavar="NAME", choices=names(), help="the assignment")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of report_mutants()."""
    return report_mutants(**keywords(args))


def report_mutants(name: str) -> int:
    """check_mutants(name), printed: each bundle as it is graded, then each verdict and the totals.

    The command's output and exit code (0: the checks hold; 1: not; 2: a change is stale, or this machine cannot
    grade); check_mutants() is the same check for Python, its verdicts returned.
    """
    try:
        verdicts = check_mutants(name, progress=lambda line: print(line, flush=True))
    except (StaleChange, NotReady) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for verdict in verdicts:
        label = SHOWN[verdict.kind, verdict.holds]
        print(f"{label:<9}{verdict.name} ({verdict.function}, in {verdict.bundle}): {verdict.why}")
    mutants = [v for v in verdicts if v.kind == "mutant"]
    variants = [v for v in verdicts if v.kind == "variant"]
    print(
        f"{name}: {sum(v.holds for v in mutants)} of {len(mutants)} mutants caught,"
        f" {sum(v.holds for v in variants)} of {len(variants)} other correct answers at full marks"
    )
    return 0 if all(v.holds for v in verdicts) else 1


def check_mutants(
    name: str, *, policy: Policy = DEFAULT_POLICY, progress: Callable[[str], object] = lambda line: None
) -> list[Verdict]:
    """Grade each bundle of the assignment's mutants.py and judge each mutant and other correct answer.

    Raises StaleChange when a change no longer applies to the reference, NotReady when this machine
    cannot grade. A bundle the grader could not grade judges its cases as not holding, with its faults.
    """
    assignment = get(name)
    listed = mutants_of(assignment)
    source = assignment.source()
    bundles = listed.bundles()
    notebooks = {bundle: mutated(source, *changes) for bundle, changes in bundles.items()}
    prepare(assignment, policy)
    results = {}
    for bundle, notebook in notebooks.items():
        progress(f"grading {bundle} ({', '.join(change.name for change in bundles[bundle])}) ...")
        graded = grade_content(nbformat.writes(notebook).encode(), f"{bundle}.ipynb", assignment, policy)
        results[bundle] = graded.instructor_results()
        if graded.status == GRADER_ERROR:
            progress(f"  grader error: {'; '.join(graded.faults)}")
    return judge(listed, results)
