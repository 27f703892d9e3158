"""An assignment's mutants and other correct answers: the notebooks built from them, and whether the checks hold.

An assignment's mutants.py lists MUTANTS (the reference with one bug a student could make, in the
solution cell of one function) and VALID_VARIANTS (other correct answers), each as (name,
function, text in its solution cell, replacement); MUST_FAIL, where it is given, names the
checks that must catch a mutant. They are graded in bundles: bundle k holds the k-th mutant of
every function, so one notebook shows that several bugs at once each cost only their own
function's points, and a notebook is graded once instead of once per mutant.

`autograder check-mutants` and the test suite build the bundles here and judge the results
here, so that an instructor's command and CI hold the checks to the same rule.
"""

import copy
import importlib
from collections import Counter
from dataclasses import dataclass
from types import ModuleType
from typing import NamedTuple

import nbformat

from autograder.course import Assignment
from autograder.notebook.cells import nbgrader_meta
from autograder.reporting.results import GRADER_ERROR


class Change(NamedTuple):
    """One mutant or other correct answer: `old` replaced by `new` in the solution cell of `function`."""

    name: str
    function: str
    old: str
    new: str


@dataclass(frozen=True)
class Mutants:
    """What an assignment's mutants.py lists."""

    mutants: tuple[Change, ...]
    variants: tuple[Change, ...]
    must_fail: dict[str, str]
    """Mutant -> the start of the name of the checks that must fail it."""

    def bundles(self) -> dict[str, tuple[Change, ...]]:
        """The student name of each bundle ("mutants-1", ..., "variants-1", ...) and the changes it holds."""
        return _packed(self.mutants, "mutants") | _packed(self.variants, "variants")

    def bundle_of(self, name: str) -> tuple[str, tuple[Change, ...]]:
        """The bundle that holds the mutant or other correct answer `name`, and all its changes."""
        (found,) = [(student, changes) for student, changes in self.bundles().items() if name in _names(changes)]
        return found


def _module(assignment: Assignment) -> ModuleType:
    return importlib.import_module(f"autograder.assignments.{assignment.name}.mutants")


def mutants_of(assignment: Assignment) -> Mutants:
    """autograder/assignments/<name>/mutants.py, read."""
    module = _module(assignment)
    return Mutants(
        tuple(Change(*change) for change in module.MUTANTS),
        tuple(Change(*change) for change in module.VALID_VARIANTS),
        dict(getattr(module, "MUST_FAIL", {})),
    )


def _packed(changes: tuple[Change, ...], kind: str) -> dict[str, tuple[Change, ...]]:
    """The changes packed into "<kind>-1", "<kind>-2", ...: the k-th change of each function goes to the k-th."""
    packed: dict[str, tuple[Change, ...]] = {}
    seen: Counter[str] = Counter()
    for change in changes:
        seen[change.function] += 1
        key = f"{kind}-{seen[change.function]}"
        packed[key] = (*packed.get(key, ()), change)
    return packed


def _names(changes: tuple[Change, ...]) -> list[str]:
    return [change.name for change in changes]


def solution_cell(notebook: nbformat.NotebookNode, function: str) -> nbformat.NotebookNode:
    """The solution cell whose grade_id is the function's."""
    (cell,) = [
        c for c in notebook.cells if nbgrader_meta(c).get("grade_id") == function and nbgrader_meta(c).get("solution")
    ]
    return cell


class StaleChange(ValueError):
    """A change's text is no longer in its function's solution cell: mutants.py needs updating."""


def mutated(source: nbformat.NotebookNode, *changes: Change) -> nbformat.NotebookNode:
    """The notebook with each change made in the solution cell of its function."""
    notebook = copy.deepcopy(source)
    for name, function, old, new in changes:
        cell = solution_cell(notebook, function)
        if old not in cell.source:
            raise StaleChange(f"{name} no longer applies to the solution of {function}: {old!r} is not in it")
        cell.source = cell.source.replace(old, new)
    return notebook


def by_function(results: dict) -> dict[str, tuple[float, float]]:
    """(score, max_score) per graded function of a results.json, from its checks' tags."""
    totals: dict[str, tuple[float, float]] = {}
    for test in results["tests"]:
        (function,) = test["tags"]
        score, points = totals.get(function, (0.0, 0.0))
        totals[function] = (score + test["score"], points + test["max_score"])
    return totals


@dataclass(frozen=True)
class Verdict:
    """Whether the checks hold for one mutant or other correct answer; `why` says what was seen."""

    kind: str
    """"mutant" or "variant"."""
    name: str
    function: str
    bundle: str
    holds: bool
    why: str


def judge(mutants: Mutants, results: dict[str, dict]) -> list[Verdict]:
    """Each mutant and other correct answer against the rule, from the results.json of each bundle (by its name).

    A mutant must lose points of its own function and no point of a function its bundle left correct,
    every check it fails must say why, and the checks MUST_FAIL names for it must fail. An other
    correct answer's bundle must earn full marks. A bundle the grader failed on proves nothing.
    """
    verdicts = []
    for bundle, changes in mutants.bundles().items():
        graded = results[bundle]
        for change in changes:
            kind = "variant" if bundle.startswith("variants") else "mutant"
            if graded.get("status") == GRADER_ERROR:
                why = "the grader failed on this bundle (a grader error): its results.json has the faults"
                verdicts.append(Verdict(kind, change.name, change.function, bundle, False, why))
            elif kind == "variant":
                holds, why = _full_marks(graded)
                verdicts.append(Verdict("variant", change.name, change.function, bundle, holds, why))
            else:
                holds, why = _caught(graded, change, changes, mutants.must_fail.get(change.name))
                verdicts.append(Verdict("mutant", change.name, change.function, bundle, holds, why))
    return verdicts


def _full_marks(graded: dict) -> tuple[bool, str]:
    failed = [test["name"] for test in graded["tests"] if test["status"] != "passed"]
    if graded["score"] == graded["max_score"] and not failed:
        return True, f"full marks, {graded['score']:g} / {graded['max_score']:g}"
    return False, f"{graded['score']:g} / {graded['max_score']:g}; did not pass: {'; '.join(failed) or 'none'}"


def _caught(graded: dict, change: Change, bundle: tuple[Change, ...], must_fail: str | None) -> tuple[bool, str]:
    scores = by_function(graded)
    if change.function not in scores:
        return False, f"no check of {change.function} ran (status {graded.get('status')})"
    score, points = scores[change.function]
    problems = []
    if score >= points:
        problems.append(f"kept all {points:g} points of {change.function}")
    bugged = {other.function for other in bundle}
    lost = [f"{f} ({s:g} / {p:g})" for f, (s, p) in scores.items() if f not in bugged and s < p]
    if lost:
        problems.append(f"lost points of correct functions: {', '.join(lost)}")
    silent = [t["name"] for t in graded["tests"] if t["status"] == "failed" and not t.get("output")]
    if silent:
        problems.append(f"failed checks that say nothing: {'; '.join(silent)}")
    if must_fail is not None:
        named = [t for t in graded["tests"] if t["name"].startswith(must_fail)]
        if not named:
            problems.append(f"no check is named {must_fail!r} (MUST_FAIL)")
        elif passed := [t["name"] for t in named if t["status"] != "failed"]:
            problems.append(f"passed {'; '.join(passed)}, which MUST_FAIL says must catch it")
    if problems:
        return False, "; ".join(problems)
    caught_by = [t["name"] for t in graded["tests"] if t["status"] == "failed" and t["tags"] == [change.function]]
    return True, f"lost {points - score:g} of {points:g} points of {change.function} ({'; '.join(caught_by)})"
