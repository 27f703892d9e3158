"""Gradescope's results.json format, with a tag naming the graded function on every test."""

import json
from pathlib import Path

from autograder.atomic import write_text
from autograder.engine.outcome import CheckResult, max_total, total


def gradescope_results(results: list[CheckResult], notes: list[str] = ()) -> dict:
    """Gradescope's format; `notes` (how the submission ran: sandbox, limits hit) become its top-level output."""
    document = {
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
