"""create_rnn_model(n_input_nodes, n_embedding_nodes, n_hidden_nodes): Embedding -> GRU -> sigmoid."""

import numpy as np
import pytest

from autograder.assignments.sentiment_rnn.learning import RNN_MODEL
from autograder.checklib.messages import mismatch
from autograder.checklib.models import (
    assert_compiled,
    assert_output_shape,
    assert_same_layer_classes,
    assert_same_parameter_count,
    assert_settings,
    assert_sigmoid_output,
    called,
)

# Small, distinct sizes, so that swapped arguments show.
ARGS = [50, 6, 5]
N_INPUT, N_EMBEDDING, N_HIDDEN = ARGS
CALL = called("create_rnn_model", ARGS)
SEQUENCE = [3, 4, 5, 6]
INPUTS = [
    np.random.default_rng(7).integers(1, N_INPUT, size=(3, 7)),
    np.random.default_rng(8).integers(1, N_INPUT, size=(2, 23)),
    np.array([SEQUENCE]),
    np.array([[0, 0, 0, *SEQUENCE]]),
]


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, GRU, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(1)
def test_embedding_sizes(model):
    """sizes the Embedding from n_input_nodes and n_embedding_nodes"""
    what = f"Embedding (input_dim, output_dim) for {CALL}"
    assert_settings(model, "Embedding", ("input_dim", "output_dim"), (N_INPUT, N_EMBEDDING), what)


@pytest.mark.points(1)
def test_mask_zero(model):
    """masks the padding index 0 in the Embedding (mask_zero=True)"""
    assert_settings(
        model, "Embedding", ("mask_zero",), True, "Embedding(..., mask_zero=True), so that padding is ignored"
    )


@pytest.mark.points(1)
def test_recurrent_units(model):
    """gives the GRU n_hidden_nodes units"""
    assert_settings(model, "GRU", ("units",), N_HIDDEN, f"GRU units for n_hidden_nodes={N_HIDDEN}")


@pytest.mark.points(1)
def test_last_state_only(model):
    """returns only the GRU's last state (no return_sequences)"""
    what = "GRU(return_sequences=False): one state per review goes to the output layer"
    assert_settings(model, "GRU", ("return_sequences",), False, what)


@pytest.mark.points(0.5)
def test_output_shape(model):
    """outputs one number per review: shape (None, 1)"""
    assert_output_shape(model)


@pytest.mark.points(1)
def test_sigmoid_output(model):
    """ends in a Dense layer of one unit with a sigmoid"""
    assert_sigmoid_output(model)


@pytest.mark.points(1)
def test_compiled(model):
    """is compiled with binary cross-entropy, Adam and accuracy"""
    assert_compiled(model)


@pytest.mark.points(1)
def test_parameter_count(model, reference_model):
    """has as many parameters as Embedding -> GRU -> Dense of these sizes"""
    assert_same_parameter_count(model, reference_model, CALL)


@pytest.mark.points(1)
def test_any_length(model):
    """accepts batches of sequences of any length"""
    shapes = [tuple(output.shape) for output in model["outputs"][:2]]
    assert shapes == [(3, 1), (2, 1)], mismatch(
        "Outputs for batches of 3 sequences of 7 and 2 of 23", [(3, 1), (2, 1)], shapes
    )


@pytest.mark.points(1)
def test_padding_ignored(model):
    """predicts the same for a review with or without zero padding in front"""
    plain, padded = model["outputs"][2], model["outputs"][3]
    what = f"The predictions for {SEQUENCE} and for {[0, 0, 0, *SEQUENCE]}"
    assert plain.shape == padded.shape, mismatch(
        f"{what}: one prediction per review, whatever its length", tuple(plain.shape), tuple(padded.shape)
    )
    assert np.allclose(plain, padded, atol=1e-5), mismatch(
        f"{what} (padding must be masked)",
        plain.ravel(),
        padded.ravel(),
    )


@pytest.mark.points(3)
def test_accuracy(student, function):
    """learns: test accuracy on a fixed subset of IMDB after a short, seeded training"""
    RNN_MODEL.assert_learns(student)
