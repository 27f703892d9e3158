"""The kit's command line as an instructor runs it, in a child process, and reading what it wrote."""

import csv
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from kitdata.paths import resolve_data_dir

from autograder.course import Assignment, get
from support import REPO, TINY_COURSE

TINY = get("tiny_sentiment", TINY_COURSE)
"""The assignment of the tests of the kit's machinery: sandbox, hostile submissions, faults, class runs."""
TINY_ENV = {"KIT_ROOT": str(TINY_COURSE)}
"""The environment a command or a Dask worker needs to find the tiny course."""
AUTOGRADER = [sys.executable, "-m", "autograder.cli"]


def require_data_dir() -> Path:
    """Tests that need the real datasets read them from KIT_DATA_DIR, as the README's command sets it (made absolute)."""
    if not os.environ.get("KIT_DATA_DIR"):
        pytest.fail(
            "KIT_DATA_DIR is not set: run the tests with the README's command (it points at ../shared/datasets)"
        )
    return resolve_data_dir()


def course_env(assignment: Assignment, env: dict | None = None) -> dict[str, str]:
    """The environment of a command about `assignment`: KIT_ROOT names its course when it is not the checkout's."""
    env = dict(os.environ if env is None else env)
    if assignment.root != REPO:
        env["KIT_ROOT"] = str(assignment.root)
    return env


def run_ended(command: list[str], timeout: float, **options: object) -> subprocess.CompletedProcess:
    """subprocess.run in a session of its own, whose whole process group is killed however the call ends.

    A test that fails or times out (pytest-timeout raises in the test) must not leave the
    command's workers, kernels and sandboxes running: they would load the rest of the suite.
    """
    with subprocess.Popen(command, start_new_session=True, **options) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def autograder(
    *args: str | Path,
    timeout: float = 3600,
    python: str = sys.executable,
    env: dict | None = None,
    assignment: Assignment | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess:
    """The kit's command line in a child process run by `python`, as an instructor runs it, and what it printed;
    fails if it fails (unless not `check`). With `assignment`, the command runs on that assignment's course."""
    require_data_dir()
    command = [python, *AUTOGRADER[1:], *map(str, args)]
    if assignment is not None:
        env = course_env(assignment, env)
    done = run_ended(command, timeout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert done.returncode == 0 or not check, f"autograder {args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done


def grade(notebook: Path, results: Path, *options: str, assignment: Assignment = TINY) -> dict:
    """Grade one notebook with `autograder grade` (and `options`) in a child process; return its results.json."""
    autograder(
        "grade",
        notebook,
        "--assignment",
        assignment.name,
        "--results",
        results,
        *options,
        timeout=600,
        assignment=assignment,
    )
    return json.loads(results.read_text(encoding="utf-8"))


def grade_class(submitted: Path, out: Path, *options: str, assignment: Assignment = TINY) -> list[dict]:
    """`autograder grade` on a class folder; the rows of its grades.csv."""
    autograder("grade", submitted, "--assignment", assignment.name, "--out", out, *options, assignment=assignment)
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
