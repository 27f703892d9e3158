"""Files that are not notebooks get a result row per check with the reason, not a traceback."""

import json

import nbformat
import pytest

from conftest import grade


@pytest.mark.parametrize("name, content, reason", [
    ("empty", b"", "is empty"),
    ("binary", bytes(range(256)) * 4, "not a notebook"),
    ("not_a_notebook", json.dumps({"cells": "nope"}).encode(), "not a valid Jupyter notebook"),
])
def test_unreadable_file_fails_every_check_with_the_reason(name, content, reason, tmp_path):
    path = tmp_path / f"{name}.ipynb"
    path.write_bytes(content)
    results = grade(path, tmp_path / "results.json")
    assert results["score"] == 0 and results["max_score"] == 40
    assert all(reason in test["output"] for test in results["tests"]), results["tests"][0]


def test_a_failing_cell_is_named_in_the_reason(source_notebook, tmp_path):
    """A solution cell that raises leaves its function undefined; the message says which cell raised."""
    notebook = nbformat.from_dict(json.loads(json.dumps(source_notebook)))
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "make_lexicon":
            cell.source = "import not_a_module_anywhere\n" + cell.source
    path = tmp_path / "submission.ipynb"
    nbformat.write(notebook, path)
    results = grade(path, tmp_path / "results.json")
    lexicon = [t for t in results["tests"] if t["tags"] == ["make_lexicon"]]
    assert all(t["status"] == "failed" for t in lexicon)
    assert "cell 'make_lexicon' raised ModuleNotFoundError" in lexicon[1]["output"], lexicon[1]["output"]
    others = [t for t in results["tests"] if t["tags"] != ["make_lexicon"]]
    assert all(t["status"] == "passed" for t in others)
