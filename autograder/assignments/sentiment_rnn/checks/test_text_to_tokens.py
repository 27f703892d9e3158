"""text_to_tokens(text_seqs): one list of lowercased spaCy tokens per review."""

import pytest

from autograder.checklib.messages import mismatch


def same_tokens(student, expected, texts: list[str], what: str) -> None:
    got = student.call("text_to_tokens", texts)
    want = expected.call("text_to_tokens", texts)
    assert got == want, mismatch(f"{what}: text_to_tokens({texts!r})", want, got)


@pytest.mark.points(1)
def test_punctuation(student, expected):
    """keeps punctuation as tokens of their own"""
    same_tokens(
        student, expected, ["What a film... truly (mostly) great, right?!"], "Punctuation stays, split off by spaCy"
    )


@pytest.mark.points(1)
def test_contractions(student, expected):
    """splits contractions the way spaCy does"""
    same_tokens(
        student,
        expected,
        ["I don't think it's the director's best, can't you tell?"],
        "Contractions are split by spaCy's rules",
    )


@pytest.mark.points(0.5)
def test_lowercase(student, expected):
    """lowercases every token"""
    same_tokens(student, expected, ["BRILLIANT Acting By Meryl STREEP"], "Every token is lowercased")


@pytest.mark.points(0.5)
def test_empty_text(student, expected):
    """gives an empty list for an empty review"""
    same_tokens(student, expected, [""], "An empty review has no tokens")


@pytest.mark.points(1)
def test_non_ascii(student, expected):
    """handles accents, other scripts and emoji"""
    same_tokens(student, expected, ["Amélie était SUPERBE — 10/10 😀 Ça marche, ÉNORME ΘΕΑΜΑ"], "Non-ASCII text")


@pytest.mark.points(0.5)
def test_html_remnants(student, expected):
    """tokenizes leftover <br /> tags like any other text"""
    same_tokens(
        student,
        expected,
        ["Good start.<br /><br />Bad ending.<br />Meh"],
        "Leftover <br /> tags are tokenized as spaCy splits them",
    )


@pytest.mark.points(0.5)
def test_several_texts(student, expected):
    """returns one token list per review, in order"""
    same_tokens(
        student, expected, ["First review.", "", "Second one, longer!", "third"], "One list per review, in order"
    )
