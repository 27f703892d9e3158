"""checklib/tolerance.py: the one-sided normal tolerance factor, against published tables and by simulation."""

import numpy as np
import pytest

from autograder.checklib.tolerance import fail_rate, lower_bound, tolerance_factor


# Natrella, Experimental Statistics (NBS Handbook 91), table A-7, one-sided factors at 95% confidence.
@pytest.mark.parametrize(
    ("n", "coverage", "k"),
    [(10, 0.90, 2.355), (10, 0.95, 2.911), (10, 0.99, 3.981), (10, 0.999, 5.203), (5, 0.99, 5.741), (3, 0.999, 13.857)],
)
def test_the_factor_matches_the_published_table(n, coverage, k):
    assert tolerance_factor(n, coverage) == pytest.approx(k, abs=0.001)


def test_the_bound_holds_with_the_stated_confidence():
    """Over many samples of 10 normal scores, the bound lies below the 0.1% quantile in about 95% of them."""
    samples = np.random.default_rng(0).normal(size=(100_000, 10))
    bounds = samples.mean(axis=1) - tolerance_factor(10) * samples.std(axis=1, ddof=1)
    covered = np.mean(bounds <= -3.0902)  # the standard normal's 0.1% quantile
    assert covered == pytest.approx(0.95, abs=0.005)


def test_a_wider_spread_lowers_the_bound():
    assert lower_bound([0.70, 0.80] * 5) < lower_bound([0.74, 0.76] * 5) < 0.75


def test_the_estimated_fail_rate_is_the_normal_tail():
    scores = [0.74, 0.76] * 5  # mean 0.75, sd 0.0105
    assert fail_rate(scores, 0.75) == pytest.approx(0.5)
    assert fail_rate(scores, 0.70) < 1e-5
    assert fail_rate([0.8] * 4, 0.7) == 0.0 and fail_rate([0.6] * 4, 0.7) == 1.0


def test_one_score_gives_no_bound():
    with pytest.raises(ValueError, match="at least 2"):
        tolerance_factor(1)
