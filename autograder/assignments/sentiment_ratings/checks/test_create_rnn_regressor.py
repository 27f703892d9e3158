"""create_rnn_regressor(n_input_nodes, n_embedding_nodes, n_hidden_nodes): Embedding -> GRU -> Dense(1), linear."""

import numpy as np
import pytest

from autograder.assignments.sentiment_ratings.learning import RNN
from autograder.assignments.sentiment_ratings.regressorchecks import EveryRegressor
from autograder.checklib.messages import mismatch
from autograder.checklib.models import assert_settings, called

# Distinct sizes, so that swapped arguments show.
ARGS = [60, 7, 5]
N_INPUT, N_EMBEDDING, N_HIDDEN = ARGS
CALL = called("create_rnn_regressor", ARGS)
REVIEW = [3, 4, 5, 6]
PADDED = {"at the end": [*REVIEW, 0, 0, 0], "in front": [0, 0, 0, *REVIEW]}
INPUTS = [
    np.random.default_rng(5).integers(1, N_INPUT, size=(3, 9)),
    np.random.default_rng(6).integers(1, N_INPUT, size=(2, 31)),
    np.array([REVIEW]),
    *(np.array([padded]) for padded in PADDED.values()),
]


@pytest.mark.points(1)
def test_embedding_sizes(model):
    """sizes the Embedding from n_input_nodes and n_embedding_nodes"""
    what = f"Embedding (input_dim, output_dim) for {CALL}"
    assert_settings(model, "Embedding", ("input_dim", "output_dim"), (N_INPUT, N_EMBEDDING), what)


@pytest.mark.points(1)
def test_mask_zero(model):
    """masks the padding index 0 (Embedding(..., mask_zero=True))"""
    what = "Embedding(..., mask_zero=True), so that padding is skipped"
    assert_settings(model, "Embedding", ("mask_zero",), True, what)


@pytest.mark.points(1)
def test_gru(model):
    """gives the GRU n_hidden_nodes units and passes on its last state only"""
    what = f"GRU (units, return_sequences) for {CALL}: one state per review goes to the output layer"
    assert_settings(model, "GRU", ("units", "return_sequences"), (N_HIDDEN, False), what)


@pytest.mark.points(1)
def test_any_length(model):
    """reads batches of reviews of any length, one output each"""
    shapes = [tuple(output.shape) for output in model["outputs"][:2]]
    want = [(3, 1), (2, 1)]
    assert shapes == want, mismatch(f"Outputs of {CALL} for 3 reviews of 9 indices and 2 of 31", want, shapes)


@pytest.mark.points(0.5)
@pytest.mark.parametrize("where", list(PADDED))
def test_padding_changes_nothing(model, where):
    """predicts the same for a review with zero padding as without it"""
    plain, padded = model["outputs"][2], model["outputs"][3 + list(PADDED).index(where)]
    what = f"The outputs for {REVIEW} and for {PADDED[where]} (the padding must be masked)"
    same = plain.shape == padded.shape and np.allclose(plain, padded, atol=1e-5)
    assert same, mismatch(what, plain.ravel(), padded.ravel())


class TestEveryRegressor(EveryRegressor):
    args, learning = ARGS, RNN
