"""The code of each graded function that the grader graded, read from a submitted notebook.

That is its solution cell (found by its nbgrader grade_id, the cells' roles taken from the
release as grading takes them), unless a later cell the grader runs defines the function
again: then that cell, whose definition is the one called. An earlier definition shadowed by
a later one in the same cell, a decoy, is left out: it is never graded.
"""

import ast
from dataclasses import dataclass

import nbformat

from autograder.notebook.cells import nbgrader_meta, runnable_cells
from autograder.notebook.reading import NotebookError, read_notebook_file
from autograder.notebook.roles import restore_roles
from autograder.roster import Submission


@dataclass(frozen=True)
class StudentCells:
    student: str
    sources: dict[str, str | None]
    """Each graded function's solution cell as the student left it; None when the notebook has no such cell."""
    problem: str | None = None
    """Why the notebook could not be read (then `sources` is empty)."""


def solution_sources(notebook: nbformat.NotebookNode, functions: tuple[str, ...]) -> dict[str, str | None]:
    """The graded code of each function (the module's docstring), or None when the notebook has no solution cell."""
    cells = {
        meta["grade_id"]: cell.source
        for cell in reversed(notebook.cells)  # of two cells with one grade_id, the first
        if cell.cell_type == "code"
        and (meta := nbgrader_meta(cell)).get("solution")
        and isinstance(meta.get("grade_id"), str)
    }
    run = runnable_cells(notebook)
    return {function: _graded(run, function, cells.get(function)) for function in functions}


def _graded(cells: list[nbformat.NotebookNode], function: str, solution: str | None) -> str | None:
    """The last cell the grader runs that defines `function`, without the definitions its last one shadows."""
    for cell in reversed(cells):
        try:
            tree = ast.parse(cell.source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        defined = [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
        shadowed = [node for node in defined if node.name == function][:-1]
        if not shadowed and not any(node.name == function for node in defined):
            continue
        lines = cell.source.splitlines(keepends=True)
        for node in reversed(shadowed):
            first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
            del lines[first - 1 : node.end_lineno]
        return "".join(lines)
    return solution


def read_cells(submission: Submission, functions: tuple[str, ...], release: nbformat.NotebookNode) -> StudentCells:
    try:
        notebook, _ = read_notebook_file(submission.notebook, below=submission.root)
    except NotebookError as error:
        return StudentCells(submission.student, {}, problem=str(error))
    restore_roles(notebook, release)
    return StudentCells(submission.student, solution_sources(notebook, functions))


def starter_sources(release: nbformat.NotebookNode, functions: tuple[str, ...]) -> dict[str, str]:
    """The released stub of each function: the code every student was given."""
    return {function: source or "" for function, source in solution_sources(release, functions).items()}
