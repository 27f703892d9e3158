"""Moodle's grading worksheet of an assignment, the CSV its offline-grading feedback plugin imports.

The assignment's "Download grading worksheet" (mod/assign/gradingtable.php, downloading) writes
`Identifier, Full name, <identity fields such as Email address>, Status, [Team, Marker,] Grade,
Maximum grade, [Marking workflow state,] Grade can be changed, Last modified (submission),
<submission text fields>, Last modified (grade), <feedback fields such as Feedback comments>`,
one row per participant; Identifier is "Participant <participant id>". Blind marking leaves
out Full name and the identity fields. "Upload grading worksheet"
(mod/assign/feedback/offline/importgradeslib.php) needs Identifier, Grade and Last modified
(grade); it skips a grade that is unchanged, empty, above the maximum grade, or changed in
Moodle after the worksheet was downloaded. The column names are those of Moodle in English.
"""

import re

from autograder.lms import LmsError
from autograder.lms.csvfile import LmsCsv
from autograder.lms.filenames import MOODLE
from autograder.lms.sheet import GradeSheet, cell, decimal_mark, lms_number, student_rows

IDENTIFIER = "Identifier"
FULL_NAME = "Full name"
GRADE = "Grade"
MAXIMUM_GRADE = "Maximum grade"
LAST_MODIFIED_GRADE = "Last modified (grade)"
REQUIRED = (IDENTIFIER, GRADE, LAST_MODIFIED_GRADE)
PARTICIPANT = re.compile(r"\D*?(?P<id>\d+)")  # "Participant 2324116"; other languages write another word


def _layout_problem(header: list[str]) -> str | None:
    if missing := [name for name in REQUIRED if name not in header]:
        problem = f"it has no {' and no '.join(repr(name) for name in missing)} column"
        if header[:2] == ["Student", "ID"]:
            problem += "; it looks like Canvas's gradebook export, for `autograder export canvas`"
        return problem
    if "Scale" in header:
        return "the assignment is graded on a scale, and the kit's grades are points (set the grade type to Point)"
    if MAXIMUM_GRADE.lower() not in (name.lower() for name in header):
        return f"it has no {MAXIMUM_GRADE!r} column"
    return None


def moodle_sheet(table: LmsCsv) -> GradeSheet:
    """Where Moodle's grading worksheet takes the grades (its Grade column), checking the worksheet is one."""
    header = table.rows[0]
    if problem := _layout_problem(header):
        raise LmsError(
            f"{table.path} is not a Moodle grading worksheet: {problem}. Download it in the assignment from "
            "View all submissions > Grading action > Download grading worksheet (with the feedback type "
            "'Offline grading worksheet' on), in English"
        )
    rows = student_rows(table, list(range(1, len(table.rows))), header.index(IDENTIFIER), PARTICIPANT, "the Identifier")
    name_column = header.index(FULL_NAME) if FULL_NAME in header else header.index(IDENTIFIER)
    names = {participant: cell(table.rows[i], name_column) for participant, i in rows.items()}
    maximum = [name.lower() for name in header].index(MAXIMUM_GRADE.lower())
    written = {i: cell(table.rows[i], maximum) for i in rows.values()}
    points = {lms_number(text, f"{table.path}, row {i + 1}: the maximum grade") for i, text in written.items()}
    if len(points) > 1:
        raise LmsError(f"{table.path}: its rows give different maximum grades, {sorted(points)}")
    mark = decimal_mark(next(iter(written.values()), "."))
    return GradeSheet(MOODLE, table, header.index(GRADE), GRADE, rows, names, points.pop() if points else 0.0, mark)
