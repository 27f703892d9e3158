"""Gradescope's results.json, which students see, and the instructor's full copy beside it.

Every check but a function's examples gate (the notebook's visible asserts, which
students already have) is a hidden test: results.json shows its name, score and what
the student's function returned, never the value it expected, and marks it with the
visibility the instructor chose (`visible`: at once; `after_published`: once the
grades are published). Notes about the grader's machine (which sandbox ran, the
grader's own errors, which may name its files) are left out of it too.

The instructor's copy, `<name>.instructor.json` beside `<name>.json`, has the same
tests with every message whole, all the notes, and `extra_data.sandbox`: how the
submission was confined. It is what the class report and a rerun of a class read.
"""

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from autograder.atomic import write_text
from autograder.runner.outcome import CheckResult, max_total, total

HIDDEN_VISIBILITIES = ("visible", "after_published")
DEFAULT_HIDDEN_VISIBILITY = "visible"
# results.json's "status" (the kit's own key; Gradescope ignores keys it does not know): the checks'
# verdicts; a submission that could not be run (final); the grader's own failure (the score is not
# final: a rerun grades it again).
GRADED, NOT_GRADED, GRADER_ERROR = "graded", "not graded", "grader error"


def instructor_path(results_path: Path) -> Path:
    """Where the instructor's copy of a results file goes: results.json -> results.instructor.json."""
    return results_path.with_name(f"{results_path.name.removesuffix('.json')}.instructor.json")


def _document(
    results: list[CheckResult],
    notes: Iterable[str],
    output: Callable[[CheckResult], str],
    hidden_visibility: str,
    status: str,
) -> dict:
    if hidden_visibility not in HIDDEN_VISIBILITIES:
        raise ValueError(f"hidden_visibility must be one of {HIDDEN_VISIBILITIES}, not {hidden_visibility!r}")
    document = {
        "status": status,
        "score": total(results),
        "max_score": max_total(results),
        "tests": [
            {
                "name": f"{r.function}: {r.name}",
                "score": r.score,
                "max_score": r.points,
                "status": "passed" if r.passed else "failed",
                "output": output(r),
                "visibility": "visible" if r.gate else hidden_visibility,
                "tags": [r.function],
            }
            for r in results
        ],
    }
    if notes := list(notes):
        document["output"] = "\n".join(notes)
    return document


def gradescope_results(
    results: list[CheckResult],
    notes: Iterable[str] = (),
    hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY,
    status: str = GRADED,
) -> dict:
    """results.json, for the student: `notes` (how their submission ran: output cut, restarts) become its output."""
    return _document(results, notes, lambda r: r.student_output, hidden_visibility, status)


def _whole_output(result: CheckResult) -> str:
    return "\n".join(filter(None, [result.output, result.fault, result.answer_fault]))


def instructor_results(
    results: list[CheckResult],
    notes: Iterable[str] = (),
    sandbox: dict | None = None,
    hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY,
    status: str = GRADED,
) -> dict:
    """The instructor's copy: results.json with every message whole (a grader's fault too), every note, the sandbox."""
    document = _document(results, notes, _whole_output, hidden_visibility, status)
    if sandbox is not None:
        document["extra_data"] = {"sandbox": sandbox}
    return document


def sandbox_warning(documents: Iterable[dict]) -> str | None:
    """A warning if any of these instructor's copies ran without the sandbox, saying how many and why; else None."""
    documents = list(documents)
    reasons = Counter(
        sandbox.get("reason", "")
        for document in documents
        if (sandbox := document.get("extra_data", {}).get("sandbox")) and sandbox.get("isolation") == "none"
    )
    if not reasons:
        return None
    why = "; ".join(f"{count}: {reason}" for reason, count in sorted(reasons.items()))
    return (
        f"{sum(reasons.values())} of {len(documents)} submissions ran without the bubblewrap sandbox ({why}). They"
        " could use the network and read any file the grader can by its path, the reference solutions included."
        " With --sandbox bubblewrap the grader refuses to grade without it."
    )


def warn_if_unconfined(documents: Iterable[dict]) -> None:
    """On stderr, after grading: how many of these instructor's results ran without the sandbox, and why."""
    if warning := sandbox_warning(documents):
        print(f"warning: {warning}", file=sys.stderr)


def write_json(document: dict, path: Path) -> None:
    write_text(json.dumps(document, indent=2, ensure_ascii=False), path)


def status_of(document: dict) -> str:
    return document.get("status", GRADED)
