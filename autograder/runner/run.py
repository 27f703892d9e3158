"""Run an assignment's checks in this process, against any Student."""

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest

from autograder.course import Assignment, AssignmentError
from autograder.runner import fixtures
from autograder.runner.outcome import CheckResult, apply_gates
from autograder.runner.plugin import GradingPlugin, function_of
from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.student import Student

PYTEST_ARGS = (
    "-p",
    "no:cacheprovider",
    "-p",
    "no:terminal",
    "-p",
    "no:logging",
    "--assert=plain",
    "--capture=sys",
    "--import-mode=importlib",
    "-o",
    "addopts=",
    "-o",
    "pythonpath=",
    "-W",
    "ignore",
)


@contextmanager
def _own_options() -> Iterator[None]:
    """pytest with the grader's options only.

    PYTEST_ADDOPTS from the shell that started the grader (an instructor's `-x`, `-k` or
    `--basetemp`, or the kit's own test suite's) would change which checks run, or stop them.
    """
    saved = os.environ.pop("PYTEST_ADDOPTS", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["PYTEST_ADDOPTS"] = saved


def _pytest_args(assignment: Assignment) -> list[str]:
    """The grader's options, rooted at the assignment's checks.

    A course may lie inside another project (the kit's own tests grade one under tests/):
    that project's conftest.py files must not load into the grader, hence --confcutdir, and
    its ini file's pythonpath must not reach the grader's sys.path.
    """
    checks = str(assignment.checks_dir)
    return [*PYTEST_ARGS, "--rootdir", checks, "--confcutdir", checks]


class GraderError(Exception):
    """The kit's code or the grader's environment failed, not the submission; str() is the detail for the log."""


def run_checks(assignment: Assignment, student: Student, functions: tuple[str, ...] | None = None) -> list[CheckResult]:
    """Run the checks of `functions` (all by default), in the assignment's order.

    Raises GraderError when checks could not run (a check module that fails to import,
    pytest's own error): those are never a verdict on the student. A check that raised
    is the grader's fault only if it raises with the reference's answers too; otherwise
    the student's answer is what the check could not take (a dict whose keys do not sort,
    say), and the check fails with a message that says so.
    """
    results = _run(assignment, student, functions or assignment.functions)
    return apply_gates([_whose_fault(assignment, result) for result in results])


def _whose_fault(assignment: Assignment, result: CheckResult) -> CheckResult:
    if not result.fault or result.name in _reference_faults(assignment, result.function):
        return result
    message = (
        f"The check could not use what your code gave it: it raised {result.raised} in the grader (the reference"
        f" solution's answers pass this check). Return the type and form the notebook asks for."
    )
    return replace(result, passed=False, output=message, fault="", answer_fault=result.fault)


@functools.cache
def _reference_faults(assignment: Assignment, function: str) -> frozenset[str]:
    """The checks of `function` that raise with the reference's answers (run once per process, when first needed)."""
    results = _run(assignment, InProcessStudent(vars(assignment.reference())), (function,))
    return frozenset(result.name for result in results if result.fault)


def _run(assignment: Assignment, student: Student, selected: tuple[str, ...]) -> list[CheckResult]:
    """Each check's result, before the gates and before deciding whose its fault is."""
    files = [str(assignment.check_module(name)) for name in selected]
    plugin = GradingPlugin(assignment, student)
    with _own_options():
        code = pytest.main([*_pytest_args(assignment), *files], plugins=[plugin, fixtures])
    if plugin.interrupted:  # pytest turns Ctrl-C into an exit code; the caller should see it
        raise KeyboardInterrupt
    if plugin.faults:
        raise GraderError("\n".join(plugin.faults))
    missing = set(selected) - {r.function for r in plugin.results}
    if missing or code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise GraderError(f"pytest exited with {code!r}; functions whose checks did not run: {sorted(missing)}")
    return plugin.results


class _PointsCollector:
    """Records each collected check's function and points, and the modules that failed to load."""

    def __init__(self) -> None:
        self.points: dict[str, float] = {}
        self.errors: list[str] = []

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.errors.append(f"{report.nodeid}: {report.longreprtext.strip().splitlines()[-1]}")

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            marker = item.get_closest_marker("points")
            function = function_of(item.path)
            self.points[function] = self.points.get(function, 0.0) + (float(marker.args[0]) if marker else 0.0)


def check_points(assignment: Assignment) -> dict[str, float]:
    """The points of each graded function: the sum of its checks' markers, examples gate included, without running them."""
    files = [str(path) for path in sorted(assignment.checks_dir.glob("test_*.py"))]
    collector = _PointsCollector()
    plugins = [GradingPlugin(assignment, student=None), fixtures, collector]
    with _own_options():
        pytest.main([*_pytest_args(assignment), "--collect-only", *files], plugins=plugins)
    if collector.errors:
        raise AssignmentError("the check modules failed to load:\n" + "\n".join(collector.errors))
    return {function: round(points, 6) for function, points in collector.points.items()}
