"""A class's grades as one CSV: a row per student, a column per graded function.

Spreadsheets and LMS gradebooks import this directly, so its shape is fixed:
`student`, `total`, `max`, then one column per graded function, then `status`
(results.json's: graded, not graded, grader error), students sorted by id so
that two runs over the same class give the same file. A grader error's points
are left empty: they are not the student's score, and an import must not take
them for one.
"""

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from autograder.atomic import write_csv
from autograder.csv_cells import original
from autograder.reporting.feedback import format_points, score_and_max, tests_by_function
from autograder.reporting.results import GRADER_ERROR, status_of

FIXED_COLUMNS = ("student", "total", "max")
STATUS_COLUMN = "status"


@dataclass(frozen=True)
class Grade:
    total: float
    max: float


class GradesCsvError(ValueError):
    """A grades.csv that is not as write_grades_csv writes it; str() says what is wrong."""


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
    table = [[*FIXED_COLUMNS, *functions, STATUS_COLUMN]]
    for student in students:
        status = status_of(rows[student])
        numbers = [*score_and_max(rows[student]), *(scores[student].get(f, 0) for f in functions)]
        points = [""] * len(numbers) if status == GRADER_ERROR else list(map(format_points, numbers))
        table.append([student, *points, status])
    write_csv(table, Path(path))


def read_grades_csv(path: Path) -> tuple[list[str], dict[str, Grade]]:
    """The function columns of a grades.csv and each student's total, refusing what write_grades_csv would not write."""
    with open(path, newline="", encoding="utf-8-sig") as handle:  # -sig: a spreadsheet may have saved it with a BOM
        rows = [[original(cell) for cell in row] for row in csv.reader(handle) if any(row)]
    if not rows or tuple(rows[0][: len(FIXED_COLUMNS)]) != FIXED_COLUMNS:
        raise GradesCsvError(f"{path} is not a grades.csv of the kit: it does not start with {','.join(FIXED_COLUMNS)}")
    header = rows[0]
    functions = header[len(FIXED_COLUMNS) : len(header) - (header[-1] == STATUS_COLUMN)]
    grades: dict[str, Grade] = {}
    for number, row in enumerate(rows[1:], start=2):
        student, total, most = [*row, "", "", ""][:3]
        if student in grades:
            raise GradesCsvError(f"{path}, line {number}: {student} has a second row")
        if header[-1] == STATUS_COLUMN and row[-1] == GRADER_ERROR:
            raise GradesCsvError(
                f"{path}, line {number}: the grader failed on {student} (status {GRADER_ERROR!r}), so there is no"
                " score yet: fix what its grader-error.log says and run the same `autograder grade` again"
            )
        try:
            grades[student] = Grade(float(total), float(most))
            if not all(map(math.isfinite, (grades[student].total, grades[student].max))):
                raise ValueError
        except ValueError:
            raise GradesCsvError(
                f"{path}, line {number}: {student or 'a row'} has total {total!r} and max {most!r}, not numbers"
            ) from None
    return functions, grades
