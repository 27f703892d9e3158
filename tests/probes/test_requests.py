"""The typed requests and answers (probes/requests.py): what the grader sends is what the student's process reads,
and an answer of any other shape than the probe's is refused."""

import numpy as np
import pytest

from autograder.probes import answer, wire
from autograder.probes.requests import (
    REQUESTS,
    Answered,
    Call,
    DescribeModel,
    Failed,
    Request,
    TrainAndPredict,
    TrainAndWeights,
    TrainingFingerprint,
    answer_from_wire,
)

X = np.arange(6).reshape(3, 2)
Y = np.array([0.0, 1.0, 1.0])
EXAMPLES = [
    Call("lookup", [{"a": 1}, "a"], {"default": 0}),
    DescribeModel("build", [6], [X]),
    TrainingFingerprint("build", [6, [3]], 7),
    TrainAndPredict("build", [6], X, Y, X, 2, 8, 7),
    TrainAndWeights("build", [6], X, Y, X, 2, 8, 7),
]


def across(document, tmp_path):
    """The document as the other side reads it."""
    wire.dump(document, tmp_path, models=True)
    return wire.load(tmp_path, models=True)


@pytest.mark.parametrize("request_", EXAMPLES, ids=lambda request_: request_.probe)
def test_a_request_crosses_the_wire_as_itself(request_, tmp_path):
    back = Request.from_wire(across(request_.to_wire(), tmp_path))
    assert type(back) is type(request_) and repr(back) == repr(request_)


def test_a_training_finds_the_model_its_fingerprint_kept(tmp_path):
    """The student's process keeps the fingerprinted model under its request's repr, and the training looks for it
    under its own `fingerprinting`'s (keras_probes.py), each read from the wire."""
    training = EXAMPLES[3]
    (tmp_path / "fingerprint").mkdir()
    (tmp_path / "training").mkdir()
    fingerprint = Request.from_wire(across(training.fingerprinting.to_wire(), tmp_path / "fingerprint"))
    trained = Request.from_wire(across(training.to_wire(), tmp_path / "training"))
    assert repr(trained.fingerprinting) == repr(fingerprint)


def test_every_request_has_its_probe_in_the_students_process():
    assert set(answer.PROBES) == set(REQUESTS.values())
    assert all(probe.__name__ == kind.probe for kind, probe in answer.PROBES.items())


@pytest.mark.parametrize("given", [Answered({"x": [1, 2]}), Answered(None), Failed("raised", "f raised", "  in f")])
def test_an_answer_crosses_the_wire_as_itself(given, tmp_path):
    assert answer_from_wire(across(given.to_wire(), tmp_path)) == given


@pytest.mark.parametrize(
    "document",
    [
        [True, 1],
        {"value": 1},
        {"ok": 1, "value": 1},
        {"ok": True},
        {"ok": True, "value": 1, "kind": "raised"},
        {"ok": False, "kind": "raised", "message": "m"},
        {"ok": False, "kind": "raised", "message": ["m"], "detail": ""},
    ],
)
def test_an_answer_of_another_shape_is_refused(document):
    with pytest.raises(ValueError):
        answer_from_wire(document)
