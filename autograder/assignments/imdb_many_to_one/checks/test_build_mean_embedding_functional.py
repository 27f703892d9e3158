"""build_mean_embedding_functional(top_words, embedding_length, max_review_length): part 2's network, Functional API."""

import pytest

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.models import ARGS, INPUTS, LAB_ARGS
from autograder.engine.examples import examples_check

FUNCTION = "build_mean_embedding_functional"
pytestmark = pytest.mark.function(FUNCTION)
test_notebook_examples = examples_check("imdb_many_to_one", FUNCTION)

@pytest.fixture(scope="module")
def model(student) -> dict:
    return student.describe_model(FUNCTION, ARGS, INPUTS)


@pytest.fixture(scope="module")
def sequential_model(expected) -> dict:
    """The reference's Sequential network of part 2: the Functional one must match it layer by layer."""
    return expected.describe_model("build_mean_embedding_sequential", ARGS, INPUTS)


@pytest.mark.points(1)
def test_functional_api(model):
    """is a Functional model: keras.Model(inputs=..., outputs=...)"""
    models.assert_api(model, "Functional", FUNCTION)


@pytest.mark.points(2)
def test_same_layers_as_sequential(model, sequential_model):
    """matches the Sequential network layer by layer: kinds, output shapes and parameter counts"""
    models.assert_same_layers(model, sequential_model, FUNCTION)


@pytest.mark.points(1)
def test_embedding_sizes(model):
    """sizes the Embedding from top_words and embedding_length"""
    models.assert_embedding_sizes(model, FUNCTION)


@pytest.mark.points(1)
def test_sigmoid_output(model):
    """ends in a Dense layer of one unit with a sigmoid"""
    models.assert_sigmoid_output(model)


@pytest.mark.points(1)
def test_averages_word_vectors(model):
    """averages the word vectors: the order of the words does not matter, and the output is linear in their mean"""
    models.assert_averages(model)


@pytest.mark.points(1)
def test_padding_counted(model):
    """averages over all max_review_length positions, padding included, as the lab does"""
    models.assert_padding_counted(model)


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
    """learns: test accuracy on a fixed subset of IMDB after the lab's training (3 epochs, batches of 64)"""
    data, settings = models.training(models.MEAN_N_TRAIN)
    predictions = student.train_and_predict(FUNCTION, LAB_ARGS, *data, **settings)
    models.assert_learns(predictions, FUNCTION, LAB_ARGS, models.MEAN_N_TRAIN, models.MEAN_ACCURACY_THRESHOLD, models.MEAN_REFERENCE_RANGE)
