"""build_cnn_lstm(top_words, embedding_length, max_review_length, units=100): Conv1D and pooling before the LSTM."""

import pytest

from autograder.assignments.lstm_cnn_imdb import modelchecks as mc
from autograder.assignments.lstm_cnn_imdb.learning import CNN_LSTM
from autograder.checklib.messages import mismatch
from autograder.checklib.models import (
    assert_same_layer_classes,
    called,
    layers_of,
)

ARGS, INPUTS = mc.ARGS, mc.INPUTS
MAX_REVIEW_LENGTH = mc.MAX_REVIEW_LENGTH
FILTERS = 32
CALL = called("build_cnn_lstm", ARGS)


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, Conv1D, MaxPooling1D, LSTM, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(1.5)
def test_convolution(model):
    """convolves with 32 filters of width 3, "same" padding and a ReLU"""
    (conv,) = layers_of(model, "Conv1D")
    settings = ("filters", "kernel_size", "padding", "activation")
    want, got = [FILTERS, [3], "same", "relu"], [conv["config"].get(key) for key in settings]
    assert got == want, mismatch(f"Conv1D ({', '.join(settings)})", want, got)
    want_shape = [None, MAX_REVIEW_LENGTH, FILTERS]
    assert conv["output_shape"] == want_shape, mismatch(
        f"The Conv1D's output shape for reviews of {MAX_REVIEW_LENGTH} words", want_shape, conv["output_shape"]
    )


@pytest.mark.points(1.5)
def test_pooling_halves_time(model):
    """pools pairs of steps: the LSTM reads half as many steps as the review has words"""
    (pooling,) = layers_of(model, "MaxPooling1D")
    want_shape = [None, MAX_REVIEW_LENGTH // 2, FILTERS]
    assert pooling["output_shape"] == want_shape, mismatch(
        f"The MaxPooling1D's output shape for reviews of {MAX_REVIEW_LENGTH} words (the time axis halved)",
        want_shape,
        pooling["output_shape"],
    )


class TestAsEveryBuilder(mc.EveryBuilder):
    args, learning = ARGS, CNN_LSTM
