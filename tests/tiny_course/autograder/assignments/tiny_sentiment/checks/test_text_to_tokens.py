"""text_to_tokens(text_seqs): one list of lowercased words (runs of letters, digits, _ and ') per review."""

import pytest

from autograder.checklib.messages import mismatch


def same_tokens(student, expected, texts: list[str], what: str) -> None:
    got = student.call("text_to_tokens", texts)
    want = expected.call("text_to_tokens", texts)
    assert got == want, mismatch(f"{what}: text_to_tokens({texts!r})", want, got)


@pytest.mark.points(1)
def test_lowercase(student, expected):
    """lowercases every word"""
    same_tokens(student, expected, ["BRILLIANT Acting By Meryl STREEP"], "Every word is lowercased")


@pytest.mark.points(1)
def test_punctuation(student, expected):
    """drops punctuation and keeps apostrophes inside words"""
    same_tokens(student, expected, ["What a film... truly (mostly) great, isn't it?!"], "Punctuation separates words")


@pytest.mark.points(0.5)
def test_empty_text(student, expected):
    """gives an empty list for an empty or blank review"""
    same_tokens(student, expected, ["", " \t "], "A review without words has no tokens")


@pytest.mark.points(0.5)
def test_several_texts(student, expected):
    """returns one word list per review, in order"""
    same_tokens(student, expected, ["First review.", "10/10, again!", "third"], "One list per review, in order")
