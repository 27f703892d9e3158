"""Shared helpers of the kit's own tests: grading notebooks through the real CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.assignments import get

ASSIGNMENT = get("sentiment_rnn")
AUTOGRADER = [sys.executable, "-m", "autograder.cli"]


def require_data_dir() -> Path:
    """Tests that need the real datasets read them from KIT_DATA_DIR, as the README's command sets it."""
    if not os.environ.get("KIT_DATA_DIR"):
        pytest.fail("KIT_DATA_DIR is not set: run the tests with the README's command (it points at ../shared/datasets)")
    return Path(os.environ["KIT_DATA_DIR"])


def grade(notebook: Path, results: Path) -> dict:
    """Grade one notebook with `autograder grade` in a child process; return its results.json."""
    require_data_dir()
    done = subprocess.run(
        [*AUTOGRADER, "grade", str(notebook), "--assignment", ASSIGNMENT.name, "--results", str(results)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, f"autograder grade failed:\n{done.stdout}\n{done.stderr}"
    return json.loads(results.read_text(encoding="utf-8"))


def by_function(results: dict) -> dict[str, tuple[float, float]]:
    """(score, max_score) per graded function, from the tests' tags."""
    totals: dict[str, tuple[float, float]] = {}
    for test in results["tests"]:
        (function,) = test["tags"]
        score, points = totals.get(function, (0.0, 0.0))
        totals[function] = (score + test["score"], points + test["max_score"])
    return totals


@pytest.fixture(scope="session")
def source_notebook() -> nbformat.NotebookNode:
    return nbformat.read(ASSIGNMENT.source_notebook, as_version=4)


@pytest.fixture(scope="session")
def reference_results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The instructor's notebook, whose solution cells are the reference, graded once per session."""
    return grade(ASSIGNMENT.source_notebook, tmp_path_factory.mktemp("reference") / "results.json")


@pytest.fixture(scope="session")
def stub_results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The released student notebook, untouched, graded once per session."""
    return grade(ASSIGNMENT.release_notebook, tmp_path_factory.mktemp("stub") / "results.json")


@pytest.fixture(scope="session")
def class_run(tmp_path_factory: pytest.TempPathFactory, source_notebook: nbformat.NotebookNode) -> tuple[Path, dict[str, dict]]:
    """Every case of tests/cases.py graded once, as one class with 2 workers: (the --out folder, results per student).

    Some hostile fixtures write wherever they can; they are only run inside bubblewrap.
    """
    from cases import class_of_cases

    from autograder.sandbox.isolation import bubblewrap_problem

    if problem := bubblewrap_problem():
        pytest.fail(f"the hostile submissions need the bubblewrap sandbox, but {problem}")
    require_data_dir()
    submitted, out = tmp_path_factory.mktemp("class") / "submitted", tmp_path_factory.mktemp("class-out")
    for student, case in class_of_cases(source_notebook).items():
        path = submitted / student / ASSIGNMENT.name / f"{ASSIGNMENT.name}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_bytes(case) if isinstance(case, bytes) else nbformat.write(case, path)
    done = subprocess.run(
        [*AUTOGRADER, "grade", str(submitted), "--assignment", ASSIGNMENT.name, "--out", str(out), "--workers", "2"],
        capture_output=True, text=True, timeout=3600,
    )
    assert done.returncode == 0, f"autograder grade failed:\n{done.stdout}\n{done.stderr}"
    return out, {folder.name: json.loads((folder / "results.json").read_text(encoding="utf-8")) for folder in out.iterdir() if folder.is_dir()}
