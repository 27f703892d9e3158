"""checklib/calibration.py: proposing a threshold on stored distributions, and the file's round trip."""

import math

import pytest

from autograder.checklib.calibration import (
    CORRECT,
    FLOOR,
    MUST_FAIL,
    OTHER,
    Calibration,
    CheckCalibration,
    Scores,
    versions,
)
from autograder.checklib.tolerance import lower_bound

SEEDS = range(1, 11)


def scores(kind: str, values: list[float | None]) -> Scores:
    return Scores(kind, dict(zip(SEEDS, values, strict=True)))


REFERENCE = scores(CORRECT, [0.78, 0.80, 0.79, 0.81, 0.77, 0.80, 0.79, 0.78, 0.80, 0.79])
VARIANT = scores(CORRECT, [0.76, 0.79, 0.80, 0.78, 0.77, 0.79, 0.81, 0.78, 0.77, 0.80])
UNTRAINED = scores(FLOOR, [0.50, 0.52, 0.49, 0.51, 0.50, 0.53, 0.48, 0.50, 0.51, 0.50])
NO_SIGMOID = scores(MUST_FAIL, [None] * 10)  # predictions outside [0, 1]: unusable in every seed


def test_a_threshold_between_the_wrong_and_the_correct_models_is_proposed():
    check = CheckCalibration(0.6, {"reference": REFERENCE, "variant": VARIANT, "untrained": UNTRAINED})
    proposal = check.proposal()
    bound = min(lower_bound(REFERENCE.values()), lower_bound(VARIANT.values()))
    assert proposal.correct_bound == pytest.approx(bound) and proposal.wrong_highest == 0.53
    assert 0.53 < proposal.threshold <= bound
    assert proposal.threshold == math.floor((bound + 0.53) / 2 * 100) / 100
    assert set(proposal.false_fail) == {"reference", "variant"} and max(proposal.false_fail.values()) < 1e-3


def test_an_unusable_score_fails_every_threshold_and_a_mutant_that_may_pass_is_ignored():
    learns_anyway = scores(OTHER, [0.79] * 10)
    check = CheckCalibration(0.6, {"reference": REFERENCE, "no_sigmoid": NO_SIGMOID, "relu": learns_anyway})
    proposal = check.proposal()
    assert proposal.threshold is not None and proposal.wrong_highest == -math.inf


def test_no_threshold_when_a_mutant_reaches_the_correct_models_and_both_are_named():
    close = scores(MUST_FAIL, [0.70, 0.75, 0.72, 0.71, 0.74, 0.73, 0.70, 0.72, 0.75, 0.71])
    proposal = CheckCalibration(0.6, {"reference": REFERENCE, "close": close, "untrained": UNTRAINED}).proposal()
    assert proposal.threshold is None
    assert proposal.overlapping == ("close", "reference")


def test_a_correct_model_that_once_gave_no_predictions_allows_no_threshold():
    broken = scores(CORRECT, [0.8] * 9 + [None])
    proposal = CheckCalibration(0.6, {"reference": REFERENCE, "timed_out": broken, "untrained": UNTRAINED}).proposal()
    assert proposal.threshold is None and "timed_out" in proposal.overlapping


def test_a_wide_spread_of_correct_scores_can_leave_no_room_above_the_floor():
    """Ten seeds between 0.55 and 0.80 bound the correct model far below the untrained one's 0.53."""
    wide = scores(CORRECT, [0.55, 0.80, 0.60, 0.78, 0.65, 0.75, 0.58, 0.79, 0.70, 0.62])
    proposal = CheckCalibration(0.6, {"reference": wide, "untrained": UNTRAINED}).proposal()
    assert proposal.threshold is None and proposal.overlapping == ("reference", "untrained")


def test_the_file_keeps_scores_seeds_threshold_and_versions(tmp_path):
    check = CheckCalibration(0.65, {"reference": REFERENCE, "no_sigmoid": NO_SIGMOID})
    Calibration({"build": check}, versions(), "here").save(tmp_path / "calibration.json")
    loaded = Calibration.load(tmp_path / "calibration.json")
    assert loaded.checks["build"] == check and loaded.versions == versions() and not loaded.out_of_date()
    assert loaded.checks["build"].correct_range() == (0.77, 0.81, 10)


def test_a_file_calibrated_under_other_versions_is_out_of_date():
    old = Calibration({}, versions() | {"keras": "3.0.0"})
    assert old.out_of_date() == {"keras": ("3.0.0", versions()["keras"])}


def test_before_its_first_calibration_a_check_keeps_the_hand_measured_range(tmp_path):
    Calibration({"build": CheckCalibration(0.6, {}, "0.65-0.76")}).save(tmp_path / "calibration.json")
    loaded = Calibration.load(tmp_path / "calibration.json").checks["build"]
    assert loaded.hand_range == "0.65-0.76" and loaded.correct_range() is None and not loaded.models
