"""`autograder export canvas|moodle` on gradebook CSVs laid out as Canvas and Moodle export them.

tests/fixtures/lms/README.md says where each fixture's layout comes from. A class run is made
without grading: the LMS download's file names go through the real discovery and lms_ids.csv
writer, and grades.csv is written as `autograder grade` writes it. One test at the end grades a
small Canvas download for real.
"""

import csv
import zipfile
from pathlib import Path

import pytest
from support import FIXTURES
from support.kit import grade_class

from autograder.batch.discover import find_submissions
from autograder.cli import main
from autograder.commands.export import EXIT_UNMATCHED
from autograder.course import get
from autograder.lms.canvas import canvas_sheet
from autograder.lms.csvfile import read_lms_csv
from autograder.lms.ids import LMS_IDS_FILE, read_lms_ids, write_lms_ids
from autograder.lms.moodle import moodle_sheet

LMS_FIXTURES = FIXTURES / "lms"
CANVAS_EXPORT = LMS_FIXTURES / "canvas_gradebook.csv"
CANVAS_SEMICOLON = LMS_FIXTURES / "canvas_gradebook_semicolon.csv"
MOODLE_WORKSHEET = LMS_FIXTURES / "moodle_worksheet.csv"
FUNCTIONS = get("sentiment_rnn").functions


def class_run(tmp_path: Path, totals: dict[str, float], *files: str, assignment: str = "sentiment_rnn") -> Path:
    """graded/grades.csv and graded/lms_ids.csv of a class downloaded as `files`, with these totals out of 40."""
    download = tmp_path / "download.zip"
    with zipfile.ZipFile(download, "w") as bundle:
        for name in files:
            bundle.writestr(name, "{}")
    submissions = find_submissions(download, assignment, scratch=tmp_path / "unpacked")
    assert sorted(s.student for s in submissions) == sorted(totals), "the test's totals are for other students"
    graded = tmp_path / "graded"
    write_lms_ids({s.student: s.lms for s in submissions}, graded / LMS_IDS_FILE)
    header = ["student", "total", "max", *get(assignment).functions]
    rows = [[student, total, 40, total, *[0] * (len(header) - 4)] for student, total in sorted(totals.items())]
    write_csv(graded / "grades.csv", [header, *rows])
    return graded / "grades.csv"


def write_csv(path: Path, rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def export(*argv: str | Path) -> int:
    return main(["export", *map(str, argv)])


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def cells(path: Path) -> list[list[str]]:
    return read_lms_csv(path).rows


def test_canvas_column_filled_by_user_id_the_rest_as_exported(tmp_path, capsys):
    grades = class_run(
        tmp_path,
        {"doejohn": 35.5, "smithjane": 40},
        "doejohn_1001_501_sentiment_rnn.ipynb",
        "smithjane_LATE_1003_502_sentiment_rnn.ipynb",
    )
    out = tmp_path / "canvas_import.csv"
    assert (
        export("canvas", "--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN (23456)", "--grades", grades, "-o", out)
        == 0
    )

    before, after = lines(CANVAS_EXPORT), lines(out)
    changed = [i for i, (old, new) in enumerate(zip(before, after)) if old != new]
    assert len(after) == len(before) and changed == [2, 4]  # John Doe's and Jane Smith's rows, byte for byte else
    column = cells(out)[0].index("Sentiment RNN (23456)")
    assert [row[column] for row in cells(out)[2:]] == ["35.5", "", "40", ""]
    # What was written is a Canvas export again, with the grades where Canvas's importer looks for them.
    sheet = canvas_sheet(read_lms_csv(out), "Sentiment RNN (23456)")
    assert {sheet.names[user]: sheet.table.rows[row][column] for user, row in sheet.rows.items()} == {
        "Doe, John": "35.5",
        "Nguyen, Thi": "",
        "Smith, Jane": "40",
        "Student, Test": "",
    }
    printed = capsys.readouterr().out
    assert "2 grades" in printed and "Smith, Jane: 20.00 replaced by 40" in printed
    assert "no submission graded (2): Nguyen, Thi; Student, Test" in printed


def test_canvas_semicolons_byte_order_mark_and_manual_posting_row_stay(tmp_path):
    grades = class_run(
        tmp_path,
        {"mülleranna": 30, "doejohn": 35.5},
        "mülleranna_1004_601_sentiment_rnn.ipynb",
        "doejohn_1001_602_sentiment_rnn.ipynb",
    )
    out = tmp_path / "canvas_import.csv"
    # The column named by its title alone: it names one assignment.
    assert (
        export("canvas", "--lms-csv", CANVAS_SEMICOLON, "--column", "Sentiment RNN", "--grades", grades, "-o", out) == 0
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfStudent;ID;")
    before, after = lines(CANVAS_SEMICOLON), lines(out)
    assert [i for i, (old, new) in enumerate(zip(before, after)) if old != new] == [3, 4]
    assert after[1] == before[1] and "Manual Posting" in after[1]
    assert after[3].split(";")[4:6] == ["7,00", "35,5"]  # a decimal comma, as the export writes its numbers
    assert after[4].split(";")[4:6] == ["10,00", "30"]


def test_canvas_points_differ_from_the_kits(tmp_path):
    grades = class_run(tmp_path, {"doejohn": 35.5}, "doejohn_1001_501_sentiment_rnn.ipynb")
    out = tmp_path / "canvas_import.csv"
    with pytest.raises(SystemExit, match=r"out of 10 points and the kit out of 40: .* --rescale"):
        export("canvas", "--lms-csv", CANVAS_EXPORT, "--column", "Homework 1 (12345)", "--grades", grades, "-o", out)
    assert not out.exists()
    argv = ["--column", "Homework 1 (12345)", "--grades", grades, "-o", out, "--rescale"]
    assert export("canvas", "--lms-csv", CANVAS_EXPORT, *argv) == 0
    assert cells(out)[2][5] == "8.88"  # 35.5 of 40 is 8.875 of 10, to Canvas's two decimals


def test_moodle_grade_column_filled_by_participant_id(tmp_path, capsys):
    grades = class_run(
        tmp_path,
        {"Jane Smith": 36, "José Núñez": 33.5, "Priya Patel": 0},
        "Jane Smith_2324116_assignsubmission_file/sentiment_rnn.ipynb",
        "José Núñez_2324117_assignsubmission_file_/sentiment_rnn.ipynb",
        "Priya Patel_2324119_assignsubmission_file_sentiment_rnn.ipynb",
    )
    out = tmp_path / "moodle_import.csv"
    assert export("moodle", "--lms-csv", MOODLE_WORKSHEET, "--grades", grades, "-o", out) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfIdentifier,")  # Moodle's worksheet starts with a BOM
    before, after = cells(MOODLE_WORKSHEET), cells(out)
    grade = before[0].index("Grade")
    assert [row[grade] for row in after[1:]] == ["36", "33.5", "", "0"]
    for old, new in zip(before, after):  # every other cell as exported, the statuses' line breaks included
        assert old[:grade] + old[grade + 1 :] == new[:grade] + new[grade + 1 :]
    assert after[1][3] == "Submitted for grading\n"
    sheet = moodle_sheet(read_lms_csv(out))
    assert sheet.points == 40 and sheet.names["2324117"] == "José Núñez"
    printed = capsys.readouterr().out
    assert "José Núñez: 30.00 replaced by 33.5" in printed and "no submission graded (1): Wei Chen" in printed


def test_moodle_worksheet_with_decimal_commas_gets_them(tmp_path):
    """A Moodle in a language of decimal commas writes `"40,00"` (the German worksheet cited in tests/fixtures/lms/README.md)."""
    worksheet = tmp_path / "worksheet.csv"
    worksheet.write_bytes(
        MOODLE_WORKSHEET.read_bytes().replace(b",40.00,", b',"40,00",').replace(b",30.00,", b',"30,00",')
    )
    grades = class_run(tmp_path, {"José Núñez": 33.5}, "José Núñez_2324117_assignsubmission_file/sentiment_rnn.ipynb")
    out = tmp_path / "moodle_import.csv"
    assert export("moodle", "--lms-csv", worksheet, "--grades", grades, "-o", out) == 0
    assert [row[4:6] for row in cells(out)[1:3]] == [["", "40,00"], ["33,5", "40,00"]]


def test_students_it_cannot_match_are_listed_and_the_rest_written(tmp_path, capsys):
    grades = class_run(
        tmp_path,
        {"doejohn": 20, "lateuser": 30, "erin": 10, "anon_x7k2p": 15, "smithjane_draft": 1, "smithjane_final": 2},
        "doejohn_1001_501_sentiment_rnn.ipynb",
        "lateuser_2000_502_sentiment_rnn.ipynb",  # enrolled after the gradebook was exported
        "erin_sentiment_rnn.ipynb",  # not named by Canvas
        "anon_x7k2p_503_sentiment_rnn.ipynb",  # anonymous grading
        "smithjane_1003_504_draft.ipynb",  # two notebooks, neither named for the assignment
        "smithjane_1003_505_final.ipynb",
    )
    out = tmp_path / "canvas_import.csv"
    argv = ["--column", "Sentiment RNN (23456)", "--grades", grades, "-o", out]
    assert export("canvas", "--lms-csv", CANVAS_EXPORT, *argv) == EXIT_UNMATCHED
    assert cells(out)[2][6] == "20" and cells(out)[4][6] == "20.00"  # Jane Smith's grade stays as it was
    printed, errors = capsys.readouterr()
    assert "no submission graded (2): Nguyen, Thi; Student, Test" in printed  # Jane Smith's two are graded
    assert "5 graded students whose grades are to be entered in Canvas by hand" in errors
    assert f"lateuser: Canvas user id 2000 has no row in {CANVAS_EXPORT}" in errors
    assert "erin: no Canvas user id: the submission did not come from a Canvas download" in errors
    assert "anon_x7k2p: no Canvas user id: the Canvas download was anonymous" in errors
    assert "smithjane_draft: Canvas user id 1003 has 2 graded submissions (smithjane_draft, smithjane_final)" in errors
    assert "smithjane_final: Canvas user id 1003 has 2" in errors


def test_a_moodle_run_does_not_go_into_canvas(tmp_path):
    grades = class_run(tmp_path, {"Jane Smith": 36}, "Jane Smith_2324116_assignsubmission_file/sentiment_rnn.ipynb")
    out = tmp_path / "canvas_import.csv"
    with pytest.raises(SystemExit, match="Jane Smith: graded from a Moodle download, whose ids are no Canvas user ids"):
        export("canvas", "--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN (23456)", "--grades", grades, "-o", out)
    assert not out.exists()


def test_lms_ids_csv_round_trips(tmp_path):
    grades = class_run(
        tmp_path,
        {"doejohn": 1, "Jane Smith": 2, "erin": 3},
        "doejohn_1001_501_sentiment_rnn.ipynb",
        "Jane Smith_2324116_assignsubmission_file/sentiment_rnn.ipynb",
        "erin_sentiment_rnn.ipynb",
    )
    ids = read_lms_ids(grades.parent / LMS_IDS_FILE)
    assert {student: lms_id and (lms_id.lms, lms_id.id) for student, lms_id in ids.items()} == {
        "doejohn": ("canvas", "1001"),
        "Jane Smith": ("moodle", "2324116"),
        "erin": None,
    }
    assert lines(grades.parent / LMS_IDS_FILE)[1] == (
        "Jane Smith,moodle,2324116,Jane Smith_2324116_assignsubmission_file/sentiment_rnn.ipynb"
    )


# Bad input: a message that names the problem, and no output file at all (nor a temporary one).


@pytest.fixture
def canvas_run(tmp_path) -> Path:
    return class_run(
        tmp_path,
        {"doejohn": 35, "smithjane": 40},
        "doejohn_1001_501_sentiment_rnn.ipynb",
        "smithjane_1003_502_sentiment_rnn.ipynb",
    )


def refused(tmp_path: Path, message: str, *argv: str | Path) -> None:
    out = tmp_path / "out" / "import.csv"
    out.parent.mkdir(parents=True)
    with pytest.raises(SystemExit, match=message):
        export(*argv, "-o", out)
    assert list(out.parent.iterdir()) == []


def test_unknown_assignment(tmp_path, canvas_run, capsys):
    argv = ["--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN", "--grades", canvas_run]
    refused(tmp_path, "2", "canvas", *argv, "--assignment", "sentiment_lstm")
    assert "invalid choice: 'sentiment_lstm'" in capsys.readouterr().err


def test_grades_of_another_assignment(tmp_path, canvas_run):
    argv = ["--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN", "--grades", canvas_run, "--assignment"]
    refused(tmp_path, r"grades text_to_tokens, .*, not rnn_basics's build_vocab, ", "canvas", *argv, "rnn_basics")


def test_a_gradebook_that_is_not_canvass(tmp_path, canvas_run):
    argv = ["--column", "Sentiment RNN", "--grades", canvas_run]
    refused(
        tmp_path,
        "is not a Canvas gradebook export: its first columns are Identifier, Full name, .* looks like Moodle's",
        "canvas",
        "--lms-csv",
        MOODLE_WORKSHEET,
        *argv,
    )
    no_points_row = tmp_path / "edited.csv"
    no_points_row.write_text("".join(f"{line}\n" for i, line in enumerate(lines(CANVAS_EXPORT)) if i != 1), "utf-8")
    refused(tmp_path / "a", "it has no 'Points Possible' row", "canvas", "--lms-csv", no_points_row, *argv)
    not_utf8 = tmp_path / "latin1.csv"
    not_utf8.write_bytes(CANVAS_EXPORT.read_text("utf-8").replace("Doe", "Dö").encode("latin-1"))
    refused(tmp_path / "b", "is not UTF-8 text", "canvas", "--lms-csv", not_utf8, *argv)
    bad_id = tmp_path / "bad_id.csv"
    bad_id.write_text(CANVAS_EXPORT.read_text("utf-8").replace('"Doe, John",1001,', '"Doe, John",jdoe,'), "utf-8")
    refused(tmp_path / "c", r"row 3: the Canvas user id \(column ID\) is 'jdoe'", "canvas", "--lms-csv", bad_id, *argv)


def test_a_worksheet_that_is_not_moodles(tmp_path, canvas_run):
    refused(
        tmp_path,
        "is not a Moodle grading worksheet: it has no 'Identifier' and no 'Grade' .* looks like Canvas's",
        "moodle",
        "--lms-csv",
        CANVAS_EXPORT,
        "--grades",
        canvas_run,
    )
    scale = tmp_path / "scale.csv"
    scale.write_bytes(MOODLE_WORKSHEET.read_bytes().replace(b'"Maximum grade"', b"Scale"))
    refused(tmp_path / "a", "graded on a scale", "moodle", "--lms-csv", scale, "--grades", canvas_run)


def test_a_column_that_does_not_exist(tmp_path, canvas_run):
    argv = ["--lms-csv", CANVAS_EXPORT, "--grades", canvas_run, "--column"]
    listed = r"Its assignment columns: Homework 1 \(12345\); Sentiment RNN \(23456\); Lab 1 \(34567\)"
    refused(tmp_path, rf"there is no column 'Homework 9'\. {listed}", "canvas", *argv, "Homework 9")
    refused(tmp_path / "a", "column 'Current Score' is not an assignment's", "canvas", *argv, "Current Score")
    refused(tmp_path / "b", "column 'SIS Login ID' is not an assignment's", "canvas", *argv, "SIS Login ID")


def test_a_grades_csv_with_students_missing(tmp_path, canvas_run):
    write_csv(canvas_run, [["student", "total", "max", *FUNCTIONS], ["doejohn", 35, 40, *[0] * len(FUNCTIONS)]])
    argv = ["--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN", "--grades", canvas_run]
    refused(tmp_path, "grades.csv has no row for smithjane, whom the class run graded", "canvas", *argv)


def test_a_grades_csv_that_is_not_the_kits(tmp_path, canvas_run):
    argv = ["--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN", "--grades", canvas_run]
    write_csv(canvas_run, [["name", "score"], ["doejohn", 35]])
    refused(tmp_path, "is not a grades.csv of the kit: it does not start with student,total,max", "canvas", *argv)
    write_csv(canvas_run, [["student", "total", "max"], ["doejohn", "35", "forty"]])
    refused(tmp_path / "a", "doejohn has total '35' and max 'forty', not numbers", "canvas", *argv)
    write_csv(canvas_run, [["student", "total", "max", "tokenize", "status"], ["doejohn", "", "", "", "grader error"]])
    refused(
        tmp_path / "c",
        "the grader failed on doejohn .status 'grader error'., so there is no score yet",
        "canvas",
        *argv,
    )
    argv[-1] = tmp_path / "nowhere" / "grades.csv"
    refused(tmp_path / "b", "cannot read .*nowhere/grades.csv: No such file", "canvas", *argv)


def test_a_grades_csv_without_lms_ids(tmp_path, canvas_run):
    (canvas_run.parent / LMS_IDS_FILE).unlink()
    argv = ["--lms-csv", CANVAS_EXPORT, "--column", "Sentiment RNN", "--grades", canvas_run]
    refused(tmp_path, "lms_ids.csv is missing: `autograder grade` writes it", "canvas", *argv)


@pytest.mark.kernel
@pytest.mark.class_run
def test_graded_canvas_download_goes_back_into_canvas(tmp_path):
    """End to end: `autograder grade` on a Canvas zip (two files that are no notebooks: no kernel to run), then export."""
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as bundle:
        bundle.writestr("doejohn_1001_501_rnn_basics.ipynb", "not a notebook")
        bundle.writestr("smithjane_LATE_1003_502_rnn_basics.ipynb", b"\x00\x01")
    rows = grade_class(download, tmp_path / "graded", "--workers", "1", assignment=get("rnn_basics"))
    assert [(row["student"], row["total"], row["max"]) for row in rows] == [
        ("doejohn", "0", "40"),
        ("smithjane", "0", "40"),
    ]
    assert lines(tmp_path / "graded" / LMS_IDS_FILE)[1:] == [
        "doejohn,canvas,1001,doejohn_1001_501_rnn_basics.ipynb",
        "smithjane,canvas,1003,smithjane_LATE_1003_502_rnn_basics.ipynb",
    ]
    out = tmp_path / "canvas_import.csv"
    argv = ["--column", "Sentiment RNN (23456)", "--grades", tmp_path / "graded" / "grades.csv", "-o", out]
    assert export("canvas", "--lms-csv", CANVAS_EXPORT, "--assignment", "rnn_basics", *argv) == 0
    assert [row[6] for row in cells(out)[2:]] == ["0", "", "0", ""]
