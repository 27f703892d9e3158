"""`autograder grade PATH --assignment NAME`: grade one notebook, or a whole class.

PATH is one .ipynb (prints a table; --results writes its results.json and the
instructor's copy beside it), or a folder (nbgrader's submitted/ layout or loose
notebooks) or an LMS .zip, graded in parallel into --out: <student>/results.json,
results.instructor.json and feedback.html, grades.csv and report.html, and the class's
similar solutions (similarity.csv, similarity_groups.csv, a section of report.html).

results.json and feedback.html are for the student: a hidden check (every check but
a function's notebook examples) shows what the student's function returned, never the
value it expected, and nothing about the grader's machine. The instructor's copy and
report.html have everything. A submission graded without the sandbox is warned about
on stderr and in report.html.

The exit code is 1 if the grader failed on any submission (its status is "grader error",
why is in <student>/grader-error.log; a rerun grades it again), 130 after Ctrl-C (a rerun
grades the rest).
"""

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from autograder.batch import available_cores
from autograder.batch.discover import DiscoveryError
from autograder.commands import keywords
from autograder.course import Assignment, get, names
from autograder.grading import grade_notebook
from autograder.preflight import NotReady, prepare, unconfined_reason
from autograder.reporting.results import (
    DEFAULT_HIDDEN_VISIBILITY,
    GRADER_ERROR,
    HIDDEN_VISIBILITIES,
    instructor_path,
    warn_if_unconfined,
    write_json,
)
from autograder.reporting.table import format_table
from autograder.sandbox.policy import GIB, ISOLATION_MODES, Policy
from autograder.scratch import Scratch


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("grade", help=summary, description=__doc__)
    parser.add_argument("path", type=Path, help="a submitted .ipynb, a folder of submissions, or a .zip of them")
    parser.add_argument("--assignment", required=True, choices=names())
    parser.add_argument(
        "--results",
        type=Path,
        help="one notebook: write its results.json here, and the instructor's copy beside it (NAME.instructor.json)",
    )
    parser.add_argument(
        "--out", type=Path, help="a class: the folder for per-student results, grades.csv and report.html"
    )
    parser.add_argument(
        "--workers", type=int, default=available_cores(), help="local worker processes (default: the cores available)"
    )
    parser.add_argument("--scheduler", help="grade on an existing Dask cluster, e.g. tcp://host:8786")
    parser.add_argument("--force", action="store_true", help="grade again students that already have results in --out")
    parser.add_argument("--gradebook", type=Path, help="also record the scores in this nbgrader gradebook.db")
    parser.add_argument(
        "--hidden-visibility",
        choices=HIDDEN_VISIBILITIES,
        default=DEFAULT_HIDDEN_VISIBILITY,
        help="when Gradescope shows students the hidden checks (name, score, what their function returned; never the"
        " expected value): visible, at once (default); after_published, once the grades are published",
    )
    add_policy_arguments(parser)
    parser.set_defaults(run=run)


LIMITS = (
    # option, the Policy field it sets, the field's unit in the option's (GiB, KiB), the option's type, its metavar,
    # what it limits
    ("--time-limit", "submission_seconds", 1, float, "SECONDS", "the whole submission"),
    ("--call-time-limit", "call_seconds", 1, float, "SECONDS", "each call of a student's function by a check"),
    ("--cell-time-limit", "cell_seconds", 1, float, "SECONDS", "each notebook cell"),
    (
        "--memory-limit",
        "memory_bytes",
        GIB,
        float,
        "GIB",
        "the student's processes together, and what they write to the sandbox's tmpfs",
    ),
    (
        "--process-limit",
        "processes",
        1,
        int,
        "N",
        "processes and threads of the student's kernel together, where cgroups exist",
    ),
    (
        "--cpu-limit",
        "cpus",
        1,
        float,
        "CPUS",
        "CPU time per second of the student's processes together, where cgroups exist",
    ),
    ("--output-limit", "output_bytes", 1024, int, "KIB", "printed output kept"),
)
"""The limits per submission that the command line sets (sandbox/policy.py has the defaults and why)."""


def _dest(option: str) -> str:
    return option.removeprefix("--").replace("-", "_")


def add_policy_arguments(parser: argparse.ArgumentParser) -> None:
    """The limits each submission is graded under, in the options' units (GiB of memory, KiB of output)."""
    default = Policy()
    limits = parser.add_argument_group("limits per submission")
    for option, field, unit, kind, metavar, limited in LIMITS:
        limits.add_argument(
            option,
            type=kind,
            default=kind(getattr(default, field) / unit),
            metavar=metavar,
            help=f"{limited} (default: %(default)g)",
        )
    limits.add_argument(
        "--sandbox",
        choices=ISOLATION_MODES,
        default=default.isolation,
        help="bubblewrap: required; none: off; auto (default): bubblewrap where it works, and for one notebook"
        " only, without it where bubblewrap cannot run (a class needs --sandbox none for that)",
    )
    limits.add_argument(
        "--no-training-reuse",
        dest="reuse_trainings",
        action="store_false",
        help="in a class run, train every student's model, even one whose training would repeat the reference's to"
        " the byte (one notebook is always graded without training reuse: it would only add the reference's kernel)",
    )


POLICY_OPTIONS = (*(_dest(option) for option, *_ in LIMITS), "sandbox", "reuse_trainings")
"""The options that grade() takes together, as one Policy."""


def policy_from(args: argparse.Namespace) -> Policy:
    """The policy the command line asks for, in the Policy's units."""
    default = Policy()
    limits = {
        field: type(getattr(default, field))(getattr(args, _dest(option)) * unit) for option, field, unit, *_ in LIMITS
    }
    return Policy(**limits, isolation=args.sandbox, reuse_trainings=args.reuse_trainings)


def confined(policy: Policy, many: bool) -> Policy:
    """The policy to grade with; a class (`many`) is graded without the sandbox only if the instructor said so."""
    try:
        problem = unconfined_reason(policy)
    except NotReady as error:
        raise SystemExit(f"error: {error}") from None
    if many and policy.isolation == "auto":  # each worker of a cluster checks its own machine against this
        policy = replace(policy, isolation="bubblewrap")
    if problem and many:
        raise SystemExit(
            f"error: nothing was graded: bubblewrap cannot run here ({problem}), so the class's code would run"
            " unconfined, able to read what the grader's user can (docs/security.md, without the sandbox)."
            " Install bubblewrap, or grade with --sandbox none to accept that."
        )
    if problem:
        print(
            f"warning: bubblewrap cannot run here ({problem}): submissions graded here run without the sandbox",
            file=sys.stderr,
        )
    return policy


def run(args: argparse.Namespace) -> int:
    """The command line's call of grade()."""
    return grade(**keywords(args, leave=POLICY_OPTIONS), policy=policy_from(args))


def grade(
    path: Path,
    *,
    assignment: str,
    policy: Policy | None = None,
    results: Path | None = None,
    out: Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    gradebook: Path | None = None,
    hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY,
) -> int:
    """Grade one notebook (`results`: where its results.json goes) or a class (a folder or .zip, into `out`).

    The options are the command line's (`autograder grade --help`); the exit code is the command's.
    """
    path = Path(path)
    many = path.suffix != ".ipynb"
    policy = confined(policy or Policy(), many)
    graded_assignment = get(assignment)
    if not many:
        return grade_one(path, graded_assignment, policy, results, hidden_visibility)
    if out is None:
        raise SystemExit("grading a class needs --out DIR for the results")
    with Scratch("kit-zip-") as unpacked:
        return grade_many(
            path,
            graded_assignment,
            policy,
            unpacked.path,
            Path(out),
            workers=available_cores() if workers is None else workers,
            scheduler=scheduler,
            force=force,
            gradebook=gradebook,
            hidden_visibility=hidden_visibility,
        )


def get_ready(assignment: Assignment, policy: Policy) -> None:
    try:
        prepare(assignment, policy)
    except NotReady as error:
        raise SystemExit(f"error: nothing was graded: {error}") from None


def grade_one(path: Path, assignment: Assignment, policy: Policy, results: Path | None, hidden_visibility: str) -> int:
    get_ready(assignment, policy)
    # One grading per process: training reuse would only add the reference's kernel to it.
    graded = grade_notebook(path, assignment, replace(policy, reuse_trainings=False))
    print(format_table(graded.checks))
    print(*graded.instructor_notes, sep="\n")
    instructor = graded.instructor_results(hidden_visibility)
    if results:
        write_json(instructor, instructor_path(results))
        write_json(graded.results(hidden_visibility), results)
    warn_if_unconfined([instructor])
    if graded.status == GRADER_ERROR:  # why: the grader's faults, the last of the notes printed above
        print(
            f"grader error: the grader failed on {path.name} (not the submission's fault); above is why.",
            file=sys.stderr,
        )
        return 1
    return 0


def grade_many(path: Path, assignment: Assignment, policy: Policy, unpacked: Path, out: Path, **options: object) -> int:
    """A class; `options` are classrun.grade_folder's."""
    from autograder.batch import classrun  # Dask and nbgrader: imported for a class only (classrun.py says why)

    try:
        graded = classrun.grade_folder(path, assignment, out, unpacked, policy=policy, **options)
    except DiscoveryError as error:
        raise SystemExit(f"error: {error}") from None
    except NotReady as error:
        raise SystemExit(f"error: nothing was graded: {error}") from None
    except classrun.Interrupted as interrupted:
        print(
            f"interrupted: {interrupted.graded} of {interrupted.total} submissions are graded in {out};"
            " run the same command again to grade the rest"
        )
        return 130
    print(f"graded {len(graded.rows)} submissions into {out} ({classrun.OUTPUTS})")
    warn_if_unconfined(graded.rows.values())
    if errors := graded.grader_errors:
        print(
            f"grader errors: the grader failed on {len(errors)} submissions, not by their fault: {', '.join(errors)}."
            f" Why: {out}/<student>/{classrun.GRADER_ERROR_LOG}. Once it is fixed, the same command grades them"
            " again.",
            file=sys.stderr,
        )
        return 1
    return 0
