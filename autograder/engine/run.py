"""Run an assignment's checks in this process, against any Student."""

import pytest

from autograder.assignments import Assignment
from autograder.engine.outcome import CheckResult, apply_gates
from autograder.engine.plugin import GradingPlugin
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
    "-W",
    "ignore",
)


class GraderError(Exception):
    """The kit's code or the grader's environment failed, not the submission; str() is the detail for the log."""


def run_checks(assignment: Assignment, student: Student, functions: tuple[str, ...] | None = None) -> list[CheckResult]:
    """Run the checks of `functions` (all by default), in the assignment's order.

    Raises GraderError when checks could not run (a check module that fails to import,
    pytest's own error): those are never a verdict on the student.
    """
    selected = functions or assignment.functions
    files = [str(assignment.checks_dir / f"test_{name}.py") for name in selected]
    plugin = GradingPlugin(student, assignment.reference())
    code = pytest.main([*PYTEST_ARGS, "--rootdir", str(assignment.checks_dir), *files], plugins=[plugin])
    if plugin.interrupted:  # pytest turns Ctrl-C into an exit code; the caller should see it
        raise KeyboardInterrupt
    if plugin.faults:
        raise GraderError("\n".join(plugin.faults))
    missing = set(selected) - {r.function for r in plugin.results}
    if missing or code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise GraderError(f"pytest exited with {code!r}; functions whose checks did not run: {sorted(missing)}")
    return apply_gates(plugin.results)
