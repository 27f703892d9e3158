"""lms_ids.csv: each student of a class run with the id their LMS knows them by, beside grades.csv.

grades.csv keeps its fixed shape (`student, total, max`, a column per function) for the
spreadsheets and scripts that read it; the LMS ids live in this file of their own, one row per
student of the run: `student, lms, lms_id, file`. `lms` and `lms_id` are empty for a submission
that did not come from a Canvas or Moodle download; `file` is the file's path inside the download.
`autograder export` matches grades.csv's rows to the LMS's gradebook CSV through it.
"""

import csv
from pathlib import Path

from autograder.atomic import write_csv
from autograder.csv_cells import original
from autograder.lms import LmsError
from autograder.lms.filenames import LMS_NAMES
from autograder.roster import LmsFile, LmsId

LMS_IDS_FILE = "lms_ids.csv"
HEADER = ["student", "lms", "lms_id", "file"]


def write_lms_ids(files: dict[str, LmsFile | None], path: Path) -> None:
    """One row per student (id -> the LMS file they were graded from, or None), sorted, atomically."""
    rows = [HEADER]
    for student in sorted(files):
        lms = files[student]
        rows.append([student, lms.owner.lms, lms.owner.id, lms.path] if lms else [student, "", "", ""])
    write_csv(rows, path)


def read_lms_ids(path: Path) -> dict[str, LmsId | None]:
    """Each student's LMS id as `write_lms_ids` wrote it (None for a submission from no LMS)."""
    if not path.exists():
        raise LmsError(
            f"{path} is missing: `autograder grade` writes it beside grades.csv when it grades a class "
            "(run it again on the same submissions and --out: students already graded are skipped)"
        )
    with open(path, newline="", encoding="utf-8") as handle:
        rows = [[original(cell) for cell in row] for row in csv.reader(handle)]
    if not rows or rows[0] != HEADER:
        raise LmsError(f"{path} does not start with the header {','.join(HEADER)}")
    ids: dict[str, LmsId | None] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER) or (row[1] and row[1] not in LMS_NAMES):
            raise LmsError(f"{path}, line {number}: not a row of {','.join(HEADER)}: {','.join(row)}")
        student, lms, lms_id, _ = row
        ids[student] = LmsId(lms, lms_id) if lms else None
    return ids
