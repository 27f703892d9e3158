"""The verdict of one check, and the rule that a function's examples gate its points."""

from dataclasses import dataclass, replace

from autograder.checklib.messages import without_expected


@dataclass(frozen=True)
class CheckResult:
    function: str
    name: str
    points: float
    passed: bool
    output: str
    gate: bool = False
    fault: str = ""
    """The grader's own failure in this check (a traceback), for the instructor's log and copy of the results; empty for a verdict."""
    raised: str = ""
    """The name of the exception behind `fault`: what the student reads if the fault was the answer's (run.py)."""
    answer_fault: str = ""
    """The traceback of what the check raised on an answer it could not take (the student's failure, not the
    grader's; run.py): for the instructor's copy only, where a check that mishandles wrong answers shows."""

    @property
    def score(self) -> float:
        return self.points if self.passed else 0.0

    @property
    def student_output(self) -> str:
        """What a student may read: all of a gate's message (the notebook's own examples), a hidden
        check's without the value it expected; never the grader's error."""
        return self.output if self.gate else without_expected(self.output)


def apply_gates(results: list[CheckResult]) -> list[CheckResult]:
    """Zero a function's points when its notebook examples fail, as nbgrader does.

    nbgrader scores a test cell 0 when its visible asserts raise, before the hidden
    checks run; the kit follows the same rule so that both graders agree. The other
    checks still run and report, so the student learns everything that is wrong.
    """
    failed = {r.function for r in results if r.gate and not r.passed and not r.fault}
    note = "No points for this check: the examples in the notebook's test cell for {} fail, fix those first."
    return [
        replace(r, passed=False, output=f"{r.output}\n{note.format(r.function)}".strip())
        if r.function in failed and r.passed
        else r
        for r in results
    ]


def total(results: list[CheckResult]) -> float:
    return round(sum(r.score for r in results), 6)


def max_total(results: list[CheckResult]) -> float:
    return round(sum(r.points for r in results), 6)
