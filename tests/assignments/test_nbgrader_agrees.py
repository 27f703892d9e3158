"""Real nbgrader, real gradebook: `nbgrader autograde` gives the kit's totals."""

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from support.kit import by_function, require_data_dir

from autograder.nbgrader_cli import run_nbgrader
from autograder.notebook.cells import cell_by_grade_id

pytestmark = [pytest.mark.nbgrader, pytest.mark.kernel]  # nbgrader autograde of each reference and stub


def nbgrader(course, *args: str, env: dict | None = None) -> None:
    done = run_nbgrader(*args, cwd=course, env=env, timeout=1800)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


def printed(course: Path, student: str, assignment: str, grade_id: str) -> str:
    """What a test cell printed when nbgrader autograded it: the list of checks and what failed."""
    notebook = nbformat.read(course / "autograded" / student / assignment / f"{assignment}.ipynb", as_version=4)
    outputs = cell_by_grade_id(notebook, grade_id).outputs
    return "".join(o.get("text", "") or str(o.get("data", o.get("evalue", ""))) for o in outputs)


@pytest.fixture(scope="session")
def course(tmp_path_factory, assignment) -> Path:
    """A course folder with the reference and the blank stub submitted, autograded by nbgrader."""
    course = tmp_path_factory.mktemp(f"course-{assignment.name}")
    shutil.copy(assignment.root / "nbgrader_config.py", course)
    shutil.copytree(assignment.root / "source", course / "source")
    nbgrader(course, "generate_assignment", assignment.name, "--force")
    submissions = {
        "reference": assignment.source_notebook,
        "stub": course / "release" / assignment.name / f"{assignment.name}.ipynb",
    }
    for student, notebook in submissions.items():
        folder = course / "submitted" / student / assignment.name
        folder.mkdir(parents=True)
        shutil.copy(notebook, folder / notebook.name)
    # nbgrader runs every cell, training included: the assignment's quick-run settings keep that short.
    # The data folder is given relative to the course, as an instructor may: nbgrader_config.py makes
    # it absolute, or the kernels, which start in each submission's folder, would not find the data.
    data_dir = os.path.relpath(require_data_dir(), course)
    env = {**os.environ, "KIT_DATA_DIR": data_dir, **assignment.quick_run_env}
    nbgrader(course, "autograde", assignment.name, "--force", env=env)
    return course


@pytest.mark.parametrize("student", ["reference", "stub"])
def test_nbgrader_totals_equal_the_kit(assignment, course, student, reference_results, stub_results):
    kit = {"reference": reference_results, "stub": stub_results}[student]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for function, (score, _) in by_function(kit).items():
            grade_id = f"test_{function}"
            grade = gradebook.find_grade(grade_id, assignment.name, assignment.name, student)
            assert grade.score == score, (
                f"{function}: nbgrader {grade.score}, kit {score}; the test cell printed:\n{printed(course, student, assignment.name, grade_id)}"
            )
        assert gradebook.find_submission(assignment.name, student).score == kit["score"]
