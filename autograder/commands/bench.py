"""`autograder bench --assignment NAME --submissions N`: the kit's class grading beside `nbgrader autograde`.

Both grade the same N copies of the reference notebook. nbgrader runs every cell,
training included, so the notebook's data size matters: --reviews sets the size of
the data its data cell loads (the assignment's own setting; default: all, as students
submit it). The kit skips those cells and checks each function directly. It trains
every copy's model here: with training reuse, copies of the reference would never
train, and the figures would say nothing about a real class (training reuse is
measured on distinct submissions: docs/benchmarks.md). --nbgrader-copies 0 leaves
nbgrader out.

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
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from autograder.batch.discover import find_submissions
from autograder.batch.execute import dask_client, grade_class, prepare_workers
from autograder.commands.grade import available_cores, warn_if_unconfined
from autograder.course import Assignment, discover, get
from autograder.nbgrader_cli import run_nbgrader
from autograder.sandbox.policy import Policy

POLICY = Policy(reuse_trainings=False)
"""Every copy trains its model, as nbgrader's copies do: the kit's figures here are without training reuse."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench", help="time class grading: the kit beside nbgrader autograde", description=__doc__
    )
    parser.add_argument("--assignment", required=True, choices=sorted(discover()))
    parser.add_argument("--submissions", type=int, default=4)
    parser.add_argument(
        "--reviews", type=int, help="the data size of nbgrader's run of the data cells (default: all the data)"
    )
    parser.add_argument(
        "--nbgrader-copies",
        type=int,
        help="how many copies nbgrader grades (default: as many as the kit; 0: no nbgrader); compared per submission",
    )
    parser.add_argument("--repeat", type=int, default=1, help="times each setting is measured (default: %(default)s)")
    parser.set_defaults(run=run)


def make_course(assignment: Assignment, copies: int, folder: Path) -> None:
    """An nbgrader course folder with `copies` students who all handed in the reference."""
    shutil.copy(assignment.root / "nbgrader_config.py", folder)
    shutil.copytree(assignment.root / "source", folder / "source")
    done = run_nbgrader("generate_assignment", assignment.name, "--force", cwd=folder)
    if done.returncode:
        raise SystemExit(done.stderr)
    for index in range(copies):
        target = folder / "submitted" / f"student{index:03d}" / assignment.name
        target.mkdir(parents=True)
        shutil.copy(assignment.source_notebook, target)


def time_kit(assignment: Assignment, course: Path, workers: int) -> tuple[float, float]:
    """(seconds to start a local cluster of `workers` and get each ready, seconds to grade the class)."""
    submissions = find_submissions(course / "submitted", assignment.name)
    started = time.perf_counter()
    with dask_client(workers, None) as client, tempfile.TemporaryDirectory(prefix="kit-bench-") as out:
        client.wait_for_workers(workers)
        prepare_workers(client, assignment.name, POLICY)  # what every class run does before its first submission
        ready = time.perf_counter()
        rows = grade_class(
            submissions,
            assignment.name,
            Path(out),
            lambda student, graded: None,
            workers=workers,
            policy=POLICY,
            client=client,
            force=True,
            progress=False,
        )
        done = time.perf_counter()
    warn_if_unconfined(rows.values())
    return ready - started, done - ready


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


def spread(times: list[float]) -> str:
    """The median of repeated timings and their range."""
    if len(times) == 1:
        return f"{times[0]:.1f} s"
    return f"{statistics.median(times):.1f} s (median of {len(times)}, {min(times):.1f}-{max(times):.1f} s)"


def run(args: argparse.Namespace) -> int:
    assignment, n = get(args.assignment), args.submissions
    m = n if args.nbgrader_copies is None else args.nbgrader_copies
    env = nbgrader_env(assignment, args.reviews) if m else {}
    worker_counts = sorted({1, 2, available_cores()})
    print(
        f"copies of the {assignment.name} reference: {n} for the kit, {m} for nbgrader;"
        f" {args.repeat} run(s) of each setting; machine: {available_cores()} cores",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="kit-bench-course-") as folder:
        kit_course, nbgrader_course = Path(folder, "kit"), Path(folder, "nbgrader")
        kit_course.mkdir()
        make_course(assignment, n, kit_course)
        grading: dict[int, float] = {}
        for workers in worker_counts:
            runs = [time_kit(assignment, kit_course, workers) for _ in range(args.repeat)]
            starts, times = [start for start, _ in runs], [seconds for _, seconds in runs]
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
        times = [time_nbgrader(nbgrader_course, assignment, env) for _ in range(args.repeat)]
    data = f"{args.reviews} reviews per split" if args.reviews else "all the data"
    nbgrader, one = statistics.median(times) / m, grading[1] / n
    print(
        f"nbgrader autograde ({data}): {spread(times)} = {nbgrader:.1f} s per submission;"
        f" the kit on 1 worker, {one:.1f} s per submission, is {nbgrader / one:.1f}x faster"
    )
    return 0
