"""What every learning check shares: the cached data it trains on, the seeded training, and its verdict.

A learning check (learning.py) trains a fresh model from the student's function on a fixed,
cached subset of an assignment's data (the reference preprocessed it, so a bug elsewhere never
leaks in) and predicts its test part; whatever the assignment, the predictions must be one
finite number per test example. A classifier's must be probabilities, scored by their accuracy
(accuracy_of); a regression's by the share of the test targets' variance they explain
(sentiment_ratings' r2.py, on assert_one_number_each).
"""

from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from autograder.atomic import atomic_path
from autograder.checklib.messages import mismatch
from autograder.sandbox.student import Student


@dataclass(frozen=True)
class Training:
    """How an accuracy check trains the student's model: fixed seeds, so the same model always learns the same."""

    epochs: int
    batch_size: int
    seed: int
    timeout: float
    """Seconds the training and prediction may take in the student's process."""

    def settings(self) -> dict:
        """The keyword arguments of Student.train_and_predict and train_and_weights."""
        return {"epochs": self.epochs, "batch_size": self.batch_size, "seed": self.seed, "timeout": self.timeout}

    def predictions(self, student: Student, function: str, args: list, data: "AccuracyData") -> np.ndarray:
        """Train a fresh model from function(*args) on data's train part; its predictions for the test part."""
        return student.train_and_predict(function, args, data.x_train, data.y_train, data.x_test, **self.settings())


@dataclass(frozen=True)
class AccuracyData:
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    @property
    def vocab_size(self) -> int:
        return int(max(self.x_train.max(), self.x_test.max())) + 1

    @classmethod
    def load(cls, path: Path) -> "AccuracyData":
        with np.load(path, allow_pickle=False) as arrays:
            return cls(**{name: arrays[name] for name in arrays.files})

    def save(self, path: Path) -> None:
        with atomic_path(path) as tmp:
            np.savez_compressed(tmp, **asdict(self))


def accuracy_of(predictions: np.ndarray, y_test: np.ndarray, items: str = "reviews") -> float:
    """The share of test examples on the right side of 0.5; AssertionError unless the predictions are one probability
    per test example (`items` says what the examples are, in the messages)."""
    assert_one_number_each(predictions, y_test, items)
    outside = float(np.mean((predictions < 0) | (predictions > 1)))
    assert outside == 0, (
        f"After training, {outside:.1%} of the model's predictions lie outside [0, 1]: the output layer must give"
        " probabilities (one unit with a sigmoid), or binary cross-entropy cannot train it properly."
    )
    return float(np.mean((predictions.ravel() > 0.5) == y_test))


def assert_one_number_each(predictions: np.ndarray, y_test: np.ndarray, items: str) -> None:
    """The predictions are one finite number per test example."""
    assert predictions.shape in ((len(y_test), 1), (len(y_test),)), mismatch(
        f"Predictions for {len(y_test)} {items}", (len(y_test), 1), predictions.shape
    )
    unusable = float(np.mean(~np.isfinite(predictions)))
    assert unusable == 0, (
        f"After training, {unusable:.1%} of the model's predictions are not numbers (not-a-number or infinity): the"
        " training diverged, or the model divides by zero somewhere (a mean over positions that are all masked does)."
    )
