"""A learning check, declared once: what it trains, how it scores, and the threshold its calibration file holds.

Each assignment's learning.py lists its LearningChecks. The check modules call
`assert_learns` (or `assert_learned` on predictions they already have); `autograder calibrate`
trains the same declaration over seeds, so the check and its calibration cannot drift apart.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from autograder.checklib.accuracy import AccuracyData, Training, accuracy_of
from autograder.checklib.calibration import CheckCalibration, calibration_of
from autograder.checklib.models import called
from autograder.sandbox.student import Student


@dataclass(frozen=True)
class Metric:
    """How a learning check scores a model's test predictions."""

    name: str
    """As a message says it: "a test accuracy"."""
    score: Callable[[np.ndarray, np.ndarray, str], float]
    """(predictions, y_test, items) -> the score; AssertionError, with the reason, where the predictions are unusable."""
    best_constant: Callable[[np.ndarray], float]
    """y_test -> the best score a constant prediction reaches: the floor every threshold must lie above."""
    floor: str
    """What the message says of that floor."""
    hint: Callable[[np.ndarray, np.ndarray], str] = lambda predictions, y_test: ""
    """(predictions, y_test) -> the likely cause of a low score that the predictions show, as a sentence, or ""."""


ACCURACY = Metric(
    "a test accuracy",
    accuracy_of,
    lambda y_test: float(max(np.mean(y_test), 1 - np.mean(y_test))),
    "always predicting one class scores about 0.5",
)


@dataclass(frozen=True)
class LearningCheck:
    """A fresh model from `function`, trained with fixed seeds on a fixed subset, must score at least its threshold."""

    function: str
    folder: Path
    """The assignment package's folder, where its calibration.json lies."""
    data: Callable[[], AccuracyData]
    args: Callable[[AccuracyData], list]
    """The builder's arguments for that data."""
    training: Training
    examples: str
    """What the train examples are, after their number: "train reviews"."""
    metric: Metric = ACCURACY
    items: str = "reviews"
    """What the test examples are, after their number."""

    @property
    def calibration(self) -> CheckCalibration:
        return calibration_of(self.folder).checks[self.function]

    def setup(self) -> str:
        """The digest of what the check's scores depend on besides the libraries: its training, arguments and data."""
        data = self.data()
        digest = hashlib.sha256(repr((self.function, self.training.epochs, self.training.batch_size)).encode())
        digest.update(repr((self.args(data), self.metric.name)).encode())
        for array in (data.x_train, data.y_train, data.x_test, data.y_test):
            digest.update(repr((array.shape, array.dtype.str)).encode() + np.ascontiguousarray(array).tobytes())
        return digest.hexdigest()[:16]

    def predictions(self, student: Student, seed: int | None = None, epochs: int | None = None) -> np.ndarray:
        """The test predictions of a model trained as the check trains it (a calibration passes its own seed, or
        epochs=0 for an untrained model)."""
        training = replace(
            self.training,
            seed=self.training.seed if seed is None else seed,
            epochs=self.training.epochs if epochs is None else epochs,
        )
        data = self.data()
        return training.predictions(student, self.function, self.args(data), data)

    def score(self, predictions: np.ndarray) -> float:
        """The predictions' score; AssertionError where they are unusable."""
        return self.metric.score(predictions, self.data().y_test, self.items)

    def assert_learns(self, student: Student) -> None:
        self.assert_learned(self.predictions(student))

    def assert_learned(self, predictions: np.ndarray) -> None:
        """The predictions of the check's training score at least the calibrated threshold."""
        data = self.data()
        threshold, trained = self.calibration.threshold, self.described(data)
        if threshold is None:  # the grader's fault, never the student's
            raise RuntimeError(f"{self.function}'s learning check has no threshold yet: run `autograder calibrate`")
        assert_scores(self.metric, predictions, data.y_test, threshold, trained, self.correct_models(), self.items)

    def described(self, data: AccuracyData) -> str:
        """How the check trained: "Trained for 3 epochs on 2,000 train reviews, create_rnn_model(...)"."""
        return (
            f"Trained for {self.training.epochs} epoch{'s' * (self.training.epochs != 1)} on {len(data.y_train):,} {self.examples},"
            f" {called(self.function, self.args(data))}"
        )

    def correct_models(self) -> str:
        """What correct models reach, from the calibration file: no answer given away, only what is possible."""
        calibration = self.calibration
        found = calibration.correct_range()
        if found is None and calibration.hand_range is None:
            return "No range of correct models is recorded yet (autograder calibrate)"
        if found is None:
            return f"The reference reaches {calibration.hand_range} here"
        low, high, seeds = found
        return f"Correct models reach {low:.3f}-{high:.3f} on this check ({seeds} seeds each)"


def assert_scores(
    metric: Metric,
    predictions: np.ndarray,
    y_test: np.ndarray,
    threshold: float,
    trained: str,
    correct: str,
    items: str,
) -> None:
    """The predictions score at least `threshold`. The message says how the model was `trained`, what it scored and
    what `correct` models score, the metric's floor and, where the predictions show it, why the score is low."""
    score = metric.score(predictions, y_test, items)
    assert score >= threshold, (
        f"{trained} reached {metric.name} of {score:.3f} on {len(y_test)} test {items}; at least {threshold:.2f} is"
        f" expected. {correct}; {metric.floor}.{metric.hint(predictions, y_test)}"
    )
