"""Similarity for a whole class: each graded function on its own, every reason for leaving a student out stated.

A class of one, an empty solution cell, a cell still holding the stub, a notebook
that cannot be read, a function nobody wrote: each is reported, never flagged, and
never stops the others from being compared.
"""

from dataclasses import dataclass, field
from pathlib import Path

from autograder.notebook.reading import read_notebook_file
from autograder.roster import Submission
from autograder.similarity.forms import Group, common_forms, rare_limit
from autograder.similarity.own_code import own_tokens
from autograder.similarity.pairs import Pair, similar_pairs
from autograder.similarity.solutions import StudentCells, read_cells, starter_sources
from autograder.similarity.tokens import normalize

EMPTY = "the solution cell is empty"
STUB = "the solution cell is still the starter code"
MISSING = "the notebook has no solution cell for it"


@dataclass(frozen=True)
class FunctionSimilarity:
    function: str
    compared: tuple[str, ...]
    """The students whose code was compared, by id."""
    rare_limit: int
    pairs: tuple[Pair, ...]
    """The flagged pairs, most similar first."""
    groups: tuple[Group, ...]
    skipped: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Reason -> the students left out for it."""
    unparsed: tuple[str, ...] = ()
    """Compared students whose cell is not valid Python (compared with a coarser normalization)."""
    sources: dict[str, str] = field(default_factory=dict)
    """The cell of every compared student, as written."""

    @property
    def note(self) -> str | None:
        """Why no pair could be compared, if none could."""
        if not self.compared:
            return "Nobody wrote this function: every solution cell is empty, the starter code, or missing."
        if len(self.compared) == 1:
            return f"Only {self.compared[0]} wrote this function: there is no one to compare with."
        return None


@dataclass(frozen=True)
class ClassSimilarity:
    functions: tuple[FunctionSimilarity, ...]
    unreadable: dict[str, str]
    """Student -> why their notebook could not be read; they are compared in no function."""

    def ranked_pairs(self) -> list[tuple[str, Pair]]:
        """Every flagged pair with its function, most similar first; ties in function order, then by ids."""
        return sorted(
            ((result.function, pair) for result in self.functions for pair in result.pairs),
            key=lambda item: -item[1].score,
        )


def compare_function(function: str, cells: list[StudentCells], starter: str) -> FunctionSimilarity:
    """Compare every pair of students' solution cells of one function (readable notebooks only)."""
    given = normalize(starter)
    code, skipped, unparsed, sources = {}, {}, [], {}
    for student in sorted(cells, key=lambda student: student.student):
        name, source = student.student, student.sources.get(function)
        normalized = normalize(source) if source is not None else None
        own = own_tokens(normalized, given) if normalized is not None else ()
        if not own:
            reason = MISSING if normalized is None else EMPTY if not normalized.lines else STUB
            skipped.setdefault(reason, []).append(name)
            continue
        code[name], sources[name] = own, source
        if not normalized.parsed:
            unparsed.append(name)
    limit = rare_limit(len(code))
    return FunctionSimilarity(
        function,
        tuple(code),
        limit,
        similar_pairs(code, limit),
        common_forms({student: tuple(token.text for token in own) for student, own in code.items()}, limit),
        {reason: tuple(students) for reason, students in skipped.items()},
        tuple(unparsed),
        sources,
    )


def compare_class(submissions: list[Submission], functions: tuple[str, ...], release_notebook: Path) -> ClassSimilarity:
    """Read each submission's solution cells and compare them function by function, against the released stubs."""
    release, _ = read_notebook_file(release_notebook)
    starters = starter_sources(release, functions)
    cells = [read_cells(submission, functions, release) for submission in submissions]
    readable = [c for c in cells if c.problem is None]
    return ClassSimilarity(
        tuple(compare_function(function, readable, starters[function]) for function in functions),
        {c.student: c.problem for c in sorted(cells, key=lambda c: c.student) if c.problem is not None},
    )
