"""Fixtures shared by the sentiment_rnn checks."""

import pytest

from autograder.sandbox.inprocess import InProcessStudent


@pytest.fixture(scope="session")
def expected(reference: object) -> InProcessStudent:
    """The reference solution behind the same wire format as the student, for like-for-like answers."""
    return InProcessStudent(vars(reference))
