"""What the checks of the three builders share: their sizes, the verdicts on the Embedding, the LSTM and
learning, and the checks every builder has (EveryBuilder).

Each builder returns a compiled Sequential model; the checks see it only as the plain
data of student.describe_model (the `model` fixture), and train it only through the
student's process.
"""

import numpy as np
import pytest

from autograder.checklib.learning import LearningCheck
from autograder.checklib.messages import mismatch
from autograder.checklib.models import (
    assert_compiled,
    assert_same_parameter_count,
    assert_settings,
    assert_sigmoid_output,
    called,
    layers_of,
)

# The structure checks build every model with these small, distinct sizes (top_words,
# embedding_length, max_review_length, units), so that swapped arguments show; the length
# is even, so that pooling halves it exactly. They run it on one batch of 3 reviews.
ARGS = [50, 6, 12, 5]
TOP_WORDS, EMBEDDING_LENGTH, MAX_REVIEW_LENGTH, UNITS = ARGS
INPUTS = [np.random.default_rng(7).integers(0, ARGS[0], size=(3, ARGS[2]))]


def assert_embedding(model: dict) -> None:
    """An Embedding of top_words rows of embedding_length numbers, reading max_review_length indices per review."""
    (embedding,) = layers_of(model, "Embedding")
    want = (TOP_WORDS, EMBEDDING_LENGTH)
    what = f"Embedding (input_dim, output_dim) for top_words={TOP_WORDS}, embedding_length={EMBEDDING_LENGTH}"
    assert_settings(model, "Embedding", ("input_dim", "output_dim"), want, what)
    want_shape = [None, MAX_REVIEW_LENGTH, EMBEDDING_LENGTH]
    assert embedding["output_shape"] == want_shape, mismatch(
        f"The Embedding's output shape for max_review_length={MAX_REVIEW_LENGTH} (keras.Input(shape=(max_review_length,)))",
        want_shape,
        embedding["output_shape"],
    )


def assert_lstm_units(model: dict, units: int) -> None:
    what = f"LSTM (units, return_sequences) for units={units}"
    assert_settings(model, "LSTM", ("units", "return_sequences"), (units, False), what)


def assert_probability_per_review(model: dict) -> None:
    """One sigmoid unit at the end, so one probability per review of the first input batch."""
    assert_sigmoid_output(model)
    n_reviews = len(model["outputs"][0])
    shape = tuple(model["outputs"][0].shape)
    assert shape == (n_reviews, 1), mismatch(f"The predictions' shape for {n_reviews} reviews", (n_reviews, 1), shape)


class EveryBuilder:
    """The checks every builder has, after its own: a check module subclasses this as a Test class at its end.

    The subclass sets `args` (the module's ARGS) and `learning`, the builder's learning check (learning.py).
    """

    args: list
    learning: LearningCheck

    @pytest.mark.points(1)
    def test_embedding(self, model):
        """sizes the Embedding from top_words and embedding_length, for reviews of max_review_length"""
        assert_embedding(model)

    @pytest.mark.points(1)
    def test_lstm_units(self, model):
        """gives the LSTM `units` units and passes on its last state only"""
        assert_lstm_units(model, UNITS)

    @pytest.mark.points(1)
    def test_sigmoid_output(self, model):
        """ends in one sigmoid unit: one probability per review"""
        assert_probability_per_review(model)

    @pytest.mark.points(1)
    def test_compiled(self, model):
        """is compiled with binary cross-entropy, Adam and accuracy"""
        assert_compiled(model)

    @pytest.mark.points(1)
    def test_parameter_count(self, model, reference_model, function):
        """has as many parameters as the reference with the same arguments"""
        assert_same_parameter_count(model, reference_model, called(function, self.args))

    @pytest.mark.points(3)
    def test_accuracy(self, student, function):
        """learns: test accuracy on a fixed subset of IMDB after a short, seeded training"""
        self.learning.assert_learns(student)
