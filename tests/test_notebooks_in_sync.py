"""source/ is the one truth: release/ is generated from it, solutions/ equals its solution cells."""

import ast
import shutil

import nbformat

from autograder.nbgrader_cli import run_nbgrader
from autograder.notebook.cells import BEGIN_HIDDEN, BEGIN_SOLUTION, nbgrader_meta, without_solution_markers


def test_release_is_up_to_date(assignment, tmp_path):
    """Regenerating the student notebook from source/ gives exactly the committed release/."""
    shutil.copy(assignment.root / "nbgrader_config.py", tmp_path)
    shutil.copytree(assignment.root / "source", tmp_path / "source")
    done = run_nbgrader("generate_assignment", assignment.name, "--force", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    fresh = nbformat.read(tmp_path / "release" / assignment.name / f"{assignment.name}.ipynb", as_version=4)
    committed = nbformat.read(assignment.release_notebook, as_version=4)
    assert fresh == committed, f"release/ is out of date: run `nbgrader generate_assignment {assignment.name} --force`"


def test_release_reveals_no_solution_or_hidden_test(assignment):
    released = assignment.release_notebook.read_text(encoding="utf-8")
    for marker in (BEGIN_SOLUTION, "END SOLUTION", BEGIN_HIDDEN, "END HIDDEN TESTS", "autograder.inline"):
        assert marker not in released
    reference = assignment.solutions_file.read_text(encoding="utf-8")
    for function in ast.parse(reference).body:
        if isinstance(function, ast.FunctionDef):
            for statement in function.body[1:]:  # the docstring is meant to be seen
                line = ast.get_source_segment(reference, statement).splitlines()[0].strip()
                assert line not in released, f"release/ shows a line of the solution of {function.name}: {line}"


def test_solutions_equal_the_notebook_solution_cells(assignment):
    source_notebook = nbformat.read(assignment.source_notebook, as_version=4)
    reference = assignment.solutions_file.read_text(encoding="utf-8")
    functions = {
        node.name: ast.get_source_segment(reference, node) + "\n"
        for node in ast.parse(reference).body
        if isinstance(node, ast.FunctionDef)
    }
    cells = {
        nbgrader_meta(cell)["grade_id"]: without_solution_markers(cell.source)
        for cell in source_notebook.cells
        if nbgrader_meta(cell).get("solution")
    }
    assert set(cells) == set(functions) == set(assignment.functions)
    for name in assignment.functions:
        assert cells[name] == functions[name], f"solutions/ and the notebook's solution cell differ for {name}"
