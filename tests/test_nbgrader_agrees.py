"""Real nbgrader, real gradebook: `nbgrader autograde` gives the kit's totals."""

import os
import shutil

import pytest
from nbgrader.api import Gradebook

from autograder.nbgrader_cli import run_nbgrader
from autograder.assignments import KIT_ROOT
from conftest import by_function, require_data_dir


def nbgrader(course, *args: str, env: dict | None = None) -> None:
    done = run_nbgrader(*args, cwd=course, env=env, timeout=1800)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="session")
def gradebook(tmp_path_factory, assignment):
    """A course folder with the reference and the blank stub submitted, autograded by nbgrader."""
    course = tmp_path_factory.mktemp(f"course-{assignment.name}")
    shutil.copy(KIT_ROOT / "nbgrader_config.py", course)
    shutil.copytree(KIT_ROOT / "source", course / "source")
    nbgrader(course, "generate_assignment", assignment.name, "--force")
    submissions = {"reference": assignment.source_notebook, "stub": course / "release" / assignment.name / f"{assignment.name}.ipynb"}
    for student, notebook in submissions.items():
        folder = course / "submitted" / student / assignment.name
        folder.mkdir(parents=True)
        shutil.copy(notebook, folder / notebook.name)
    # nbgrader runs every cell, training included: the assignment's quick-run settings keep that short.
    env = {**os.environ, "KIT_DATA_DIR": str(require_data_dir()), **assignment.quick_run_env}
    nbgrader(course, "autograde", assignment.name, "--force", env=env)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        yield book


@pytest.mark.parametrize("student", ["reference", "stub"])
def test_nbgrader_totals_equal_the_kit(assignment, gradebook, student, reference_results, stub_results):
    kit = {"reference": reference_results, "stub": stub_results}[student]
    submission = gradebook.find_submission(assignment.name, student)
    assert submission.score == kit["score"]
    for function, (score, _) in by_function(kit).items():
        grade = gradebook.find_grade(f"test_{function}", assignment.name, assignment.name, student)
        assert grade.score == score, f"{function}: nbgrader {grade.score}, kit {score}"
