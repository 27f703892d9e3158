"""`autograder bench`'s settings for nbgrader's run: each assignment's own data-size variable, never another's."""

import pytest

from autograder.commands.bench import nbgrader_env, spread
from autograder.course import discover

ASSIGNMENTS = discover()


@pytest.mark.parametrize("name", sorted(name for name, a in ASSIGNMENTS.items() if a.quick_run_env))
def test_reviews_set_only_the_assignments_own_data_size(name, monkeypatch):
    for other in ASSIGNMENTS.values():
        for variable in other.quick_run_env:
            monkeypatch.delenv(variable, raising=False)
    env = nbgrader_env(ASSIGNMENTS[name], 300)
    set_here = {variable for a in ASSIGNMENTS.values() for variable in a.quick_run_env if variable in env}
    assert set_here == set(ASSIGNMENTS[name].quick_run_env) and all(env[v] == "300" for v in set_here)


def test_reviews_for_an_assignment_without_a_data_size_is_refused():
    with pytest.raises(SystemExit, match="rnn_basics notebook has no data-size setting"):
        nbgrader_env(ASSIGNMENTS["rnn_basics"], 300)


def test_spread_is_the_median_and_the_range():
    assert spread([3.0, 1.0, 2.0]) == "2.0 s (median of 3, 1.0-3.0 s)" and spread([4.0]) == "4.0 s"
