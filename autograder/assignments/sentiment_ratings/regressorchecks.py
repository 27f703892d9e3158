"""The checks both regressors share (EveryRegressor): layers, a linear output, the regression's compile
settings, the parameter count, and learning the ratings.

A check module subclasses EveryRegressor as a Test class at its end and says what differs: the call
its structure checks build (ARGS), the data and sizes its learning check trains with, and the
threshold calibrated for them.
"""

from collections.abc import Callable

import pytest

from autograder.assignments.sentiment_ratings.r2 import assert_r2
from autograder.checklib.accuracy import AccuracyData, Training
from autograder.checklib.models import (
    assert_compiled,
    assert_linear_output,
    assert_same_layer_classes,
    assert_same_parameter_count,
    called,
)


class EveryRegressor:
    """The subclass sets `args` (the module's ARGS), `data`, `training_args` (the builder's arguments
    for that data), `training`, `items` (what the data's examples are), `threshold` and `calibrated`
    (the reference's range of R²)."""

    args: list
    data: Callable[[], AccuracyData]
    training_args: Callable[[AccuracyData], list]
    training: Training
    items: str
    threshold: float
    calibrated: str

    @pytest.mark.points(1)
    def test_layers(self, model, reference_model, function):
        """has the reference's layers, in its order"""
        assert_same_layer_classes(model, reference_model, called(function, self.args))

    @pytest.mark.points(1)
    def test_linear_output(self, model):
        """ends in Dense(1) without an activation: a rating can take any value"""
        assert_linear_output(model)

    @pytest.mark.points(1)
    def test_compiled(self, model):
        """is compiled with the mean squared error and Adam"""
        assert_compiled(model, loss="mean_squared_error", metric=None)

    @pytest.mark.points(1)
    def test_parameter_count(self, model, reference_model, function):
        """has as many parameters as the reference of these sizes"""
        assert_same_parameter_count(model, reference_model, called(function, self.args))

    @pytest.mark.points(3)
    def test_learns_ratings(self, student, function):
        """learns: R² of its outputs against the star ratings of a fixed subset of IMDB after a short, seeded training"""
        data = type(self).data()
        args = type(self).training_args(data)
        predictions = self.training.predictions(student, function, args, data)
        trained = self.training.described(f"{len(data.y_train)} {self.items}", function, args)
        assert_r2(predictions, data.y_test, self.threshold, trained, self.calibrated)
