"""build_lstm(top_words, embedding_length, max_review_length, units=100): Embedding -> LSTM -> sigmoid."""

import pytest

from autograder.assignments.lstm_cnn_imdb import modelchecks as mc
from autograder.assignments.lstm_cnn_imdb.learning import LSTM
from autograder.checklib.models import assert_same_layer_classes, called

ARGS, INPUTS = mc.ARGS, mc.INPUTS
CALL = called("build_lstm", ARGS)


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, LSTM, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(0.5)
def test_default_units(student, function):
    """gives the LSTM 100 units when `units` is not given"""
    mc.assert_lstm_units(student.describe_model(function, ARGS[:3], []), 100)


class TestAsEveryBuilder(mc.EveryBuilder):
    args, learning = ARGS, LSTM
