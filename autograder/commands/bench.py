"""`autograder bench --assignment NAME`: how fast the kit grades a class.

    autograder bench --assignment NAME --submissions N     the kit beside `nbgrader autograde`
    autograder bench --assignment NAME --submitted DIR     training reuse on and off, one class

With --submissions, both grade the same N copies of the reference notebook, the kit
on 1 and 2 workers (and one per core). nbgrader runs every cell, training included,
so the notebook's data size matters: --reviews sets the size of the data its data
cell loads (the assignment's own setting; default: all, as students submit it). The
kit skips those cells and checks each function directly. It trains every copy's
model here: with training reuse, copies of the reference would never train, and the
figures would say nothing about a real class. --nbgrader-copies 0 leaves nbgrader out.

With --submitted, the kit grades the class found in DIR (as `autograder grade` finds
it) twice: without training reuse, then with it, on one worker per core or on the
workers of --scheduler. Training reuse pays only for submissions that build the
reference's model, so it is measured on distinct submissions, never on copies.
Each line gives the throughput, the median and 95th percentile of the time per
submission (each grading task's compute time, from the scheduler), and the
statuses; --keep writes each student's files, as `autograder grade` writes them,
to KEEP/<setting>/<student>/.

Each setting is timed --repeat times; a line gives the median and the spread (lowest
to highest) and is printed as soon as that setting is measured, the kit's first.
The kit's speed-up over workers is measured on grading alone: starting the Dask
cluster and importing the libraries into each worker happen once per class and are
reported apart. Beside it stands the machine's own speed-up for the same number of
independent CPU-bound processes, the most any parallel grader could get here.
"""

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from distributed import get_task_stream

from autograder.batch import available_cores
from autograder.batch.classrun import write_student
from autograder.batch.discover import DiscoveryError, find_submissions
from autograder.batch.execute import dask_client, grade_class, prepare_workers
from autograder.commands import keywords
from autograder.course import Assignment, get, names
from autograder.nbgrader_cli import run_nbgrader
from autograder.nbgrader_preprocessor import NBGRADERS_OWN_EXECUTION
from autograder.reporting.results import DEFAULT_HIDDEN_VISIBILITY, status_of, warn_if_unconfined
from autograder.roster import Submission
from autograder.sandbox.policy import Policy
from autograder.scratch import Scratch

NO_REUSE = Policy(reuse_trainings=False)
"""Every copy trains its model, as nbgrader's copies do: the kit's figures beside nbgrader are without training reuse."""

SETTINGS = {"no-training-reuse": NO_REUSE, "training-reuse": Policy()}
"""--submitted's settings, in the order they run: each pays for its own trainings of the reference."""


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "bench",
        help=summary,
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--assignment", required=True, choices=names())
    parser.add_argument(
        "--submissions", type=int, default=4, help="copies of the reference the kit grades (default: %(default)s)"
    )
    parser.add_argument(
        "--reviews", type=int, help="the data size of nbgrader's run of the data cells (default: all the data)"
    )
    parser.add_argument(
        "--nbgrader-copies",
        type=int,
        help="how many copies nbgrader grades (default: as many as the kit; 0: no nbgrader); compared per submission",
    )
    parser.add_argument("--repeat", type=int, default=1, help="times each setting is measured (default: %(default)s)")
    parser.add_argument(
        "--submitted",
        type=Path,
        help="grade the submissions in this folder or .zip with training reuse and without, instead of copies",
    )
    parser.add_argument("--scheduler", help="with --submitted: the Dask scheduler whose workers grade (default: local)")
    parser.add_argument("--keep", type=Path, help="with --submitted: write each setting's files to KEEP/<setting>/")
    parser.set_defaults(run=run)


def make_course(assignment: Assignment, copies: int, folder: Path) -> None:
    """An nbgrader course folder with `copies` students who all handed in the reference, graded by nbgrader's own
    execution of every cell: what the kit is measured against."""
    config = (assignment.root / "nbgrader_config.py").read_text(encoding="utf-8")
    (folder / "nbgrader_config.py").write_text(config + NBGRADERS_OWN_EXECUTION, encoding="utf-8")
    shutil.copytree(assignment.root / "source", folder / "source")
    done = run_nbgrader("generate_assignment", assignment.name, "--force", cwd=folder)
    if done.returncode:
        raise SystemExit(done.stderr)
    for index in range(copies):
        target = folder / "submitted" / f"student{index:03d}" / assignment.name
        target.mkdir(parents=True)
        shutil.copy(assignment.source_notebook, target)


@dataclass(frozen=True)
class ClassRun:
    """One timed grading of a class."""

    start: float
    """Seconds to start the cluster and get each worker ready (once per class, so reported apart)."""
    seconds: float
    """Seconds to grade the class once the workers are ready."""
    per_submission: list[float]
    """Each grading task's compute time on its worker, in seconds."""
    rows: dict[str, dict]


def time_kit(
    assignment: Assignment,
    submissions: list[Submission],
    workers: int,
    policy: Policy = NO_REUSE,
    scheduler: str | None = None,
    keep: Path | None = None,
) -> ClassRun:
    """Grade `submissions` once; files go to `keep`, if given, as `autograder grade` writes them."""
    started = time.perf_counter()
    with dask_client(workers, scheduler) as client, tempfile.TemporaryDirectory(prefix="kit-bench-") as scratch:
        out = keep or Path(scratch)
        if not scheduler:
            client.wait_for_workers(workers)
        prepare_workers(client, assignment.name, policy)  # what every class run does before its first submission
        ready = time.perf_counter()
        with get_task_stream(client) as stream:
            rows = grade_class(
                submissions,
                assignment.name,
                out,
                partial(write_student, out, assignment.name, DEFAULT_HIDDEN_VISIBILITY) if keep else lambda *_: None,
                workers=workers,
                policy=policy,
                client=client,
                force=True,
                progress=False,
            )
        done = time.perf_counter()
    warn_if_unconfined(rows.values())
    task_seconds = [
        sum(part["stop"] - part["start"] for part in task["startstops"] if part["action"] == "compute")
        for task in stream.data
        if str(task["key"]).startswith("grade_task-")
    ]
    return ClassRun(ready - started, done - ready, task_seconds, rows)


def _busy(n: int) -> int:
    """Pure-Python work of a fixed size on one core."""
    return sum(i * i % 7 for i in range(n))


def machine_speedup(processes: int, n: int = 30_000_000) -> float:
    """How much faster `processes` independent CPU-bound processes get through their work than one process."""
    with ProcessPoolExecutor(processes, mp_context=get_context("spawn")) as pool:
        list(pool.map(_busy, [1000] * processes))  # start every process first
        started = time.perf_counter()
        pool.submit(_busy, n).result()
        one = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(_busy, [n] * processes))
        return processes * one / (time.perf_counter() - started)


def nbgrader_env(assignment: Assignment, reviews: int | None) -> dict[str, str]:
    """The environment of nbgrader's run: the assignment's own data-size variables set to `reviews`, if given."""
    env = dict(os.environ)
    if reviews:
        if not assignment.quick_run_env:
            raise SystemExit(f"error: --reviews: the {assignment.name} notebook has no data-size setting")
        env.update({variable: str(reviews) for variable in assignment.quick_run_env})
    return env


def time_nbgrader(course: Path, assignment: Assignment, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = run_nbgrader("autograde", assignment.name, "--force", cwd=course, env=env)
    if done.returncode:
        raise SystemExit(f"nbgrader autograde failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def percentile(values: list[float], q: int) -> float:
    """The q-th percentile, as NumPy's default computes it (linear between the closest ranks)."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def per_submission(seconds: list[float]) -> str:
    """The median and 95th percentile of the grading tasks' times."""
    if not seconds:
        return "no grading task finished"
    return f"median {statistics.median(seconds):.1f} s, p95 {percentile(seconds, 95):.1f} s"


def spread(times: list[float]) -> str:
    """The median of repeated timings and their range."""
    if len(times) == 1:
        return f"{times[0]:.1f} s"
    return f"{statistics.median(times):.1f} s (median of {len(times)}, {min(times):.1f}-{max(times):.1f} s)"


def run(args: argparse.Namespace) -> int:
    """The command line's call of bench()."""
    return bench(**keywords(args))


def bench(
    *,
    assignment: str,
    submissions: int = 4,
    reviews: int | None = None,
    nbgrader_copies: int | None = None,
    repeat: int = 1,
    submitted: Path | None = None,
    scheduler: str | None = None,
    keep: Path | None = None,
) -> int:
    """The command: `submitted` times training reuse on a class, else copies of the reference beside nbgrader."""
    benched = get(assignment)
    if submitted:
        if nbgrader_copies or reviews:
            raise SystemExit("error: --submitted measures the kit alone: nbgrader grades copies of the reference")
        return run_submitted(benched, Path(submitted), repeat, scheduler, keep)
    if scheduler or keep:
        raise SystemExit("error: --scheduler and --keep go with --submitted")
    return run_copies(benched, submissions, nbgrader_copies, reviews, repeat)


def run_submitted(
    assignment: Assignment, submitted: Path, repeat: int, scheduler: str | None, keep: Path | None
) -> int:
    """The class in `submitted` graded in each of SETTINGS, side by side."""
    with Scratch("kit-zip-") as unpacked:  # where a .zip's notebooks are, while they are graded
        try:
            found = find_submissions(submitted, assignment.name, unpacked.path)
        except DiscoveryError as error:
            raise SystemExit(f"error: {error}") from None
        compare_settings(assignment, found, submitted, repeat, scheduler, keep)
    return 0


def compare_settings(
    assignment: Assignment,
    submissions: list[Submission],
    submitted: Path,
    repeat: int,
    scheduler: str | None,
    keep: Path | None,
) -> None:
    """Each of SETTINGS timed `repeat` times; a line for each as soon as it is measured."""
    n, workers = len(submissions), available_cores()
    where = f"the workers of {scheduler}" if scheduler else f"{workers} local workers"
    print(f"{n} submissions of {assignment.name} from {submitted}; {repeat} run(s) of each setting on {where}")
    per_hour: dict[str, float] = {}
    for name, policy in SETTINGS.items():
        kept = keep / name if keep else None
        runs = []
        for _ in range(repeat):
            if kept:
                shutil.rmtree(kept, ignore_errors=True)
            runs.append(time_kit(assignment, submissions, workers, policy, scheduler, kept))
        per_hour[name] = n / statistics.median(run.seconds for run in runs) * 3600
        last = runs[-1]
        statuses = Counter(status_of(results) for results in last.rows.values())
        print(
            f"kit, {name}: {spread([run.seconds for run in runs])} = {per_hour[name]:.0f} submissions per hour;"
            f" per submission {per_submission(last.per_submission)};"
            f" {len(last.rows)} rows ({', '.join(f'{count} {status}' for status, count in sorted(statuses.items()))})"
            f" (cluster start and imports, once per class: {statistics.median(run.start for run in runs):.1f} s)",
            flush=True,
        )
    print(
        f"training reuse: {per_hour['training-reuse'] / per_hour['no-training-reuse']:.2f}x the throughput without it"
    )


def run_copies(assignment: Assignment, n: int, nbgrader_copies: int | None, reviews: int | None, repeat: int) -> int:
    """N copies of the reference on 1 and 2 workers (and one per core), then nbgrader's copies."""
    m = n if nbgrader_copies is None else nbgrader_copies
    env = nbgrader_env(assignment, reviews) if m else {}
    worker_counts = sorted({1, 2, available_cores()})
    print(
        f"copies of the {assignment.name} reference: {n} for the kit, {m} for nbgrader;"
        f" {repeat} run(s) of each setting; machine: {available_cores()} cores",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="kit-bench-course-") as folder:
        kit_course, nbgrader_course = Path(folder, "kit"), Path(folder, "nbgrader")
        kit_course.mkdir()
        make_course(assignment, n, kit_course)
        submissions = find_submissions(kit_course / "submitted", assignment.name)
        grading: dict[int, float] = {}
        for workers in worker_counts:
            runs = [time_kit(assignment, submissions, workers) for _ in range(repeat)]
            starts, times = [run.start for run in runs], [run.seconds for run in runs]
            grading[workers] = statistics.median(times)
            machine = f"; the machine itself: {machine_speedup(workers):.2f}x" if workers > 1 else ""
            print(
                f"kit, {workers} worker(s): {spread(times)} = {n / grading[workers] * 3600:.0f} submissions per hour,"
                f" speed-up over 1 worker {grading[1] / grading[workers]:.2f}x{machine}"
                f" (cluster start and imports, once per class: {statistics.median(starts):.1f} s)",
                flush=True,
            )
        if not m:
            return 0
        nbgrader_course.mkdir()
        make_course(assignment, m, nbgrader_course)
        times = [time_nbgrader(nbgrader_course, assignment, env) for _ in range(repeat)]
    data = f"{reviews} reviews per split" if reviews else "all the data"
    nbgrader, one = statistics.median(times) / m, grading[1] / n
    print(
        f"nbgrader autograde ({data}): {spread(times)} = {nbgrader:.1f} s per submission;"
        f" the kit on 1 worker, {one:.1f} s per submission, is {nbgrader / one:.1f}x faster"
    )
    return 0
