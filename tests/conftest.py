"""The suite's tiers and time limits; its fixtures are in tests/support/ (fixtures.py, browser.py).

Two tiers (tests/README.md, docs/benchmarks.md#the-test-suite):
- the fast tier, `pytest -m "not slow"`: every test that starts no kernel, venv, browser,
  cluster, nbgrader run or class run; what an engineer runs after each edit;
- the whole suite, `pytest`: what `.ci/run` runs, on two pytest-xdist workers.

A test says what it starts with the markers of STARTS (pyproject.toml registers them),
set on the test or its module, or given here from the fixtures it uses; each of them
makes the test `slow`. Each test has a time limit (pytest-timeout), a guard against a hang
rather than a speed check: its own `timeout` marker where it has one, else the largest of
its markers' limits below, each at least three times what such a test was measured to take.

Under pytest-xdist (`--dist loadgroup`) a test runs in the group of what it shares: the tests of
one assignment (its class run, its nbgrader course) together, the tests that use the student's
venv together, and every other test with the rest of its module (its module's fixtures).
"""

import pytest
from support.kit import TINY

from autograder.course import Assignment
from autograder.engine.plugin import MARKERS

pytest_plugins = ["support.fixtures", "support.browser"]

STARTS = ("kernel", "nbgrader", "venv", "browser", "cluster", "class_run")
"""What a slow test starts; a test with none of these is in the fast tier."""
BY_FIXTURE = {
    "class_runs": "class_run",
    "class_run": "class_run",
    "reference_results": "class_run",
    "stub_results": "class_run",
    "student_venv": "venv",
    "venv_under_tmp": "venv",
    "page": "browser",
}
"""Fixtures that start something, and the marker each gives the tests that use it."""
TIME_LIMITS = {
    "fast": 60,
    "kernel": 600,
    "nbgrader": 900,
    "venv": 900,
    "browser": 600,
    "cluster": 900,
    "class_run": 1800,
}
"""Seconds, setup and teardown included: a class run starts in the setup of the first test that needs it."""


def pytest_configure(config: pytest.Config) -> None:
    """The checks' own markers: the tests import check code (the examples gate), which uses them."""
    for marker in MARKERS:
        config.addinivalue_line("markers", marker)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        starts = {marker for marker in STARTS if item.get_closest_marker(marker)}
        starts |= {BY_FIXTURE[name] for name in item.fixturenames if name in BY_FIXTURE}
        for marker in starts:
            item.add_marker(marker)
        if starts:
            item.add_marker("slow")
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(max(TIME_LIMITS[marker] for marker in starts | {"fast"})))
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(xdist_group(item)))


SHARED_BY_GROUP = {"student_venv": "student_venv", "class_run": TINY.name}
"""Session fixtures built once per xdist worker: the tests that use one share a group."""


def xdist_group(item: pytest.Item) -> str:
    """The group of tests that must run on one xdist worker with this one (conftest's docstring says which)."""
    if marker := item.get_closest_marker("xdist_group"):
        return marker.args[0]
    if shared := [group for fixture, group in SHARED_BY_GROUP.items() if fixture in item.fixturenames]:
        return shared[0]
    params = getattr(item, "callspec", None)
    for key in ("assignment", "assignment_of_case"):
        if params and key in params.params:
            value = params.params[key]
            return value.name if isinstance(value, Assignment) else value
    if "class_runs" in item.fixturenames:
        raise pytest.UsageError(f"{item.nodeid} uses class_runs: give it an `assignment` or an xdist_group marker")
    return item.path.stem
