"""Gradescope's results.json format, with a tag naming the graded function on every test."""

import json
from pathlib import Path

from autograder.atomic import write_text
from autograder.engine.outcome import CheckResult, max_total, total

# results.json's "status": the checks' verdicts; a submission that could not be run (final);
# the grader's own failure (the score is not final: a rerun grades it again).
GRADED, NOT_GRADED, GRADER_ERROR = "graded", "not graded", "grader error"


def gradescope_results(results: list[CheckResult], notes: list[str] = (), status: str = GRADED) -> dict:
    """Gradescope's format; `notes` (how the submission ran: sandbox, limits hit) become its top-level output.

    `status` is the kit's own key (Gradescope ignores keys it does not know).
    """
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
                "output": r.output,
                "visibility": "visible",
                "tags": [r.function],
            }
            for r in results
        ],
    }
    if notes:
        document["output"] = "\n".join(notes)
    return document


def write_json(document: dict, path: Path) -> None:
    write_text(json.dumps(document, indent=2, ensure_ascii=False), path)


def status_of(document: dict) -> str:
    return document.get("status", GRADED)
