"""The common part of the accuracy checks: train a student's model with fixed seeds and score its predictions."""

import numpy as np

from autograder.engine.messages import mismatch
from autograder.sandbox.student import Student


def trained_accuracy(
    student: Student, function: str, args: list, x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray,
    y_test: np.ndarray, *, epochs: int, batch_size: int, seed: int, timeout: float, items: str,
) -> float:
    """The share of x_test the trained model labels right (probability above 0.5), once its predictions are probabilities.

    `items` names the examples in messages ("reviews", "sentences").
    """
    predictions = student.train_and_predict(
        function, args, x_train, y_train, x_test, epochs=epochs, batch_size=batch_size, seed=seed, timeout=timeout,
    )
    assert predictions.shape in ((len(y_test), 1), (len(y_test),)), mismatch(
        f"Predictions for {len(y_test)} {items}", (len(y_test), 1), predictions.shape
    )
    outside = float(np.mean((predictions < 0) | (predictions > 1)))
    assert outside == 0, (
        f"After training, {outside:.1%} of the model's predictions lie outside [0, 1]: the output layer must give"
        " probabilities (one unit with a sigmoid), or binary cross-entropy cannot train it properly."
    )
    return float(np.mean((predictions.ravel() > 0.5) == y_test))
