"""Mutants of each reference, one bug each: each loses points of its own function only.

The mutants are graded in bundles (tests/support/cases.py), so a bundle's other bugs are in
other functions: those functions may lose points too, every function left correct may not.
"""

import re

import nbformat
import pytest
from support.cases import bundle_of, must_fail_of, mutants_of, mutated
from support.kit import TINY, by_function, grade

from autograder.course import discover, get

ASSIGNMENTS = {**discover(), TINY.name: TINY}
"""The course's assignments, and the tiny course's: its mutants must be caught too, for the tests that grade it."""


def cases(kind: int) -> list:
    """(assignment, name, function) for every mutant (kind 0) or other correct answer (kind 1), by id."""
    return [
        pytest.param(assignment, case[0], case[1], id=f"{name}-{case[0]}")
        for name, assignment in ASSIGNMENTS.items()
        for case in mutants_of(assignment)[kind]
    ]


@pytest.mark.parametrize("assignment_of_case, name, function", cases(0))
def test_mutant_loses_points_of_its_own_function_only(assignment_of_case, name, function, class_runs):
    student, changes = bundle_of(assignment_of_case, name)
    results = class_runs(assignment_of_case).results[student]
    scores = by_function(results)
    assert scores[function][0] < scores[function][1], f"{name} kept all points of {function}"
    bugged = {change[1] for change in changes}
    full = {f: points for f, (score, points) in scores.items() if f not in bugged}
    assert {f: scores[f][0] for f in full} == full, (
        f"{student} ({', '.join(c[0] for c in changes)}) lost points of correct functions: {scores}"
    )
    failed = [t for t in results["tests"] if t["status"] == "failed"]
    assert all(t["output"] for t in failed), "every failed check says why"


@pytest.mark.parametrize(
    "assignment_of_case, name, check",
    [
        pytest.param(assignment, name, check, id=f"{assignment.name}-{name}")
        for assignment in ASSIGNMENTS.values()
        for name, check in must_fail_of(assignment).items()
    ],
)
def test_mutant_fails_the_checks_meant_to_catch_it(assignment_of_case, name, check, class_runs):
    """A mutants.py's MUST_FAIL names the check that must catch a mutant (e.g. a sigmoid output, the learning check)."""
    student, _ = bundle_of(assignment_of_case, name)
    named = [t for t in class_runs(assignment_of_case).results[student]["tests"] if t["name"].startswith(check)]
    assert named and all(t["status"] == "failed" for t in named), f"{name} passed {check}: {named}"


@pytest.mark.parametrize("assignment_of_case, name, function", cases(1))
def test_other_correct_answers_earn_full_marks(assignment_of_case, name, function, class_runs):
    student, _ = bundle_of(assignment_of_case, name)
    results = class_runs(assignment_of_case).results[student]
    assert results["score"] == results["max_score"], [t for t in results["tests"] if t["status"] == "failed"]


@pytest.mark.kernel
def test_same_submission_same_results(class_run, tmp_path):
    """Graded again on its own, a submission gets the results it got in the class run, to the byte.

    The learning check fails it (its output layer has no sigmoid): a seeded training gives the same verdict and message.
    """
    student, changes = bundle_of(TINY, "no_sigmoid")
    path = tmp_path / "submission.ipynb"
    nbformat.write(mutated(TINY.source(), *changes), path)
    alone = grade(path, tmp_path / "results.json")
    assert alone == class_run.results[student]
    (learns,) = [t for t in alone["tests"] if t["name"].startswith("create_rnn_model: learns")]
    assert learns["status"] == "failed" and learns["output"], learns


@pytest.mark.xdist_group("sentiment_rnn")  # its class run
def test_a_model_without_a_sigmoid_is_told_its_predictions_are_not_probabilities(class_runs):
    """sentiment_rnn's accuracy check says why a linear output fails it: its predictions leave [0, 1]."""
    assignment = get("sentiment_rnn")
    student, _ = bundle_of(assignment, "no_sigmoid")
    (accuracy,) = [
        t for t in class_runs(assignment).results[student]["tests"] if t["name"].startswith("create_rnn_model: learns")
    ]
    assert accuracy["status"] == "failed" and "outside [0, 1]" in accuracy["output"], accuracy


@pytest.mark.kernel
@pytest.mark.xdist_group("imdb_many_to_one")  # its class run
def test_failing_models_get_the_same_messages_every_time(class_runs, tmp_path):
    """Messages about untrained models, a failing example's layers and a TensorFlow error hold no value of the run:
    no memory address, no temporary path, no weights left to chance. Graded again alone, the bundle gets its bytes."""
    assignment = get("imdb_many_to_one")
    student, changes = bundle_of(assignment, "max_instead_of_mean")
    path = tmp_path / "submission.ipynb"
    nbformat.write(mutated(nbformat.read(assignment.source_notebook, as_version=4), *changes), path)
    alone = grade(path, tmp_path / "results.json", assignment=assignment)
    assert alone == class_runs(assignment).results[student]
    outputs = "\n".join(test["output"] for test in alone["tests"])
    assert "Graph execution error" in outputs and not re.search(r"0x[0-9a-f]{6}|kit-submission-|File \"", outputs)
