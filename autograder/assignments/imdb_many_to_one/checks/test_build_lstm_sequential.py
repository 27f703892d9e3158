"""build_lstm_sequential(top_words, embedding_length, max_review_length, units=128): Embedding -> LSTM -> sigmoid."""

import pytest

from autograder.assignments.imdb_many_to_one import models
from autograder.checklib.models import assert_settings

ARGS, INPUTS = [*models.ARGS, models.UNITS], models.INPUTS


@pytest.mark.points(0.5)
def test_sequential_api(model, function):
    """is a keras.Sequential model"""
    models.assert_api(model, "Sequential", function)


class TestAsEveryBuilder(models.EveryBuilder):
    pass


class TestAsLstm(models.LstmUnitsAndLearning):
    pass


@pytest.mark.points(1.5)
def test_layers(model, reference_model, function):
    """has the layers Embedding, LSTM, Dense, in that order"""
    models.assert_layer_kinds(model, reference_model, function)


@pytest.mark.points(1)
def test_last_state_only(model):
    """passes only the LSTM's last state on (many-to-one: no return_sequences)"""
    what = "LSTM(return_sequences=False): one state per review goes to the output layer"
    assert_settings(model, "LSTM", ("return_sequences",), False, what)


@pytest.mark.points(1)
def test_shapes_and_parameters(model, reference_model, function):
    """gives each layer the output shape and parameter count of the reference, for reviews of max_review_length"""
    models.assert_same_layers(model, reference_model, function)
