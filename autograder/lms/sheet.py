"""Where an LMS's gradebook CSV takes one assignment's grades: which row is whose, which column, out of what."""

import re
from dataclasses import dataclass

from autograder.lms import LmsError
from autograder.lms.csvfile import LmsCsv


@dataclass(frozen=True)
class GradeSheet:
    lms: str
    """CANVAS or MOODLE."""
    table: LmsCsv
    column: int
    """The index of the column the grades go in."""
    column_name: str
    rows: dict[str, int]
    """Each student's LMS id -> the index of their row in `table.rows`."""
    names: dict[str, str]
    """Each student's LMS id -> their name as the LMS shows it."""
    points: float
    """What the LMS grades the assignment out of (Canvas's points possible, Moodle's maximum grade)."""
    decimal_mark: str
    """How the export writes a decimal point: `.`, or `,` in a locale of decimal commas."""


def cell(row: list[str], index: int) -> str:
    """A row's cell, "" where the row stops short of it."""
    return row[index] if index < len(row) else ""


def decimal_mark(number: str) -> str:
    """The decimal mark of a number as the LMS wrote it: `,` in `40,00`, else `.`."""
    return "," if "," in number and "." not in number else "."


def lms_number(text: str, what: str) -> float:
    """A number as the LMS exports it: `40.00`, or `40,00` where the locale writes a decimal comma."""
    try:
        return float(text.strip().replace(decimal_mark(text), "."))
    except ValueError:
        raise LmsError(f"{what} is {text!r}, not a number") from None


def student_rows(table: LmsCsv, rows: list[int], id_column: int, id_pattern: re.Pattern, what: str) -> dict[str, int]:
    """LMS id -> row index for the student rows of `table`; each id must be the LMS's and appear once."""
    found: dict[str, int] = {}
    for index in rows:
        text = cell(table.rows[index], id_column).strip()
        if not (match := id_pattern.fullmatch(text)):
            raise LmsError(f"{table.path}, row {index + 1}: {what} is {text!r}, not as the LMS writes it")
        if match["id"] in found:
            raise LmsError(f"{table.path}: rows {found[match['id']] + 1} and {index + 1} are both {text!r}")
        found[match["id"]] = index
    return found
