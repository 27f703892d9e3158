"""A class's grades as one CSV: a row per student, a column per graded function.

Spreadsheets and LMS gradebooks import this directly, so its shape is fixed:
`student`, `total`, `max`, then one column per graded function, then `status`
(results.json's: graded, not graded, grader error), students sorted by id so
that two runs over the same class give the same file. A grader error's points
are left empty: they are not the student's score, and an import must not take
them for one.
"""

import csv
import io
from pathlib import Path

from autograder.atomic import write_text
from autograder.reporting.feedback import format_points, score_and_max, tests_by_function
from autograder.reporting.results import GRADER_ERROR, status_of


def function_scores(results: dict) -> dict[str, float]:
    """Points a student earned per graded function, summed over the tests tagged with it."""
    return {
        function: round(sum(t.get("score", 0) for t in tests), 6)
        for function, tests in tests_by_function(results).items()
    }


def write_grades_csv(rows: dict[str, dict], path: Path) -> None:
    """Write one row per student (id -> results dict), atomically, so a reader never sees half a file.

    A function missing from a student's results scores 0 for them rather than
    leaving a hole an import would misread.
    """
    students = sorted(rows)
    scores = {student: function_scores(rows[student]) for student in students}
    functions = list(dict.fromkeys(f for student in students for f in scores[student]))
    table = [["student", "total", "max", *functions, "status"]]
    for student in students:
        status = status_of(rows[student])
        numbers = [*score_and_max(rows[student]), *(scores[student].get(f, 0) for f in functions)]
        points = [""] * len(numbers) if status == GRADER_ERROR else list(map(format_points, numbers))
        table.append([student, *points, status])

    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    write_text(buffer.getvalue(), Path(path))
