"""Calibrate an assignment's learning checks: train every model that matters to each over seeds, in the sandbox.

For each learning check (the assignment's learning.py) the models are: the reference and each
other correct answer of its function (they must pass), each mutant of its function (those
MUST_FAIL names for the check must fail, the others are recorded), an untrained model (the
reference's, predicting without training) and the best constant prediction (computed, not
trained). Each notebook (the reference, each bundle of mutants.py) runs in one sandboxed kernel,
as a student's does, which then trains all of that notebook's models for every seed missing from
the file: a run that stops part-way resumes where it stopped, and the file it leaves can be
committed. The threshold is replaced by the proposal only once every model has every seed.
"""

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from autograder.authoring.mutants import Change, mutants_of, mutated
from autograder.checklib.calibration import (
    CONSTANT,
    CORRECT,
    FILE_NAME,
    FLOOR,
    MUST_FAIL,
    OTHER,
    REFERENCE,
    UNTRAINED,
    Calibration,
    CheckCalibration,
    Scores,
    machine,
    versions,
)
from autograder.checklib.learning import LearningCheck
from autograder.course import Assignment
from autograder.notebook.cells import runnable_cells
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import Policy
from autograder.sandbox.student import StudentError

REFERENCE_NOTEBOOK = "reference"


def learning_checks(assignment: Assignment) -> tuple[LearningCheck, ...]:
    """autograder/assignments/<name>/learning.py's CHECKS (none where the assignment has no learning.py)."""
    try:
        module = importlib.import_module(f"autograder.assignments.{assignment.name}.learning")
    except ModuleNotFoundError as error:
        if error.name != f"autograder.assignments.{assignment.name}.learning":
            raise
        return ()
    return tuple(module.CHECKS)


@dataclass(frozen=True)
class Job:
    """One model of one check, trained in one notebook's kernel."""

    check: LearningCheck
    model: str
    kind: str


def plan(assignment: Assignment, checks: tuple[LearningCheck, ...]) -> dict[str, tuple[tuple[Change, ...], list[Job]]]:
    """Each notebook to start (the reference, each bundle that changes a checked function): its changes and jobs."""
    listed = mutants_of(assignment)
    by_function = {check.function: check for check in checks}
    notebooks = {
        REFERENCE_NOTEBOOK: (
            (),
            [job for check in checks for job in (Job(check, REFERENCE, CORRECT), Job(check, UNTRAINED, FLOOR))],
        )
    }
    for bundle, changes in listed.bundles().items():
        jobs = []
        for change in changes:
            if (check := by_function.get(change.function)) is None:
                continue
            if bundle.startswith("variants"):
                jobs.append(Job(check, f"variant {change.name}", CORRECT))
            else:
                must = listed.must_fail.get(change.name, "").startswith(f"{check.function}: learns")
                jobs.append(Job(check, f"mutant {change.name}", MUST_FAIL if must else OTHER))
        if jobs:
            notebooks[bundle] = (changes, jobs)
    return notebooks


def existing(assignment: Assignment) -> Calibration:
    """The assignment's calibration file as it stands (empty where there is none)."""
    path = assignment.package_dir / FILE_NAME
    return Calibration.load(path) if path.exists() else Calibration({})


def starting_point(found: Calibration, setups: dict[str, str]) -> tuple[Calibration, list[str]]:
    """The calibration to add to: `found`'s entries for the checks (by function, with their current setup digests),
    under this machine's versions. Scores measured under other library versions, or with another setup (data,
    training), are dropped, and the list says why."""
    stale_versions = found.calibrated() and bool(found.out_of_date())
    dropped = []
    if stale_versions:
        then = ", ".join(f"{name} {was}" for name, (was, _) in found.out_of_date().items())
        dropped.append(f"every check's scores were measured under {then}")
    kept = {}
    for function, setup in setups.items():
        check = found.checks.get(function, CheckCalibration(None))
        other_setup = bool(check.models) and check.setup != setup
        if other_setup and not stale_versions:
            dropped.append(f"{function}'s scores were measured with other data or training")
        if stale_versions or other_setup:
            check = dataclasses.replace(check, models={})
        kept[function] = dataclasses.replace(check, setup=setup)
    return Calibration(kept, versions(), machine()), dropped


def pending(
    calibration: Calibration, planned: dict[str, tuple[tuple[Change, ...], list[Job]]], seeds: list[int]
) -> list[tuple[tuple[Change, ...], list[tuple[Job, int]]]]:
    """Each notebook's changes and the (job, seed) trainings the calibration lacks; a notebook with none is left out."""
    todo = [
        (changes, [(job, seed) for job in jobs for seed in seeds if not _has(calibration, job, seed)])
        for changes, jobs in planned.values()
    ]
    return [(changes, trainings) for changes, trainings in todo if trainings]


def with_kinds(calibration: Calibration, planned: dict[str, tuple[tuple[Change, ...], list[Job]]]) -> Calibration:
    """The calibration with each planned model's kind as mutants.py says it now (MUST_FAIL may have changed)."""
    for _, jobs in planned.values():
        for job in jobs:
            calibration = _scored(calibration, job.check, job.model, job.kind, {})
    return calibration


def calibrate(
    assignment: Assignment,
    seeds: list[int],
    policy: Policy,
    progress: Callable[[str, float | None], object] = lambda line, score: None,
    total: Callable[[int], object] = lambda n: None,
    note: Callable[[str], object] = lambda line: None,
) -> Calibration:
    """Train what is missing from the assignment's calibration file for `seeds`, saving after every training.

    `note(line)` is told of scores dropped as stale, `total(n)` the number of trainings to run, `progress(what,
    score)` is called after each. Returns the calibration, whose thresholds are the proposals where every model
    has every seed and one separates.
    """
    checks = learning_checks(assignment)
    path = assignment.package_dir / FILE_NAME
    calibration, dropped = starting_point(existing(assignment), {check.function: check.setup() for check in checks})
    for why in dropped:
        note(f"{why}: they no longer count, calibrating afresh")
    for check in checks:  # the constant prediction: no training, the same score for every seed
        best = check.metric.best_constant(check.data().y_test)
        calibration = _scored(calibration, check, CONSTANT, FLOOR, {seed: best for seed in seeds})
    planned = plan(assignment, checks)
    calibration = with_kinds(calibration, planned)
    todo = pending(calibration, planned, seeds)
    total(sum(len(trainings) for _, trainings in todo))
    calibration.save(path)
    source = assignment.source()
    for changes, trainings in todo:
        cells = runnable_cells(mutated(source, *changes) if changes else source)
        seconds = policy.submission_seconds + sum(job.check.training.timeout + 30 for job, _ in trainings)
        with KernelStudent(cells, dataclasses.replace(policy, submission_seconds=seconds)) as student:
            for job, seed in trainings:
                score = _trained(job, student, seed)
                calibration = _scored(calibration, job.check, job.model, job.kind, {seed: score})
                calibration.save(path)
                progress(f"{job.check.function}, {job.model}, seed {seed}", score)
    calibration = _proposed(calibration, seeds)
    calibration.save(path)
    return calibration


def _has(calibration: Calibration, job: Job, seed: int) -> bool:
    scores = calibration.checks[job.check.function].models.get(job.model)
    return scores is not None and seed in scores.by_seed


def _scored(
    calibration: Calibration, check: LearningCheck, model: str, kind: str, scores: dict[int, float | None]
) -> Calibration:
    """The calibration with `scores` added to a model of a check."""
    checked = calibration.checks[check.function]
    found = checked.models.get(model, Scores(kind))
    for seed, score in scores.items():
        found = found.with_score(seed, score)
    models = {**checked.models, model: dataclasses.replace(found, kind=kind)}
    return dataclasses.replace(
        calibration, checks={**calibration.checks, check.function: dataclasses.replace(checked, models=models)}
    )


def _trained(job: Job, student: KernelStudent, seed: int) -> float | None:
    """The model's score after the check's training with `seed` (none for an untrained one); None if unusable."""
    try:
        return job.check.score(job.check.predictions(student, seed=seed, epochs=0 if job.model == UNTRAINED else None))
    except (StudentError, AssertionError):
        return None


def _proposed(calibration: Calibration, seeds: list[int]) -> Calibration:
    """The calibration with each complete check's threshold set to its proposal, where one separates."""
    checks = {}
    for function, check in calibration.checks.items():
        complete = all(set(seeds) <= set(scores.by_seed) for scores in check.models.values())
        proposal = check.proposal()
        if complete and proposal.threshold is not None:
            check = dataclasses.replace(check, threshold=proposal.threshold)
        checks[function] = check
    return dataclasses.replace(calibration, checks=checks)
