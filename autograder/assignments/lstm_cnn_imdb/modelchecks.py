"""What the checks of the three builders share: reading a model description, and the accuracy check.

Each builder returns a compiled Sequential model; the checks see it only as the plain
data of student.describe_model, and train it only through student.train_and_predict.
"""

import numpy as np
import pytest

from autograder.assignments.lstm_cnn_imdb import checkdata
from autograder.engine.accuracy import assert_accurate
from autograder.engine.messages import mismatch
from autograder.engine.modelchecks import (
    assert_compiled,
    assert_same_parameter_count,
    assert_sigmoid_output,
    called,
    config_of,
    layers_of,
)
from autograder.sandbox.student import Student

# The structure checks build every model with these small, distinct sizes (top_words,
# embedding_length, max_review_length, units), so that swapped arguments show; the length
# is even, so that pooling halves it exactly. They run it on one batch of 3 reviews.
ARGS = [50, 6, 12, 5]
INPUTS = [np.random.default_rng(7).integers(0, ARGS[0], size=(3, ARGS[2]))]

EPOCHS, BATCH_SIZE, SEED = 2, 64, 1
TRAINING_TIME_LIMIT = 120
# Every builder trains with these arguments: a 32-d embedding and 32 LSTM units, so that
# the check stays short; the checks' data has TOP_WORDS words and MAX_LEN tokens.
ACCURACY_ARGS = [checkdata.TOP_WORDS, 32, checkdata.MAX_LEN, 32]


def assert_embedding(model: dict, top_words: int, embedding_length: int, max_review_length: int) -> None:
    """An Embedding of top_words rows of embedding_length numbers, reading max_review_length indices per review."""
    (embedding,) = layers_of(model, "Embedding")
    config = embedding["config"]
    got = (config.get("input_dim"), config.get("output_dim"))
    assert got == (top_words, embedding_length), mismatch(
        f"Embedding (input_dim, output_dim) for top_words={top_words}, embedding_length={embedding_length}",
        (top_words, embedding_length),
        got,
    )
    want_shape = [None, max_review_length, embedding_length]
    assert embedding["output_shape"] == want_shape, mismatch(
        f"The Embedding's output shape for max_review_length={max_review_length} (keras.Input(shape=(max_review_length,)))",
        want_shape,
        embedding["output_shape"],
    )


def assert_lstm_units(model: dict, units: int) -> None:
    config = config_of(model, "LSTM")
    got = (config.get("units"), config.get("return_sequences"))
    assert got == (units, False), mismatch(f"LSTM (units, return_sequences) for units={units}", (units, False), got)


def assert_probability_per_review(model: dict) -> None:
    """One sigmoid unit at the end, so one probability per review of the first input batch."""
    assert_sigmoid_output(model)
    n_reviews = len(model["outputs"][0])
    shape = tuple(model["outputs"][0].shape)
    assert shape == (n_reviews, 1), mismatch(f"The predictions' shape for {n_reviews} reviews", (n_reviews, 1), shape)


def assert_learns(student: Student, function: str, threshold: float, reference_range: str) -> None:
    """Train the student's model on the checks' subset with a fixed seed; its test accuracy must reach `threshold`."""
    data = checkdata.accuracy_data()
    predictions = student.train_and_predict(
        function,
        ACCURACY_ARGS,
        data.x_train,
        data.y_train,
        data.x_test,
        epochs=EPOCHS,
        batch_size=BATCH_SIZE,
        seed=SEED,
        timeout=TRAINING_TIME_LIMIT,
    )
    trained = (
        f"Trained for {EPOCHS} epochs on {len(data.y_train)} train reviews of {checkdata.MAX_LEN} tokens,"
        f" {called(function, ACCURACY_ARGS)}"
    )
    assert_accurate(predictions, data.y_test, threshold, trained, reference_range)


def shared_checks(function: str, args: list, accuracy_threshold: float, reference_range: str) -> tuple:
    """The checks every builder has: Embedding, LSTM, sigmoid output, compiled, parameter count, accuracy (in that order).

    args starts with top_words, embedding_length, max_review_length and units.
    """
    top_words, embedding_length, max_review_length, units = args[:4]

    @pytest.mark.points(1)
    def test_embedding(model: dict) -> None:
        """sizes the Embedding from top_words and embedding_length, for reviews of max_review_length"""
        assert_embedding(model, top_words, embedding_length, max_review_length)

    @pytest.mark.points(1)
    def test_lstm_units(model: dict) -> None:
        """gives the LSTM `units` units and passes on its last state only"""
        assert_lstm_units(model, units)

    @pytest.mark.points(1)
    def test_sigmoid_output(model: dict) -> None:
        """ends in one sigmoid unit: one probability per review"""
        assert_probability_per_review(model)

    @pytest.mark.points(1)
    def test_compiled(model: dict) -> None:
        """is compiled with binary cross-entropy, Adam and accuracy"""
        assert_compiled(model)

    @pytest.mark.points(1)
    def test_parameter_count(model: dict, reference_model: dict) -> None:
        """has as many parameters as the reference with the same arguments"""
        assert_same_parameter_count(model, reference_model, called(function, args))

    @pytest.mark.points(3)
    def test_accuracy(student: Student) -> None:
        """learns: test accuracy on a fixed subset of IMDB after a short, seeded training"""
        assert_learns(student, function, accuracy_threshold, reference_range)

    return test_embedding, test_lstm_units, test_sigmoid_output, test_compiled, test_parameter_count, test_accuracy
