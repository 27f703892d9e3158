"""Grade one submitted notebook: run it in a confined kernel, then run the checks against it.

Every grading ends in one of three statuses. "graded": the checks' verdicts. "not graded":
the submission could not be run (not a notebook, its cells killed its process); every
check fails with the reason, and that is final. "grader error": the kit's own code or the
grader's machine failed (a check module that does not import, missing data, a kernel that
cannot start); the score is not final, the traceback goes to the instructor's log, never
to the student, and a rerun grades the submission again.
"""

import traceback
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.course import Assignment
from autograder.notebook.cells import nbgrader_meta, runnable_cells
from autograder.notebook.reading import NotebookError, read_bytes, read_notebook
from autograder.notebook.roles import restore_roles
from autograder.notebook.structure import structure_notes
from autograder.reporting.results import (
    DEFAULT_HIDDEN_VISIBILITY,
    GRADED,
    GRADER_ERROR,
    NOT_GRADED,
    gradescope_results,
    instructor_results,
)
from autograder.reuse.trainings import ReferenceTrainings, ReusingStudent
from autograder.runner.outcome import CheckResult, max_total, total
from autograder.runner.run import run_checks
from autograder.sandbox.isolation import Confinement
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import DEFAULT_POLICY, Policy
from autograder.sandbox.student import Student, StudentError

GRADER_ERROR_NOTE = (
    "The grader failed while grading this submission (a fault of the grader, not of the submission):"
    " this score is not final, and the submission will be graded again."
)


@dataclass(frozen=True)
class Graded:
    """One submission's verdicts, what the grader has to say about how it ran, and its status."""

    checks: list[CheckResult]
    notes: list[str] = field(default_factory=list)
    """About the submission (output cut, restarts, repaired or edited cells): for the student and the instructor."""
    status: str = GRADED
    faults: list[str] = field(default_factory=list)
    """The grader's own failures (tracebacks) when the status is "grader error": for the log and the instructor."""
    grader_notes: list[str] = field(default_factory=list)
    """About the grader's side of the run (cells it gave that failed): for the instructor only."""
    sandbox: Confinement | None = None
    """How the submission's process was confined (for the instructor only); None if no process was started."""

    @property
    def score(self) -> float:
        return total(self.checks)

    @property
    def max_score(self) -> float:
        return max_total(self.checks)

    @property
    def _notes(self) -> list[str]:
        return [*self.notes, GRADER_ERROR_NOTE] if self.status == GRADER_ERROR else self.notes

    def results(self, hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY) -> dict:
        """results.json, what the student sees."""
        return gradescope_results(self.checks, self._notes, hidden_visibility, self.status)

    @property
    def instructor_notes(self) -> list[str]:
        """Every note: the submission's, then the grader's (the sandbox first, the grader's faults last)."""
        sandbox = [self.sandbox.note] if self.sandbox else []
        return [*self._notes, *sandbox, *self.grader_notes, *self.faults]

    def instructor_results(self, hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY) -> dict:
        """The instructor's copy: every message whole, every note, how the submission was confined."""
        record = self.sandbox.record() if self.sandbox else None
        return instructor_results(self.checks, self.instructor_notes, record, hidden_visibility, self.status)


class Cancelled(Exception):
    """The grading was called off before it finished; it has no result."""


def _graders_side(student: KernelStudent | None) -> tuple[list[str], Confinement | None]:
    """(grader notes, confinement) of the student's process, for a Graded; none if no process was started."""
    return (student.grader_notes, student.sandbox) if student else ([], None)


def grader_error(detail: str, notes: list[str] | None = None, student: KernelStudent | None = None) -> Graded:
    """The row of a submission the grader failed on before any check gave a verdict."""
    return Graded([], notes or [], GRADER_ERROR, [detail], *_graders_side(student))


class UnavailableStudent(Student):
    """A submission that could not be run: every check fails with the same reason."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        raise StudentError("unavailable", self.reason)


def _verdicts(
    checks: list[CheckResult], notes: list[str], status: str, student: KernelStudent | None = None, told: str = ""
) -> Graded:
    """The checks' results under `status`, or a grader error if the grader failed in any check.

    `told`: what only the instructor is told about the submitted file (NotebookError.detail)."""
    faults = [f"{check.function}: {check.name}\n{check.fault}" for check in checks if check.fault]
    grader_notes, sandbox = _graders_side(student)
    grader_notes = [told, *grader_notes] if told else grader_notes
    return Graded(checks, notes, GRADER_ERROR if faults else status, faults, grader_notes, sandbox)


def not_graded(
    assignment: Assignment,
    reason: str,
    notes: list[str] | None = None,
    student: KernelStudent | None = None,
    told: str = "",
) -> Graded:
    """Every check failed for `reason`: the row of a submission that could not be run at all."""
    try:
        checks = run_checks(assignment, UnavailableStudent(f"Not graded: {reason}"))
    except Exception:
        return grader_error(traceback.format_exc(), notes, student)
    return _verdicts(checks, notes or [], NOT_GRADED, student, told)


def unreadable(assignment: Assignment, error: NotebookError) -> Graded:
    """The row of a submitted file that is not a notebook the kit can read: the reason for all, the detail for the instructor."""
    return not_graded(assignment, str(error), told=error.detail)


def given_cells(cells: list[nbformat.NotebookNode], source: nbformat.NotebookNode) -> frozenset[int]:
    """The indices of the cells the student did not write: the source's own given cells, unchanged."""
    ours = {
        meta["grade_id"]: cell.source
        for cell in source.cells
        if (meta := nbgrader_meta(cell)).get("grade_id") and not meta.get("solution")
    }
    return frozenset(
        index
        for index, cell in enumerate(cells)
        if (grade_id := nbgrader_meta(cell).get("grade_id")) in ours and ours[grade_id] == cell.source
    )


def grade_notebook(path: Path, assignment: Assignment, policy: Policy = DEFAULT_POLICY) -> Graded:
    try:
        content = read_bytes(path)
    except NotebookError as error:
        refused = error
    else:
        return grade_content(content, path.name, assignment, policy)
    return unreadable(assignment, refused)


# not_graded() runs every check, so it is never called while an exception is handled: each failed
# check would chain that exception, whose frames hold the submission's bytes, and pytest would
# print them in full (minutes for a large file) only to throw the text away.


def grade_content(
    content: bytes,
    name: str,
    assignment: Assignment,
    policy: Policy = DEFAULT_POLICY,
    cancelled: Callable[[], bool] | None = None,
) -> Graded:
    """Grade a submitted file's bytes (`name` is the file's).

    Once `cancelled()` is true the student's processes end at once and Cancelled is raised.
    """
    try:
        notebook, repairs = read_notebook(content, name)
    except NotebookError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        return unreadable(assignment, refused)
    notes, student, lost = list(repairs), None, None
    try:
        notes += restore_roles(notebook, assignment.source())
        notes += structure_notes(notebook, assignment.source(), assignment.name)
        cells = runnable_cells(notebook)
        student = KernelStudent(cells, policy, given_cells(cells, assignment.source()), cancelled)
        reuse = ReferenceTrainings(assignment, policy, cancelled) if policy.reuse_trainings else nullcontext()
        with student, reuse as reference:
            checks = run_checks(assignment, ReusingStudent(student, reference) if reference else student)
    except StudentError as error:  # the kernel was lost while running the notebook's cells
        if student.stopped:
            raise Cancelled from None
        lost = str(error)
    except Exception:  # the kit's code or this machine (a check module, bubblewrap, a kernel that cannot start)
        if student is not None and student.stopped:
            raise Cancelled from None
        return grader_error(traceback.format_exc(), (student.notes if student else []) + notes, student)
    if lost is not None:
        return not_graded(assignment, lost, student.notes + notes, student)
    return _verdicts(checks, student.notes + notes, GRADED, student)
