"""What students see of the hidden checks: name, score and what their function returned, never the expected value.

Gradescope shows results.json to students; the notebook's own examples (a function's gate
check) stay visible whole, every other check is hidden. The instructor's copy beside it
has every message whole. nbgrader's hidden test cells print what the student sees too.
"""

import json
import subprocess
import sys
from html import unescape

import pytest
from support import HOSTILE
from support.kit import TINY, autograder

from autograder.authoring.mutants import mutants_of
from autograder.checklib.messages import EXPECTED, mismatch, without_expected
from autograder.course import get
from autograder.reporting.results import gradescope_results, instructor_path, instructor_results
from autograder.runner.outcome import CheckResult
from autograder.runner.plugin import FAULT_MESSAGE

GATE = "passes the examples in the notebook's test cell"
EXAMPLE_FAILS = "This example from the notebook fails: assert pad([[1]]) == [[1]]"
PADDED = mismatch("pad([[1], [2, 3]])", [[0, 1], [2, 3]], [[1, 0], [2, 3]])
GRADER_FAILED = FAULT_MESSAGE
GRADER_ERROR = "FileNotFoundError: /srv/grader/cache/counts.npz"
CHECKS = [
    CheckResult("pad", GATE, 1, passed=False, output=EXAMPLE_FAILS, gate=True),
    CheckResult("pad", "pads in front", 1, passed=False, output=PADDED),
    CheckResult("pad", "keeps its dtype", 1, passed=True, output=""),
    CheckResult("pad", "counts", 1, passed=False, output=GRADER_FAILED, fault=GRADER_ERROR),
]


@pytest.mark.parametrize("visibility", ["visible", "after_published"])
def test_results_json_shows_a_hidden_check_without_its_expected_value(visibility):
    student = gradescope_results(CHECKS, ["Output was cut."], visibility)
    gate, padded, passed, grader = student["tests"]
    assert gate["visibility"] == "visible" and gate["output"] == EXAMPLE_FAILS
    assert [t["visibility"] for t in (padded, passed, grader)] == [visibility] * 3
    assert padded["output"] == "pad([[1], [2, 3]])\n  returned: [[1, 0], [2, 3]]" and "[0, 1]" not in json.dumps(
        student
    )
    assert "/srv/grader" not in json.dumps(student) and grader["output"] == GRADER_FAILED
    assert student["output"] == "Output was cut." and (student["score"], student["max_score"]) == (1, 4)


def test_the_instructors_copy_has_every_message_whole():
    copy = instructor_results(CHECKS, ["Output was cut.", "Sandbox: bubblewrap."], {"isolation": "bubblewrap"})
    student = gradescope_results(CHECKS, ["Output was cut."])
    assert [t["output"] for t in copy["tests"]] == [EXAMPLE_FAILS, PADDED, "", f"{GRADER_FAILED}\n{GRADER_ERROR}"]
    assert [{**t, "output": ""} for t in copy["tests"]] == [{**t, "output": ""} for t in student["tests"]]
    assert copy["output"] == "Output was cut.\nSandbox: bubblewrap." and copy["extra_data"]["sandbox"]["isolation"]


def test_the_instructors_copy_lies_beside_results_json(tmp_path):
    assert instructor_path(tmp_path / "results.json") == tmp_path / "results.instructor.json"
    assert instructor_path(tmp_path / "alice.json") == tmp_path / "alice.instructor.json"


def test_grade_chooses_when_gradescope_shows_hidden_checks(tmp_path):
    """A file that is not a notebook runs no kernel, and has a result row per check: the quickest full grading."""
    results = tmp_path / "alice.json"
    options = ("--results", str(results), "--hidden-visibility", "after_published")
    autograder("grade", HOSTILE / "not_a_notebook.ipynb", "--assignment", TINY.name, *options, assignment=TINY)
    student = json.loads(results.read_text(encoding="utf-8"))
    copy = json.loads(instructor_path(results).read_text(encoding="utf-8"))
    visibility = {t["name"].split(": ", 1)[1] == GATE: t["visibility"] for t in student["tests"]}
    assert visibility == {True: "visible", False: "after_published"}
    assert [t["visibility"] for t in copy["tests"]] == [t["visibility"] for t in student["tests"]]


def test_results_json_and_feedback_never_show_what_a_hidden_check_expected(assignment, class_runs):
    run = class_runs(assignment)
    hidden_values = 0
    for student, results in run.results.items():
        copy = run.instructor[student]
        assert [(t["name"], t["score"], t["status"]) for t in results["tests"]] == [
            (t["name"], t["score"], t["status"]) for t in copy["tests"]
        ]
        for shown, whole in zip(results["tests"], copy["tests"]):
            gate = shown["name"] == f"{shown['tags'][0]}: {GATE}"
            assert shown["visibility"] == "visible"  # the default, gate or not
            # The instructor's copy may add the grader's own error after the message.
            if gate:
                assert whole["output"].startswith(shown["output"])
            else:
                assert not any(line.startswith(EXPECTED) for line in shown["output"].splitlines()), shown
                assert without_expected(whole["output"]).startswith(shown["output"])
                hidden_values += EXPECTED in whole["output"]
        page = unescape((run.out / student / "feedback.html").read_text(encoding="utf-8"))
        assert EXPECTED.strip() not in page, student
    assert hidden_values > 0, "no failed check of the class run had an expected value to hide"


def test_nbgraders_hidden_test_cells_print_no_expected_value(tmp_path):
    """nbgrader's feedback shows the output of the hidden test cells: score() prints what results.json shows.

    It runs in a child process, as in a notebook's kernel: under this pytest, assertion
    rewriting would reformat the checks' messages.
    """
    assignment = get("rnn_basics")
    (_, function, old, new) = next(m for m in mutants_of(assignment).mutants if m.name == "ranked_from_zero")
    notebook_code = tmp_path / "submission.py"
    notebook_code.write_text(assignment.solutions_file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    cell = f"exec(open({str(notebook_code)!r}).read())\nfrom autograder.inline import score\nscore('rnn_basics', {function!r}, globals())"
    done = subprocess.run([sys.executable, "-c", cell], capture_output=True, text=True, timeout=600, check=True)
    assert "[FAILED]" in done.stdout and "returned: " in done.stdout  # mismatches, whose expected values are left out
    assert "expected: " not in done.stdout, done.stdout
