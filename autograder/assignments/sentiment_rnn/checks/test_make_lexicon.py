"""make_lexicon(token_seqs, min_freq=1): frequent words -> 2, 3, ...; '<UNK>' -> 1."""

from collections import Counter

import pytest

from autograder.checklib.messages import mismatch, shown

# "film" 4 times, "plot" 3, "dull" 2, "great" 1 (and "!" 3): the boundaries of min_freq 1, 2, 3.
SEQS = [["film", "plot", "!", "film"], ["great", "film", "plot", "dull"], ["!", "plot", "film", "dull", "!"]]
OTHER_SEQS = [["acting", "acting", "score"], ["score", "acting", "pace", "pace"]]


def lexicon_of(student, token_seqs, **kwargs) -> dict:
    lexicon = student.call("make_lexicon", token_seqs, **kwargs)
    assert isinstance(lexicon, dict), f"make_lexicon must return a dict; it returned {shown(lexicon)}"
    return lexicon


def assert_valid_indices(lexicon: dict) -> None:
    assert lexicon.get("<UNK>") == 1, f"'<UNK>' must map to 1; the lexicon has {shown(lexicon.get('<UNK>'))}"
    words = sorted(v for k, v in lexicon.items() if k != "<UNK>")
    assert words == list(range(2, len(words) + 2)), (
        "The words must get the indices 2, 3, ... with no gaps or repeats (0 is padding, 1 is '<UNK>');"
        f" the indices returned are {shown(words)}"
    )


def words_seen_more_than(token_seqs, min_freq) -> set[str]:
    return {w for w, n in Counter(t for s in token_seqs for t in s).items() if n > min_freq} | {"<UNK>"}


@pytest.mark.points(1)
@pytest.mark.parametrize("min_freq", [2, 3])
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
def test_default_min_freq(student):
    """uses min_freq=1 by default: a word seen once is left out"""
    lexicon = lexicon_of(student, SEQS)
    want = words_seen_more_than(SEQS, 1)
    assert set(lexicon) == want, mismatch(
        "make_lexicon(token_seqs) with the default min_freq=1", sorted(want), sorted(lexicon)
    )


@pytest.mark.points(1)
def test_indices(student):
    """maps '<UNK>' to 1, never uses 0, and numbers the words 2, 3, ... densely"""
    assert_valid_indices(lexicon_of(student, SEQS, min_freq=1))
    assert_valid_indices(lexicon_of(student, SEQS, min_freq=3))


@pytest.mark.points(0.5)
def test_only_unk_when_nothing_is_frequent(student):
    """holds only '<UNK>' when no word is frequent enough"""
    lexicon = lexicon_of(student, [["once"], ["twice", "twice"]], min_freq=5)
    assert lexicon == {"<UNK>": 1}, mismatch("No word is seen more than 5 times", {"<UNK>": 1}, lexicon)


@pytest.mark.points(0.5)
def test_uses_its_argument(student):
    """builds the lexicon from the token_seqs it is given (not from a global)"""
    for seqs in (OTHER_SEQS, SEQS):
        lexicon = lexicon_of(student, seqs, min_freq=1)
        want = words_seen_more_than(seqs, 1)
        assert set(lexicon) == want, mismatch(f"make_lexicon({seqs!r}, min_freq=1)", sorted(want), sorted(lexicon))
