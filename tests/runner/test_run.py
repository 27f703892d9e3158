"""The checks run with the grader's own pytest options, whatever the shell that started the grader had set; a check
that raises is the grader's fault only if the reference's answers make it raise too."""

import pytest
from support.kit import TINY

from autograder.course import get
from autograder.runner import run
from autograder.runner.run import check_points, run_checks
from autograder.sandbox.inprocess import InProcessStudent


@pytest.mark.parametrize("options", ["--basetemp=/", "-k no_check_is_named_so", "-x --collect-only -q"])
def test_pytest_addopts_of_the_shell_change_no_check(monkeypatch, options):
    """PYTEST_ADDOPTS once broke every check under nbgrader (--basetemp), and -k would drop checks silently."""
    assignment = get("rnn_basics")
    points = check_points(assignment)
    assert sum(points.values()) > 0
    monkeypatch.setenv("PYTEST_ADDOPTS", options)
    assert check_points(assignment) == points


def with_make_lexicon(make_lexicon) -> InProcessStudent:
    """The tiny course's reference, but for make_lexicon."""
    return InProcessStudent({**vars(TINY.reference()), "make_lexicon": make_lexicon})


def test_an_answer_the_checks_cannot_take_is_the_students_failure_not_the_graders(monkeypatch):
    """A lexicon with an int key among the words: the checks that sort its keys raise TypeError, where the reference's
    answers pass them. Each fails for the student, naming the exception; the instructor's copy keeps the traceback."""
    monkeypatch.setenv("KIT_ROOT", str(TINY.root))
    reference = TINY.reference()
    student = with_make_lexicon(lambda token_seqs, min_freq=1: {**reference.make_lexicon(token_seqs, min_freq), 7: "x"})
    results = run_checks(TINY, student, ("make_lexicon",))
    assert not any(result.fault for result in results)
    taken = [result for result in results if result.answer_fault]
    assert taken and all("raised TypeError in the grader" in result.output for result in taken)
    assert all("TypeError" in result.answer_fault and not result.passed for result in taken)


def test_a_check_that_raises_with_the_reference_too_is_the_graders_fault(monkeypatch):
    """The same exception on the reference's answers: a fault of the grader (a broken check or environment)."""
    monkeypatch.setenv("KIT_ROOT", str(TINY.root))
    reference = TINY.reference()
    monkeypatch.setattr(reference, "make_lexicon", lambda token_seqs, min_freq=1: {1: "x", "y": 2})
    run._reference_faults.cache_clear()
    try:
        results = run_checks(TINY, with_make_lexicon(reference.make_lexicon), ("make_lexicon",))
    finally:
        run._reference_faults.cache_clear()
    assert any(result.fault and result.raised == "TypeError" for result in results)
    assert not any(result.answer_fault for result in results)
