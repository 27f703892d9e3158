"""The grader's requests answered inside the student's process: each request by its probe, the answer in the wire format.

Every probe takes the namespace the notebook's cells ran in plus a typed request (requests.py),
calls the student's code, and returns plain data (see wire.py). The grader's checks compare that
data with the reference in their own process, so nothing here decides a score.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import wire
from .calls import ProbeError, call
from .keras_probes import describe_model, train_and_predict, train_and_weights, training_fingerprint
from .requests import (
    Answered,
    Call,
    DescribeModel,
    Failed,
    Request,
    TrainAndPredict,
    TrainAndWeights,
    TrainingFingerprint,
)

PROBES: dict[type[Request], Callable[[dict, Any], Any]] = {
    Call: call,
    DescribeModel: describe_model,
    TrainAndPredict: train_and_predict,
    TrainAndWeights: train_and_weights,
    TrainingFingerprint: training_fingerprint,
}


def answer(namespace: dict, request_dir: str, response_dir: str) -> None:
    """Serve one request written by the grader: read it, run the probe, write the answer."""
    request = Request.from_wire(wire.load(Path(request_dir), models=True))
    response = Path(response_dir)
    try:
        wire.dump(Answered(PROBES[type(request)](namespace, request)).to_wire(), response)
    except ProbeError as error:
        wire.dump(Failed(error.kind, str(error), error.detail).to_wire(), response)
    except wire.WireError as error:
        wire.dump(Failed("wrong_type", f"{request.function} returned {error}", "").to_wire(), response)
