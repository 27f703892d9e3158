"""`autograder bench`: nbgrader's run sets each assignment's own data-size variable, never another's; its figures."""

from pathlib import Path

import numpy as np
import pytest

from autograder.commands.bench import bench, nbgrader_env, per_submission, percentile, spread
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


def test_percentile_is_numpys():
    values = [3.0, 1.0, 7.5, 2.0, 10.0, 4.0]
    assert [percentile(values, q) for q in (50, 95)] == pytest.approx(np.percentile(values, [50, 95]))


def test_per_submission_says_when_no_grading_finished():
    assert per_submission([]) == "no grading task finished"
    assert per_submission([2.0, 4.0, 6.0]) == "median 4.0 s, p95 5.8 s"


@pytest.mark.parametrize(
    "options, refusal",
    [
        ({"submitted": Path("class"), "nbgrader_copies": 2}, "nbgrader grades copies of the reference"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "--scheduler and --keep go with --submitted"),
    ],
)
def test_options_that_do_not_go_together_are_refused(options, refusal):
    with pytest.raises(SystemExit, match=refusal):
        bench(assignment="rnn_basics", **options)
