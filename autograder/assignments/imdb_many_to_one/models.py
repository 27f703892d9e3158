"""What the checks of the four model builders share: arguments, inputs, verdicts on a model's description,
and the groups of checks several builders have (test classes that a check module subclasses).

A description is what Student.describe_model returns. The notebook allows two ways to
average the word vectors over time (a GlobalAveragePooling1D layer, or keras.ops.mean,
alone in a Functional model or in a Lambda layer), so layers are compared by kind.
"""

import numpy as np
import pytest

from autograder.assignments.imdb_many_to_one.learning import BY_FUNCTION
from autograder.checklib.messages import RETURNED, mismatch, shown
from autograder.checklib.models import assert_compiled, assert_settings, assert_sigmoid_output, called, config_of

# Small, distinct sizes, so that swapped arguments show.
TOP_WORDS, EMBEDDING, LENGTH = 50, 6, 8
ARGS = [TOP_WORDS, EMBEDDING, LENGTH]
A, B = 7, 11
WORDS = [3, 4, 5, 6, 8, 9, 10, 12]
# Rows: A only; padding only; half padding, half A; eight words; the same words in
# another order; B only; half A, half B.
INPUTS = [np.array([[A] * 8, [0] * 8, [0] * 4 + [A] * 4, WORDS, WORDS[::-1], [B] * 8, [A] * 4 + [B] * 4])]
ONLY_A, ONLY_PADDING, HALF_PADDING, IN_ORDER, REVERSED, ONLY_B, HALF_A_HALF_B = range(7)
REVIEW = {  # each row, as the messages name it
    ONLY_A: f"8 x {A}",
    ONLY_PADDING: "8 x 0 (padding only)",
    HALF_PADDING: f"4 x 0 (padding) then 4 x {A}",
    IN_ORDER: str(WORDS),
    REVERSED: str(WORDS[::-1]),
    ONLY_B: f"8 x {B}",
    HALF_A_HALF_B: f"4 x {A} then 4 x {B}",
}

MEAN_OVER_TIME = "mean over time"
MEAN_CLASSES = {"GlobalAveragePooling1D", "Lambda", "Mean"}

UNITS = 5  # the units the LSTM checks ask for: distinct from the other sizes and from the default 128


def kinds(description: dict) -> list[tuple[str, list | None, int]]:
    """(kind, output shape, parameters) per layer, InputLayer left out and the ways to average merged."""
    return [
        (MEAN_OVER_TIME if layer["class"] in MEAN_CLASSES else layer["class"], layer["output_shape"], layer["params"])
        for layer in description["layers"]
        if layer["class"] != "InputLayer"
    ]


def classes(description: dict) -> list[str]:
    return [kind for kind, _, _ in kinds(description)]


def assert_layer_kinds(description: dict, reference: dict, function: str) -> None:
    want, got = classes(reference), classes(description)
    assert got == want, mismatch(f"The layers of {called(function, ARGS)}", want, got)


def assert_same_layers(description: dict, reference: dict, function: str) -> None:
    """Layer by layer: the kind, the output shape (batch None) and the parameter count."""
    want, got = kinds(reference), kinds(description)
    assert got == want, mismatch(
        f"(layer, output shape, parameters) of {called(function, ARGS)}, layer by layer", want, got
    )


def assert_lstm_units(description: dict, units: int, function: str, args: list) -> None:
    got = config_of(description, "LSTM").get("units")
    assert got == units, mismatch(f"LSTM units of {called(function, args)}", units, got)


def assert_no_warnings(description: dict, function: str) -> None:
    """Keras 3 warns about arguments it no longer takes, such as Embedding's input_length."""
    assert not description["warnings"], (
        f"Building {called(function, ARGS)} made Keras warn: {'; '.join(description['warnings'])}."
        " Keras 3 no longer takes Embedding(input_length=...): the review length goes to keras.Input(shape=(max_review_length,))."
    )


def logits(description: dict, rows: tuple[int, ...]) -> dict[int, float]:
    """The outputs on these rows of INPUTS before the sigmoid (the mean of the word vectors enters them
    linearly), read back from the predictions p as log(p / (1 - p)): each p must lie strictly between 0 and 1."""
    outputs = description["outputs"][0]
    assert outputs.shape in ((len(REVIEW), 1), (len(REVIEW),)), (
        f"The check reads one prediction per review, but for a batch of {len(REVIEW)} reviews the model's outputs"
        " are not one number each: the model must end in Dense(1) on the mean of the word vectors over time."
        f"\n{RETURNED}outputs of shape {shown(outputs.shape)}"
    )
    p = outputs.ravel()
    for row in rows:
        assert 0 < p[row] < 1, unreadable(row, p[row])
    return {row: float(np.log(p[row] / (1 - p[row]))) for row in rows}


def unreadable(row: int, prediction: np.floating) -> str:
    """Why the output before the sigmoid cannot be read back from a prediction, and what to look at."""
    if np.isnan(prediction) and row == ONLY_PADDING:
        why = (
            "A mean over no positions at all is not a number: with Embedding(mask_zero=True), GlobalAveragePooling1D"
            " leaves the padding out, and a review of padding only has nothing left. Keep mask_zero=False, as the lab does."
        )
    elif np.isnan(prediction):
        why = "Somewhere in the model a value is not a number (0 / 0, or infinity - infinity)."
    elif 0 <= prediction <= 1:
        why = "A sigmoid gives exactly 0 or 1 only for huge inputs: look for weights or layers that blow up the values."
    else:
        why = 'A probability lies between 0 and 1: the output layer needs activation="sigmoid".'
    return (
        f"The check reads the model's output before the sigmoid back from its prediction for a review of {REVIEW[row]},"
        f" which must lie strictly between 0 and 1. {why}\n{RETURNED}{shown(prediction)}"
    )


def assert_averages(description: dict) -> None:
    """Order does not matter, and half A + half B gives the mean of all-A and all-B before the sigmoid."""
    z = logits(description, (IN_ORDER, REVERSED, ONLY_A, ONLY_B, HALF_A_HALF_B))
    assert np.isclose(z[IN_ORDER], z[REVERSED], atol=1e-4), (
        f"The predictions for {WORDS} and for the same words in reverse order differ: a mean does not depend on the"
        f" order.\n{RETURNED}{shown(description['outputs'][0][[IN_ORDER, REVERSED]].ravel())}"
    )
    halfway = (z[ONLY_A] + z[ONLY_B]) / 2
    assert np.isclose(z[HALF_A_HALF_B], halfway, atol=1e-4), mismatch(
        f"The output before the sigmoid for a review of 4 x {A} then 4 x {B}: with a mean of the word vectors, halfway"
        f" between those for 8 x {A} and 8 x {B}",
        halfway,
        z[HALF_A_HALF_B],
    )


def assert_padding_counted(description: dict) -> None:
    """The lab's mean runs over every position, so padding pulls the mean towards the vector of index 0."""
    z = logits(description, (ONLY_A, ONLY_PADDING, HALF_PADDING))
    halfway = (z[ONLY_A] + z[ONLY_PADDING]) / 2
    assert np.isclose(z[HALF_PADDING], halfway, atol=1e-4), mismatch(
        f"The output before the sigmoid for 4 x 0 (padding) then 4 x {A}: the mean over all {LENGTH} positions, padding"
        f" included, lies halfway between those for 8 x {A} and 8 x 0. (With Embedding(mask_zero=True),"
        " GlobalAveragePooling1D leaves the padding out: keep mask_zero=False)",
        halfway,
        z[HALF_PADDING],
    )


def assert_api(description: dict, api: str, function: str) -> None:
    """Sequential models are keras.Sequential; Functional ones keras.Model(inputs=..., outputs=...)."""
    assert description["class"] == api, mismatch(
        f"The class of the model {function} returns (the {api} API)", api, description["class"]
    )


class EveryBuilder:
    """The checks every builder has: embedding sizes, sigmoid output, compiled, Keras 3 API (a Test subclass includes them)."""

    @pytest.mark.points(1)
    def test_embedding_sizes(self, model, function):
        """sizes the Embedding from top_words and embedding_length"""
        what = f"Embedding (input_dim, output_dim) of {called(function, ARGS)}"
        assert_settings(model, "Embedding", ("input_dim", "output_dim"), (TOP_WORDS, EMBEDDING), what)

    @pytest.mark.points(1)
    def test_sigmoid_output(self, model):
        """ends in a Dense layer of one unit with a sigmoid"""
        assert_sigmoid_output(model)

    @pytest.mark.points(0.5)
    def test_compiled(self, model):
        """is compiled with binary cross-entropy, Adam and accuracy"""
        assert_compiled(model)

    @pytest.mark.points(0.5)
    def test_keras3_api(self, model, function):
        """builds without Keras warnings (no Embedding(input_length=...), which Keras 3 dropped)"""
        assert_no_warnings(model, function)


class MeanOverTime:
    """The checks of both mean-of-embeddings builders on what their models compute."""

    @pytest.mark.points(1)
    def test_averages_word_vectors(self, model):
        """averages the word vectors: the order of the words does not matter, and the output is linear in their mean"""
        assert_averages(model)

    @pytest.mark.points(1)
    def test_padding_counted(self, model):
        """averages over all max_review_length positions, padding included, as the lab does"""
        assert_padding_counted(model)


class SameAsSequential:
    """A Functional builder against the reference's Sequential network of the same part.

    The subclass sets `sequential`, the name of that Sequential builder.
    """

    sequential: str

    @pytest.fixture(scope="class")
    def sequential_model(self, expected, request):
        return expected.describe_model(self.sequential, request.module.ARGS, INPUTS)

    @pytest.mark.points(2)
    def test_same_layers_as_sequential(self, model, sequential_model, function):
        """matches the Sequential network layer by layer: kinds, output shapes and parameter counts"""
        assert_same_layers(model, sequential_model, function)


class LstmUnitsAndLearning:
    """Both LSTM builders: `units` units (128 when not given), and learning with 32 units."""

    @pytest.mark.points(1)
    def test_units(self, model, function):
        """gives the LSTM `units` units"""
        assert_lstm_units(model, UNITS, function, [*ARGS, UNITS])

    @pytest.mark.points(1)
    def test_default_units(self, student, function):
        """gives the LSTM 128 units when units is not given, as in the lab"""
        assert_lstm_units(student.describe_model(function, ARGS, INPUTS), 128, function, ARGS)

    @pytest.mark.points(2)
    def test_accuracy(self, student, function):
        """learns: test accuracy on a fixed subset of IMDB after a short, seeded training (32 units)"""
        BY_FUNCTION[function].assert_learns(student)
