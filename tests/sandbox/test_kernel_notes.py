"""Errors of the cells a student did not write go to the instructor's notes, never into a message about the student's functions."""

import nbformat
import pytest

from autograder.sandbox.kernel import KernelStudent

pytestmark = [pytest.mark.kernel]  # each test starts a student's kernel

CELLS = [nbformat.v4.new_code_cell("import not_a_module_anywhere"), nbformat.v4.new_code_cell("def f():\n    return 1")]


def test_a_given_cell_that_fails_is_a_note_for_the_instructor():
    with KernelStudent(CELLS, given=frozenset({0})) as student:
        assert student.call("f") == 1
        assert student.explain("f failed") == "f failed"
        notes, grader_notes = student.notes, student.grader_notes
    assert any("did not write" in note and "ModuleNotFoundError" in note for note in grader_notes), grader_notes
    assert not any("did not write" in note for note in notes), notes


def test_a_failing_cell_of_the_student_explains_their_functions():
    with KernelStudent(CELLS) as student:
        assert "cell '#1' raised ModuleNotFoundError" in student.explain("f failed")
        notes = student.notes + student.grader_notes
    assert not any("did not write" in note for note in notes), notes
