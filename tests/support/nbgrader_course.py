"""A real nbgrader course in a temp folder: an assignment released, notebooks submitted, `nbgrader autograde` run."""

import os
import shutil
from pathlib import Path

import nbformat

from autograder.course import Assignment
from autograder.nbgrader_cli import run_nbgrader
from autograder.notebook.cells import cell_by_grade_id
from support.kit import course_env, require_data_dir


def nbgrader(course: Path, *args: str, env: dict | None = None) -> None:
    done = run_nbgrader(*args, cwd=course, env=env, timeout=1800)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


def autograded_course(
    assignment: Assignment,
    folder: Path,
    submissions: dict[str, Path],
    linked: dict[str, Path] | None = None,
    fifos: tuple[str, ...] = (),
) -> Path:
    """The assignment's course in `folder` (its nbgrader_config.py and source/), each student's notebook autograded.

    `linked`: students whose submitted notebook is a symbolic link to a file, not a copy; `fifos`: students whose
    submitted notebook is a FIFO, which blocks whoever opens it to read.
    The data folder is given relative to the course, as an instructor may: nbgrader_config.py makes
    it absolute for the kernels, which start in each submission's own folder.
    """
    shutil.copy(assignment.root / "nbgrader_config.py", folder)
    shutil.copytree(assignment.root / "source", folder / "source")
    nbgrader(folder, "generate_assignment", assignment.name, "--force")
    for student, notebook in submissions.items():
        submitted = folder / "submitted" / student / assignment.name
        submitted.mkdir(parents=True)
        shutil.copy(notebook, submitted / f"{assignment.name}.ipynb")
    for student, target in (linked or {}).items():
        submitted = folder / "submitted" / student / assignment.name
        submitted.mkdir(parents=True)
        (submitted / f"{assignment.name}.ipynb").symlink_to(target)
    for student in fifos:
        submitted = folder / "submitted" / student / assignment.name
        submitted.mkdir(parents=True)
        os.mkfifo(submitted / f"{assignment.name}.ipynb")
    env = course_env(assignment, {**os.environ, "KIT_DATA_DIR": os.path.relpath(require_data_dir(), folder)})
    nbgrader(folder, "autograde", assignment.name, "--force", env=env)
    return folder


def autograded(course: Path, student: str, assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(course / "autograded" / student / assignment / f"{assignment}.ipynb", as_version=4)


def printed(course: Path, student: str, assignment: str, grade_id: str) -> str:
    """What a test cell shows after `nbgrader autograde`: the list of checks and what failed, then its points."""
    outputs = cell_by_grade_id(autograded(course, student, assignment), grade_id).outputs
    return "".join(o.get("text", "") or str(o.get("data", o.get("evalue", ""))) for o in outputs)
