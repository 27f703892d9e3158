"""build_lstm_dropout(top_words, embedding_length, max_review_length, units=100, rate=0.2): dropout around the LSTM."""

import pytest

from autograder.assignments.lstm_cnn_imdb import modelchecks as mc
from autograder.assignments.lstm_cnn_imdb.learning import LSTM_DROPOUT
from autograder.checklib.messages import mismatch
from autograder.checklib.models import (
    assert_same_layer_classes,
    called,
    layers_of,
)

ARGS, INPUTS = [*mc.ARGS, 0.35], mc.INPUTS  # a rate other than the default, so that a fixed rate shows
RATE = ARGS[4]
DEFAULT_RATE = 0.2
CALL = called("build_lstm_dropout", ARGS)


def dropout_rates(description: dict) -> list:
    return [layer["config"].get("rate") for layer in layers_of(description, "Dropout")]


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, Dropout, LSTM, Dropout, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(1.5)
def test_dropout_rate(model):
    """gives both Dropout layers the rate it is passed"""
    got = dropout_rates(model)
    assert got == [RATE, RATE], mismatch(f"The rates of the Dropout layers of {CALL}", [RATE, RATE], got)


@pytest.mark.points(1)
def test_default_rate(student, function):
    """drops 20% when `rate` is not given"""
    got = dropout_rates(student.describe_model(function, ARGS[:4], []))
    want = [DEFAULT_RATE, DEFAULT_RATE]
    assert got == want, mismatch(f"The rates of the Dropout layers of {called(function, ARGS[:4])}", want, got)


class TestAsEveryBuilder(mc.EveryBuilder):
    args, learning = ARGS, LSTM_DROPOUT
