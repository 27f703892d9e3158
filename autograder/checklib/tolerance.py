"""How rarely a correct model fails a learning check: a one-sided normal tolerance bound.

Ten seeds cannot show by counting that a correct model fails at most 1 in 1,000 times. The
bound does it with a stated assumption: if a correct model's scores over seeds are normal, then
with `confidence` (95%) at least `coverage` (99.9%) of its scores lie above

    mean - k * standard deviation,

where k is the exact one-sided tolerance factor for n scores: k = t' / sqrt(n), t' the
`confidence` quantile of the noncentral t distribution with n - 1 degrees of freedom and
noncentrality z_coverage * sqrt(n) (Natrella, Experimental Statistics, NBS Handbook 91, table
A-7; k = 5.20 at n = 10). No SciPy: the noncentral t's distribution function is integrated
numerically over the chi-square variable, which is accurate to far more digits than the
scores have.
"""

import math
from functools import cache
from statistics import NormalDist

import numpy as np

COVERAGE = 0.999
"""The share of a correct model's scores the bound holds below them: a false fail at most 1 in 1,000."""
CONFIDENCE = 0.95
"""How sure the bound is of that, given n scores."""
ESTIMATOR = (
    f"one-sided normal tolerance bound: mean - k * sd of each correct model's scores, which at least"
    f" {COVERAGE:.1%} of them exceed with {CONFIDENCE:.0%} confidence (exact k from the noncentral t)"
)

_NORMAL = NormalDist()


def _noncentral_t_cdf(t: float, df: int, noncentrality: float) -> float:
    """P(T <= t) for T = (Z + noncentrality) / sqrt(V / df), V chi-square with df degrees of freedom."""
    # Integrate over the chi-square variable's square root s = sqrt(V / df), whose density is smooth and
    # concentrated near 1; 4,000 points over [0, 6] give about 10 correct digits for df >= 2.
    s = np.linspace(1e-9, 6.0, 4001)
    log_density = (
        math.log(2.0) + (df / 2) * math.log(df / 2) - math.lgamma(df / 2) + (df - 1) * np.log(s) - df * s**2 / 2
    )
    normal_cdf = 0.5 * (1 + np.vectorize(math.erf)((t * s - noncentrality) / math.sqrt(2)))
    return float(np.trapezoid(normal_cdf * np.exp(log_density), s))


@cache
def tolerance_factor(n: int, coverage: float = COVERAGE, confidence: float = CONFIDENCE) -> float:
    """k for n scores: with `confidence`, at least `coverage` of the distribution lies above mean - k * sd."""
    if n < 2:
        raise ValueError("a tolerance bound needs at least 2 scores")
    df, noncentrality = n - 1, _NORMAL.inv_cdf(coverage) * math.sqrt(n)
    low, high = noncentrality, noncentrality * 10 + 50  # the quantile lies above the noncentrality
    for _ in range(100):  # bisection on the distribution function
        middle = (low + high) / 2
        if _noncentral_t_cdf(middle, df, noncentrality) < confidence:
            low = middle
        else:
            high = middle
    return (low + high) / 2 / math.sqrt(n)


def lower_bound(scores: list[float]) -> float:
    """The score that, with CONFIDENCE, at least COVERAGE of this model's scores exceed."""
    values = np.asarray(scores, dtype=np.float64)
    return float(values.mean() - tolerance_factor(len(values)) * values.std(ddof=1))


def fail_rate(scores: list[float], threshold: float) -> float:
    """The rate at which this model scores below `threshold`, if its scores are normal with their mean and sd.

    A point estimate, stated beside the bound: how far the threshold lies in the model's tail.
    """
    values = np.asarray(scores, dtype=np.float64)
    spread = float(values.std(ddof=1))
    if spread == 0:
        return 0.0 if float(values.mean()) >= threshold else 1.0
    return _NORMAL.cdf((threshold - float(values.mean())) / spread)
