"""One typed request per probe, and the two forms of an answer: one definition for the grader's side and the student's.

The grader sends a request as `to_wire()` (sandbox/student.py); the student's process reads it
back with `Request.from_wire` and answers it (answer.py); training reuse keys the reference's
answers by the same fields (reuse/trainings.py). On the wire a request is a dict of its fields
plus "probe", its probe's name, and an answer is {"ok": true, "value": ...} or
{"ok": false, "kind": ..., "message": ..., "detail": ...}.
"""

from dataclasses import dataclass, fields
from typing import Any, ClassVar, Generic, TypeVar

import numpy as np

T = TypeVar("T")
"""The type of a request's answer."""


def _fields(record: Any) -> dict[str, Any]:
    """A dataclass's fields by name, the values as they are (dataclasses.asdict would copy every array and model)."""
    return {field.name: getattr(record, field.name) for field in fields(record)}


@dataclass(frozen=True)
class Request(Generic[T]):
    """A question about one student function, whose answer is a T."""

    probe: ClassVar[str]
    function: str
    """The student's function, by name."""
    args: list
    """Its positional arguments: plain data, or a Keras model that the student's process rebuilds (wire.py)."""

    def to_wire(self) -> dict[str, Any]:
        return {"probe": self.probe, **_fields(self)}

    @staticmethod
    def from_wire(document: dict[str, Any]) -> "Request":
        """The request that `to_wire` gave, of its probe's class."""
        named = dict(document)
        return REQUESTS[named.pop("probe")](**named)


@dataclass(frozen=True)
class Call(Request[Any]):
    """function(*args, **kwargs): what it returns."""

    probe = "call"
    kwargs: dict[str, Any]


@dataclass(frozen=True)
class DescribeModel(Request[dict]):
    """The model function(*args) builds, described, with its outputs on each batch of `inputs` (keras_probes.py)."""

    probe = "describe_model"
    inputs: list[np.ndarray]


@dataclass(frozen=True)
class TrainingFingerprint(Request[str | None]):
    """The digest of what a training from function(*args), seeded with `seed`, depends on (fingerprint.py)."""

    probe = "training_fingerprint"
    seed: int


@dataclass(frozen=True)
class Training(Request[T]):
    """The model function(*args) builds, seeded with `seed` and trained on the training data; T: what is kept of it."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    epochs: int
    batch_size: int
    seed: int

    @property
    def fingerprinting(self) -> TrainingFingerprint:
        """The request for the fingerprint of the model this training fits: every training asks it first."""
        return TrainingFingerprint(self.function, self.args, self.seed)


@dataclass(frozen=True)
class TrainAndPredict(Training[np.ndarray]):
    """The trained model's predictions on x_test."""

    probe = "train_and_predict"


@dataclass(frozen=True)
class TrainAndWeights(Training[dict]):
    """{"predictions": as TrainAndPredict's, "layers": [{"class", "weights"}, ...]}: what each layer learned."""

    probe = "train_and_weights"


REQUESTS: dict[str, type[Request]] = {
    kind.probe: kind for kind in (Call, DescribeModel, TrainingFingerprint, TrainAndPredict, TrainAndWeights)
}


@dataclass(frozen=True)
class Answered:
    """The probe's answer: plain data."""

    value: Any

    def to_wire(self) -> dict[str, Any]:
        return {"ok": True, **_fields(self)}


@dataclass(frozen=True)
class Failed:
    """No answer: `kind` says why in one word; `message` and `detail` (the student's lines it passed) are for the student."""

    kind: str
    message: str
    detail: str

    def to_wire(self) -> dict[str, Any]:
        return {"ok": False, **_fields(self)}


def answer_from_wire(document: Any) -> Answered | Failed:
    """The answer that `to_wire` gave; ValueError for any other shape, which the probe did not write."""
    if type(document) is not dict or type(document.get("ok")) is not bool:
        raise ValueError("not an answer")
    form = Answered if document["ok"] else Failed
    named = {key: value for key, value in document.items() if key != "ok"}
    if set(named) != {field.name for field in fields(form)}:
        raise ValueError("not an answer")
    if form is Failed and any(type(text) is not str for text in named.values()):
        raise ValueError("not an answer")
    return form(**named)
