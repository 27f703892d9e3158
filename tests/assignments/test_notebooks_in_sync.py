"""source/ and the checks are the one truth: release/, solutions/ and the points are derived from them by `autograder sync`."""

import ast
import subprocess

import pytest
from support.kit import AUTOGRADER

from autograder.notebook.cells import BEGIN_HIDDEN, BEGIN_SOLUTION


@pytest.mark.nbgrader
def test_derived_files_are_up_to_date(assignment):
    """`autograder sync --check` finds nothing to write: release/, solutions/, points and score lines are current."""
    done = subprocess.run(
        [*AUTOGRADER, "sync", assignment.name, "--check"], cwd=assignment.root, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{done.stdout}{done.stderr}"


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
