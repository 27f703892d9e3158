"""The grader end to end on the reference and on the blank student notebook."""

from conftest import ASSIGNMENT, by_function

RESULT_KEYS = {"name", "score", "max_score", "status", "output", "visibility", "tags"}


def test_reference_earns_full_marks(reference_results):
    failed = [(t["name"], t["output"]) for t in reference_results["tests"] if t["status"] != "passed"]
    assert failed == []
    assert reference_results["score"] == reference_results["max_score"] == 40


def test_every_function_is_graded(reference_results):
    assert list(by_function(reference_results)) == list(ASSIGNMENT.functions)


def test_blank_stub_earns_zero_saying_not_implemented(stub_results):
    assert stub_results["score"] == 0 and stub_results["max_score"] == 40
    for test in stub_results["tests"]:
        assert test["status"] == "failed" and test["score"] == 0, test
        assert "not implemented" in test["output"], test


def test_results_follow_gradescope_format(stub_results):
    for test in stub_results["tests"]:
        assert set(test) == RESULT_KEYS
        assert test["status"] in ("passed", "failed") and test["visibility"] == "visible"
        assert test["tags"] == [test["name"].split(":")[0]]
    assert stub_results["max_score"] == sum(t["max_score"] for t in stub_results["tests"])


def test_test_cell_points_match_the_checks(source_notebook, stub_results):
    """nbgrader's points per test cell equal the kit's points per function, so totals agree."""
    cell_points = {
        cell.metadata.nbgrader["grade_id"].removeprefix("test_"): cell.metadata.nbgrader["points"]
        for cell in source_notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    }
    assert cell_points == {f: points for f, (_, points) in by_function(stub_results).items()}
