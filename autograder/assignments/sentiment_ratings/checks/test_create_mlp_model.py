"""create_mlp_model(n_input_nodes, n_hidden_nodes): bag of words -> Dense(sigmoid) -> Dense(1), linear; MSE, Adam."""

import numpy as np
import pytest

from autograder.assignments.sentiment_ratings.learning import MLP
from autograder.assignments.sentiment_ratings.regressorchecks import EveryRegressor
from autograder.checklib.messages import mismatch
from autograder.checklib.models import assert_settings, called

# Distinct sizes, so that swapped arguments show.
ARGS = [40, 7]
N_INPUT, N_HIDDEN = ARGS
CALL = called("create_mlp_model", ARGS)
INPUTS = [np.random.default_rng(3).integers(0, 4, size=(3, N_INPUT)).astype(np.float32)]


@pytest.mark.points(1)
def test_hidden_layer(model):
    """gives the hidden Dense layer n_hidden_nodes units and a sigmoid"""
    what = f"The first Dense layer's (units, activation) for {CALL}"
    assert_settings(model, "Dense", ("units", "activation"), (N_HIDDEN, "sigmoid"), what)


@pytest.mark.points(1)
def test_input_size(model):
    """reads bags of words of n_input_nodes numbers, one output each"""
    shapes = [tuple(output.shape) for output in model["outputs"]]
    assert shapes == [(3, 1)], mismatch(f"Outputs of {CALL} for 3 vectors of {N_INPUT} counts", [(3, 1)], shapes)


class TestEveryRegressor(EveryRegressor):
    args, learning = ARGS, MLP
