"""Class-wide reports from synthetic results: grades CSV, per-student feedback pages, the class report.

The results are built with the kit's own `gradescope_results`, so they have the
exact shape `autograder grade` writes, including two checks that share a name.
"""

import base64
import io
import re
from html import unescape

import numpy as np
import pytest
from PIL import Image

from autograder.checklib.messages import mismatch
from autograder.reporting.class_report import class_report_html, pass_rates
from autograder.reporting.feedback import feedback_html
from autograder.reporting.grades_csv import write_grades_csv
from autograder.reporting.results import GRADER_ERROR, NOT_GRADED, gradescope_results
from autograder.runner.outcome import CheckResult

CHECKS = [  # (function, description, points); as in the real kit, one check runs twice under one name
    ("tokenize", "splits words", 1.0),
    ("tokenize", "lowercases", 0.5),
    ("pad", "pads to the longest", 1.0),
    ("pad", "pads to the longest", 1.0),
    ("pad", "keeps zeros in front", 1.5),
]
CHECKS_WITH_A_FAULT = [
    CheckResult("tokenize", "splits words", 1.0, True, ""),
    CheckResult("pad", "pads to the longest", 1.0, False, "The grader failed", fault="Traceback ..."),
]
NOT_IMPLEMENTED = "{} is not implemented yet (it raised NotImplementedError)"
SCRIPT = "<script>alert(1)</script> naïve café 日本語 😀\nexpected ['naïve']"
PLAIN_TAGS = {  # a feedback page is text and tables: no script, link, image, frame or form
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "p",
    "section",
    "div",
    "span",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def results(failures: dict[int, str], functions: tuple[str, ...] = ("tokenize", "pad")) -> dict:
    """A results.json in which the checks at the indices in `failures` fail with that output."""
    return gradescope_results(
        [
            CheckResult(function, description, points, passed=i not in failures, output=failures.get(i, ""))
            for i, (function, description, points) in enumerate(CHECKS)
            if function in functions
        ]
    )


def class_rows() -> dict[str, dict]:
    """Six students, deliberately not in id order."""
    no_pad = results({}, functions=("tokenize",))
    del no_pad["score"], no_pad["max_score"]  # robust to a results dict that only has its tests
    return {
        "s06_partial": results({1: "expected ['a']\nyour function returned ['b']", 2: "expected length 3\ngot 2"}),
        "s01_full": results({}),
        "s04_script": results({0: SCRIPT}),
        "s03_zero": results({i: NOT_IMPLEMENTED.format(f) for i, (f, _, _) in enumerate(CHECKS)}),
        "s05_no_pad": no_pad,
        "s02_partial": results({1: "expected ['a']\nyour function returned ['A']"}),
    }


def cells(table: str) -> list[list[str]]:
    """The text of each body row's cells in one HTML table."""
    body = table.split("<tbody>", 1)[1]
    return [
        [unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def pngs(page: str) -> list[Image.Image]:
    return [
        Image.open(io.BytesIO(base64.b64decode(data)))
        for data in re.findall(r'<img [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    ]


# --- grades.csv ---------------------------------------------------------------------------------------------


def test_grades_csv_has_one_row_per_student_sorted_with_scores_per_function(tmp_path):
    path = tmp_path / "out" / "grades.csv"
    write_grades_csv(class_rows(), path)
    assert path.read_bytes().decode("utf-8") == (
        "student,total,max,tokenize,pad,status\r\n"
        "s01_full,5,5,1.5,3.5,graded\r\n"
        "s02_partial,4.5,5,1,3.5,graded\r\n"
        "s03_zero,0,5,0,0,graded\r\n"
        "s04_script,4,5,0.5,3.5,graded\r\n"
        "s05_no_pad,1.5,1.5,1.5,0,graded\r\n"
        "s06_partial,3.5,5,1,2.5,graded\r\n"
    )


def test_a_grader_error_row_has_its_status_and_no_points(tmp_path):
    """The grader's failure is never a score: an LMS import of grades.csv must not take it for one."""
    rows = {"ok": results({}), "broken": gradescope_results(CHECKS_WITH_A_FAULT, status=GRADER_ERROR)}
    rows["lost"] = gradescope_results(
        [CheckResult("tokenize", "splits words", 1.0, False, "Not graded")], [], status=NOT_GRADED
    )
    write_grades_csv(rows, tmp_path / "grades.csv")
    assert (tmp_path / "grades.csv").read_text(encoding="utf-8").splitlines() == [
        "student,total,max,tokenize,pad,status",
        "broken,,,,,grader error",
        "lost,0,1,0,0,not graded",
        "ok,5,5,1.5,3.5,graded",
    ]


def test_grades_csv_replaces_the_file_whole_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "grades.csv"
    path.write_text("old contents that are longer than the new file, many times over\n" * 50, encoding="utf-8")
    write_grades_csv({"only": results({})}, path)
    assert path.read_bytes() == b"student,total,max,tokenize,pad,status\r\nonly,5,5,1.5,3.5,graded\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["grades.csv"]


# --- feedback pages -----------------------------------------------------------------------------------------


def test_feedback_escapes_everything_a_student_controls():
    page = feedback_html('<img src=x onerror="alert(2)">', "sentiment_rnn", class_rows()["s04_script"])
    assert "<script" not in page and "<img" not in page and 'onerror="' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; naïve café 日本語 😀" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    tags = re.findall(r"<[^>]*>", page)
    assert {re.match(r"</?(\w+)", tag)[1] for tag in tags[1:]} <= PLAIN_TAGS
    assert not [tag for tag in tags if re.search(r"\b(src|href|on\w+)=", tag)] and "@import" not in page


@pytest.mark.parametrize("student", sorted(class_rows()))
def test_feedback_shows_every_check_and_every_failure_message_whole(student):
    student_results = class_rows()[student]
    page = feedback_html(student, "sentiment_rnn", student_results)
    tests = student_results["tests"]
    messages = [unescape(text) for text in re.findall(r"<pre>(.*?)</pre>", page, re.S)]
    assert messages == [t["output"] for t in tests if t["status"] == "failed"]
    rows = [row for table in page.split("<table")[1:] for row in cells(table)]
    assert [(row[0].split()[-1], row[2]) for row in rows] == [
        (t["status"], f"{t['score']:g} / {t['max_score']:g}") for t in tests
    ]
    for row, test in zip(rows, tests):
        assert row[1].startswith(test["name"].split(": ", 1)[1])


def test_feedback_hides_the_expected_value_of_a_failed_check():
    output = mismatch("pad_idx_seqs([[1, 2], [3]])", np.array([[1, 2], [0, 3]]), np.array([[1, 2], [3, 0]]))
    page = unescape(feedback_html("s07", "sentiment_rnn", results({2: output})))
    assert (
        "pad_idx_seqs([[1, 2], [3]])" in page
        and "returned: array of shape (2, 2), dtype int64: [[1 2]\n [3 0]]" in page
    )
    assert "expected" not in page.split("not the answer it expected")[1] and "[0 3]" not in page
    assert "expected: array" in output  # the instructor's results.json keeps it


def test_feedback_gives_the_total_then_one_section_per_function_in_order():
    page = feedback_html("s06_partial", "sentiment_rnn", class_rows()["s06_partial"])
    assert "Total: 3.5 / 5" in page
    headings = re.findall(r"<h2><code>(.*?)</code><span>(.*?)</span></h2>", page)
    assert headings == [("tokenize", "1 / 1.5 · 1 failed"), ("pad", "2.5 / 3.5 · 1 failed")]


# --- class report -------------------------------------------------------------------------------------------


def test_class_report_numbers():
    page = class_report_html("sentiment_rnn", class_rows())
    summary, failures = page.split("<table")[1:]
    # totals 0, 1.5, 3.5, 4, 4.5, 5
    assert cells(summary) == [["6", "3.08", "3.75", "0", "5", "5"]]
    assert cells(failures) == [
        ["2", "tokenize: lowercases", "expected ['a']"],
        ["1", "tokenize: splits words", NOT_IMPLEMENTED.format("tokenize")],
        ["1", "tokenize: lowercases", NOT_IMPLEMENTED.format("tokenize")],
        ["1", "pad: pads to the longest", NOT_IMPLEMENTED.format("pad")],  # once, though both checks failed
        ["1", "pad: keeps zeros in front", NOT_IMPLEMENTED.format("pad")],
        ["1", "tokenize: splits words", "<script>alert(1)</script> naïve café 日本語 😀"],
        ["1", "pad: pads to the longest", "expected length 3"],
    ]
    assert "<script>" not in page


def test_pass_rates_tell_apart_two_checks_of_the_same_name():
    assert pass_rates(class_rows()) == {
        ("tokenize", "tokenize: splits words", 1): 100 * 4 / 6,
        ("tokenize", "tokenize: lowercases", 1): 100 * 3 / 6,
        ("pad", "pad: pads to the longest", 1): 100 * 3 / 5,  # s05 has no pad tests
        ("pad", "pad: pads to the longest", 2): 100 * 4 / 5,
        ("pad", "pad: keeps zeros in front", 1): 100 * 4 / 5,
    }


def test_class_report_embeds_its_two_charts_as_pngs_and_is_deterministic():
    page = class_report_html("sentiment_rnn", class_rows())
    images = pngs(page)
    assert [image.format for image in images] == ["PNG", "PNG"]
    assert all(image.width == 1000 and len(image.convert("RGB").getcolors(1 << 24)) > 10 for image in images)
    assert page == class_report_html("sentiment_rnn", class_rows())


def test_class_report_lists_only_the_ten_most_common_failures():
    many = {f"s{n:02}": results({0: f"message {n}"}) for n in range(12)}
    many["s99"] = results({0: "message 11"})
    rows = cells(class_report_html("a", many).split("<table")[2])
    assert len(rows) == 10 and rows[0] == ["2", "tokenize: splits words", "message 11"]


def test_class_report_names_grader_errors_and_keeps_them_out_of_its_figures():
    rows = class_rows() | {"s00_broken": gradescope_results(CHECKS_WITH_A_FAULT, status=GRADER_ERROR)}
    page = class_report_html("sentiment_rnn", rows)
    assert cells(page.split("<table")[1]) == cells(class_report_html("sentiment_rnn", class_rows()).split("<table")[1])
    assert "the grader failed on 1 submissions" in page and "s00_broken</p>" in page


def test_class_report_of_an_empty_class_still_renders():
    page = class_report_html("a", {})
    assert cells(page.split("<table")[1]) == [["0", "0"]] and "No check failed." in page
