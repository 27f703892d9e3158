"""What an assignment says about itself that its notebook does not: the declaration in its package.

Everything else is read from the assignment's files: the graded functions from the source
notebook's solution cells, each check module's function from its file name, the points from
the checks' markers. A declaration is one frozen value, `DECLARATION` in
autograder/assignments/<name>/__init__.py.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Subset:
    """An environment variable that makes the notebook's data cells load fewer examples per split."""

    env: str
    quick: int
    """Examples per split for a quick "Run all" (nbgrader's runs in the tests), where training time does not matter."""
    full: int
    """Examples per split in the full data: the benchmark's targets hold for this many only."""


@dataclass(frozen=True)
class Trained:
    """One model the notebook trains on the full data, and the test figure (accuracy, R², ...) it must reach."""

    label: str
    train_cell: str
    """grade_id of the cell that trains it."""
    accuracy: str
    """The notebook variable that holds its test figure after the run."""
    target: float
    why: str
    """Where the target comes from."""
    metric: str = "test accuracy"
    """What the figure is, as the report names it (a regression's: "test R²")."""


@dataclass(frozen=True)
class Timed:
    """A cell of the notebook, timed beside the same work done by a library alone: what the notebook's way costs."""

    label: str
    cell: str
    """grade_id of the cell."""
    alone: str
    """What the library alone is, as the report names it ("spaCy alone")."""
    how: str
    """How the library alone does the work, for the report."""
    setup: str
    """Code run in the notebook's kernel after its cells, untimed: what `work` needs."""
    work: str
    """Code run after `setup`, timed: the same work as the cell's."""


@dataclass(frozen=True)
class Benchmark:
    """What `autograder benchmark-reference` needs to know of the notebook's full run."""

    models: tuple[Trained, ...]
    timed: tuple[Timed, ...] = ()


@dataclass(frozen=True)
class Declaration:
    models: tuple[str, ...] = ()
    """The graded functions that return a Keras model rather than plain data."""
    datasets: tuple[str, ...] = ()
    """The datasets (names in kitdata's manifest) the notebook and the checks read."""
    subset: Subset | None = None
    benchmark: Benchmark | None = None
