"""Canvas's gradebook CSV export (Grades > Export), and the column of one assignment in it.

As lib/gradebook_exporter.rb writes it: a header `Student, ID, [SIS User ID,] SIS Login ID,
[Integration ID,] [Root Account,] Section` (or `LastName, FirstName, ID, ...`), custom columns,
one column per assignment titled `<title> (<assignment id>)`, then read-only totals (`Current
Score`, `Final Points`, per assignment group too). Then an optional row of `Manual Posting`
marks, a row `    Points Possible` with each assignment's points (`(read only)` under the
totals), and one row per student, `ID` being the Canvas user id. The importer
(lib/gradebook_importer.rb) finds students by that id and skips columns whose values did not
change, so the whole export can go back with one column filled in.
"""

import re

from autograder.lms import LmsError
from autograder.lms.csvfile import LmsCsv
from autograder.lms.filenames import CANVAS
from autograder.lms.sheet import GradeSheet, cell, decimal_mark, lms_number, student_rows

STUDENT_HEADERS = (["Student", "ID"], ["LastName", "FirstName", "ID"])
POINTS_POSSIBLE = "Points Possible"
READ_ONLY = "(read only)"
# The importer's own list of columns that are no assignment, matched anywhere in a title
# (so also "Unposted Final Score" and "Homework Current Points").
TOTALS = re.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|Override ")
ASSIGNMENT_TITLE = re.compile(r"(?P<title>.*) \((?P<id>\d+)\)")
USER_ID = re.compile(r"(?P<id>\d+)")


def _layout_problem(table: LmsCsv) -> str | None:
    header = table.rows[0]
    if not any(header[: len(start)] == start for start in STUDENT_HEADERS):
        seen = ", ".join(header[:4])
        problem = f"its first columns are {seen}, not Student, ID, ... (or LastName, FirstName, ID, ...)"
        if "Identifier" in header:
            problem += "; it looks like Moodle's grading worksheet, for `autograder export moodle`"
        return problem
    if "Section" not in header:
        return "it has no Section column"
    if not any(row[0].strip() == POINTS_POSSIBLE for row in table.rows[1:3]):
        return f"it has no '{POINTS_POSSIBLE}' row under the header"
    return None


def _assignment_columns(header: list[str], points: list[str]) -> dict[str, int]:
    section = header.index("Section")
    return {
        name: index
        for index, name in enumerate(header)
        if index > section
        and ASSIGNMENT_TITLE.fullmatch(name)
        and not TOTALS.search(name)
        and READ_ONLY not in cell(points, index)
    }


def _find_column(columns: dict[str, int], wanted: str, table: LmsCsv) -> str:
    """The assignment column named `wanted`, exactly or without its ` (<id>)`, when that names one."""
    if wanted in columns:
        return wanted
    by_title = [name for name in columns if ASSIGNMENT_TITLE.fullmatch(name)["title"] == wanted]
    if len(by_title) == 1:
        return by_title[0]
    if wanted in table.rows[0]:
        problem = f"column {wanted!r} is not an assignment's: Canvas does not import grades into it"
    elif by_title:
        problem = f"{len(by_title)} assignments are titled {wanted!r}: name one with its id, {' or '.join(by_title)}"
    else:
        problem = f"there is no column {wanted!r}"
    listed = "; ".join(columns) or "none"
    raise LmsError(f"{table.path}: {problem}. Its assignment columns: {listed}")


def canvas_sheet(table: LmsCsv, column: str) -> GradeSheet:
    """Where `column` of Canvas's gradebook export takes the grades, checking the export is one."""
    if problem := _layout_problem(table):
        raise LmsError(
            f"{table.path} is not a Canvas gradebook export: {problem}. Export it in Canvas from "
            "Grades > Export > Export Entire Gradebook"
        )
    header = table.rows[0]
    points_index = next(i for i in (1, 2) if table.rows[i][0].strip() == POINTS_POSSIBLE)
    points_row = table.rows[points_index]
    name = _find_column(_assignment_columns(header, points_row), column, table)
    index = header.index(name)
    students = list(range(points_index + 1, len(table.rows)))  # a row of Manual Posting marks comes before it
    id_column = header.index("ID")
    rows = student_rows(table, students, id_column, USER_ID, "the Canvas user id (column ID)")
    names = {user: ", ".join(filter(None, table.rows[i][:id_column])) for user, i in rows.items()}
    if not cell(points_row, index).strip():
        raise LmsError(f"{table.path}: {name!r} has no points possible; give the assignment points in Canvas")
    written = cell(points_row, index)
    points = lms_number(written, f"{table.path}: the points possible of {name!r}")
    return GradeSheet(CANVAS, table, index, name, rows, names, points, decimal_mark(written))
