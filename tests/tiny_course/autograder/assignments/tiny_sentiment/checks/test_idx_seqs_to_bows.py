"""idx_seqs_to_bows(idx_seqs, matrix_length): a count of each index per sequence."""

import numpy as np
import pytest

from autograder.checklib.messages import mismatch, shown

SEQS = [[2, 3, 3, 1], [5], [], [4, 4, 4, 2, 1, 1]]
LENGTH = 9  # longer than the largest index + 1, so minlength matters


def bows(student, length=LENGTH) -> np.ndarray:
    got = student.call("idx_seqs_to_bows", SEQS, length)
    assert isinstance(got, np.ndarray), f"idx_seqs_to_bows must return a NumPy array; it returned {shown(got)}"
    return got


@pytest.mark.points(1)
def test_counts(student, expected):
    """counts how often each index occurs in each sequence"""
    got, want = bows(student, length=6), expected.call("idx_seqs_to_bows", SEQS, 6)
    assert got.shape == want.shape and (got == want).all(), mismatch(f"idx_seqs_to_bows({SEQS}, 6)", want, got)


@pytest.mark.points(1)
def test_minlength(student, expected):
    """pads every row with zero counts up to matrix_length (np.bincount's minlength)"""
    got, want = bows(student), expected.call("idx_seqs_to_bows", SEQS, LENGTH)
    assert got.shape == want.shape and (got == want).all(), mismatch(
        f"idx_seqs_to_bows({SEQS}, {LENGTH}): every row has {LENGTH} counts, even past the largest index", want, got
    )


@pytest.mark.points(0.5)
def test_integer_dtype(student):
    """holds integer counts"""
    got = bows(student)
    assert np.issubdtype(got.dtype, np.integer), (
        f"Counts are whole numbers: expected an integer dtype, returned {got.dtype}"
    )
