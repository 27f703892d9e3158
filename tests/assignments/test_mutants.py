"""Mutants of each reference, one bug each: each loses points of its own function only.

The mutants are graded in bundles (tests/support/cases.py), so a bundle's other bugs are in
other functions: those functions may lose points too, every function left correct may not.
"""

import re

import nbformat
import pytest
from support.kit import TINY, grade

from autograder.authoring.mutants import Verdict, judge, mutants_of, mutated
from autograder.course import Assignment, discover, get

ASSIGNMENTS = {**discover(), TINY.name: TINY}
"""The course's assignments, and the tiny course's: its mutants must be caught too, for the tests that grade it."""


def verdicts(kind: str) -> list:
    """(assignment, name) for every mutant or other correct answer, by id."""
    return [
        pytest.param(assignment, change.name, id=f"{name}-{change.name}")
        for name, assignment in ASSIGNMENTS.items()
        for change in getattr(mutants_of(assignment), kind)
    ]


def judged(assignment: Assignment, name: str, class_runs) -> Verdict:
    """The verdict of `autograder check-mutants` on one case, from the class run's results of its bundle."""
    listed = mutants_of(assignment)
    student, _ = listed.bundle_of(name)
    (verdict,) = [v for v in judge(listed, class_runs(assignment).results) if v.name == name]
    assert verdict.bundle == student
    return verdict


@pytest.mark.parametrize("assignment_of_case, name", verdicts("mutants"))
def test_mutant_is_caught_by_its_own_functions_checks_only(assignment_of_case, name, class_runs):
    """It loses points of its function and none of a function its bundle left correct; every check it fails says
    why, and the checks its mutants.py's MUST_FAIL names (a sigmoid output, a learning check) fail it."""
    verdict = judged(assignment_of_case, name, class_runs)
    assert verdict.kind == "mutant" and verdict.holds, verdict.why


@pytest.mark.parametrize("assignment_of_case, name", verdicts("variants"))
def test_other_correct_answers_earn_full_marks(assignment_of_case, name, class_runs):
    verdict = judged(assignment_of_case, name, class_runs)
    assert verdict.kind == "variant" and verdict.holds, verdict.why


def test_every_must_fail_names_a_mutant():
    for assignment in ASSIGNMENTS.values():
        listed = mutants_of(assignment)
        assert set(listed.must_fail) <= {change.name for change in listed.mutants}, assignment.name


@pytest.mark.kernel
def test_same_submission_same_results(class_run, tmp_path):
    """Graded again on its own, a submission gets the results it got in the class run, to the byte.

    The learning check fails it (its output layer has no sigmoid): a seeded training gives the same verdict and message.
    """
    student, changes = mutants_of(TINY).bundle_of("no_sigmoid")
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
    student, _ = mutants_of(assignment).bundle_of("no_sigmoid")
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
    student, changes = mutants_of(assignment).bundle_of("max_instead_of_mean")
    path = tmp_path / "submission.ipynb"
    nbformat.write(mutated(nbformat.read(assignment.source_notebook, as_version=4), *changes), path)
    alone = grade(path, tmp_path / "results.json", assignment=assignment)
    assert alone == class_runs(assignment).results[student]
    outputs = "\n".join(test["output"] for test in alone["tests"])
    assert "Graph execution error" in outputs and not re.search(r"0x[0-9a-f]{6}|kit-submission-|File \"", outputs)
