"""The suite's shared fixtures (a plugin that tests/support/fixtures.py loads): assignments, class runs, venvs."""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from autograder.course import Assignment, discover, get
from autograder.sandbox.isolation import BOX_PREFIX
from support.kit import TINY, autograder, read_json
from support.runs import end_runs
from support.watch import Sightings, watching


@pytest.fixture(autouse=True)
def runs_end_with_their_test() -> Iterator[None]:
    """A class run a test started (support.runs) ends with the test, however it ends: a failure, its time limit."""
    yield
    end_runs()


def short_folder() -> Path:
    """A new folder right under /tmp, for a run's TMPDIR: the student's kernel has its IPC sockets there, and a Unix
    socket's path holds 107 bytes at most, which pytest's tmp_path under an xdist worker leaves too little of."""
    return Path(tempfile.mkdtemp(prefix="kit-run-", dir="/tmp"))


@pytest.fixture
def run_temp() -> Iterator[Path]:
    """A short TMPDIR for the class runs of one test (short_folder), removed after it."""
    folder = short_folder()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session", params=sorted(discover()))
def assignment(request: pytest.FixtureRequest) -> Assignment:
    """Each of the kit's assignments in turn: the tests that take it hold for every one."""
    return get(request.param)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


@pytest.fixture(scope="session")
def venv_under_tmp() -> Iterator[Path]:
    """The Python of a copy of the tests' venv under /tmp, a common place for a throwaway environment.

    A copy, not a new venv: the same packages, in a venv whose every file lies under /tmp. Files are
    hard-linked where /tmp is on the venv's file system (a few seconds), else copied (2-3 GB).
    """
    if sys.prefix == sys.base_prefix:
        pytest.fail("the tests must run in the kit's venv (README's command) to copy it under /tmp")
    venv = Path(tempfile.mkdtemp(prefix="kit-venv-", dir="/tmp"))
    try:
        shutil.copytree(sys.prefix, venv, symlinks=True, copy_function=_link_or_copy, dirs_exist_ok=True)
        yield venv / "bin" / Path(sys.executable).name
    finally:
        shutil.rmtree(venv, ignore_errors=True)


@dataclass(frozen=True)
class ClassRun:
    submitted: Path
    out: Path
    results: dict[str, dict]
    """Each student's results.json, what the student sees."""
    instructor: dict[str, dict]
    """Each student's results.instructor.json."""
    python: str
    """The interpreter the grader ran with."""
    printed: subprocess.CompletedProcess
    """What `autograder grade` printed: the instructor's terminal."""
    processes: Sightings
    """The tiny course's run: the student's processes (by their folder) and the hostile fixtures' sleeps, seen during
    the run and left after it. Other runs look for none."""


@pytest.fixture(scope="session")
def class_runs(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Callable[[Assignment], ClassRun]:
    """Every case of support.cases.class_run for an assignment, graded once as one class with 2 workers and a gradebook.

    The tiny course's run holds the hostile fixtures. Some of them write wherever they can;
    they are only run inside bubblewrap, and with the grader's venv under /tmp
    (venv_under_tmp), where the sandbox's empty /tmp once hid the interpreter. The other
    assignments' runs use the tests' own venv. The student's processes (known by their folder's
    name) and the hostile fixtures' sleeps are watched during the run and looked for after it.
    """
    from autograder.sandbox.isolation import bubblewrap_problem
    from support.cases import class_run

    runs: dict[str, ClassRun] = {}
    failed: dict[str, str] = {}  # a class run that failed fails every test that needs it, without running again

    def run(assignment: Assignment) -> ClassRun:
        if assignment.name in runs:
            return runs[assignment.name]
        if assignment.name in failed:
            pytest.fail(
                f"{assignment.name}'s class run failed (see the first test that needed it):\n{failed[assignment.name]}"
            )
        try:
            return graded_class(assignment)
        except BaseException as error:
            failed[assignment.name] = str(error)[-3000:]
            raise

    def graded_class(assignment: Assignment) -> ClassRun:
        python = sys.executable
        if assignment == TINY:
            if problem := bubblewrap_problem():
                pytest.fail(f"the hostile submissions need the bubblewrap sandbox, but {problem}")
            python = str(request.getfixturevalue("venv_under_tmp"))
        root = tmp_path_factory.mktemp(f"class-{assignment.name}")
        submitted, out, temp = root / "submitted", root / "out", short_folder()
        request.addfinalizer(lambda: shutil.rmtree(temp, ignore_errors=True))
        _, options = class_run(assignment, submitted)
        options += ["--out", out, "--gradebook", out / "gradebook.db"]
        env = {**os.environ, "TMPDIR": str(temp)}  # its own, so that its students' folders are told from others'
        # Only the hostile cases' processes are looked for: a scan reads every process of the machine, ten times a second.
        marks = (f"{temp}/{BOX_PREFIX}", "sleep 613.") if assignment == TINY else ()
        with watching(*marks) as processes:
            printed = autograder(
                "grade",
                submitted,
                "--assignment",
                assignment.name,
                *options,
                python=python,
                env=env,
                assignment=assignment,
            )
        students = [folder for folder in out.iterdir() if folder.is_dir()]
        runs[assignment.name] = ClassRun(
            submitted,
            out,
            {folder.name: read_json(folder / "results.json") for folder in students},
            {folder.name: read_json(folder / "results.instructor.json") for folder in students},
            python,
            printed,
            processes,
        )
        return runs[assignment.name]

    return run


@pytest.fixture(scope="session")
def class_run(class_runs: Callable[[Assignment], ClassRun]) -> ClassRun:
    """The tiny course's class run, with the hostile fixtures: the tests of the sandbox and of class grading use it."""
    return class_runs(TINY)


@pytest.fixture(scope="session")
def reference_results(class_runs: Callable[[Assignment], ClassRun], assignment: Assignment) -> dict:
    """The instructor's notebook, whose solution cells are the reference, as graded in the class run."""
    return class_runs(assignment).results["honest"]


@pytest.fixture(scope="session")
def stub_results(class_runs: Callable[[Assignment], ClassRun], assignment: Assignment) -> dict:
    """The released student notebook, untouched, as graded in the class run."""
    return class_runs(assignment).results["blank"]


@pytest.fixture(scope="session")
def student_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fresh venv with the student requirements of every assignment, and nothing of the grader (tests/support/studentenv.py)."""
    from autograder.authoring.pack import student_requirements
    from support.studentenv import make_student_venv

    notebooks = [nbformat.read(a.release_notebook, as_version=4) for a in discover().values()]
    requirements = sorted({line for notebook in notebooks for line in student_requirements(notebook)})
    folder = tmp_path_factory.mktemp("student") / "venv"
    make_student_venv(folder, requirements)
    return folder
