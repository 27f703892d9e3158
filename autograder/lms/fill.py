"""Put a class's totals into an LMS's gradebook CSV, matching students on the LMS's own id.

Every graded student ends up placed or listed as unmatched with the reason: none is dropped
unseen. The LMS's students without a graded submission keep their cells as they were.
"""

from collections import defaultdict
from dataclasses import dataclass

from autograder.lms import LmsError
from autograder.lms.csvfile import LmsCsv
from autograder.lms.filenames import ID_NAMES, LMS_NAMES
from autograder.lms.sheet import GradeSheet, lms_number
from autograder.reporting.feedback import format_points
from autograder.reporting.grades_csv import Grade
from autograder.roster import LmsId


@dataclass(frozen=True)
class Filled:
    table: LmsCsv
    placed: dict[str, str]
    """Kit student -> their name in the LMS."""
    unmatched: dict[str, str]
    """Kit student -> why their grade is not in the table."""
    replaced: list[tuple[str, str, str]]
    """(LMS name, the grade the export had, the one written instead), where it had one."""
    without_grade: list[str]
    """The LMS's students the class run has no submission of: their cells are as they were."""


def _why_unmatched(lms_id: LmsId | None, sheet: GradeSheet, owners: dict[LmsId, list[str]]) -> str | None:
    lms, id_name = LMS_NAMES[sheet.lms], ID_NAMES[sheet.lms]
    if lms_id is None:
        return f"no {id_name}: the submission did not come from a {lms} download"
    if lms_id.lms != sheet.lms:
        return f"graded from a {LMS_NAMES[lms_id.lms]} download, whose ids are no {id_name}s"
    if not lms_id.id:
        return f"no {id_name}: the {lms} download was anonymous"
    if len(owners[lms_id]) > 1:
        return f"{id_name} {lms_id.id} has {len(owners[lms_id])} graded submissions ({', '.join(owners[lms_id])}): enter the one that counts by hand"
    if lms_id.id not in sheet.rows:
        return f"{id_name} {lms_id.id} has no row in {sheet.table.path}"
    return None


def _points(grade: Grade, sheet: GradeSheet, rescale: bool) -> float:
    if rescale:
        if grade.max <= 0:
            raise LmsError(f"a grade out of {format_points(grade.max)} points cannot be rescaled")
        return round(grade.total * sheet.points / grade.max, 2)
    if abs(grade.max - sheet.points) > 1e-6:
        lms = LMS_NAMES[sheet.lms]
        raise LmsError(
            f"{lms} grades {sheet.column_name!r} out of {format_points(sheet.points)} points and the kit out of "
            f"{format_points(grade.max)}: make them agree in {lms}, or pass --rescale to scale the kit's grades "
            f"to {format_points(sheet.points)}"
        )
    return grade.total


def fill_grades(sheet: GradeSheet, grades: dict[str, Grade], ids: dict[str, LmsId | None], rescale: bool) -> Filled:
    """The sheet's table with each matched student's total in its column (`rescale`d to the LMS's points)."""
    if missing := sorted(set(ids) - set(grades)):
        raise LmsError(
            f"grades.csv has no row for {', '.join(missing)}, whom the class run graded (lms_ids.csv): "
            "grades.csv and lms_ids.csv must come from one run of `autograder grade`"
        )
    owners: dict[LmsId, list[str]] = defaultdict(list)
    for student in sorted(grades):
        if lms_id := ids.get(student):
            owners[lms_id].append(student)
    rows = [list(row) for row in sheet.table.rows]
    placed, unmatched, replaced = {}, {}, []
    for student in sorted(grades):
        lms_id = ids.get(student)
        if why := _why_unmatched(lms_id, sheet, owners):
            unmatched[student] = why
            continue
        row = rows[sheet.rows[lms_id.id]]
        row.extend([""] * (sheet.column + 1 - len(row)))
        value = _points(grades[student], sheet, rescale)
        before, after = row[sheet.column].strip(), format_points(value).replace(".", sheet.decimal_mark)
        if before and not _same_number(before, value):
            replaced.append((sheet.names[lms_id.id], before, after))
        row[sheet.column] = after
        placed[student] = sheet.names[lms_id.id]
    if grades and not placed:
        reasons = [f"{student}: {why}" for student, why in unmatched.items()]
        shown = "; ".join(reasons[:5]) + (f"; and {len(reasons) - 5} more" if len(reasons) > 5 else "")
        raise LmsError(f"none of grades.csv's {len(grades)} students matches a row of {sheet.table.path} ({shown})")
    submitted = {lms_id.id for lms_id in owners if lms_id.lms == sheet.lms}
    without_grade = [name for lms_id, name in sheet.names.items() if lms_id not in submitted]
    return Filled(sheet.table.with_rows(rows), placed, unmatched, replaced, without_grade)


def _same_number(before: str, value: float) -> bool:
    """`35.00` (as the LMS exported it) and 35 are one grade."""
    try:
        return abs(lms_number(before, "the grade") - value) < 1e-9
    except LmsError:  # "EX" (excused), "N/A", a letter grade
        return False
