"""The solution cell of each graded function, read from a submitted notebook by its nbgrader grade_id."""

from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.batch.discover import Submission
from autograder.notebook.cells import nbgrader_meta
from autograder.notebook.reading import NotebookError, read_notebook_file


@dataclass(frozen=True)
class StudentCells:
    student: str
    sources: dict[str, str | None]
    """Each graded function's solution cell as the student left it; None when the notebook has no such cell."""
    problem: str | None = None
    """Why the notebook could not be read (then `sources` is empty)."""


def solution_sources(notebook: nbformat.NotebookNode, functions: tuple[str, ...]) -> dict[str, str | None]:
    """The code of each function's solution cell: the code cell whose grade_id is the function's name."""
    cells = {
        meta["grade_id"]: cell.source
        for cell in reversed(notebook.cells)  # of two cells with one grade_id, the first
        if cell.cell_type == "code"
        and (meta := nbgrader_meta(cell)).get("solution")
        and isinstance(meta.get("grade_id"), str)
    }
    return {function: cells.get(function) for function in functions}


def read_cells(submission: Submission, functions: tuple[str, ...]) -> StudentCells:
    try:
        notebook, _ = read_notebook_file(submission.notebook, below=submission.root)
    except NotebookError as error:
        return StudentCells(submission.student, {}, problem=str(error))
    return StudentCells(submission.student, solution_sources(notebook, functions))


def starter_sources(release_notebook: Path, functions: tuple[str, ...]) -> dict[str, str]:
    """The released stub of each function: the code every student was given."""
    notebook, _ = read_notebook_file(release_notebook)
    return {function: source or "" for function, source in solution_sources(notebook, functions).items()}
