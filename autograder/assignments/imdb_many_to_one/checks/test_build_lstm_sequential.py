"""build_lstm_sequential(top_words, embedding_length, max_review_length, units=128): Embedding -> LSTM -> sigmoid."""

import pytest

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.models import ARGS, INPUTS, UNITS
from autograder.engine.messages import mismatch
from autograder.engine.modelchecks import model_fixtures

FUNCTION = "build_lstm_sequential"

model, reference_model = model_fixtures(FUNCTION, [*ARGS, UNITS], INPUTS)
test_sequential_api = models.api_check(FUNCTION, "Sequential", 0.5)
test_embedding_sizes, test_sigmoid_output, test_compiled, test_keras3_api = models.common_checks(FUNCTION)
test_units, test_default_units = models.units_checks(FUNCTION)
test_accuracy = models.lstm_accuracy_check(FUNCTION)


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, LSTM, Dense, in that order"""
    models.assert_layer_kinds(model, reference_model, FUNCTION)


@pytest.mark.points(1)
def test_last_state_only(model):
    """passes only the LSTM's last state on (many-to-one: no return_sequences)"""
    got = models.config_of(model, "LSTM").get("return_sequences")
    assert got is False, mismatch(
        "LSTM(return_sequences=False): one state per review goes to the output layer", False, got
    )


@pytest.mark.points(1)
def test_shapes_and_parameters(model, reference_model):
    """gives each layer the output shape and parameter count of the reference, for reviews of max_review_length"""
    models.assert_same_layers(model, reference_model, FUNCTION)
