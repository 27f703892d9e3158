"""create_rnn_model(n_input_nodes, n_embedding_nodes, n_hidden_nodes): Embedding (masked) -> GRU -> sigmoid."""

import numpy as np
import pytest

from autograder.assignments.tiny_sentiment.learning import RNN_MODEL
from autograder.checklib.models import (
    assert_compiled,
    assert_same_layer_classes,
    assert_settings,
    assert_sigmoid_output,
    called,
)

# Small, distinct sizes, so that swapped arguments show.
ARGS = [50, 6, 5]
N_INPUT, N_EMBEDDING, N_HIDDEN = ARGS
CALL = called("create_rnn_model", ARGS)
INPUTS = [np.random.default_rng(7).integers(1, N_INPUT, size=(3, 7))]


@pytest.mark.points(1)
def test_layers(model, reference_model):
    """has the layers Embedding, GRU, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(1)
def test_sizes(model):
    """sizes the Embedding from n_input_nodes and n_embedding_nodes, the GRU from n_hidden_nodes"""
    what = f"Embedding (input_dim, output_dim) for {CALL}"
    assert_settings(model, "Embedding", ("input_dim", "output_dim"), (N_INPUT, N_EMBEDDING), what)
    assert_settings(model, "GRU", ("units",), N_HIDDEN, f"GRU units for n_hidden_nodes={N_HIDDEN}")


@pytest.mark.points(1)
def test_mask_zero(model):
    """masks the padding index 0 in the Embedding (mask_zero=True)"""
    what = "Embedding(..., mask_zero=True), so that padding is ignored"
    assert_settings(model, "Embedding", ("mask_zero",), True, what)


@pytest.mark.points(1)
def test_sigmoid_output(model):
    """ends in a Dense layer of one unit with a sigmoid"""
    assert_sigmoid_output(model)


@pytest.mark.points(1)
def test_compiled(model):
    """is compiled with binary cross-entropy, Adam and accuracy"""
    assert_compiled(model)


@pytest.mark.points(2)
def test_accuracy(student, function):
    """learns: test accuracy on made-up reviews after a short, seeded training"""
    RNN_MODEL.assert_learns(student)
