"""The checks run with the grader's own pytest options, whatever the shell that started the grader had set."""

import pytest

from autograder.course import get
from autograder.engine.run import check_points


@pytest.mark.parametrize("options", ["--basetemp=/", "-k no_check_is_named_so", "-x --collect-only -q"])
def test_pytest_addopts_of_the_shell_change_no_check(monkeypatch, options):
    """PYTEST_ADDOPTS once broke every check under nbgrader (--basetemp), and -k would drop checks silently."""
    assignment = get("rnn_basics")
    points = check_points(assignment)
    assert sum(points.values()) > 0
    monkeypatch.setenv("PYTEST_ADDOPTS", options)
    assert check_points(assignment) == points
