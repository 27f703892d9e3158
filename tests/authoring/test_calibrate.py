"""authoring/calibrate.py: what a calibration trains, what a partial file still lacks, and stale scores.

No training here: the tiny course's plan is read, and the file's states are built by hand. The
command itself runs in tests/test_authoring_doc.py, on the guide's assignment with 3 seeds.
"""

import dataclasses

from support.kit import TINY

from autograder.authoring.calibrate import (
    REFERENCE_NOTEBOOK,
    learning_checks,
    pending,
    plan,
    starting_point,
    with_kinds,
)
from autograder.checklib.calibration import (
    CORRECT,
    FLOOR,
    MUST_FAIL,
    OTHER,
    REFERENCE,
    UNTRAINED,
    Calibration,
    CheckCalibration,
    Scores,
    versions,
)

(RNN_MODEL,) = learning_checks(TINY)
PLANNED = plan(TINY, (RNN_MODEL,))


def models_of(planned) -> dict[str, str]:
    return {job.model: job.kind for _, jobs in planned.values() for job in jobs}


def test_each_model_of_the_checked_function_is_planned_with_what_it_is_to_the_check():
    assert models_of(PLANNED) == {
        REFERENCE: CORRECT,
        UNTRAINED: FLOOR,
        "variant functional_api": CORRECT,
        "mutant no_mask_zero": OTHER,
        "mutant no_sigmoid": MUST_FAIL,
        "mutant frozen_zero_embedding": MUST_FAIL,
    }
    changes, _ = PLANNED[REFERENCE_NOTEBOOK]
    assert changes == ()
    changed = {
        change.function
        for bundle, (changes, _) in PLANNED.items()
        if bundle != REFERENCE_NOTEBOOK
        for change in changes
    }
    assert "create_rnn_model" in changed


def test_a_partial_file_leaves_only_the_missing_seeds_and_a_complete_notebook_is_not_started():
    calibration = with_kinds(Calibration({"create_rnn_model": CheckCalibration(None)}), PLANNED)
    checked = calibration.checks["create_rnn_model"]
    done = {name: dataclasses.replace(s, by_seed={1: 0.9, 2: 0.9}) for name, s in checked.models.items()}
    done[REFERENCE] = Scores(CORRECT, {1: 0.95})
    calibration = Calibration({"create_rnn_model": dataclasses.replace(checked, models=done)})
    todo = [(job.model, seed) for _, trainings in pending(calibration, PLANNED, [1, 2]) for job, seed in trainings]
    assert todo == [(REFERENCE, 2)]
    assert len(pending(calibration, PLANNED, [1, 2, 3])) == len(PLANNED)


def test_scores_measured_under_other_versions_are_dropped_and_the_threshold_kept():
    old = Calibration(
        {"create_rnn_model": CheckCalibration(0.8, {REFERENCE: Scores(CORRECT, {1: 0.9})}, setup="abc")},
        versions() | {"tensorflow-cpu": "2.0.0"},
    )
    fresh, dropped = starting_point(old, {"create_rnn_model": "abc"})
    assert fresh.checks == {"create_rnn_model": CheckCalibration(0.8, setup="abc")}
    assert len(dropped) == 1 and "tensorflow-cpu 2.0.0" in dropped[0]
    kept, dropped = starting_point(
        dataclasses.replace(old, versions=versions()), {"create_rnn_model": "abc", "new": "d"}
    )
    assert kept.checks["create_rnn_model"].models and kept.checks["new"] == CheckCalibration(None, setup="d")
    assert dropped == []


def test_scores_measured_with_other_data_or_training_are_dropped():
    """A check whose training or data changed (its setup digest) starts afresh; the others keep their scores."""
    scores = {REFERENCE: Scores(CORRECT, {1: 0.9})}
    found = Calibration(
        {"a": CheckCalibration(0.8, scores, setup="old"), "b": CheckCalibration(0.7, scores, setup="same")}, versions()
    )
    fresh, dropped = starting_point(found, {"a": "new", "b": "same"})
    assert fresh.checks["a"] == CheckCalibration(0.8, setup="new") and fresh.checks["b"].models == scores
    assert dropped == ["a's scores were measured with other data or training"]


def test_the_setup_digest_changes_with_the_training_and_the_data():
    epochs = dataclasses.replace(RNN_MODEL, training=dataclasses.replace(RNN_MODEL.training, epochs=2))
    fewer = dataclasses.replace(
        RNN_MODEL, data=lambda: dataclasses.replace(RNN_MODEL.data(), y_test=RNN_MODEL.data().y_test[:-1])
    )
    assert len({RNN_MODEL.setup(), epochs.setup(), fewer.setup()}) == 3 and RNN_MODEL.setup() == RNN_MODEL.setup()
