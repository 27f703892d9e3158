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

Under pytest-xdist a test runs in the group of what it shares: the tests of one assignment (its
class run, its nbgrader course) together, the tests that use the student's venv together, and
every other test with the rest of its module (its module's fixtures). GroupScheduling sends each
group whole to one worker. (pytest-xdist 3.8's own `--dist loadgroup` cannot: it renames
`item._nodeid`, which pytest 9 no longer reads, so its groups were split between the workers and
both workers built the same class runs.)
"""

import json
import os
import shutil
import tempfile
from collections import Counter
from functools import cached_property
from pathlib import Path

import pytest
from support.kit import TINY
from xdist.scheduler import LoadScopeScheduling

from autograder.course import Assignment
from autograder.runner.plugin import MARKERS

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


GROUPS_ENV = "KIT_TEST_GROUPS"
"""Where the xdist workers write each test's group for the controller's GroupScheduling (a JSON file)."""


def pytest_configure(config: pytest.Config) -> None:
    """The checks' own markers (the tests import check code, which uses them); the groups' file, in the controller."""
    for marker in MARKERS:
        config.addinivalue_line("markers", marker)
    if not hasattr(config, "workerinput"):  # the controller (its own file, even when a test of the suite starts it)
        folder = tempfile.mkdtemp(prefix="kit-test-groups-")
        os.environ[GROUPS_ENV] = str(Path(folder) / "groups.json")  # the workers, started later, inherit it
        config.add_cleanup(lambda: (shutil.rmtree(folder, ignore_errors=True), os.environ.pop(GROUPS_ENV, None)))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
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
    # The groups with a class run first, then the other slow ones, each band's larger groups first: a long group
    # left for the end keeps one worker busy while the other idles. The sort is stable, so each group keeps pytest's
    # order. The workers take the groups in this order (--no-loadscope-reorder in pyproject.toml): xdist's own, by
    # number of tests alone, left the authoring guide's test (one test, 3-4 minutes) for the end, alone on a worker.
    heaviness: dict[str, int] = {}
    size: Counter[str] = Counter()
    for item in items:
        group = item.get_closest_marker("xdist_group").args[0]
        weight = 0 if item.get_closest_marker("class_run") else 1 if item.get_closest_marker("slow") else 2
        heaviness[group] = min(weight, heaviness.get(group, 2))
        size[group] += 1
    items.sort(key=lambda item: (heaviness[group := item.get_closest_marker("xdist_group").args[0]], -size[group]))
    if hasattr(config, "workerinput"):  # an xdist worker: tell the controller each test's group
        groups = {item.nodeid: item.get_closest_marker("xdist_group").args[0] for item in items}
        path = Path(os.environ[GROUPS_ENV])
        mine = path.with_suffix(f".{config.workerinput['workerid']}")
        mine.write_text(json.dumps(groups), encoding="utf-8")
        mine.replace(path)  # whole, whichever worker writes last: both collect the same tests


SHARED_BY_GROUP = {"student_venv": "student_venv", "class_run": TINY.name}
"""Session fixtures built once per xdist worker: the tests that use one share a group."""


def xdist_group(item: pytest.Item) -> str:
    """The group of tests that must run on one xdist worker with this one (conftest's docstring says which)."""
    if shared := [group for fixture, group in SHARED_BY_GROUP.items() if fixture in item.fixturenames]:
        return shared[0]
    params = getattr(item, "callspec", None)
    for key in ("assignment", "assignment_of_case"):
        if params and key in params.params:
            value = params.params[key]
            return value.name if isinstance(value, Assignment) else value
    if "class_runs" in item.fixturenames:
        raise pytest.UsageError(f"{item.nodeid} uses class_runs: give it an `assignment` or an xdist_group marker")
    return item.nodeid.split("::")[0]


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> "GroupScheduling":
    return GroupScheduling(config, log)


class GroupScheduling(LoadScopeScheduling):
    """pytest-xdist's scheduling by scope, each test's scope being its group (xdist_group), sent whole to one worker.

    It runs once every worker has collected, so the groups' file that they write as they collect is there.
    """

    @cached_property
    def groups(self) -> dict[str, str]:
        return json.loads(Path(os.environ[GROUPS_ENV]).read_text(encoding="utf-8"))

    def _split_scope(self, nodeid: str) -> str:
        return self.groups[nodeid]
