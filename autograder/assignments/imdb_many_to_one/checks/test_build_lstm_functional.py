"""build_lstm_functional(top_words, embedding_length, max_review_length, units=128): part 5's network, Functional API."""

import pytest

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.models import ARGS, INPUTS, LAB_ARGS, UNITS
from autograder.engine.examples import examples_check

FUNCTION = "build_lstm_functional"
pytestmark = pytest.mark.function(FUNCTION)
test_notebook_examples = examples_check("imdb_many_to_one", FUNCTION)


@pytest.fixture(scope="module")
def model(student) -> dict:
    return student.describe_model(FUNCTION, [*ARGS, UNITS], INPUTS)


@pytest.fixture(scope="module")
def sequential_model(expected) -> dict:
    """The reference's Sequential network of part 5: the Functional one must match it layer by layer."""
    return expected.describe_model("build_lstm_sequential", [*ARGS, UNITS], INPUTS)


@pytest.mark.points(1)
def test_functional_api(model):
    """is a Functional model: keras.Model(inputs=..., outputs=...)"""
    models.assert_api(model, "Functional", FUNCTION)


@pytest.mark.points(2)
def test_same_layers_as_sequential(model, sequential_model):
    """matches the Sequential network layer by layer: kinds, output shapes and parameter counts"""
    models.assert_same_layers(model, sequential_model, FUNCTION)


@pytest.mark.points(1)
def test_units(model):
    """gives the LSTM `units` units"""
    models.assert_lstm_units(model, UNITS, FUNCTION, [*ARGS, UNITS])


@pytest.mark.points(1)
def test_default_units(student):
    """gives the LSTM 128 units when units is not given, as in the lab"""
    models.assert_lstm_units(student.describe_model(FUNCTION, ARGS, INPUTS), 128, FUNCTION, ARGS)


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
