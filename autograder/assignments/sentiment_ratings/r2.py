"""The R² metric of sentiment_ratings' learning checks: a regression's predictions must explain enough of the ratings.

The library's learning checks (autograder/checklib/learning.py) score a classifier by its accuracy;
this one assignment predicts a number, so its metric lives here.
"""

import numpy as np

from autograder.checklib.accuracy import assert_one_number_each
from autograder.checklib.learning import Metric


def r2(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """The coefficient of determination, as scikit-learn defines it: 1 - residual / total sum of squares.

    1 is a perfect prediction, 0 is no better than always predicting the mean of y_true, below 0
    is worse than that. For a constant y_true it is 1.0 if the prediction is perfect, else 0.0.
    """
    y_true, y_pred = np.asarray(y_true, dtype=np.float64).ravel(), np.asarray(y_pred, dtype=np.float64).ravel()
    residual, total = np.sum((y_true - y_pred) ** 2), np.sum((y_true - y_true.mean()) ** 2)
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return float(1 - residual / total)


def _scored(predictions: np.ndarray, y_test: np.ndarray, items: str) -> float:
    assert_one_number_each(predictions, y_test, items)
    return r2(y_test, predictions)


def _why_no_fit(predictions: np.ndarray, y_test: np.ndarray) -> str:
    """The likely cause of a low R² that the predictions themselves show, as a sentence, or ""."""
    low, high = float(np.min(y_test)), float(np.max(y_test))
    if np.all((predictions >= 0) & (predictions <= 1)) and (low < 0 or high > 1):
        return (
            f" Every prediction lies in [0, 1] while the targets range from {low:g} to {high:g}: the output layer"
            " squashes its output (a sigmoid does), where a regression needs a linear one."
        )
    if float(np.std(predictions)) < 1e-3 * max(float(np.std(y_test)), 1e-12):
        return " The model predicts (almost) the same number for every example: it has not learned from its input."
    return ""


R2 = Metric(
    "an R²",
    _scored,
    lambda y_test: 0.0,
    "always predicting the mean scores 0",
    _why_no_fit,
)
"""How the learning checks score a regression: the R² of its predictions (a constant prediction scores 0 at best)."""
