"""checklib/learning.py: a learning check's threshold and message come from its calibration file."""

import numpy as np
import pytest

from autograder.checklib.accuracy import AccuracyData, Training
from autograder.checklib.calibration import CORRECT, FLOOR, Calibration, CheckCalibration, Scores
from autograder.checklib.learning import LearningCheck

DATA = AccuracyData(
    x_train=np.zeros((300, 4)), y_train=np.zeros(300), x_test=np.zeros((100, 4)), y_test=np.array([0, 1] * 50)
)
RIGHT_IN = np.where(DATA.y_test == 1, 0.9, 0.1)  # every prediction on the right side of 0.5


def check_in(folder, calibrated: CheckCalibration, epochs: int = 2) -> LearningCheck:
    Calibration({"build": calibrated}).save(folder / "calibration.json")
    training = Training(epochs=epochs, batch_size=32, seed=1, timeout=60)
    return LearningCheck("build", folder, lambda: DATA, lambda data: [7, 3], training, "train reviews")


def right_for(share: float) -> np.ndarray:
    """Predictions right for the first share of the test reviews, wrong for the rest."""
    wrong = 1 - RIGHT_IN
    n = int(share * len(RIGHT_IN))
    return np.concatenate([RIGHT_IN[:n], wrong[n:]])


def test_the_message_gives_the_range_of_correct_models_from_the_calibration(tmp_path):
    reference = Scores(CORRECT, {seed: 0.77 + seed / 250 for seed in range(1, 11)})
    untrained = Scores(FLOOR, {seed: 0.5 for seed in range(1, 11)})
    check = check_in(tmp_path, CheckCalibration(0.65, {"reference": reference, "untrained": untrained}))
    check.assert_learned(right_for(0.66))
    with pytest.raises(AssertionError) as failed:
        check.assert_learned(right_for(0.62))
    assert str(failed.value) == (
        "Trained for 2 epochs on 300 train reviews, build(7, 3) reached a test accuracy of 0.620 on 100 test reviews;"
        " at least 0.65 is expected. Correct models reach 0.774-0.810 on this check (10 seeds each);"
        " always predicting one class scores about 0.5."
    )


def test_before_a_calibration_the_message_gives_the_hand_measured_range(tmp_path):
    check = check_in(tmp_path, CheckCalibration(0.8, {}, "0.945-0.99"), epochs=1)
    with pytest.raises(AssertionError, match=r"^Trained for 1 epoch on .* The reference reaches 0.945-0.99 here;"):
        check.assert_learned(right_for(0.7))


def test_unusable_predictions_fail_whatever_the_threshold(tmp_path):
    check = check_in(tmp_path, CheckCalibration(0.0, {}, "0.9"))
    with pytest.raises(AssertionError, match=r"outside \[0, 1\]"):
        check.assert_learned(RIGHT_IN * 3)
