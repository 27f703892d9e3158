"""An assignment's calibration file: what each learning check's models scored over seeds, and its threshold.

`autograder calibrate NAME` trains, for each learning check, the reference, the other correct
answers and the mutants of its function, an untrained model and a constant prediction, over
seeds, and writes their scores to `autograder/assignments/<name>/calibration.json` (committed).
The checks read their thresholds and the range of correct models from it (learning.py), so the
record of a threshold is the evidence for it, not a number with a comment.

A threshold separates when every correct model's tolerance bound (tolerance.py) lies at or above
it and every model that must fail scored below it in every seed. proposal() finds one, or says
which models overlap.
"""

import json
import math
import os
import platform
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from autograder.atomic import atomic_path
from autograder.checklib.tolerance import CONFIDENCE, COVERAGE, ESTIMATOR, fail_rate, lower_bound

CORRECT, MUST_FAIL, OTHER, FLOOR = "correct", "must fail", "other", "floor"
"""What a model is to a check: a correct answer (the reference, a valid variant); a mutant the check must fail; a
mutant it may pass; an untrained model or a constant prediction, which every threshold must fail."""
KINDS = (CORRECT, MUST_FAIL, OTHER, FLOOR)
UNTRAINED, CONSTANT, REFERENCE = "untrained", "constant", "reference"
PINNED = ("tensorflow-cpu", "keras", "numpy")
"""The packages whose versions shift every score: a file calibrated under others is out of date."""
FILE_NAME = "calibration.json"


def versions() -> dict[str, str]:
    """The versions of Python and of PINNED installed here: what a calibration ran under."""
    return {"python": platform.python_version()} | {name: version(name) for name in PINNED}


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


@dataclass(frozen=True)
class Scores:
    """One model's scores on one check, by seed; None where it gave no usable predictions (it fails)."""

    kind: str
    by_seed: dict[int, float | None] = field(default_factory=dict)

    def values(self) -> list[float]:
        """The scores, an unusable one as minus infinity (below every threshold)."""
        return [-math.inf if score is None else score for _, score in sorted(self.by_seed.items())]

    def usable(self) -> bool:
        return all(score is not None for score in self.by_seed.values())

    def with_score(self, seed: int, score: float | None) -> "Scores":
        return replace(self, by_seed={**self.by_seed, seed: score})

    def as_json(self) -> dict:
        listed = {"kind": self.kind, "scores": {str(seed): score for seed, score in sorted(self.by_seed.items())}}
        if self.by_seed and self.usable():
            values = np.asarray(self.values())
            listed |= {"mean": round(float(values.mean()), 4), "min": float(values.min()), "max": float(values.max())}
            if len(values) >= 2:
                listed["sd"] = round(float(values.std(ddof=1)), 4)
        return listed

    @classmethod
    def from_json(cls, listed: dict) -> "Scores":
        return cls(listed["kind"], {int(seed): score for seed, score in listed["scores"].items()})


@dataclass(frozen=True)
class Proposal:
    """A threshold that separates, or None and the models that overlap; what it costs each model."""

    threshold: float | None
    correct_bound: float
    """The lowest tolerance bound of a correct model: no threshold above it keeps the false-fail rate."""
    wrong_highest: float
    """The highest score of a model that must fail: every threshold must lie above it."""
    overlapping: tuple[str, ...]
    false_fail: dict[str, float]
    """Each correct model's estimated rate of failing at the threshold (normal, its mean and sd)."""

    def as_json(self) -> dict:
        return {
            "threshold": self.threshold,
            "correct_bound": round(self.correct_bound, 4),
            "wrong_highest": round(self.wrong_highest, 4),
            "overlapping": list(self.overlapping),
            "estimated_false_fail": {name: float(f"{rate:.3g}") for name, rate in self.false_fail.items()},
        }


@dataclass(frozen=True)
class CheckCalibration:
    """One learning check: its threshold (None until its first calibration proposes one), and its models' scores."""

    threshold: float | None
    models: dict[str, Scores] = field(default_factory=dict)
    hand_range: str | None = None
    """Before a check's first calibration: the reference's range as measured by hand, which its message states."""
    setup: str | None = None
    """The digest of what the scores were measured with (LearningCheck.setup): other data or training, other scores."""

    def correct_range(self) -> tuple[float, float, int] | None:
        """(lowest, highest, seeds) of the correct models' scores, or None before a calibration."""
        correct = [s for s in self.models.values() if s.kind == CORRECT and s.by_seed]
        if not correct or not all(s.usable() for s in correct):
            return None
        values = [v for s in correct for v in s.values()]
        return min(values), max(values), max(len(s.by_seed) for s in correct)

    def seeds(self) -> set[int]:
        return {seed for scores in self.models.values() for seed in scores.by_seed}

    def proposal(self) -> Proposal:
        """The threshold halfway between the models that must fail and the correct models' lowest tolerance bound.

        Halfway, rounded down to 0.01 where that still separates: any threshold in between keeps
        both error rates, and the middle keeps the most margin on both sides.
        """
        correct = {name: s for name, s in self.models.items() if s.kind == CORRECT and s.by_seed}
        wrong = {name: s for name, s in self.models.items() if s.kind in (MUST_FAIL, FLOOR) and s.by_seed}
        bounds = {
            name: lower_bound(s.values()) if s.usable() and len(s.by_seed) >= 2 else -math.inf
            for name, s in correct.items()
        }
        highest = {name: max(s.values()) for name, s in wrong.items()}
        correct_bound = min(bounds.values(), default=-math.inf)
        wrong_highest = max(highest.values(), default=-math.inf)
        if correct_bound > wrong_highest and math.isfinite(correct_bound):
            middle = (correct_bound + wrong_highest) / 2 if math.isfinite(wrong_highest) else correct_bound
            rounded = math.floor(middle * 100) / 100
            threshold = rounded if rounded > wrong_highest else round(middle, 4)
            rates = {name: fail_rate(s.values(), threshold) for name, s in correct.items()}
            return Proposal(threshold, correct_bound, wrong_highest, (), rates)
        overlapping = tuple(
            sorted(
                [name for name, bound in bounds.items() if bound <= wrong_highest]
                + [name for name, score in highest.items() if score >= correct_bound]
            )
        )
        return Proposal(None, correct_bound, wrong_highest, overlapping, {})

    def as_json(self) -> dict:
        listed = {"threshold": self.threshold}
        if not self.models:
            return listed | {"hand_range": self.hand_range, "models": {}}
        return listed | {
            "setup": self.setup,
            "proposal": self.proposal().as_json(),
            "models": {name: scores.as_json() for name, scores in self.models.items()},
        }

    @classmethod
    def from_json(cls, listed: dict) -> "CheckCalibration":
        models = {name: Scores.from_json(s) for name, s in listed["models"].items()}
        return cls(listed["threshold"], models, None if models else listed.get("hand_range"), listed.get("setup"))


@dataclass(frozen=True)
class Calibration:
    """An assignment's calibration file, read."""

    checks: dict[str, CheckCalibration]
    """By the function each learning check trains."""
    versions: dict[str, str] | None = None
    machine: str | None = None

    def calibrated(self) -> bool:
        """Whether any check has scores (a file written by hand before its first calibration has none)."""
        return any(check.models for check in self.checks.values())

    def out_of_date(self) -> dict[str, tuple[str | None, str]]:
        """The pinned packages whose installed version differs from the calibration's: name -> (file's, installed)."""
        installed = versions()
        recorded = self.versions or {}
        return {name: (recorded.get(name), installed[name]) for name in PINNED if recorded.get(name) != installed[name]}

    def save(self, path: Path) -> None:
        listed = {
            "about": "Written by `autograder calibrate`; the learning checks read their thresholds here.",
            "estimator": ESTIMATOR,
            "coverage": COVERAGE,
            "confidence": CONFIDENCE,
            "versions": self.versions,
            "machine": self.machine,
            "checks": {function: check.as_json() for function, check in self.checks.items()},
        }
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(listed, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Calibration":
        listed = json.loads(path.read_text(encoding="utf-8"))
        checks = {function: CheckCalibration.from_json(check) for function, check in listed["checks"].items()}
        return cls(checks, listed.get("versions"), listed.get("machine"))


@cache
def calibration_of(folder: Path) -> Calibration:
    """The calibration file of the assignment package in `folder`, read once per process."""
    return Calibration.load(folder / FILE_NAME)
