"""tokens_to_idxs(token_seqs, lexicon): lexicon indices, '<UNK>' for unknown words."""

import pytest

from autograder.checklib.messages import mismatch

# Indices in no particular order, so that only a lookup in this very lexicon gets them right.
LEXICON = {"<UNK>": 1, "plot": 7, "the": 2, "dull": 5, ".": 3, "was": 6, "acting": 4}


@pytest.mark.points(1)
def test_known_words(student, expected):
    """maps each word to its index in the given lexicon"""
    seqs = [["the", "plot", "was", "dull", "."], ["acting", "."]]
    got, want = student.call("tokens_to_idxs", seqs, LEXICON), expected.call("tokens_to_idxs", seqs, LEXICON)
    assert got == want, mismatch(f"tokens_to_idxs({seqs!r}, {LEXICON!r})", want, got)


@pytest.mark.points(1)
def test_unknown_words(student, expected):
    """maps words missing from the lexicon to the index of '<UNK>'"""
    seqs = [["the", "soundtrack", "was", "sublime", "!"]]
    got, want = student.call("tokens_to_idxs", seqs, LEXICON), expected.call("tokens_to_idxs", seqs, LEXICON)
    assert got == want, mismatch("Unknown words get lexicon['<UNK>'] (they are not dropped)", want, got)


@pytest.mark.points(0.5)
def test_empty_sequences(student):
    """keeps empty sequences as empty lists"""
    got = student.call("tokens_to_idxs", [[], ["plot"], []], LEXICON)
    assert got == [[], [7], []], mismatch("tokens_to_idxs([[], ['plot'], []], lexicon)", [[], [7], []], got)
