"""sentiment_ratings' r2_score checks compare floats within a stated tolerance, wide enough for float32 arithmetic.

An independent correct r2_score that keeps float32 inputs in float32 (NumPy's default for such
arrays) differs from the reference's float64 result by about 1e-9, and lost the half point of
"accepts lists and NumPy arrays" to a tolerance of 1e-9. A wrong formula must still fail.
"""

import numpy as np

from autograder.course import get
from autograder.runner.run import run_checks
from autograder.sandbox.inprocess import InProcessStudent

ASSIGNMENT = get("sentiment_ratings")


def in_the_inputs_dtype(y_true, y_pred):
    """Correct, but computed in the inputs' own dtype (float32 stays float32)."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if not np.issubdtype(y_true.dtype, np.floating):
        y_true = y_true.astype(np.float64)
    residual = np.sum((y_true - y_pred) ** 2)
    total = np.sum((y_true - y_true.mean()) ** 2)
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return float(1 - residual / total)


def over_the_predictions_mean(y_true, y_pred):
    """Wrong: the total sum of squares around the mean of y_pred."""
    y_true, y_pred = np.asarray(y_true, np.float64), np.asarray(y_pred, np.float64)
    total = np.sum((y_true - y_pred.mean()) ** 2)
    return 1.0 if total == 0 else float(1 - np.sum((y_true - y_pred) ** 2) / total)


def results(r2_score) -> list:
    student = InProcessStudent({**vars(ASSIGNMENT.reference()), "r2_score": r2_score})
    return run_checks(ASSIGNMENT, student, ("r2_score",))


def test_float32_arithmetic_earns_every_point():
    failed = [(check.name, check.output) for check in results(in_the_inputs_dtype) if not check.passed]
    assert failed == []


def test_a_wrong_formula_still_fails_and_the_message_states_the_tolerance():
    failed = [check for check in results(over_the_predictions_mean) if not check.passed]
    assert failed, "a wrong R² passed every check"
    compared = [check.output for check in failed if check.output.startswith("r2_score(")]
    assert compared and all("within a relative 1e-06" in output for output in compared), compared
