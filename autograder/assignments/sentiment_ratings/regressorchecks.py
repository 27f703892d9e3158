"""The checks both regressors share (EveryRegressor): layers, a linear output, the regression's compile
settings, the parameter count, and learning the ratings.

A check module subclasses EveryRegressor as a Test class at its end and says what differs: the call
its structure checks build (ARGS) and its learning check (learning.py).
"""

import pytest

from autograder.checklib.learning import LearningCheck
from autograder.checklib.models import (
    assert_compiled,
    assert_linear_output,
    assert_same_layer_classes,
    assert_same_parameter_count,
    called,
)


class EveryRegressor:
    """The subclass sets `args` (the module's ARGS) and `learning`, the regressor's learning check (learning.py)."""

    args: list
    learning: LearningCheck

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
        self.learning.assert_learns(student)
