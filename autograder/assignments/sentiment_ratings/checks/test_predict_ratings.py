"""predict_ratings(model, x) -> int64 array: the model's outputs rounded (halves to even) and clipped to 1..10.

The checks hand the student's function a real Keras model that predicts its input as it is
(one Dense unit, weight 1, bias 0), so x holds exactly the outputs the function must turn into
stars, and no model of the student's decides this function's points.
"""

from functools import cache

import numpy as np
import pytest

from autograder.checklib.compare import assert_same
from autograder.checklib.messages import mismatch


@cache
def echo():
    """A Keras model whose prediction for [[v]] is [[v]]."""
    import keras

    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.set_weights([np.ones((1, 1)), np.zeros(1)])
    return model


def outputs(*values: float) -> np.ndarray:
    """x for the echo model: one review per value, the model's output for it."""
    return np.array(values, dtype=np.float32).reshape(-1, 1)


def ratings_for(student, function: str, x: np.ndarray):
    return student.call(function, echo(), x)


def called_on(function: str, x: np.ndarray) -> str:
    return f"{function}(model, x) for the model's outputs {x.ravel().tolist()}"


def assert_ratings(student, function: str, x: np.ndarray, want: list[int]) -> None:
    """The ratings for the outputs x are `want`, whatever the answer's shape and dtype (their own check)."""
    got = ratings_for(student, function, x)
    assert np.asarray(got).ravel().tolist() == want, mismatch(called_on(function, x), want, got)


@pytest.mark.points(1)
def test_rounds_to_the_nearest_star(student, function):
    """rounds each output to the nearest whole star"""
    assert_ratings(student, function, outputs(1.2, 3.7, 5.49, 8.51, 9.99), [1, 4, 5, 9, 10])


@pytest.mark.points(1)
def test_halves_go_to_even(student, function):
    """rounds an output halfway between two stars to the even one, as np.round does"""
    assert_ratings(student, function, outputs(1.5, 2.5, 6.5, 7.5, 9.5), [2, 2, 6, 8, 10])


@pytest.mark.points(1)
def test_clipped_to_the_scale(student, function):
    """clips ratings below 1 to 1 and above 10 to 10"""
    assert_ratings(student, function, outputs(-3.2, 0.0, 0.4, 10.6, 14.0), [1, 1, 1, 10, 10])


@pytest.mark.points(1)
def test_int64_array(student, function):
    """returns a 1-D NumPy array of int64, one rating per review"""
    x = outputs(2.2, 7.7, 9.1)
    got = ratings_for(student, function, x)
    kind = (type(got).__name__, str(got.dtype), got.shape) if isinstance(got, np.ndarray) else (type(got).__name__,)
    want = ("ndarray", "int64", (3,))
    assert kind == want, mismatch(f"(type, dtype, shape) of {called_on(function, x)}", want, kind)


@pytest.mark.points(1)
@pytest.mark.parametrize("n", [1, 300])
def test_like_the_reference(student, expected, function, n):
    """gives the reference's ratings for random outputs"""
    x = outputs(*np.random.default_rng(n).uniform(-2, 13, n).round(2))
    want = ratings_for(expected, function, x)
    assert_same(ratings_for(student, function, x), want, f"{function}(model, x) for {n} random outputs in [-2, 13]")
