"""nearest_words(embedding_weights, word_to_id, id_to_word, word, k=20): the k nearest words, Euclidean, closest first."""

import numpy as np
import pytest

from autograder.checklib.messages import mismatch, shown
from autograder.sandbox.student import StudentError

FUNCTION = "nearest_words"


def vocabulary(words: list[str]) -> tuple[dict[str, int], dict[int, str]]:
    return {word: idx for idx, word in enumerate(words)}, dict(enumerate(words))


# Distances from "great" (1, 1): superb 0.22, decent 0.71, <PAD> 1.41, awful 2.24, huge 2.83.
# "huge" points the same way as "great": by cosine similarity it would come right after it.
WORDS = ["<PAD>", "huge", "decent", "great", "awful", "superb"]
WEIGHTS = np.array([[0, 0], [3, 3], [1.5, 0.5], [1, 1], [0, -1], [1.2, 1.1]])
# "twin" has the very vector of "great" at a lower index. From "far", "good" and "fine" are
# both 5 away, and "twin" and "great" both 5.66.
TIED_WORDS = ["<PAD>", "twin", "good", "fine", "great", "far"]
TIED_WEIGHTS = np.array([[0, 0], [1, 1], [1, 2], [2, 1], [1, 1], [5, 5]])
# Random vectors for 30 words, more than the default k.
MANY_WORDS = [f"w{i}" for i in range(30)]
MANY_WEIGHTS = np.random.default_rng(3).normal(size=(30, 4))


def nearest(student, weights, words, word, **kwargs) -> list:
    word_to_id, id_to_word = vocabulary(words)
    got = student.call(FUNCTION, weights, word_to_id, id_to_word, word, **kwargs)
    assert isinstance(got, list) and all(isinstance(w, str) for w in got), (
        f"nearest_words must return a list of words (str); it returned {shown(got)}"
    )
    return got


def assert_like_reference(student, expected, weights, words, word, what: str, **kwargs) -> None:
    got, want = nearest(student, weights, words, word, **kwargs), nearest(expected, weights, words, word, **kwargs)
    assert got == want, mismatch(
        f"{what}: nearest_words for {word!r} among {words}, k={kwargs.get('k', 20)}", want, got
    )


@pytest.mark.points(1.5)
def test_euclidean_order(student, expected):
    """orders the words by Euclidean distance, closest first"""
    assert_like_reference(student, expected, WEIGHTS, WORDS, "great", "Euclidean distance, not cosine similarity", k=6)


@pytest.mark.points(0.5)
def test_uses_the_word_given(student, expected):
    """measures the distances from the word it is given"""
    assert_like_reference(student, expected, WEIGHTS, WORDS, "awful", "Distances from 'awful'", k=6)


@pytest.mark.points(1)
def test_word_itself_first(student, expected):
    """puts the word itself first, even when another word has the very same vector"""
    assert_like_reference(
        student, expected, TIED_WEIGHTS, TIED_WORDS, "great", "'great' first, then 'twin' at distance 0 too", k=2
    )


@pytest.mark.points(1)
def test_ties_by_index(student, expected):
    """gives words at equal distances in the order of their indices"""
    assert_like_reference(
        student,
        expected,
        TIED_WEIGHTS,
        TIED_WORDS,
        "far",
        "'good' before 'fine', 'twin' before 'great' (lower index first)",
        k=6,
    )


@pytest.mark.points(1)
def test_k(student, expected):
    """returns k words: 20 when k is not given"""
    assert_like_reference(student, expected, MANY_WEIGHTS, MANY_WORDS, "w7", "The 20 nearest by default")
    assert_like_reference(student, expected, MANY_WEIGHTS, MANY_WORDS, "w7", "The 3 nearest", k=3)


def assert_key_error(student, weights, word_to_id: dict, id_to_word: dict, word: str, what: str) -> None:
    try:
        got = student.call(FUNCTION, weights, word_to_id, id_to_word, word)
    except StudentError as error:
        if error.kind != "raised":
            raise
        first_line = str(error).splitlines()[0]
        assert "KeyError" in first_line and word in first_line, (
            f"{what}: nearest_words must raise a KeyError whose message names {word!r}; it raised {first_line}"
        )
        return
    raise AssertionError(f"{what}: nearest_words must raise a KeyError that names {word!r}; it returned {shown(got)}")


@pytest.mark.points(1)
def test_unknown_word(student):
    """raises a KeyError naming a word that word_to_id does not know"""
    word_to_id, id_to_word = vocabulary(WORDS)
    assert_key_error(student, WEIGHTS, word_to_id, id_to_word, "qwertyuiop", "A word missing from word_to_id")


@pytest.mark.points(1)
def test_word_beyond_the_matrix(student):
    """raises a KeyError naming a word whose index has no row in the matrix (beyond top_words)"""
    word_to_id, id_to_word = vocabulary(WORDS)
    assert_key_error(
        student,
        WEIGHTS,
        {**word_to_id, "kafkaesque": 40},
        {**id_to_word, 40: "kafkaesque"},
        "kafkaesque",
        f"A word of index 40 with only {len(WEIGHTS)} rows in the matrix",
    )
