"""Students have only the student pack: each released notebook, completed with the reference, runs top to bottom
in a venv with nothing but the pack's requirements, reading its data from the pack."""

import subprocess

import pytest
from support.kit import AUTOGRADER
from support.studentenv import completed, errors, pack, run_notebook, student_env


def test_pack_holds_the_notebook_its_data_and_its_requirements(assignment, tmp_path):
    out = pack(assignment, tmp_path / "pack")
    assert (out / assignment.release_notebook.name).read_bytes() == assignment.release_notebook.read_bytes()
    requirements = (out / "requirements.txt").read_text().split()
    assert all("==" in line for line in requirements) and any(line.startswith("keras==") for line in requirements)
    assert not any(name in line for line in requirements for name in ("nbgrader", "dask", "rnn-sentiment-kit"))
    assert any((out / "data").rglob("*")), "the pack holds no data"
    again = subprocess.run([*AUTOGRADER, "pack", assignment.name, "-o", str(out)], capture_output=True, text=True)
    assert again.returncode == 2 and "exists already" in again.stderr


@pytest.mark.parametrize("module", ["autograder", "kitdata", "nbgrader", "distributed"])
def test_the_student_venv_has_nothing_of_the_grader(student_venv, module):
    """Run from the venv's folder: `python -c` would import the kit's own folders from the checkout it starts in."""
    python = student_venv / "bin" / "python"
    done = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, text=True, cwd=student_venv)
    assert f"ModuleNotFoundError: No module named '{module}'" in done.stderr, f"import {module}: {done.stderr}"


def test_completed_notebook_runs_with_only_the_student_pack(assignment, student_venv, tmp_path):
    """Every cell runs, data cells and training included, on the assignment's quick subset."""
    out = pack(assignment, tmp_path / "pack")
    notebook = run_notebook(student_venv, completed(assignment), out, student_env(assignment.quick_run_env))
    assert errors(notebook) == []
