"""`autograder grade PATH --assignment NAME`: grade one notebook, or a whole class.

PATH is one .ipynb (prints a table; --results writes its results.json), or a folder
(nbgrader's submitted/ layout or loose notebooks) or an LMS .zip, graded in parallel
into --out: <student>/results.json and feedback.html, grades.csv and report.html.

The exit code is 1 if the grader failed on any submission (its status is "grader error",
why is in <student>/grader-error.log; a rerun grades it again), 130 after Ctrl-C (a rerun
grades the rest).
"""

import argparse
import os
import sys
from pathlib import Path

from autograder import assignments
from autograder.assignments import Assignment
from autograder.atomic import remove_unfinished, write_text
from autograder.batch.discover import DiscoveryError, find_submissions
from autograder.batch.execute import RESULTS_FILE, already_graded, grade_class
from autograder.batch.gradebook import record_scores
from autograder.grading import Graded, grade_notebook
from autograder.preflight import NotReady, prepare
from autograder.reporting.class_report import class_report_html
from autograder.reporting.feedback import feedback_html
from autograder.reporting.grades_csv import write_grades_csv
from autograder.reporting.results import GRADER_ERROR, status_of, write_json
from autograder.reporting.table import format_table
from autograder.sandbox.isolation import bubblewrap_problem
from autograder.sandbox.policy import GIB, ISOLATION_MODES, Policy
from autograder.scratch import Scratch

GRADER_ERROR_LOG = "grader-error.log"


def available_cores() -> int:
    return len(os.sched_getaffinity(0))


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("grade", help="grade one notebook or a whole class", description=__doc__)
    parser.add_argument("path", type=Path, help="a submitted .ipynb, a folder of submissions, or a .zip of them")
    parser.add_argument("--assignment", required=True, choices=sorted(assignments.ASSIGNMENTS))
    parser.add_argument("--results", type=Path, help="one notebook: write its results.json here")
    parser.add_argument(
        "--out", type=Path, help="a class: the folder for per-student results, grades.csv and report.html"
    )
    parser.add_argument(
        "--workers", type=int, default=available_cores(), help="local worker processes (default: the cores available)"
    )
    parser.add_argument("--scheduler", help="grade on an existing Dask cluster, e.g. tcp://host:8786")
    parser.add_argument("--force", action="store_true", help="grade again students that already have results in --out")
    parser.add_argument("--gradebook", type=Path, help="also record the scores in this nbgrader gradebook.db")
    add_policy_arguments(parser)
    parser.set_defaults(run=run)


def add_policy_arguments(parser: argparse.ArgumentParser) -> None:
    """The limits each submission is graded under (sandbox/policy.py has the defaults and why)."""
    default = Policy()
    limits = parser.add_argument_group("limits per submission")
    limits.add_argument(
        "--time-limit",
        type=float,
        default=default.submission_seconds,
        metavar="SECONDS",
        help="the whole submission (default: %(default)g)",
    )
    limits.add_argument(
        "--call-time-limit",
        type=float,
        default=default.call_seconds,
        metavar="SECONDS",
        help="each call of a student's function by a check (default: %(default)g)",
    )
    limits.add_argument(
        "--cell-time-limit",
        type=float,
        default=default.cell_seconds,
        metavar="SECONDS",
        help="each notebook cell (default: %(default)g)",
    )
    limits.add_argument(
        "--memory-limit",
        type=float,
        default=default.memory_bytes / GIB,
        metavar="GIB",
        help="the student's processes together (default: %(default)g)",
    )
    limits.add_argument(
        "--output-limit",
        type=int,
        default=default.output_bytes // 1024,
        metavar="KIB",
        help="printed output kept (default: %(default)d)",
    )
    limits.add_argument(
        "--sandbox",
        choices=ISOLATION_MODES,
        default=default.isolation,
        help="bubblewrap: required; none: off; auto (default): bubblewrap where it works",
    )


def policy_from(args: argparse.Namespace) -> Policy:
    policy = Policy(
        cell_seconds=args.cell_time_limit,
        call_seconds=args.call_time_limit,
        submission_seconds=args.time_limit,
        memory_bytes=int(args.memory_limit * GIB),
        output_bytes=args.output_limit * 1024,
        isolation=args.sandbox,
    )
    if policy.isolation == "bubblewrap" and (problem := bubblewrap_problem()):
        raise SystemExit(f"error: --sandbox bubblewrap was asked for, but {problem}")
    return policy


def run(args: argparse.Namespace) -> int:
    policy = policy_from(args)
    assignment = assignments.get(args.assignment)
    if args.path.suffix == ".ipynb":
        return grade_one(args, assignment, policy)
    if args.out is None:
        raise SystemExit("grading a class needs --out DIR for the results")
    with Scratch("kit-zip-") as unpacked:
        return grade_many(args, assignment, policy, unpacked.path)


def get_ready(assignment: Assignment, policy: Policy) -> None:
    try:
        prepare(assignment, policy)
    except NotReady as error:
        raise SystemExit(f"error: nothing was graded: {error}") from None


def grade_one(args: argparse.Namespace, assignment: Assignment, policy: Policy) -> int:
    get_ready(assignment, policy)
    graded = grade_notebook(args.path, assignment, policy)
    print(format_table(graded.checks))
    print(*graded.notes, sep="\n")
    if args.results:
        write_json(graded.results(), args.results)
    if graded.status == GRADER_ERROR:
        print("\n\n".join(graded.faults), file=sys.stderr)
        print(
            f"grader error: the grader failed on {args.path.name} (not the submission's fault); above is why.",
            file=sys.stderr,
        )
        return 1
    return 0


def write_student(out: Path, student: str, assignment: str, graded: Graded) -> None:
    """A student's files; results.json last, since its presence marks the student as graded."""
    folder = out / student
    results = graded.results()
    if graded.faults:
        write_text("\n\n".join(graded.faults) + "\n", folder / GRADER_ERROR_LOG)
    else:
        (folder / GRADER_ERROR_LOG).unlink(missing_ok=True)
    write_text(feedback_html(student, assignment, results), folder / "feedback.html")
    write_json(results, folder / RESULTS_FILE)


def grade_many(args: argparse.Namespace, assignment: Assignment, policy: Policy, unpacked: Path) -> int:
    try:
        submissions = find_submissions(args.path, args.assignment, unpacked)
    except DiscoveryError as error:
        raise SystemExit(f"error: {error}") from None
    if args.out.exists():
        remove_unfinished(args.out)
    try:
        rows = grade_class(
            submissions,
            args.assignment,
            args.out,
            lambda student, graded: write_student(args.out, student, args.assignment, graded),
            workers=args.workers,
            policy=policy,
            scheduler=args.scheduler,
            force=args.force,
        )
    except NotReady as error:
        raise SystemExit(f"error: nothing was graded: {error}") from None
    except KeyboardInterrupt:
        graded = sum(already_graded(args.out, s.student) is not None for s in submissions)
        print(
            f"interrupted: {graded} of {len(submissions)} submissions are graded in {args.out};"
            " run the same command again to grade the rest"
        )
        return 130
    write_grades_csv(rows, args.out / "grades.csv")
    write_text(class_report_html(args.assignment, rows), args.out / "report.html")
    errors = sorted(student for student, results in rows.items() if status_of(results) == GRADER_ERROR)
    if args.gradebook:
        record_scores(args.gradebook, assignment, {s: r for s, r in rows.items() if s not in errors})
    print(
        f"graded {len(rows)} submissions into {args.out} (grades.csv, report.html, <student>/results.json, feedback.html)"
    )
    if errors:
        print(
            f"grader errors: the grader failed on {len(errors)} submissions, not by their fault: {', '.join(errors)}."
            f" Why: {args.out}/<student>/{GRADER_ERROR_LOG}. Once it is fixed, the same command grades them again.",
            file=sys.stderr,
        )
        return 1
    return 0
