"""The reference kernel's answers kept on disk (reuse/kept_answers.py): read back as written, under their environment only."""

import numpy as np
import pytest

from autograder.reuse import kept_answers
from autograder.reuse.kept_answers import MISSING, KeptAnswers

ANSWER = {"predictions": np.array([[0.25], [0.75]], dtype=np.float32), "history": {"loss": [0.7, 0.5]}}


def test_an_answer_is_read_back_as_it_was_kept(tmp_path):
    kept = KeptAnswers(tmp_path / "kept")
    assert kept.get("train_and_predict", ("reference", "fingerprint")) is MISSING
    kept.put("train_and_predict", ("reference", "fingerprint"), ANSWER)
    again = kept.get("train_and_predict", ("reference", "fingerprint"))
    assert again["history"] == ANSWER["history"]
    assert again["predictions"].dtype == np.float32 and np.array_equal(again["predictions"], ANSWER["predictions"])
    assert kept.get("train_and_predict", ("reference", "another fingerprint")) is MISSING
    assert kept.get("train_and_weights", ("reference", "fingerprint")) is MISSING


def test_the_folder_is_the_graders_alone_and_holds_no_unfinished_answer(tmp_path):
    kept = KeptAnswers(tmp_path / "kept")
    kept.put("training_fingerprint", ("reference", "build", 1), None)
    kept.put("training_fingerprint", ("reference", "build", 1), None)  # kept twice, as two workers may
    assert kept.get("training_fingerprint", ("reference", "build", 1)) is None
    assert (kept.folder.stat().st_mode & 0o777) == 0o700
    assert [path.name.startswith(".") for path in kept.folder.iterdir()] == [False]


def test_an_answer_kept_in_another_environment_is_not_read(tmp_path, monkeypatch):
    """Another package version, processor or probe code is another key: the answer is asked again."""
    kept = KeptAnswers(tmp_path / "kept")
    kept.put("train_and_predict", ("reference", "fingerprint"), ANSWER)
    monkeypatch.setattr(kept_answers, "environment", lambda: "another environment")
    assert kept.get("train_and_predict", ("reference", "fingerprint")) is MISSING


@pytest.fixture
def environment_afresh():
    """environment() computed anew for the test, and again for the tests after it."""
    kept_answers.environment.cache_clear()
    yield
    kept_answers.environment.cache_clear()


def test_the_environment_changes_with_packages_processor_and_the_kernels_settings(environment_afresh):
    first = kept_answers.environment()
    assert len(first) == 64
    changes = {
        "packages": lambda patch: patch.setattr(kept_answers.importlib.metadata, "distributions", lambda: []),
        "processor": lambda patch: patch.setattr(kept_answers, "_processor", lambda: "another processor"),
        "kernel's settings": lambda patch: patch.setitem(kept_answers.DETERMINISM_ENV, "TF_NUM_INTRAOP_THREADS", "2"),
    }
    for what, change in changes.items():
        with pytest.MonkeyPatch.context() as patch:
            change(patch)
            kept_answers.environment.cache_clear()
            assert kept_answers.environment() != first, what
        kept_answers.environment.cache_clear()
        assert kept_answers.environment() == first
