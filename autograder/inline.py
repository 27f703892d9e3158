"""The kit's checks inside the notebook's own process: what nbgrader's hidden tests call.

A hidden test cell ends with `score("sentiment_rnn", "make_lexicon", globals())`; its
value is the cell's last expression, which nbgrader takes as partial credit. The
checks and the gate rule are the kit grader's own, so both give the same points.
What it prints is the cell's output, which nbgrader's feedback shows the student:
like results.json, it never shows the value a hidden check expected.

The course's nbgrader_config.py grades through the kit's sandboxed grader instead
(nbgrader_preprocessor.py), which writes the same lines into the test cells; these
hidden lines serve an instructor who keeps nbgrader's own execution.
"""

from autograder.course import get
from autograder.runner.outcome import CheckResult, total
from autograder.runner.run import run_checks
from autograder.sandbox.inprocess import InProcessStudent


def report(results: list[CheckResult]) -> str:
    """One function's checks as its test cell shows them: each check's verdict, and what a failed one says."""
    lines = []
    for result in results:
        mark = "passed" if result.passed else "FAILED"
        lines.append(f"[{mark}] {result.name} ({result.score:g}/{result.points:g})")
        if result.student_output:
            lines.append("    " + result.student_output.replace("\n", "\n    "))
    return "".join(f"{line}\n" for line in lines)


def score(assignment: str, function: str, namespace: dict) -> float:
    """Run `function`'s checks on the notebook's namespace; print what failed; return the points."""
    results = run_checks(get(assignment), InProcessStudent(namespace), (function,))
    print(report(results), end="")
    return total(results)
