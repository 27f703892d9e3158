"""Training reuse: a student's training that would repeat the reference's, to the byte, gets the reference's result.

Most of a grading's time is the seeded training of its accuracy checks, and most submissions
build exactly the reference's model: their bugs are elsewhere, and the checks train on data
that the reference preprocessed. So every training starts by asking the student's process for
its model's training fingerprint (probes/fingerprint.py), the digest of everything the
training depends on, taken of the very model that the training would then fit
(sandbox/student.py's `_train`). When it equals the reference's fingerprint, the result is the
reference's own training, done in a kernel of the grader's (the reference solution, in the
same sandbox and environment as a student's kernel) once per machine: kept in memory, and in
the grader's cache for the processes that follow (reuse/kept_answers.py). Otherwise the
student's model trains in the student's process, as without reuse.

Why no verdict changes:
- A submission gets the reference's result only when its own training would compute the
  same: the same code path, settings, initial weights and random states, in the same
  environment; docs/benchmarks.md has the comparison with reuse switched off.
- Only the grader's own kernel puts results in the memo and the kept answers: no submission
  can put one there for another.
- A submission's process that lies about its fingerprint gains nothing it lacks without
  reuse: that process answers the training request itself and, given the training data,
  can return any predictions it likes. The kit trusts a student's process only about that
  student's own code, with reuse or without.
"""

import copy
import hashlib
import json
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Self

import nbformat
import numpy as np

from autograder.course import Assignment
from autograder.probes.requests import Request, T, Training, TrainingFingerprint
from autograder.reuse.kept_answers import MISSING, kept_answers
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import Policy
from autograder.sandbox.student import Student, StudentError

_fingerprints: dict[tuple, str | None] = {}
"""The reference's fingerprint of each (reference, function, arguments, seed), for this process."""
_results: dict[tuple, Any] = {}
"""The reference's training result of each (reference, probe, fingerprint, data, settings), for this process."""


def _digest(*values: Any) -> str:
    digest = hashlib.sha256()
    for value in values:
        if isinstance(value, np.ndarray):
            digest.update(f"{value.dtype}{value.shape}".encode())
            digest.update(np.ascontiguousarray(value).tobytes())
        else:
            digest.update(json.dumps(value, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


class ReferenceTrainings:
    """The reference's side of training reuse for one grading; its kernel starts when a training first needs it."""

    def __init__(self, assignment: Assignment, policy: Policy, cancelled: Callable[[], bool] | None = None) -> None:
        self._source = assignment.solutions_file.read_text(encoding="utf-8")
        self._reference = _digest(assignment.name, self._source)
        self._policy = policy
        self._cancelled = cancelled
        self._kernel: KernelStudent | None = None
        """Started on the first request, ended with the grading."""
        self._stack = ExitStack()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def _ask(self, request: Request[T], timeout: float) -> T:
        if self._kernel is None:
            kernel = KernelStudent([nbformat.v4.new_code_cell(self._source)], self._policy, cancelled=self._cancelled)
            self._kernel = self._stack.enter_context(kernel)  # a kernel that cannot start is the grader's error
        if self._kernel.cell_errors:  # never reused then: every training asks the student's own kernel
            raise StudentError("raised", f"the reference solution did not run: {self._kernel.cell_errors}")
        return self._kernel.request(request, timeout)

    def _answer(self, memo: dict[tuple, Any], key: tuple, request: Request[T], timeout: float) -> T:
        """The reference kernel's answer: from this process's memo, else as kept on disk, else asked (and kept)."""
        if key not in memo:
            kept = kept_answers()
            answer = kept.get(request.probe, key)
            if answer is MISSING:
                answer = self._ask(request, timeout)
                kept.put(request.probe, key, answer)
            memo[key] = answer
        return memo[key]

    def fingerprint(self, request: TrainingFingerprint, timeout: float) -> str | None:
        key = (self._reference, request.function, _digest(request.args), request.seed)
        return self._answer(_fingerprints, key, request, timeout)

    def result(self, request: Training[T], fingerprint: str, timeout: float) -> T:
        """The reference's answer to a training request whose model has this fingerprint; the fingerprint stands for the
        function and its arguments, so the key adds only the data and the settings."""
        data = (request.x_train, request.y_train, request.x_test, request.epochs, request.batch_size, request.seed)
        key = (self._reference, request.probe, fingerprint, _digest(*data))
        return copy.deepcopy(self._answer(_results, key, request, timeout))  # a check may change what it is given


class ReusingStudent(Student):
    """A student whose trainings are the reference's when its model's fingerprint is the reference's."""

    def __init__(self, student: Student, reference: ReferenceTrainings) -> None:
        super().__init__()
        self._student = student
        self._reference = reference

    @property
    def stopped(self) -> bool:
        return self._student.stopped

    def request(self, request: Request[T], timeout: float | None = None) -> T:
        return self._student.request(request, timeout)

    def trained(self, request: Training[T], fingerprint: str | None, timeout: float) -> T:
        try:
            if fingerprint is not None and fingerprint == self._reference.fingerprint(request.fingerprinting, timeout):
                return self._reference.result(request, fingerprint, timeout)
        except StudentError:  # the reference's kernel could not answer (a loaded machine): the student trains
            pass
        return self._student.request(request, timeout)

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        self._student._serve(request_dir, response_dir, timeout)
