"""build_vocab(sentences) -> (word_to_int, int_to_word): whitespace tokens ranked by count, most frequent = 1."""

import pytest

from autograder.assignments.rnn_basics import checkdata
from autograder.checklib.messages import mismatch, shown

# "was" 3 times, "good" and "food" twice, the rest once: ranks by count, then ties by first appearance.
SENTENCES = ["the food was good", "was it good food ?", "it was slow"]
# Case and punctuation make different words; runs of spaces and tabs separate words and are no word themselves.
RAW = ["Good food.", "good  food", "  food\tGood. "]


def vocab_of(student, sentences: list[str]) -> tuple[dict, dict]:
    got = student.call("build_vocab", sentences)
    assert type(got) is list and len(got) == 2 and all(type(d) is dict for d in got), (
        f"build_vocab must return the pair (word_to_int, int_to_word) of two dicts; it returned {shown(got)}"
    )
    return got[0], got[1]


def same_word_to_int(student, expected, sentences: list[str], what: str) -> None:
    got, _ = vocab_of(student, sentences)
    want, _ = expected.call("build_vocab", sentences)
    assert got == want, mismatch(f"{what}: word_to_int of build_vocab({sentences!r})", want, got)


@pytest.mark.points(1)
def test_ranked_by_count(student):
    """gives 1 to the most frequent word, 2 and 3 to the next ones"""
    got, _ = vocab_of(student, SENTENCES)
    top = {word: got.get(word) for word in ("was", "good", "food")}
    assert top["was"] == 1 and {top["good"], top["food"]} == {2, 3}, mismatch(
        f"The most frequent words of {SENTENCES!r}: 'was' (3 times), then 'good' and 'food' (twice)",
        {"was": 1, "good": 2, "food": 3},
        top,
    )


@pytest.mark.points(1)
def test_ties_in_order_of_first_appearance(student, expected):
    """numbers words seen equally often in the order they first appear"""
    same_word_to_int(student, expected, SENTENCES, "Ties keep the order of first appearance")


@pytest.mark.points(1)
def test_tokens_as_they_are(student, expected):
    """splits on whitespace only: no lowercasing, punctuation stays on its word, spaces are no word"""
    same_word_to_int(student, expected, RAW, "Words are str.split()'s pieces, as they are")


@pytest.mark.points(1)
def test_int_to_word(student):
    """returns int_to_word, the inverse of word_to_int"""
    word_to_int, int_to_word = vocab_of(student, SENTENCES)
    want = {i: word for word, i in word_to_int.items()}
    assert int_to_word == want, mismatch("int_to_word maps each index back to its word", want, int_to_word)


@pytest.mark.points(1)
def test_yelp_sentences(student, expected):
    """numbers the 900 train sentences of Yelp as the reference does"""
    sentences = checkdata.yelp()[0][: checkdata.N_TRAIN]
    got, want = vocab_of(student, sentences), expected.call("build_vocab", sentences)
    assert got[0] == want[0], mismatch(
        f"word_to_int for the {len(sentences)} train sentences ({len(want[0])} words)",
        sorted(want[0].items(), key=lambda item: item[1])[:12],
        sorted(got[0].items(), key=lambda item: item[1])[:12],
    )
