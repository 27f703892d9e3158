"""The grader end to end on each assignment's reference and blank student notebook."""

import nbformat

from autograder.authoring.mutants import by_function
from autograder.notebook.cells import nbgrader_meta

RESULT_KEYS = {"name", "score", "max_score", "status", "output", "visibility", "tags"}


def cell_points(assignment) -> dict[str, float]:
    """nbgrader's points per graded function: those of its test cell in the instructor's notebook."""
    notebook = nbformat.read(assignment.source_notebook, as_version=4)
    return {
        nbgrader_meta(cell)["grade_id"].removeprefix("test_"): nbgrader_meta(cell)["points"]
        for cell in notebook.cells
        if nbgrader_meta(cell).get("grade")
    }


def test_reference_earns_full_marks(assignment, reference_results):
    failed = [(t["name"], t["output"]) for t in reference_results["tests"] if t["status"] != "passed"]
    assert failed == []
    assert reference_results["score"] == reference_results["max_score"] == sum(cell_points(assignment).values())


def test_every_function_is_graded(assignment, reference_results):
    assert list(by_function(reference_results)) == list(assignment.functions)


def test_blank_stub_earns_zero_saying_not_implemented(assignment, stub_results):
    assert stub_results["score"] == 0 and stub_results["max_score"] == sum(cell_points(assignment).values())
    for test in stub_results["tests"]:
        assert test["status"] == "failed" and test["score"] == 0, test
        assert "not implemented" in test["output"], test


def test_results_follow_gradescope_format(stub_results):
    for test in stub_results["tests"]:
        assert set(test) == RESULT_KEYS
        assert test["status"] in ("passed", "failed") and test["visibility"] == "visible"
        assert test["tags"] == [test["name"].split(":")[0]]
    assert stub_results["max_score"] == sum(t["max_score"] for t in stub_results["tests"])


def test_test_cell_points_match_the_checks(assignment, stub_results):
    """nbgrader's points per test cell equal the kit's points per function, so totals agree."""
    assert cell_points(assignment) == {f: points for f, (_, points) in by_function(stub_results).items()}


def test_reference_notebook_runs_without_a_failed_cell(reference_results):
    """Under the grader every given cell of a correct submission runs (no import of the grader's packages)."""
    assert "raised" not in reference_results.get("output", ""), reference_results.get("output")
    assert not [t for t in reference_results["tests"] if "while running the notebook" in t["output"]]
