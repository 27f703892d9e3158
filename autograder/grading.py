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
from autograder.reporting.results import gradescope_results
from autograder.sandbox.isolation import IsolationError
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import DEFAULT_POLICY, Policy
from autograder.sandbox.student import Student, StudentError


@dataclass(frozen=True)
class Graded:
    """One submission's verdicts, and what the grader has to say about how it ran."""

    checks: list[CheckResult]
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return total(self.checks)

    @property
    def max_score(self) -> float:
        return max_total(self.checks)

    def results(self) -> dict:
        return gradescope_results(self.checks, self.notes)


class UnavailableStudent(Student):
    """A submission that could not be run: every check fails with the same reason."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        raise StudentError("unavailable", self.reason)


def not_graded(assignment: Assignment, reason: str, notes: list[str] | None = None) -> Graded:
    """Every check failed for `reason`: the row of a submission that could not be run at all."""
    return Graded(run_checks(assignment, UnavailableStudent(f"Not graded: {reason}")), notes or [])


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
        return not_graded(assignment, str(error), student.notes + notes)
    except Exception as error:  # the kernel could not start or be reached: this row says so, the class goes on
        reason = f"the student's process could not be run ({type(error).__name__}: {error})"
        return not_graded(assignment, reason, student.notes + notes)
    return Graded(checks, student.notes + notes)
