"""The check every graded function has first: the examples students already see."""

import pytest

from autograder.sandbox.student import Student


def examples_check(assignment: str, function: str, points: float = 1) -> object:
    """A gate check running the visible asserts of `function`'s test cell in the student's process."""

    @pytest.mark.gate
    @pytest.mark.points(points)
    def test_notebook_examples(student: Student) -> None:
        """passes the examples in the notebook's test cell"""
        from autograder.assignments import get

        student.run_examples(get(assignment).examples(function))

    return test_notebook_examples
