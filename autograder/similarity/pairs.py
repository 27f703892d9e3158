"""Pairs of students who share rare code in one function, scored and ranked.

Each student's own code (own_code.py) is cut into every run of K consecutive tokens
(k-grams). A k-gram is rare when at most `limit` students have it (forms.py). A token
of a student's code is *uncommon* when a rare k-gram, or one only they have, covers it;
code that more students wrote is common and counts for nothing. Two students are
compared on the rare k-grams they both have: a token is matched when one of those
covers it. The score is the share of the two cells' uncommon tokens that are matched:
1.0 is uncommon code copied whole, whatever common code stands around it.

A pair is flagged when each cell has at least MIN_MATCH matched tokens (a line: one
short line in common is chance) and its score is at least MIN_SCORE. Every number
comes from counts of tokens, never from a salted hash, so the same class gives the same
pairs and scores in every run.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from autograder.similarity.tokens import Token

K = 5  # tokens per k-gram: `for V in V :` is one
MIN_MATCH = 12  # matched tokens in each of the two cells
MIN_SCORE = 0.5

Span = tuple[int, int]


@dataclass(frozen=True)
class Pair:
    student_a: str
    student_b: str
    score: float
    others: int
    """How many other students have at least half of the rare code this pair shares."""
    matched_a: tuple[Span, ...]
    matched_b: tuple[Span, ...]
    """The matched tokens' places in each student's cell source, in the order of the normalized tokens."""


def _kgrams(code: dict[str, tuple[Token, ...]]) -> dict[str, list[int]]:
    """Each student's k-grams, in the order of their tokens, each as a number given in order of first sight."""
    numbers: dict[tuple[str, ...], int] = {}
    found = {}
    for student in sorted(code):
        texts = [token.text for token in code[student]]
        found[student] = [numbers.setdefault(tuple(texts[i : i + K]), len(numbers)) for i in range(len(texts) - K + 1)]
    return found


def _covered(kgrams: list[int], chosen: set[int] | dict[int, list[str]]) -> list[int]:
    """The positions of the tokens that a k-gram in `chosen` covers, in order."""
    return sorted({i + j for i, kgram in enumerate(kgrams) if kgram in chosen for j in range(K)})


def _spans(tokens: tuple[Token, ...], positions: list[int]) -> tuple[Span, ...]:
    return tuple((tokens[i].start, tokens[i].end) for i in positions)


def similar_pairs(code: dict[str, tuple[Token, ...]], limit: int) -> tuple[Pair, ...]:
    """The flagged pairs among students (id -> own tokens), most similar first, then by ids."""
    kgrams = _kgrams(code)
    holders: dict[int, list[str]] = {}
    for student in sorted(kgrams):
        for kgram in dict.fromkeys(kgrams[student]):
            holders.setdefault(kgram, []).append(student)
    rare_or_own = {kgram: students for kgram, students in holders.items() if len(students) <= limit}
    rare = {kgram: students for kgram, students in rare_or_own.items() if len(students) >= 2}
    in_common: Counter[tuple[str, str]] = Counter()
    for students in rare.values():
        in_common.update(combinations(students, 2))  # holders are in id order, so a < b
    uncommon = {student: len(_covered(kgrams[student], rare_or_own)) for student in kgrams}
    pairs = []
    for (a, b), count in sorted(in_common.items()):
        if count * K < MIN_MATCH:
            continue  # too few shared k-grams to cover MIN_MATCH tokens
        shared = set(kgrams[a]) & set(kgrams[b]) & rare.keys()
        matched_a, matched_b = _covered(kgrams[a], shared), _covered(kgrams[b], shared)
        score = (len(matched_a) + len(matched_b)) / (uncommon[a] + uncommon[b])
        if min(len(matched_a), len(matched_b)) < MIN_MATCH or score < MIN_SCORE:
            continue
        holding = Counter(s for kgram in shared for s in rare[kgram] if s not in (a, b))
        others = sum(2 * n >= len(shared) for n in holding.values())
        pairs.append(Pair(a, b, round(score, 3), others, _spans(code[a], matched_a), _spans(code[b], matched_b)))
    return tuple(sorted(pairs, key=lambda pair: -pair.score))
