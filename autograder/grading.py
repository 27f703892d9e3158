"""Grade one submitted notebook: run it in a confined kernel, then run the checks against it."""

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.course import Assignment
from autograder.engine.outcome import CheckResult, max_total, total
from autograder.engine.run import run_checks
from autograder.notebook.cells import nbgrader_meta, runnable_cells
from autograder.notebook.reading import NotebookError, read_notebook
from autograder.notebook.structure import structure_notes
from autograder.reporting.results import DEFAULT_HIDDEN_VISIBILITY, gradescope_results, instructor_results
from autograder.sandbox.isolation import Confinement, IsolationError
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import DEFAULT_POLICY, Policy
from autograder.sandbox.student import Student, StudentError


@dataclass(frozen=True)
class Graded:
    """One submission's verdicts, and what the grader has to say about how it ran."""

    checks: list[CheckResult]
    notes: list[str] = field(default_factory=list)
    """About the submission (output cut, restarts, repaired or edited cells): for the student and the instructor."""
    grader_notes: list[str] = field(default_factory=list)
    """About the grader itself (its errors, which may name its files): for the instructor only."""
    sandbox: Confinement | None = None
    """How the submission's process was confined (for the instructor only); None if no process was started."""

    @property
    def score(self) -> float:
        return total(self.checks)

    @property
    def max_score(self) -> float:
        return max_total(self.checks)

    def results(self, hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY) -> dict:
        """results.json, what the student sees."""
        return gradescope_results(self.checks, self.notes, hidden_visibility)

    @property
    def instructor_notes(self) -> list[str]:
        """Every note: the submission's, then the grader's (the sandbox first)."""
        return [*self.notes, *([self.sandbox.note] if self.sandbox else []), *self.grader_notes]

    def instructor_results(self, hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY) -> dict:
        """The instructor's copy: every message whole, every note, how the submission was confined."""
        record = self.sandbox.record() if self.sandbox else None
        return instructor_results(self.checks, self.instructor_notes, record, hidden_visibility)


class UnavailableStudent(Student):
    """A submission that could not be run: every check fails with the same reason."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        raise StudentError("unavailable", self.reason)


def not_graded(
    assignment: Assignment,
    reason: str,
    notes: list[str] | None = None,
    grader_notes: list[str] | None = None,
    sandbox: Confinement | None = None,
) -> Graded:
    """Every check failed for `reason`: the row of a submission that could not be run at all."""
    checks = run_checks(assignment, UnavailableStudent(f"Not graded: {reason}"))
    return Graded(checks, notes or [], grader_notes or [], sandbox)


def grader_failed(
    assignment: Assignment,
    what: str,
    error: BaseException,
    notes: list[str] | None = None,
    grader_notes: list[str] | None = None,
    sandbox: Confinement | None = None,
) -> Graded:
    """The row of a submission the grader itself failed on: the student reads what failed, the instructor also why."""
    why = f"The grader failed: {what} ({type(error).__name__}: {error})"
    return not_graded(
        assignment, f"{what}; your instructor has the details", notes, [why, *(grader_notes or [])], sandbox
    )


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
        notebook, repairs = read_notebook(path)
    except NotebookError as error:
        return not_graded(assignment, str(error))
    notes = [*repairs, *structure_notes(notebook, assignment.source(), assignment.name)]
    cells = runnable_cells(notebook)
    student = KernelStudent(cells, policy, given_cells(cells, assignment.source()))
    try:
        with student:
            checks = run_checks(assignment, student)
    except IsolationError:
        raise  # the machine, not the submission: every submission would fail alike
    except StudentError as error:  # the kernel was lost while running the notebook's cells
        return not_graded(assignment, str(error), student.notes + notes, student.grader_notes, student.sandbox)
    except Exception as error:  # the kernel could not start or be reached: this row says so, the class goes on
        what = "the student's process could not be run"
        return grader_failed(assignment, what, error, student.notes + notes, student.grader_notes, student.sandbox)
    return Graded(checks, student.notes + notes, student.grader_notes, student.sandbox)
