"""Shared helpers of the kit's own tests: grading notebooks through the real CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.assignments import KIT_ROOT, get

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
