"""build_simple_rnn(vocab_size, embed_length, max_length, units): Embedding -> SimpleRNN -> sigmoid."""

import numpy as np
import pytest

from autograder.assignments.rnn_basics.learning import SIMPLE_RNN
from autograder.checklib.messages import mismatch
from autograder.checklib.models import (
    assert_compiled,
    assert_output_shape,
    assert_same_layer_classes,
    assert_same_parameter_count,
    assert_settings,
    assert_sigmoid_output,
    called,
    layers_of,
)

# Small, distinct sizes, so that swapped arguments show.
ARGS = [40, 6, 7, 5]
VOCAB_SIZE, EMBED_LENGTH, MAX_LENGTH, UNITS = ARGS
CALL = called("build_simple_rnn", ARGS)
# Word numbers below VOCAB_SIZE only: a model with one Embedding row too few still runs, and loses only its own check.
INPUTS = [np.random.default_rng(7).integers(0, VOCAB_SIZE, size=(3, MAX_LENGTH))]


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, SimpleRNN, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(1)
def test_embedding_rows(model):
    """gives the Embedding vocab_size + 1 rows (the words and the padding 0) of embed_length numbers"""
    what = f"Embedding (input_dim, output_dim) for {CALL}"
    assert_settings(model, "Embedding", ("input_dim", "output_dim"), (VOCAB_SIZE + 1, EMBED_LENGTH), what)


@pytest.mark.points(1)
def test_input_length(model):
    """reads sentences of max_length words: the Embedding's output is (None, max_length, embed_length)"""
    got = layers_of(model, "Embedding")[0]["output_shape"]
    want = [None, MAX_LENGTH, EMBED_LENGTH]
    assert got == want, mismatch(
        f"The Embedding's output shape for {CALL} (keras.Input(shape=(max_length,)))", want, got
    )


@pytest.mark.points(1)
def test_recurrent_units(model):
    """gives the SimpleRNN `units` units"""
    assert_settings(model, "SimpleRNN", ("units",), UNITS, f"SimpleRNN units for units={UNITS}")


@pytest.mark.points(0.5)
def test_tanh(model):
    """keeps the SimpleRNN's tanh activation"""
    assert_settings(model, "SimpleRNN", ("activation",), "tanh", "The SimpleRNN's activation (its default, tanh)")


@pytest.mark.points(1)
def test_last_state_only(model):
    """passes only the SimpleRNN's last state on (no return_sequences)"""
    what = "SimpleRNN(return_sequences=False): one state per sentence goes to the output layer"
    assert_settings(model, "SimpleRNN", ("return_sequences",), False, what)


@pytest.mark.points(0.5)
def test_output_shape(model):
    """outputs one number per sentence: shape (None, 1)"""
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
    """has as many parameters as Embedding -> SimpleRNN -> Dense of these sizes"""
    assert_same_parameter_count(model, reference_model, CALL)


@pytest.mark.points(3)
def test_accuracy(student, function):
    """learns: accuracy on the 100 Yelp test sentences after a short, seeded training on the 900 others"""
    SIMPLE_RNN.assert_learns(student)
