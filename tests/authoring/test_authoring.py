"""An instructor adds an assignment with `autograder new` and `autograder sync`, in a copy of the repository,
touching only the new assignment's own paths; bad input stops both with a message and writes nothing."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from support.copies import changed_paths, copy_of_repository
from support.kit import AUTOGRADER, require_data_dir

from autograder.authoring.scaffold import own_paths
from autograder.nbgrader_cli import run_nbgrader
from autograder.notebook.cells import cell_by_grade_id

NAME, FUNCTIONS = "powers", ("square", "cube")
SOLUTIONS = {"square": "return x * x", "cube": "return x**3"}


def autograder(course: Path, *args: str) -> subprocess.CompletedProcess:
    """The CLI of the copy's own package, run in the copy (python -m puts the working folder first on sys.path)."""
    return subprocess.run([*AUTOGRADER, *args], cwd=course, capture_output=True, text=True, timeout=1800)


def fill_in_solutions(notebook_path: Path) -> None:
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        for function, body in SOLUTIONS.items():
            cell.source = re.sub(
                rf'raise NotImplementedError\("the reference solution of {function} goes here"\)', body, cell.source
            )
    nbformat.write(notebook, notebook_path)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_of_repository(tmp_path_factory.mktemp("course"))


@pytest.mark.kernel
@pytest.mark.nbgrader
def test_a_new_assignment_is_graded_and_agrees_with_nbgrader(tmp_path):
    require_data_dir()
    course = copy_of_repository(tmp_path / "course")
    made = autograder(course, "new", NAME, "--functions", ",".join(FUNCTIONS))
    assert made.returncode == 0, made.stderr
    fill_in_solutions(course / "source" / NAME / f"{NAME}.ipynb")
    synced = autograder(course, "sync", NAME)
    assert synced.returncode == 0, synced.stderr
    assert "return x * x" in (course / "solutions" / f"{NAME}.py").read_text()

    checked = autograder(course, "check-assignments", "--assignment", NAME)
    assert checked.returncode == 0, f"{checked.stdout}\n{checked.stderr}"
    assert f"{NAME}, reference: 8 / 8 (as expected)" in checked.stdout
    assert f"{NAME}, blank stub: 0 / 8 (as expected)" in checked.stdout

    own = [str(path.relative_to(course)) for path in own_paths(course, NAME)]
    assert changed_paths(course) and all(path.startswith(tuple(own)) for path in changed_paths(course)), changed_paths(
        course
    )

    for student, notebook in (("reference", "source"), ("stub", "release")):
        folder = course / "submitted" / student / NAME
        folder.mkdir(parents=True)
        shutil.copy(course / notebook / NAME / f"{NAME}.ipynb", folder)
    # nbgrader's kernels import the kit from the copy, as they would from an instructor's own checkout.
    env = {**os.environ, "PYTHONPATH": str(course)}
    done = run_nbgrader("autograde", NAME, "--force", cwd=course, env=env, timeout=1800)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(NAME, "reference").score == 8
        assert gradebook.find_submission(NAME, "stub").score == 0
        for function in FUNCTIONS:
            assert gradebook.find_grade(f"test_{function}", NAME, NAME, "reference").score == 4


@pytest.mark.parametrize(
    "name, functions, message",
    [
        ("rnn_basics", "f", "an assignment 'rnn_basics' exists already"),
        ("My-Homework", "f", "'My-Homework' must be a lowercase Python identifier"),
        ("homework", "f,class", "'class' must be a lowercase Python identifier"),
        ("homework", "f,f", "a function is named twice"),
    ],
)
def test_new_refuses_bad_names_and_writes_nothing(course, name, functions, message):
    done = autograder(course, "new", name, "--functions", functions)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert changed_paths(course) == set()


def files_of(course: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in course.rglob("*") if path.is_file() and ".git" not in path.parts}


def edit_source(course: Path, change) -> None:
    path = course / "source" / "rnn_basics" / "rnn_basics.ipynb"
    notebook = nbformat.read(path, as_version=4)
    change(notebook)
    nbformat.write(notebook, path)


def add_check_without_solution(course: Path) -> None:
    (course / "autograder/assignments/rnn_basics/checks/test_softmax.py").write_text("def test_x():\n    pass\n")


def remove_checks_of_a_solution(course: Path) -> None:
    (course / "autograder/assignments/rnn_basics/checks/test_pad_post.py").unlink()


def drop_grade_id_of_a_test_cell(course: Path) -> None:
    edit_source(course, lambda notebook: cell_by_grade_id(notebook, "test_pad_post").metadata.nbgrader.pop("grade_id"))


def remove_a_test_cell(course: Path) -> None:
    edit_source(course, lambda notebook: notebook.cells.remove(cell_by_grade_id(notebook, "test_gru_step")))


@pytest.mark.parametrize(
    "breaking, message",
    [
        (add_check_without_solution, "checks/test_softmax.py checks 'softmax', which has no solution cell"),
        (
            remove_checks_of_a_solution,
            "the solution cell 'pad_post' of source/rnn_basics/rnn_basics.ipynb has no checks",
        ),
        (drop_grade_id_of_a_test_cell, "is a test cell without a grade_id"),
        (remove_a_test_cell, "the solution cell 'gru_step' of source/rnn_basics/rnn_basics.ipynb has no test cell"),
    ],
)
def test_sync_names_what_does_not_fit_and_writes_nothing(course, breaking, message):
    breaking(course)
    try:
        broken = files_of(course)
        done = autograder(course, "sync", "rnn_basics")
        assert done.returncode == 2 and message in done.stderr, done.stderr
        assert files_of(course) == broken
    finally:
        subprocess.run(["git", "checkout", "-q", "--", "."], cwd=course, check=True)
        subprocess.run(["git", "clean", "-qfd"], cwd=course, check=True)
