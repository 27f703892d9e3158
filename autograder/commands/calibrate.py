"""`autograder calibrate NAME`: train each learning check's models over seeds, propose thresholds, state error rates.

For each learning check of the assignment: the reference, its other correct answers, the mutants
of its function, an untrained model and a constant prediction, each trained as the check trains
(in the sandbox) with seeds 1 to N. The scores go to autograder/assignments/<name>/calibration.json
after every training, so a stopped run resumes. A threshold separates when every correct model's
one-sided normal tolerance bound lies above it (a false fail at most 1 in 1,000, with 95%
confidence) and every mutant MUST_FAIL names, the untrained model and the constant prediction
scored below it in every seed. The checks read their thresholds from the file.
"""

import argparse
import math
import os
import sys
from pathlib import Path

from autograder.commands import keywords
from autograder.course import get, names
from autograder.sandbox.policy import DEFAULT_POLICY

DEFAULT_SEEDS = 10


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("calibrate", help=summary, description=__doc__)
    parser.add_argument("name", metavar="NAME", choices=names(), help="the assignment")
    parser.add_argument(
        "--seeds",
        type=int,
        default=DEFAULT_SEEDS,
        metavar="N",
        help=f"train with seeds 1 to N (default {DEFAULT_SEEDS}; at least 2 for a tolerance bound)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of calibrate()."""
    return calibrate(**keywords(args))


def calibrate(name: str, seeds: int = DEFAULT_SEEDS) -> int:
    """Calibrate the assignment's learning checks, printing progress and, per check, its models and proposal.

    Exit code 0: every check has a threshold that separates, now in the file; 1: some check has none
    (the models that overlap are named); 2: the assignment has no learning checks, or this machine cannot grade.
    """
    from tqdm import tqdm

    from autograder.authoring.calibrate import calibrate as run_calibration
    from autograder.authoring.calibrate import learning_checks
    from autograder.authoring.mutants import StaleChange
    from autograder.checklib.calibration import FILE_NAME
    from autograder.preflight import NotReady, prepare

    assignment = get(name)
    checks = learning_checks(assignment)
    if not checks or seeds < 2:
        print(
            f"error: {name} has no learning checks (learning.py)" if not checks else "error: --seeds must be 2 or more"
        )
        return 2
    try:
        prepare(assignment, DEFAULT_POLICY)
        bar = tqdm(total=0, unit="training", desc=f"calibrating {name}", file=sys.stderr)
        with bar:
            calibration = run_calibration(
                assignment,
                list(range(1, seeds + 1)),
                DEFAULT_POLICY,
                progress=lambda what, score: (bar.set_postfix_str(f"{what}: {_shown(score)}"), bar.update()),
                total=lambda n: (setattr(bar, "total", n), bar.refresh()),
                note=lambda line: bar.write(f"{name}: {line}"),
            )
    except (StaleChange, NotReady) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    separated = True
    for function, check in calibration.checks.items():
        print(f"\n{function}")
        for model, scores in check.models.items():
            listed = scores.as_json()
            spread = f"mean {listed['mean']:.3f}, sd {listed.get('sd', 0):.3f}, " if "mean" in listed else ""
            shown = ", ".join(_shown(score) for score in scores.by_seed.values())
            print(f"  {model:<40}{scores.kind:<10}{spread}[{shown}]")
        proposal = check.proposal()
        if proposal.threshold is None:
            separated = False
            print(
                f"  NO THRESHOLD SEPARATES: the lowest tolerance bound of a correct model is"
                f" {proposal.correct_bound:.3f}, a model that must fail reached {proposal.wrong_highest:.3f};"
                f" overlapping: {', '.join(proposal.overlapping)}. Change the check's training (epochs, data), not"
                " the floor."
            )
        else:
            rates = ", ".join(f"{model} {rate:.2g}" for model, rate in proposal.false_fail.items())
            current = "none" if check.threshold is None else f"{check.threshold:g}"
            print(
                f"  threshold {current} (proposed {proposal.threshold:g}): correct models' lowest tolerance"
                f" bound {proposal.correct_bound:.3f} (false fail at most 1 in 1,000, 95% confidence); every model"
                f" that must fail below {proposal.wrong_highest:.3f} in every seed. Estimated false fails: {rates}"
            )
    written = assignment.package_dir / FILE_NAME
    shown = os.path.relpath(written) if written.is_relative_to(Path.cwd()) else written
    print(f"\nwritten: {shown}")
    return 0 if separated else 1


def _shown(score: float | None) -> str:
    return "unusable" if score is None or not math.isfinite(score) else f"{score:.3f}"
