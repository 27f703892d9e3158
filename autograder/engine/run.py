"""Run an assignment's checks in this process, against any Student."""

import pytest

from autograder.course import Assignment
from autograder.engine import fixtures
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


def run_checks(assignment: Assignment, student: Student, functions: tuple[str, ...] | None = None) -> list[CheckResult]:
    """Run the checks of `functions` (all by default), in the assignment's order."""
    selected = functions or assignment.functions
    files = [str(assignment.check_module(name)) for name in selected]
    plugin = GradingPlugin(assignment, student)
    pytest.main([*PYTEST_ARGS, "--rootdir", str(assignment.checks_dir), *files], plugins=[plugin, fixtures])
    missing = set(selected) - {r.function for r in plugin.results}
    if missing:
        raise RuntimeError(f"no checks ran for {sorted(missing)}: the check modules failed to load")
    return apply_gates(plugin.results)
