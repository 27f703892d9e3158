"""The grader's handle on a submission: ask its functions for answers as plain data.

Checks talk only to a `Student`. Whether the answers come from a Jupyter kernel
(the kit's grader) or from the notebook's own process (nbgrader's hidden tests),
they cross the same wire format, so both give the same verdicts.
"""

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import numpy as np

from autograder.probes import wire
from autograder.probes.requests import (
    Call,
    DescribeModel,
    Failed,
    Request,
    T,
    TrainAndPredict,
    TrainAndWeights,
    Training,
    TrainingFingerprint,
    answer_from_wire,
)
from autograder.sandbox.exchange import Trade

TEXT_LIMIT = 500
"""Characters the grader keeps of a text from the student's side: an error's message, a cell's error (security.md)."""


def bounded(text: str, limit: int = TEXT_LIMIT) -> str:
    """The text, cut to `limit` characters with a mark that says so: a student's message cannot fill results.json."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text) - limit:,} more characters not kept)"


class StudentError(Exception):
    """The student's code gave no usable answer; str() is the reason, for the student."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Student(ABC):
    """One submission's functions, asked about by typed requests (probes/requests.py) with plain-data arguments."""

    def __init__(self) -> None:
        self._given_up: dict[str, StudentError] = {}

    def request(self, request: Request[T], timeout: float | None = None) -> T:
        """Ask the student's process to run a probe; `timeout` None means the grader's limit per call.

        A function that hung or ended the student's process under the usual limit is
        not called again: its later checks fail at once with that reason, so one
        broken function cannot use up the time the other functions are graded in.
        """
        function = request.function
        if function in self._given_up:
            raise self._given_up[function]
        try:
            return self._request(request, timeout)
        except StudentError as error:
            if error.kind not in ("lost", "timeout"):
                raise
            named = StudentError(error.kind, f"While running {function}: {error}")
            if timeout is None:
                self._given_up[function] = StudentError(error.kind, f"{named} (in an earlier check; not called again)")
            raise named from None

    def _request(self, request: Request[T], timeout: float | None) -> T:
        with Trade(self.exchange_root(), request.to_wire(), self.share) as trade:
            self._serve(trade.request, trade.response, timeout)
            try:
                response = trade.answer()
            except wire.NoValue:
                raise StudentError("lost", "the student's process gave no answer") from None
            except wire.WireError as error:
                raise StudentError("wrong_type", f"the student's process sent {error}") from None
        try:
            answer = answer_from_wire(response)
        except ValueError:  # not written by the probe
            raise StudentError(
                "wrong_type", "the student's process sent an answer in a form the grader does not know"
            ) from None
        if isinstance(answer, Failed):
            kind, message = bounded(answer.kind, 40), bounded(answer.message)
            if kind in ("missing", "raised"):
                message = self.explain(message)
            if answer.detail:
                message = f"{message}\n{bounded(answer.detail)}"
            raise StudentError(kind, message)
        return answer.value

    @property
    def stopped(self) -> bool:
        """Whether the grading was called off (nobody waits for it any more): the checks left need not run."""
        return False

    def exchange_root(self) -> Path | None:
        """Where request folders are made: somewhere the student's process can reach and cannot replace
        (None: a private folder of each request's own)."""
        return None

    def share(self, *paths: Path) -> None:  # noqa: B027 (a hook: most students need nothing shared)
        """Give the folders of a request to the student's process, when it runs as another user."""

    def explain(self, message: str) -> str:
        """Add what is known about why the student's code failed (e.g. cells that raised)."""
        return message

    @abstractmethod
    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        """Have the student's process answer the request; raise StudentError if it cannot."""

    def call(self, function: str, *args: Any, timeout: float | None = None, **kwargs: Any) -> Any:
        return self.request(Call(function, list(args), kwargs), timeout)

    def describe_model(self, function: str, args: list, inputs: list[np.ndarray]) -> dict:
        return self.request(DescribeModel(function, args, inputs))

    def train_and_predict(
        self,
        function: str,
        args: list,
        x_train: np.ndarray,
        y_train: np.ndarray,
        x_test: np.ndarray,
        *,
        epochs: int,
        batch_size: int,
        seed: int,
        timeout: float,
    ) -> np.ndarray:
        return self._train(TrainAndPredict(function, args, x_train, y_train, x_test, epochs, batch_size, seed), timeout)

    def train_and_weights(
        self,
        function: str,
        args: list,
        x_train: np.ndarray,
        y_train: np.ndarray,
        x_test: np.ndarray,
        *,
        epochs: int,
        batch_size: int,
        seed: int,
        timeout: float,
    ) -> dict:
        """train_and_predict's answer as {"predictions": ...}, plus {"layers": [{"class", "weights"}, ...]} after training."""
        return self._train(TrainAndWeights(function, args, x_train, y_train, x_test, epochs, batch_size, seed), timeout)

    def _train(self, request: Training[T], timeout: float) -> T:
        """A training in two requests, in every grading: the student's process builds the seeded model and answers
        its fingerprint, then trains that very model (probes/keras_probes.py keeps it), unless `trained` knows the result.

        So the student's builder is always called by the same request, and what training reuse
        (reuse/trainings.py) compares is the model that would be trained: a builder that looks at
        its caller cannot show the fingerprint one model and the training another.
        """
        try:
            claimed = self.request(request.fingerprinting, timeout)
        except StudentError as error:
            if error.kind in ("lost", "timeout"):  # building the model alone went over the training's limit
                raise
            claimed = None  # the training request gives the same failure, in its own words
        return self.trained(request, claimed, timeout)

    def trained(self, request: Training[T], fingerprint: str | None, timeout: float) -> T:
        """The answer to a training request whose freshly built model has `fingerprint` (None: none to trust)."""
        return self.request(request, timeout)

    def training_fingerprint(self, function: str, args: list, *, seed: int, timeout: float) -> str | None:
        """The digest of what a seeded training of function(*args) depends on; None where other code could change it."""
        return self.request(TrainingFingerprint(function, args, seed), timeout)
