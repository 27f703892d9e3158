"""Cell roles come from the assignment: a submission that changed a cell's type, nbgrader metadata or skip tag is
graded with the assignment's roles, and told so."""

import copy

import nbformat
from support.cases import roles_changed, solution_cell
from support.kit import TINY

from autograder.notebook.cells import SKIP_TAG, cell_by_grade_id, is_test_cell, nbgrader_meta, runnable_cells
from autograder.notebook.roles import restore_roles


def released() -> nbformat.NotebookNode:
    return nbformat.read(TINY.release_notebook, as_version=4)


def test_an_unchanged_notebook_is_left_as_it_is():
    notebook = released()
    assert restore_roles(notebook, TINY.source()) == [] and notebook == released()


def test_an_answer_cell_marked_as_a_test_and_skipped_runs_again():
    notebook = roles_changed(TINY.source())
    assert cell_by_grade_id(notebook, "make_lexicon") not in runnable_cells(notebook)
    notes = restore_roles(notebook, TINY.source())
    assert notes == [
        "Cell roles restored from the assignment: make_lexicon, test_make_lexicon (the submission had changed their"
        " type, nbgrader metadata or autograder-skip tag; each is graded as the assignment's cell)."
    ]
    answer = solution_cell(notebook, "make_lexicon")
    assert answer in runnable_cells(notebook) and SKIP_TAG not in answer.metadata["tags"]
    assert [nbgrader_meta(c)["grade_id"] for c in notebook.cells if is_test_cell(c)] == [
        nbgrader_meta(c)["grade_id"] for c in TINY.source().cells if is_test_cell(c)
    ]


def test_a_cell_made_markdown_is_code_again_with_its_source_and_its_release_checksum_is_kept():
    notebook = released()
    index = notebook.cells.index(solution_cell(notebook, "pad_idx_seqs"))
    code, checksum = notebook.cells[index].source, nbgrader_meta(notebook.cells[index]).get("checksum")
    notebook.cells[index] = nbformat.v4.new_markdown_cell(code, metadata=copy.deepcopy(notebook.cells[index].metadata))
    restore_roles(notebook, TINY.source())
    cell = notebook.cells[index]
    assert cell.cell_type == "code" and cell.source == code and cell.outputs == []
    assert nbgrader_meta(cell).get("checksum") == checksum and cell in runnable_cells(notebook)


def test_the_skip_tag_is_the_assignments():
    """A skipped cell of the assignment stays skipped without its tag; a student's own cell with the tag runs."""
    notebook = released()
    skipped = next(c for c in notebook.cells if SKIP_TAG in c.metadata.get("tags", []))
    skipped.metadata["tags"] = []
    own = nbformat.v4.new_code_cell("x = 1\n", metadata={"tags": [SKIP_TAG]})
    notebook.cells.append(own)
    restore_roles(notebook, TINY.source())
    assert skipped not in runnable_cells(notebook) and own in runnable_cells(notebook)
