"""`autograder export canvas|moodle`: a class's grades into the LMS's own gradebook CSV, ready to import.

Export the gradebook CSV from the LMS (Canvas: Grades > Export > Export Entire Gradebook; Moodle:
the assignment's grading worksheet). This fills the assignment's column with each student's
total from grades.csv, matching students on the id the LMS's download gave their files (the
Canvas user id, the Moodle participant id), which `autograder grade` keeps in lms_ids.csv beside
grades.csv; the rest of the file is written back as it came. Students it cannot match are
listed and make the exit code 3; bad input is an error that writes nothing.
"""

import argparse
import sys
from pathlib import Path

from autograder.commands import keywords
from autograder.course import get, names
from autograder.lms import LmsError
from autograder.lms.canvas import canvas_sheet
from autograder.lms.csvfile import read_lms_csv, write_lms_csv
from autograder.lms.filenames import CANVAS, LMS_NAMES, MOODLE
from autograder.lms.fill import Filled, fill_grades
from autograder.lms.ids import LMS_IDS_FILE, read_lms_ids
from autograder.lms.moodle import moodle_sheet
from autograder.reporting.grades_csv import GradesCsvError, read_grades_csv

EXIT_UNMATCHED = 3
IMPORT_HOW = {
    CANVAS: "import it in Canvas from Grades > Import",
    MOODLE: "upload it in the assignment from View all submissions > Grading action > Upload grading worksheet",
}


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("export", help=summary, description=__doc__)
    lms = parser.add_subparsers(dest="lms", required=True)
    canvas = lms.add_parser(CANVAS, help="fill a column of Canvas's gradebook export", description=__doc__)
    canvas.add_argument(
        "--lms-csv", type=Path, required=True, help="the gradebook CSV exported from Canvas (Export Entire Gradebook)"
    )
    canvas.add_argument(
        "--column", required=True, help='the assignment\'s column as Canvas names it, e.g. "Homework 1 (12345)"'
    )
    moodle = lms.add_parser(MOODLE, help="fill the Grade column of a Moodle grading worksheet", description=__doc__)
    moodle.add_argument(
        "--lms-csv", type=Path, required=True, help="the assignment's grading worksheet downloaded from Moodle"
    )
    moodle.set_defaults(column=None)  # a worksheet has one grade column, Grade
    for sub in (canvas, moodle):
        sub.add_argument(
            "--grades", type=Path, required=True, help="the class run's grades.csv (its lms_ids.csv is read beside it)"
        )
        sub.add_argument("-o", "--output", type=Path, required=True, help="the CSV to write, for the LMS to import")
        sub.add_argument(
            "--rescale", action="store_true", help="scale the kit's totals to the LMS's points when the two differ"
        )
        sub.add_argument("--assignment", choices=names(), help="check that grades.csv is this assignment's")
        sub.set_defaults(run=run)


def _filled(
    lms: str, lms_csv: Path, grades_csv: Path, column: str | None, rescale: bool, assignment: str | None
) -> Filled:
    functions, grades = read_grades_csv(grades_csv)
    if assignment and functions != list(expected := get(assignment).functions):
        raise LmsError(
            f"{grades_csv} grades {', '.join(functions) or 'no functions'}, not {assignment}'s {', '.join(expected)}"
        )
    ids = read_lms_ids(grades_csv.parent / LMS_IDS_FILE)
    table = read_lms_csv(lms_csv)
    sheet = canvas_sheet(table, column) if lms == CANVAS else moodle_sheet(table)
    return fill_grades(sheet, grades, ids, rescale)


def run(args: argparse.Namespace) -> int:
    """The command line's call of export()."""
    return export(**keywords(args))


def export(
    lms: str,
    *,
    lms_csv: Path,
    grades: Path,
    output: Path,
    column: str | None = None,
    rescale: bool = False,
    assignment: str | None = None,
) -> int:
    """Fill the gradebook CSV `lms_csv` exported from `lms` (canvas: its `column`; moodle: the Grade column) with the
    totals of `grades` (a class run's grades.csv), into `output`.

    The options are the command line's (`autograder export canvas --help`); the exit code is the command's.
    """
    if lms not in IMPORT_HOW:
        raise SystemExit(f"error: the kit exports to {' or '.join(IMPORT_HOW)}, not {lms}")
    if lms == CANVAS and column is None:
        raise SystemExit("error: Canvas's gradebook has a column per assignment: give the column to fill")
    output = Path(output)
    try:
        filled = _filled(lms, Path(lms_csv), Path(grades), column, rescale, assignment)
    except (LmsError, GradesCsvError) as error:
        raise SystemExit(f"error: {error}") from None
    except OSError as error:
        raise SystemExit(f"error: cannot read {error.filename}: {error.strerror}") from None
    write_lms_csv(filled.table, output)
    print(f"wrote {output}: {len(filled.placed)} grades; {IMPORT_HOW[lms]}")
    for name, before, after in filled.replaced:
        print(f"  {name}: {before} replaced by {after}")
    if filled.without_grade:
        print(f"left as they were, with no submission graded ({len(filled.without_grade)}):", end=" ")
        print("; ".join(filled.without_grade))
    if filled.unmatched:
        lines = [f"  {student}: {why}" for student, why in filled.unmatched.items()]
        print(
            f"not in {output}, {len(lines)} graded students whose grades are to be entered in "
            f"{LMS_NAMES[lms]} by hand:",
            *lines,
            sep="\n",
            file=sys.stderr,
        )
        return EXIT_UNMATCHED
    return 0
