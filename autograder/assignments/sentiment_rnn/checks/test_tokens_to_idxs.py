"""tokens_to_idxs(token_seqs, lexicon): lexicon indices, '<UNK>' for unknown words."""

import time

import pytest

from autograder.assignments.sentiment_rnn import checkdata
from autograder.checklib.messages import mismatch
from autograder.sandbox.student import StudentError

# Indices in no particular order, so that only a lookup in this very lexicon gets them right.
LEXICON = {"<UNK>": 1, "plot": 7, "the": 2, "dull": 5, ".": 3, "was": 6, "acting": 4}

# The reference maps the train split in about this many seconds here; a dict lookup per
# token stays within a small multiple of it, while scanning the lexicon per token does not.
SLOWDOWN_ALLOWED = 10
SPEED_REVIEWS = 5_000  # enough for a lexicon scan per token to take hours, few enough to send in a second
FIXED_ALLOWANCE = 10.0


@pytest.mark.points(1)
def test_known_words(student, expected):
    """maps each word to its index in the given lexicon"""
    seqs = [["the", "plot", "was", "dull", "."], ["acting", "."]]
    got = student.call("tokens_to_idxs", seqs, LEXICON)
    want = expected.call("tokens_to_idxs", seqs, LEXICON)
    assert got == want, mismatch(f"tokens_to_idxs({seqs!r}, {LEXICON!r})", want, got)


@pytest.mark.points(1)
def test_unknown_words(student, expected):
    """maps words missing from the lexicon to the index of '<UNK>'"""
    seqs = [["the", "soundtrack", "was", "sublime", "!"]]
    got = student.call("tokens_to_idxs", seqs, LEXICON)
    want = expected.call("tokens_to_idxs", seqs, LEXICON)
    assert got == want, mismatch("Unknown words get lexicon['<UNK>'] (they are not dropped)", want, got)


@pytest.mark.points(0.5)
def test_empty_sequences(student):
    """keeps empty sequences as empty lists, and an empty input as an empty list"""
    got = student.call("tokens_to_idxs", [[], ["plot"], []], LEXICON)
    assert got == [[], [7], []], mismatch("tokens_to_idxs([[], ['plot'], []], lexicon)", [[], [7], []], got)
    got = student.call("tokens_to_idxs", [], LEXICON)
    assert got == [], mismatch("tokens_to_idxs([], lexicon)", [], got)


@pytest.mark.points(1.5)
def test_speed_on_train_split(student, reference):
    """maps 5,000 train reviews about as fast as a dict lookup per token"""
    seqs = checkdata.train_tokens(SPEED_REVIEWS)
    lexicon = reference.make_lexicon(seqs)
    started = time.perf_counter()
    want = reference.tokens_to_idxs(seqs, lexicon)
    reference_seconds = time.perf_counter() - started
    limit = FIXED_ALLOWANCE + SLOWDOWN_ALLOWED * reference_seconds
    n_tokens = sum(map(len, seqs))
    try:
        got = student.call("tokens_to_idxs", seqs, lexicon, timeout=limit)
    except StudentError as error:
        if error.kind != "timeout":
            raise
        raise AssertionError(
            f"tokens_to_idxs did not finish the {len(seqs):,} train reviews ({n_tokens:,} tokens, a lexicon of"
            f" {len(lexicon):,} words) within {SLOWDOWN_ALLOWED} times the reference's time plus {FIXED_ALLOWANCE:.0f} s."
            " Looking a word up by going through the lexicon's words one by one costs a pass over the whole"
            " lexicon for every token: use the dict itself (lexicon.get(word, ...) or `word in lexicon`)."
        ) from None
    assert got == want, "On the train split, tokens_to_idxs returned other indices than the reference's"
