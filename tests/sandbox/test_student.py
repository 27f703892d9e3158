"""The grader's handle on a submission (sandbox/student.py): what comes back from the student's side is bounded."""

import pytest

from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.student import TEXT_LIMIT, StudentError, bounded

HUGE = """
def huge_message():
    raise ValueError("x" * 3_000_000)


class ClassWithAVeryLongName(Exception):
    pass


def huge_detail():
    raise ClassWithAVeryLongName("y" * 3_000_000)
"""


def test_a_text_past_the_limit_is_cut_and_says_so():
    assert bounded("short") == "short" and bounded("z" * TEXT_LIMIT) == "z" * TEXT_LIMIT
    cut = bounded("z" * (TEXT_LIMIT + 1234))
    assert cut.startswith("z" * TEXT_LIMIT) and cut.endswith("(1,234 more characters not kept)")


@pytest.mark.parametrize("function", ["huge_message", "huge_detail"])
def test_a_3_mb_error_message_from_a_students_function_comes_back_bounded(function):
    namespace: dict = {"__name__": "__main__"}
    exec(compile(HUGE, "<student>", "exec"), namespace)
    with pytest.raises(StudentError) as raised:
        InProcessStudent(namespace).call(function)
    assert 100 < len(str(raised.value)) < 3 * TEXT_LIMIT and "more characters not kept" in str(raised.value)
