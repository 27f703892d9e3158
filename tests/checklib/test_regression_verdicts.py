"""The check library's verdicts for a regression (checklib/models.py), and sentiment_ratings' R² (its r2.py), on real
Keras models.

An assignment whose model predicts a number (a star rating) needs what a classifier's checks
do not: a linear output, a squared-error loss, and R² instead of accuracy. The models below
are built, described and trained by the same probe code the grader's kernel runs.
"""

import numpy as np
import pytest

from autograder.assignments.sentiment_ratings.r2 import R2, r2
from autograder.checklib.accuracy import AccuracyData, Training
from autograder.checklib.learning import assert_scores
from autograder.checklib.models import assert_compiled, assert_linear_output
from autograder.sandbox.inprocess import InProcessStudent

BUILDERS = """
import keras
from keras import layers


def regressor(activation=None, loss="mean_squared_error", then=None):
    stack = [keras.Input(shape=(4,)), layers.Dense(8, activation="relu"), layers.Dense(1, activation=activation)]
    model = keras.Sequential(stack + ([layers.Activation(then)] if then else []))
    model.compile(loss=loss, optimizer="adam")
    return model
"""


@pytest.fixture(scope="module")
def student() -> InProcessStudent:
    namespace: dict = {}
    exec(BUILDERS, namespace)
    return InProcessStudent(namespace)


def described(student: InProcessStudent, *args) -> dict:
    return student.describe_model("regressor", list(args), [np.zeros((2, 4))])


def test_r2_follows_scikit_learns_definition():
    assert r2([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0
    assert r2([1, 2, 3, 4], [2.5, 2.5, 2.5, 2.5]) == 0.0
    assert r2([1, 2, 3, 4], [1, 2, 3, 5]) == pytest.approx(0.8)  # residual 1, total 5
    assert r2([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-3.0)  # residual 20, total 5
    assert r2([3, 3, 3], [3, 3, 3]) == 1.0  # scikit-learn's values for a constant y_true
    assert r2([3, 3, 3], [3, 3, 4]) == 0.0


@pytest.mark.parametrize("activation", [None, "linear"])
def test_a_linear_output_passes(student, activation):
    assert_linear_output(described(student, activation))


@pytest.mark.parametrize(
    ("args", "shown"),
    [(("sigmoid",), "'sigmoid'"), (("relu",), "'relu'"), ((None, "mean_squared_error", "sigmoid"), "Activation")],
)
def test_a_bounded_output_fails(student, args, shown):
    with pytest.raises(AssertionError, match="linear output") as failed:
        assert_linear_output(described(student, *args))
    assert shown in str(failed.value)


@pytest.mark.parametrize("loss", ["mse", "mean_squared_error", "MeanSquaredError"])
def test_every_spelling_of_the_squared_error_passes(student, loss):
    assert_compiled(described(student, None, loss), loss="mean_squared_error", metric=None)


def test_a_classification_loss_fails_a_regression(student):
    with pytest.raises(AssertionError, match="The loss"):
        assert_compiled(described(student, None, "binary_crossentropy"), loss="mean_squared_error", metric=None)


def test_a_regression_fails_the_classifiers_compile_check(student):
    with pytest.raises(AssertionError, match="The loss"):
        assert_compiled(described(student))


@pytest.fixture(scope="module")
def ratings() -> AccuracyData:
    """Targets from 1 to 10 that a linear function of the inputs explains, with a little noise."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 4)).astype("float32")
    y = np.clip(5.5 + x @ np.array([1.5, -1.0, 0.5, 0.8]) + rng.normal(scale=0.5, size=600), 1, 10)
    return AccuracyData(x_train=x[:500], y_train=y[:500], x_test=x[500:], y_test=y[500:])


TRAINING = Training(epochs=100, batch_size=16, seed=1, timeout=120)
CORRECT = "Correct models reach 0.9"


def test_a_trained_linear_output_explains_the_ratings(student, ratings):
    predictions = TRAINING.predictions(student, "regressor", [], ratings)
    assert_scores(R2, predictions, ratings.y_test, 0.8, "Trained", CORRECT, "reviews")


def test_a_sigmoid_output_fails_and_the_message_says_why(student, ratings):
    predictions = TRAINING.predictions(student, "regressor", ["sigmoid"], ratings)
    with pytest.raises(AssertionError, match=r"R² of -\d.*in \[0, 1\].*sigmoid"):
        assert_scores(R2, predictions, ratings.y_test, 0.5, "Trained", CORRECT, "reviews")


def test_a_constant_prediction_fails_and_the_message_says_why(ratings):
    with pytest.raises(AssertionError, match="R² of -0.0.*same number for every example"):
        assert_scores(R2, np.full((100, 1), ratings.y_train.mean()), ratings.y_test, 0.5, "Trained", CORRECT, "reviews")


@pytest.mark.parametrize(
    ("predictions", "message"),
    [(np.zeros((100, 2)), "Predictions for 100 reviews"), (np.full((100, 1), np.nan), "not numbers")],
)
def test_unusable_predictions_fail(ratings, predictions, message):
    with pytest.raises(AssertionError, match=message):
        assert_scores(R2, predictions, ratings.y_test, 0.5, "Trained", CORRECT, "reviews")
