"""encode_sentences(sentences, word_to_int): the words' numbers; words not in the map are skipped."""

import pytest

from autograder.assignments.rnn_basics import checkdata
from autograder.checklib.messages import mismatch

# Numbers in no particular order, so that only a lookup in this very map gets them right.
WORD_TO_INT = {"was": 4, "The": 2, "good.": 7, "food": 1, "slow": 3, "service": 6, "not": 5}


def same_encoding(student, expected, sentences: list[str], what: str, word_to_int: dict = WORD_TO_INT) -> None:
    got = student.call("encode_sentences", sentences, word_to_int)
    want = expected.call("encode_sentences", sentences, word_to_int)
    assert got == want, mismatch(f"{what}: encode_sentences({sentences!r}, word_to_int)", want, got)


@pytest.mark.points(1)
def test_known_words(student, expected):
    """replaces each word by its number in word_to_int, in order"""
    same_encoding(student, expected, ["The food was good.", "service was slow"], "Each word's number")


@pytest.mark.points(1)
def test_unknown_words_skipped(student, expected):
    """skips words missing from word_to_int (case and punctuation count: 'Good' is not 'good.')"""
    same_encoding(student, expected, ["The pizza was not Good", "food was good!"], "Unknown words are left out")


@pytest.mark.points(0.5)
def test_empty_and_whitespace(student, expected):
    """gives an empty list for an empty sentence and splits on any run of whitespace"""
    same_encoding(
        student, expected, ["", "  food \t was  ", "pizza"], "Empty lists, and whitespace runs separate words"
    )


@pytest.mark.points(0.5)
def test_yelp_sentences(student, expected, reference):
    """encodes the 100 test sentences of Yelp with the train sentences' vocabulary as the reference does"""
    sentences = checkdata.yelp()[0]
    word_to_int, _ = reference.build_vocab(sentences[: checkdata.N_TRAIN])
    same_encoding(student, expected, sentences[checkdata.N_TRAIN :], "The Yelp test sentences", word_to_int)
