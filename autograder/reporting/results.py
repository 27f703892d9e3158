"""Gradescope's results.json format, with a tag naming the graded function on every test."""

import json
import os
import tempfile
from pathlib import Path

from autograder.engine.outcome import CheckResult, total


def gradescope_results(results: list[CheckResult]) -> dict:
    return {
        "score": total(results),
        "max_score": round(sum(r.points for r in results), 6),
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


def write_json(document: dict, path: Path) -> None:
    """Write atomically, so a reader never sees half a results file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2, ensure_ascii=False)
    os.replace(handle.name, path)
