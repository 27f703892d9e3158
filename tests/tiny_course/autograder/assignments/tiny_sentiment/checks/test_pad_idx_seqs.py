"""pad_idx_seqs(idx_seqs): pre-pad with 0 to the length of the longest sequence."""

import numpy as np
import pytest

from autograder.checklib.messages import mismatch, shown

SEQS = [[5, 2, 9], [7], [3, 3, 4, 8, 6], [2, 2]]


def padded(student, seqs=SEQS) -> np.ndarray:
    got = student.call("pad_idx_seqs", seqs)
    assert isinstance(got, np.ndarray) and got.ndim == 2, (
        f"pad_idx_seqs must return a 2-D NumPy array; it returned {shown(got)}"
    )
    return got


@pytest.mark.points(1)
def test_pre_padding(student, expected):
    """puts the zeros before each sequence, up to the longest one's length"""
    got, want = padded(student), expected.call("pad_idx_seqs", SEQS)
    assert got.shape == want.shape and (got == want).all(), mismatch(
        f"pad_idx_seqs({SEQS}) pads at the front", want, got
    )


@pytest.mark.points(0.5)
def test_equal_lengths(student):
    """leaves sequences of equal length as they are"""
    seqs = [[4, 5, 6], [7, 8, 9]]
    got = padded(student, seqs)
    assert got.tolist() == seqs, mismatch(f"pad_idx_seqs({seqs})", np.array(seqs), got)


@pytest.mark.points(0.5)
def test_integer_dtype(student):
    """holds integers"""
    got = padded(student)
    assert np.issubdtype(got.dtype, np.integer), (
        f"Indices are whole numbers: expected an integer dtype, returned {got.dtype}"
    )
