"""The suite's tiers and time limits; its fixtures are in tests/support/ (fixtures.py, browser.py).

Two tiers (docs/benchmarks.md#the-test-suite):
- the fast tier, `pytest -m "not slow"`: every test that starts no kernel, venv, browser,
  cluster, nbgrader run or class run; what an engineer runs after each edit;
- the whole suite, `pytest`: what `.ci/run` runs.

A test says what it starts with the markers of STARTS (pyproject.toml registers them),
set on the test or its module, or given here from the fixtures it uses; each of them
makes the test `slow`. Each test has a time limit (pytest-timeout), a guard against a hang
rather than a speed check: its own `timeout` marker where it has one, else the largest of
its markers' limits below, each at least three times what such a test was measured to take.
"""

import pytest

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
