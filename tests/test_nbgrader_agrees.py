"""Real nbgrader, real gradebook: `nbgrader autograde` gives the kit's totals."""

import os
import shutil

import pytest
from nbgrader.api import Gradebook

from autograder.nbgrader_cli import run_nbgrader
from autograder.assignments import KIT_ROOT
from conftest import ASSIGNMENT, by_function, require_data_dir


def nbgrader(course, *args: str, env: dict | None = None) -> None:
    done = run_nbgrader(*args, cwd=course, env=env, timeout=1800)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory):
    """A course folder with the reference and the blank stub submitted, autograded by nbgrader."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(KIT_ROOT / "nbgrader_config.py", course)
    shutil.copytree(KIT_ROOT / "source", course / "source")
    nbgrader(course, "generate_assignment", ASSIGNMENT.name, "--force")
    submissions = {"reference": ASSIGNMENT.source_notebook, "stub": course / "release" / ASSIGNMENT.name / f"{ASSIGNMENT.name}.ipynb"}
    for student, notebook in submissions.items():
        folder = course / "submitted" / student / ASSIGNMENT.name
        folder.mkdir(parents=True)
        shutil.copy(notebook, folder / notebook.name)
    # The notebook's data cells run under nbgrader: a small subset keeps them quick.
    env = {**os.environ, "KIT_DATA_DIR": str(require_data_dir()), "SENTIMENT_RNN_N_REVIEWS": "300"}
    nbgrader(course, "autograde", ASSIGNMENT.name, "--force", env=env)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        yield book


@pytest.mark.parametrize("student", ["reference", "stub"])
def test_nbgrader_totals_equal_the_kit(gradebook, student, reference_results, stub_results):
    kit = {"reference": reference_results, "stub": stub_results}[student]
    submission = gradebook.find_submission(ASSIGNMENT.name, student)
    assert submission.score == kit["score"]
    for function, (score, _) in by_function(kit).items():
        grade = gradebook.find_grade(f"test_{function}", ASSIGNMENT.name, ASSIGNMENT.name, student)
        assert grade.score == score, f"{function}: nbgrader {grade.score}, kit {score}"
