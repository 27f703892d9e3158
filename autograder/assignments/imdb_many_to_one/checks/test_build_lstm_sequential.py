"""build_lstm_sequential(top_words, embedding_length, max_review_length, units=128): Embedding -> LSTM -> sigmoid."""

import pytest

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.models import ARGS, INPUTS, LAB_ARGS, UNITS
from autograder.engine.examples import examples_check
from autograder.engine.messages import mismatch

FUNCTION = "build_lstm_sequential"
pytestmark = pytest.mark.function(FUNCTION)
test_notebook_examples = examples_check("imdb_many_to_one", FUNCTION)


@pytest.fixture(scope="module")
def model(student) -> dict:
    return student.describe_model(FUNCTION, [*ARGS, UNITS], INPUTS)


@pytest.fixture(scope="module")
def reference_model(expected) -> dict:
    return expected.describe_model(FUNCTION, [*ARGS, UNITS], INPUTS)


@pytest.mark.points(0.5)
def test_sequential_api(model):
    """is a keras.Sequential model"""
    models.assert_api(model, "Sequential", FUNCTION)


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, LSTM, Dense, in that order"""
    models.assert_layer_kinds(model, reference_model, FUNCTION)


@pytest.mark.points(1)
def test_embedding_sizes(model):
    """sizes the Embedding from top_words and embedding_length"""
    models.assert_embedding_sizes(model, FUNCTION)


@pytest.mark.points(1)
def test_units(model):
    """gives the LSTM `units` units"""
    models.assert_lstm_units(model, UNITS, FUNCTION, [*ARGS, UNITS])


@pytest.mark.points(1)
def test_default_units(student):
    """gives the LSTM 128 units when units is not given, as in the lab"""
    models.assert_lstm_units(student.describe_model(FUNCTION, ARGS, INPUTS), 128, FUNCTION, ARGS)


@pytest.mark.points(1)
def test_last_state_only(model):
    """passes only the LSTM's last state on (many-to-one: no return_sequences)"""
    got = models.config_of(model, "LSTM").get("return_sequences")
    assert got is False, mismatch("LSTM(return_sequences=False): one state per review goes to the output layer", False, got)


@pytest.mark.points(1)
def test_shapes_and_parameters(model, reference_model):
    """gives each layer the output shape and parameter count of the reference, for reviews of max_review_length"""
    models.assert_same_layers(model, reference_model, FUNCTION)


@pytest.mark.points(1)
def test_sigmoid_output(model):
    """ends in a Dense layer of one unit with a sigmoid"""
    models.assert_sigmoid_output(model)


@pytest.mark.points(0.5)
def test_compiled(model):
    """is compiled with binary cross-entropy, Adam and accuracy"""
    models.assert_compiled(model)


@pytest.mark.points(0.5)
def test_keras3_api(model):
    """builds without Keras warnings (no Embedding(input_length=...), which Keras 3 dropped)"""
    models.assert_no_warnings(model, FUNCTION)


@pytest.mark.points(2)
def test_accuracy(student):
    """learns: test accuracy on a fixed subset of IMDB after a short, seeded training (32 units)"""
    args = [*LAB_ARGS, models.LSTM_TRAINING_UNITS]
    data, settings = models.training(models.LSTM_N_TRAIN)
    predictions = student.train_and_predict(FUNCTION, args, *data, **settings)
    models.assert_learns(predictions, FUNCTION, args, models.LSTM_N_TRAIN, models.LSTM_ACCURACY_THRESHOLD, models.LSTM_REFERENCE_RANGE)
