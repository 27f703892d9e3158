"""Grade one submitted notebook: run it in a kernel, then run the checks against it."""

from pathlib import Path

from autograder.assignments import Assignment
from autograder.engine.outcome import CheckResult
from autograder.engine.run import run_checks
from autograder.notebook.cells import runnable_cells
from autograder.notebook.reading import NotebookError, read_notebook
from autograder.reporting.results import gradescope_results
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.student import Student, StudentError


class UnavailableStudent(Student):
    """A submission that could not be run: every check fails with the same reason."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float) -> None:
        raise StudentError("unavailable", self.reason)


def unavailable_results(assignment: Assignment, reason: str) -> dict:
    """A full results.json in which every check failed for `reason`."""
    return gradescope_results(run_checks(assignment, UnavailableStudent(reason)))


def grade_notebook(path: Path, assignment: Assignment) -> list[CheckResult]:
    try:
        notebook = read_notebook(path)
    except NotebookError as error:
        return run_checks(assignment, UnavailableStudent(f"Not graded: {error}"))
    try:
        with KernelStudent(runnable_cells(notebook)) as student:
            return run_checks(assignment, student)
    except StudentError as error:  # the kernel was lost while running the notebook's cells
        return run_checks(assignment, UnavailableStudent(f"Not graded: {error}"))
