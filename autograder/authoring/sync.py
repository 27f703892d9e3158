"""`autograder sync <name>`: write everything of an assignment that is derived, from its two sources of truth.

The source notebook is the one truth for the solutions and the visible tests, the check
modules the one truth for the points. Derived from them:

- each test cell's points (the sum of its checks' markers) and its hidden `score(...)` lines;
- solutions/<name>.py (authoring/solutions.py);
- release/<name>/, nbgrader's student version of the notebook.

Everything is checked before anything is written, and each file is written whole
(atomic.py), so a notebook whose cells and checks do not fit together changes nothing.
"""

import copy
import shutil
import tempfile
from pathlib import Path

import nbformat

from autograder.atomic import write_bytes
from autograder.authoring.solutions import solutions_module
from autograder.course import Assignment, AssignmentError
from autograder.nbgrader_cli import run_nbgrader
from autograder.notebook.cells import BEGIN_HIDDEN, END_HIDDEN, is_test_cell, nbgrader_meta, visible_part
from autograder.runner.run import check_points

HIDDEN = f'{BEGIN_HIDDEN}\nfrom autograder.inline import score\nscore("{{assignment}}", "{{function}}", globals())\n{END_HIDDEN}'


def _cell_label(notebook_path: Path, index: int, cell: nbformat.NotebookNode) -> str:
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "(empty)")
    return f"cell {index + 1} of {notebook_path} (it starts {first[:60]!r})"


def check_fit(assignment: Assignment, notebook: nbformat.NotebookNode) -> None:
    """Raise AssignmentError, naming the cell or file to fix, where solution cells, test cells and checks do not match."""
    path = assignment.source_notebook.relative_to(assignment.root)
    solutions, tests = [], []
    for index, cell in enumerate(notebook.cells):
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            if not meta.get("grade_id"):
                raise AssignmentError(f"{_cell_label(path, index, cell)} is a solution cell without a grade_id")
            solutions.append(meta["grade_id"])
        elif is_test_cell(cell):
            if not meta.get("grade_id"):
                raise AssignmentError(
                    f"{_cell_label(path, index, cell)} is a test cell without a grade_id: name it test_<function>"
                )
            tests.append(meta["grade_id"])
    if not solutions:
        raise AssignmentError(f"{path} has no solution cells: each graded function needs one")
    for function in solutions:
        if f"test_{function}" not in tests:
            raise AssignmentError(
                f"the solution cell {function!r} of {path} has no test cell: add one with the grade_id test_{function}"
            )
        if not assignment.check_module(function).is_file():
            raise AssignmentError(
                f"the solution cell {function!r} of {path} has no checks:"
                f" write {assignment.check_module(function).relative_to(assignment.root)}"
            )
    for test in tests:
        if test.removeprefix("test_") not in solutions:
            raise AssignmentError(
                f"the test cell {test!r} of {path} has no solution cell {test.removeprefix('test_')!r}"
            )
    for module in sorted(assignment.checks_dir.glob("test_*.py")):
        if module.stem.removeprefix("test_") not in solutions:
            raise AssignmentError(
                f"{module.relative_to(assignment.root)} checks {module.stem.removeprefix('test_')!r},"
                f" which has no solution cell in {path}"
            )


def _points_value(points: float) -> int | float:
    """Whole points as an int, as nbgrader's toolbar writes them (6, not 6.0)."""
    return int(points) if float(points).is_integer() else points


def with_derived_test_cells(
    notebook: nbformat.NotebookNode, assignment: str, points: dict[str, float]
) -> nbformat.NotebookNode:
    """The notebook with every test cell's points and hidden part written from the checks."""
    notebook = copy.deepcopy(notebook)
    for cell in filter(is_test_cell, notebook.cells):
        meta = nbgrader_meta(cell)
        function = meta["grade_id"].removeprefix("test_")
        meta["points"] = _points_value(points[function])
        visible = visible_part(cell.source).rstrip("\n")
        hidden = HIDDEN.format(assignment=assignment, function=function)
        cell.source = f"{visible}\n\n{hidden}" if visible.strip() else hidden
    return notebook


def _notebook_bytes(notebook: nbformat.NotebookNode) -> bytes:
    return (nbformat.writes(notebook) + "\n").encode("utf-8")


def _release(assignment: Assignment, course: Path) -> dict[Path, bytes]:
    """Run `nbgrader generate_assignment` in `course`; release/<name>/'s files it wrote, by their paths in the assignment's root.

    Run in the course root itself it also records the assignment in nbgrader's gradebook
    there, which `nbgrader autograde` needs.
    """
    done = run_nbgrader("generate_assignment", assignment.name, "--force", cwd=course)
    if done.returncode:
        raise AssignmentError(f"nbgrader generate_assignment {assignment.name} failed:\n{done.stdout}{done.stderr}")
    release = course / "release" / assignment.name
    target = assignment.release_notebook.parent
    return {target / path.relative_to(release): path.read_bytes() for path in release.rglob("*") if path.is_file()}


def _derived_sources(assignment: Assignment) -> dict[Path, bytes]:
    """The source notebook with its derived points and score lines, and solutions/<name>.py."""
    notebook = nbformat.read(assignment.source_notebook, as_version=4)
    check_fit(assignment, notebook)
    notebook = with_derived_test_cells(notebook, assignment.name, check_points(assignment))
    return {
        assignment.source_notebook: _notebook_bytes(notebook),
        assignment.solutions_file: solutions_module(assignment, notebook).encode("utf-8"),
    }


def _release_files(assignment: Assignment) -> dict[Path, bytes]:
    release = assignment.release_notebook.parent
    return {path: path.read_bytes() for path in release.rglob("*") if path.is_file()} if release.is_dir() else {}


def _changed(before: dict[Path, bytes], after: dict[Path, bytes]) -> list[Path]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def sync(assignment: Assignment, check: bool = False) -> list[Path]:
    """Write the assignment's derived files (with check, only compare them); return those that were out of date.

    With check, nbgrader runs in a scratch copy of the course, so nothing of the course changes.
    """
    sources = _derived_sources(assignment)
    on_disk = {path: path.read_bytes() for path in sources if path.is_file()} | _release_files(assignment)
    if check:
        with tempfile.TemporaryDirectory(prefix="kit-sync-") as scratch:
            course = Path(scratch)
            shutil.copy(assignment.root / "nbgrader_config.py", course)
            shutil.copytree(assignment.source_notebook.parent, course / "source" / assignment.name)
            (course / "source" / assignment.name / assignment.source_notebook.name).write_bytes(
                sources[assignment.source_notebook]
            )
            return _changed(on_disk, sources | _release(assignment, course))
    for path, content in sources.items():
        if on_disk.get(path) != content:
            write_bytes(content, path)
    return _changed(on_disk, sources | _release(assignment, assignment.root))
