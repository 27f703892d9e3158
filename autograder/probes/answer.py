"""The grader's requests answered inside the student's process: each probe by name, its answer in the wire format.

Every probe takes the namespace the notebook's cells ran in plus plain-data arguments, calls
the student's code, and returns plain data (see wire.py). The grader's checks compare that
data with the reference in their own process, so nothing here decides a score.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import wire
from .calls import ProbeError, call
from .keras_probes import describe_model, train_and_predict, train_and_weights, training_fingerprint

PROBES: dict[str, Callable[..., Any]] = {
    "call": call,
    "describe_model": describe_model,
    "train_and_predict": train_and_predict,
    "train_and_weights": train_and_weights,
    "training_fingerprint": training_fingerprint,
}


def answer(namespace: dict, request_dir: str, response_dir: str) -> None:
    """Serve one request written by the grader: read it, run the probe, write the answer."""
    request = wire.load(Path(request_dir), models=True)
    response = Path(response_dir)
    try:
        value = PROBES[request["probe"]](namespace, *request["args"])
        wire.dump({"ok": True, "value": value}, response)
    except ProbeError as error:
        wire.dump({"ok": False, "kind": error.kind, "message": str(error), "detail": error.detail}, response)
    except wire.WireError as error:
        wire.dump(
            {"ok": False, "kind": "wrong_type", "message": f"{request['args'][0]} returned {error}", "detail": ""},
            response,
        )
