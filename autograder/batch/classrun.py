"""A class run from submissions to files: each student's, grades.csv, the LMS ids, similarity, the report, the gradebook.

`autograder grade` on a folder or a .zip is this; `autograder bench` writes students' files
the same way. It imports Dask, distributed and nbgrader (about 2 s), which is why a command
that grades one notebook imports this module only when it grades a class.
"""

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from autograder.atomic import remove_unfinished, write_text
from autograder.batch.discover import find_submissions
from autograder.batch.execute import INSTRUCTOR_FILE, RESULTS_FILE, already_graded, grade_class
from autograder.batch.similarity_files import class_similarity
from autograder.course import Assignment
from autograder.grading import Graded
from autograder.lms.ids import LMS_IDS_FILE, write_lms_ids
from autograder.reporting.class_report import class_report_html
from autograder.reporting.feedback import feedback_html
from autograder.reporting.grades_csv import write_grades_csv
from autograder.reporting.results import DEFAULT_HIDDEN_VISIBILITY, GRADER_ERROR, status_of, write_json
from autograder.sandbox.policy import Policy

GRADER_ERROR_LOG = "grader-error.log"
OUTPUTS = (
    f"grades.csv, {LMS_IDS_FILE}, report.html, similarity.csv, similarity_groups.csv,"
    f" <student>/{RESULTS_FILE}, {INSTRUCTOR_FILE}, feedback.html"
)
"""What a class run writes into its folder."""


@dataclass(frozen=True)
class ClassGraded:
    """A finished class run: each student's instructor's results, and those the grader failed on."""

    rows: dict[str, dict]
    grader_errors: list[str]


class Interrupted(Exception):
    """Ctrl-C during the gradings: `graded` of `total` students have their results, and a rerun grades the rest."""

    def __init__(self, graded: int, total: int) -> None:
        super().__init__(f"{graded} of {total} submissions are graded")
        self.graded, self.total = graded, total


def write_student(out: Path, assignment: str, hidden_visibility: str, student: str, graded: Graded) -> None:
    """A student's files in `out`; results.json last, since its presence marks the student as graded."""
    folder = out / student
    if graded.faults:
        write_text("\n\n".join(graded.faults) + "\n", folder / GRADER_ERROR_LOG)
    else:
        (folder / GRADER_ERROR_LOG).unlink(missing_ok=True)
    write_json(graded.instructor_results(hidden_visibility), folder / INSTRUCTOR_FILE)
    results = graded.results(hidden_visibility)
    write_text(feedback_html(student, assignment, results), folder / "feedback.html")
    write_json(results, folder / RESULTS_FILE)


def grade_folder(
    path: Path,
    assignment: Assignment,
    out: Path,
    unpacked: Path,
    *,
    policy: Policy,
    workers: int,
    scheduler: str | None = None,
    force: bool = False,
    hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY,
    gradebook: Path | None = None,
) -> ClassGraded:
    """Grade the class in `path` (a folder, or a .zip unpacked into `unpacked`) into `out`.

    Raises DiscoveryError when `path` holds no class, NotReady when the machine cannot grade
    (nothing is graded then), and Interrupted after Ctrl-C. A grader error is not recorded
    in the gradebook: a rerun grades that student again.
    """
    submissions = find_submissions(path, assignment.name, unpacked)
    if out.exists():
        remove_unfinished(out)
    try:
        rows = grade_class(
            submissions,
            assignment.name,
            out,
            partial(write_student, out, assignment.name, hidden_visibility),
            workers=workers,
            policy=policy,
            scheduler=scheduler,
            force=force,
            hidden_visibility=hidden_visibility,
        )
    except KeyboardInterrupt:
        graded = sum(already_graded(out, s.student) is not None for s in submissions)
        raise Interrupted(graded, len(submissions)) from None
    write_grades_csv(rows, out / "grades.csv")
    write_lms_ids({s.student: s.lms for s in submissions}, out / LMS_IDS_FILE)
    similarity = class_similarity(submissions, assignment.name, out)
    write_text(class_report_html(assignment.name, rows, similarity), out / "report.html")
    errors = sorted(student for student, results in rows.items() if status_of(results) == GRADER_ERROR)
    if gradebook:
        from autograder.batch.gradebook import record_scores  # nbgrader: a second of every class run's start

        record_scores(gradebook, assignment, {s: r for s, r in rows.items() if s not in errors})
    return ClassGraded(rows, errors)
