"""make_lexicon(token_seqs, min_freq=1): words seen more than min_freq times -> 2, 3, ... in first-seen order; '<UNK>' -> 1."""

from collections import Counter

import pytest

from autograder.checklib.messages import mismatch, shown

# "film" 4 times, "plot" 3, "dull" 2, "great" 1 (and "!" 3): the boundaries of min_freq 1, 2, 3.
SEQS = [["film", "plot", "!", "film"], ["great", "film", "plot", "dull"], ["!", "plot", "film", "dull", "!"]]


def lexicon_of(student, token_seqs, **kwargs) -> dict:
    lexicon = student.call("make_lexicon", token_seqs, **kwargs)
    assert isinstance(lexicon, dict), f"make_lexicon must return a dict; it returned {shown(lexicon)}"
    return lexicon


def words_seen_more_than(token_seqs, min_freq) -> set[str]:
    return {w for w, n in Counter(t for s in token_seqs for t in s).items() if n > min_freq} | {"<UNK>"}


@pytest.mark.points(1)
@pytest.mark.parametrize("min_freq", [1, 2])
def test_min_freq_boundary(student, min_freq):
    """keeps words seen more than min_freq times, and drops words seen exactly min_freq times"""
    lexicon = lexicon_of(student, SEQS, min_freq=min_freq)
    want = words_seen_more_than(SEQS, min_freq)
    assert set(lexicon) == want, mismatch(
        f"With min_freq={min_freq}, the words counted more than {min_freq} times (and '<UNK>')",
        sorted(want),
        sorted(lexicon),
    )


@pytest.mark.points(1)
def test_indices(student, expected):
    """maps '<UNK>' to 1 and numbers the words 2, 3, ... in the order they are first seen"""
    got, want = lexicon_of(student, SEQS, min_freq=1), expected.call("make_lexicon", SEQS, min_freq=1)
    assert got == want, mismatch(f"make_lexicon({SEQS!r}, min_freq=1)", want, got)


@pytest.mark.points(0.5)
def test_only_unk_when_nothing_is_frequent(student):
    """holds only '<UNK>' when no word is frequent enough"""
    lexicon = lexicon_of(student, [["once"], ["twice", "twice"]], min_freq=5)
    assert lexicon == {"<UNK>": 1}, mismatch("No word is seen more than 5 times", {"<UNK>": 1}, lexicon)
