"""Which cells are which: nbgrader's solution and test cells, and cells the grader skips."""

import nbformat

# Cells that work on the full dataset (loading, training) carry this tag: the kit's
# grader skips them, so grading time never depends on how long a student trains.
SKIP_TAG = "autograder-skip"
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


def nbgrader_meta(cell: nbformat.NotebookNode) -> dict:
    """The cell's nbgrader metadata; {} when it has none, or something else than a dict (nbformat allows any)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def is_test_cell(cell: nbformat.NotebookNode) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def runnable_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The code cells the grader runs: all but test cells and cells tagged SKIP_TAG."""
    return [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code"
        and not is_test_cell(cell)
        and SKIP_TAG not in cell.get("metadata", {}).get("tags", [])
    ]


def cell_by_grade_id(notebook: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    for cell in notebook.cells:
        if nbgrader_meta(cell).get("grade_id") == grade_id:
            return cell
    raise KeyError(f"no cell with grade_id {grade_id!r}")


def visible_part(test_source: str) -> str:
    """A test cell's code before its hidden tests: the part students see."""
    return test_source.split(BEGIN_HIDDEN, 1)[0].rstrip() + "\n"


def without_solution_markers(solution_source: str) -> str:
    """A solution cell's code as the instructor wrote it, minus the BEGIN/END SOLUTION lines."""
    markers = (BEGIN_SOLUTION, END_SOLUTION)
    return "\n".join(line for line in solution_source.splitlines() if line.strip() not in markers) + "\n"
