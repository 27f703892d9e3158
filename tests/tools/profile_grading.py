"""Where one grading's time goes: the breakdown that a speed-up of class grading starts from.

    KIT_DATA_DIR=../shared/datasets .venv/bin/python tests/tools/profile_grading.py --assignment sentiment_rnn

It grades the assignment's reference twice in one process, as a worker of a class run does
(the first grading pays the process's one-time costs: imports, TensorFlow's start, the
check data's loading; a class run pays them once per worker). For each grading it prints
the wall time of: starting the student's kernel and running the notebook's cells, each
request to the student's process by probe and function, each check module's checks (its
requests included), and the rest. A script, not a test: it prints figures and asserts none.
"""

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the support package

from autograder import grading
from autograder.course import discover
from autograder.probes.requests import Request
from autograder.sandbox.kernel import KernelStudent

_spent: dict[str, float] = defaultdict(float)
sys.modules.setdefault(Path(__file__).stem, sys.modules[__name__])  # PYTEST_PLUGINS then loads this very module


class TimedKernelStudent(KernelStudent):
    """A KernelStudent that adds the time of its start and of each request to `_spent`."""

    def _start(self) -> None:
        began = time.perf_counter()
        try:
            super()._start()
        finally:
            _spent["kernel start and notebook cells"] += time.perf_counter() - began

    def _request(self, request: Request, timeout: float | None) -> object:
        began = time.perf_counter()
        try:
            return super()._request(request, timeout)
        finally:
            _spent[f"student process: {type(request).__name__}({request.function})"] += time.perf_counter() - began


@pytest.hookimpl
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Each check's setup, call and teardown, added up per check module (loaded through PYTEST_PLUGINS)."""
    _spent[f"checks of {Path(report.fspath).stem.removeprefix('test_')} (requests included)"] += report.duration


def profile(name: str, repeats: int) -> None:
    assignment = discover()[name]
    grading.KernelStudent = TimedKernelStudent
    os.environ["PYTEST_PLUGINS"] = Path(__file__).stem
    for run in range(1, repeats + 1):
        _spent.clear()
        began = time.perf_counter()
        graded = grading.grade_notebook(assignment.source_notebook, assignment)
        wall = time.perf_counter() - began
        print(f"\n{name}, grading {run} of the reference: {wall:.1f} s, {graded.score} of {graded.max_score} points")
        if graded.score != graded.max_score:  # a broken profiler times failures: say so rather than print figures
            lost = [t for t in graded.results()["tests"] if t["status"] != "passed"]
            sys.exit(f"the reference lost points, so these are not its times: {lost}")
        for part, seconds in sorted(_spent.items(), key=lambda item: -item[1]):
            print(f"  {seconds:7.2f} s  {part}")
        checks = sum(seconds for part, seconds in _spent.items() if part.startswith("checks of"))
        requests = sum(seconds for part, seconds in _spent.items() if part.startswith("student process"))
        print(f"  {checks - requests:7.2f} s  the grader's own work in the checks (the reference's side included)")
        print(
            f"  {wall - checks - _spent['kernel start and notebook cells']:7.2f} s  the grader's own work outside them"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--repeats", type=int, default=2, help="gradings in this process (default: %(default)s)")
    args = parser.parse_args()
    profile(args.assignment, args.repeats)


if __name__ == "__main__":
    main()
