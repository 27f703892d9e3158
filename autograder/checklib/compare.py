"""The verdict "the student's answer equals the reference's", for plain data and NumPy arrays alike."""

from typing import Any

import numpy as np

from autograder.checklib.messages import mismatch


def same(got: Any, want: Any) -> bool:
    """Equal values of equal types; arrays of equal shape, kind of dtype and elements."""
    if isinstance(want, np.ndarray) or isinstance(got, np.ndarray):
        return (
            isinstance(got, np.ndarray)
            and isinstance(want, np.ndarray)
            and got.shape == want.shape
            and got.dtype.kind == want.dtype.kind
            and bool((got == want).all())
        )
    if type(got) is not type(want):
        return False
    if isinstance(want, list | tuple):
        return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    if isinstance(want, dict):
        return got.keys() == want.keys() and all(same(got[key], want[key]) for key in want)
    return got == want


def assert_same(got: Any, want: Any, what: str) -> None:
    """`what` names the call, e.g. f(1, 2): it heads the message when the answers differ."""
    assert same(got, want), mismatch(what, want, got)
