"""pad_post(encoded, max_length=10): zeros after, words cut after max_length."""

import numpy as np
import pytest

from autograder.checklib.messages import mismatch, shown

SEQS = [[5, 2, 9], [7], [3, 3, 4, 8, 6], []]
LONG = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], [4, 5], list(range(20, 30))]


def padded(student, *args) -> np.ndarray:
    got = student.call("pad_post", *args)
    assert isinstance(got, np.ndarray) and got.ndim == 2, (
        f"pad_post must return a 2-D NumPy array; it returned {shown(got)}"
    )
    return got


def same_padding(student, expected, what: str, *args) -> None:
    got, want = padded(student, *args), expected.call("pad_post", *args)
    assert got.shape == want.shape and (got == want).all(), mismatch(f"{what}: pad_post{tuple(args)!r}", want, got)


@pytest.mark.points(1)
def test_zeros_after(student, expected):
    """puts the zeros after each sentence"""
    same_padding(student, expected, "Zeros go at the end", SEQS, 6)


@pytest.mark.points(1)
def test_cut_after_max_length(student, expected):
    """keeps the first max_length words of a longer sentence"""
    same_padding(student, expected, "A long sentence keeps its beginning", LONG, 10)


@pytest.mark.points(1)
def test_default_max_length(student):
    """pads to 10 by default"""
    got = padded(student, SEQS)
    assert got.shape == (len(SEQS), 10), mismatch(f"The shape of pad_post({SEQS})", (len(SEQS), 10), got.shape)


@pytest.mark.points(0.5)
def test_integer_dtype(student):
    """holds integers"""
    got = padded(student, SEQS, 6)
    assert np.issubdtype(got.dtype, np.integer), (
        f"Word numbers are whole numbers: expected an integer dtype, returned {got.dtype}"
    )
