"""A Student whose code runs in this very process: nbgrader's hidden test cells.

nbgrader executes the whole notebook in one kernel, so its hidden tests can only
call the student's functions in place. The answers still cross the wire format,
so a check sees exactly what the kit's own grader would show it.
"""

from pathlib import Path

from autograder.probes.answer import answer
from autograder.sandbox.student import Student


class InProcessStudent(Student):
    def __init__(self, namespace: dict) -> None:
        super().__init__()
        self.namespace = namespace

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        answer(self.namespace, str(request_dir), str(response_dir))
