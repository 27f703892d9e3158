"""pad_reviews(x, max_review_length): cut and zero-pad every review to one length, Keras's defaults."""

import numpy as np
import pytest

from autograder.checklib.messages import mismatch, shown

FUNCTION = "pad_reviews"

REVIEWS = [[1, 15, 9, 42, 7, 3], [1, 8], [1, 20, 31, 4]]  # longer than, shorter than, and just MAX_LENGTH
MAX_LENGTH = 4


def padded(student, reviews=REVIEWS, max_length=MAX_LENGTH) -> np.ndarray:
    got = student.call(FUNCTION, reviews, max_length)
    assert isinstance(got, np.ndarray) and got.ndim == 2, (
        f"pad_reviews must return a 2-D NumPy array; it returned {shown(got)}"
    )
    return got


def assert_row(student, expected, row: int, what: str) -> None:
    got, want = padded(student), expected.call(FUNCTION, REVIEWS, MAX_LENGTH)
    assert got.shape == want.shape and (got[row] == want[row]).all(), mismatch(
        f"{what}: pad_reviews({REVIEWS}, {MAX_LENGTH})[{row}]", want[row], got[row] if len(got) > row else got
    )


@pytest.mark.points(1)
def test_keeps_the_end(student, expected):
    """cuts a long review at the front: its last max_review_length indices stay"""
    assert_row(student, expected, 0, "A long review keeps its end (Keras's truncating='pre')")


@pytest.mark.points(1)
def test_zeros_in_front(student, expected):
    """pads a short review with zeros in front"""
    assert_row(student, expected, 1, "A short review gets zeros in front (Keras's padding='pre')")


@pytest.mark.points(1)
def test_length_from_argument(student):
    """makes every review max_review_length long, even when all are shorter"""
    for reviews, length in ((REVIEWS, MAX_LENGTH), ([[1, 5], [1, 6, 7]], 7), (REVIEWS, 2)):
        got = padded(student, reviews, length)
        assert got.shape == (len(reviews), length), mismatch(
            f"The shape of pad_reviews({reviews}, {length})", (len(reviews), length), got.shape
        )


@pytest.mark.points(1)
def test_integer_dtype(student):
    """holds integer indices (int32, Keras's default)"""
    got = padded(student)
    assert np.issubdtype(got.dtype, np.integer), (
        f"Indices are whole numbers: expected an integer dtype such as int32, returned {got.dtype}"
    )
