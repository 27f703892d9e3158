"""r2_score(y_true, y_pred) -> float: 1 - residual / total sum of squares, as scikit-learn defines it."""

import numpy as np
import pytest

from autograder.checklib.messages import mismatch, shown

TRUE = [1, 10, 7, 3, 8, 2, 9, 4]
MEAN = float(np.mean(TRUE))


TOLERANCE = 1e-6
"""Relative to max(1, |R²|). float32 inputs summed in float32, NumPy's default for such arrays, land about 1e-9 from
the reference's float64 result here; float32 itself holds 7 digits. A wrong formula is off by far more."""


def assert_r2(student, function: str, y_true, y_pred, want: float) -> None:
    """r2_score(y_true, y_pred) is the number `want`, within TOLERANCE; the message says so."""
    got = student.call(function, y_true, y_pred)
    what = f"{function}({shown(y_true)}, {shown(y_pred)}), compared within a relative {TOLERANCE:g}"
    assert type(got) is float and abs(got - want) <= TOLERANCE * max(1.0, abs(want)), mismatch(what, want, got)


@pytest.mark.points(1)
def test_perfect(student, function):
    """gives 1.0 for a perfect prediction"""
    assert_r2(student, function, TRUE, list(TRUE), 1.0)


@pytest.mark.points(1)
def test_the_mean(student, function):
    """gives 0.0 for always predicting the mean of y_true"""
    assert_r2(student, function, TRUE, [MEAN] * len(TRUE), 0.0)


@pytest.mark.points(1)
def test_worse_than_the_mean(student, expected, function):
    """is negative for predictions worse than the mean"""
    worse = TRUE[::-1]
    assert_r2(student, function, TRUE, worse, expected.call(function, TRUE, worse))


@pytest.mark.points(0.5)
@pytest.mark.parametrize(("y_pred", "want"), [([7, 7, 7], 1.0), ([7, 7, 8], 0.0)])
def test_constant_y_true(student, function, y_pred, want):
    """for a constant y_true, gives 1.0 if the prediction is exact, else 0.0"""
    assert_r2(student, function, [7, 7, 7], y_pred, want)


@pytest.mark.points(0.5)
@pytest.mark.parametrize(
    "kind", ["lists of ints", "lists of floats", "int64 arrays", "float32 arrays", "a list and an array"]
)
def test_lists_and_arrays(student, expected, function, kind):
    """accepts lists and NumPy arrays"""
    y_true, y_pred = TRUE, [x + (0.5 if x % 2 else -1.5) for x in TRUE]
    y_true, y_pred = {
        "lists of ints": (y_true, [round(x) for x in y_pred]),
        "lists of floats": ([float(x) for x in y_true], y_pred),
        "int64 arrays": (np.array(y_true), np.round(y_pred).astype(np.int64)),
        "float32 arrays": (np.array(y_true, np.float32), np.array(y_pred, np.float32)),
        "a list and an array": (y_true, np.array(y_pred)),
    }[kind]
    assert_r2(student, function, y_true, y_pred, expected.call(function, y_true, y_pred))


@pytest.mark.points(1)
@pytest.mark.parametrize("n", [10, 2000])
def test_like_scikit_learn(student, expected, function, n):
    """gives scikit-learn's R² for random ratings and predictions"""
    rng = np.random.default_rng(n)
    y_true = rng.choice([1, 2, 3, 4, 7, 8, 9, 10], n).astype(np.float64)
    y_pred = y_true + rng.normal(0, 2.5, n)
    assert_r2(student, function, y_true, y_pred, expected.call(function, y_true, y_pred))
