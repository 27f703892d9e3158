"""`autograder bench --assignment NAME --submissions N`: the kit's class grading beside `nbgrader autograde`.

Both grade the same N copies of the reference notebook. nbgrader runs every cell,
training included, so the notebook's data size matters: --reviews sets the
number of reviews per split its data cell loads (default: all, as students submit
it). The kit skips those cells and checks each function directly.

The kit's speed-up over workers is measured on grading alone: starting the Dask
cluster and importing the libraries into each worker happen once per class and are
reported apart. Beside it stands the machine's own speed-up for the same number of
independent CPU-bound processes, the most any parallel grader could get here.
"""

import argparse
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from autograder.batch.discover import find_submissions
from autograder.batch.execute import dask_client, grade_class
from autograder.commands.grade import available_cores, warn_if_unconfined
from autograder.course import Assignment, discover, get
from autograder.nbgrader_cli import run_nbgrader


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench", help="time class grading: the kit beside nbgrader autograde", description=__doc__
    )
    parser.add_argument("--assignment", required=True, choices=sorted(discover()))
    parser.add_argument("--submissions", type=int, default=4)
    parser.add_argument(
        "--reviews", type=int, help="reviews per split for nbgrader's run of the data cells (default: all)"
    )
    parser.add_argument(
        "--nbgrader-copies",
        type=int,
        help="how many copies nbgrader grades (default: as many as the kit); times are compared per submission",
    )
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


def _load_reference(name: str) -> None:
    """What every worker does once before its first submission: import the reference and its libraries."""
    get(name).reference()


def time_kit(assignment: Assignment, course: Path, workers: int) -> tuple[float, float]:
    """(seconds to start a local cluster of `workers` and load the reference in each, seconds to grade the class)."""
    submissions = find_submissions(course / "submitted", assignment.name)
    started = time.perf_counter()
    with dask_client(workers, None) as client, tempfile.TemporaryDirectory(prefix="kit-bench-") as out:
        client.wait_for_workers(workers)
        client.run(_load_reference, assignment.name)
        ready = time.perf_counter()
        rows = grade_class(
            submissions,
            assignment.name,
            Path(out),
            lambda student, results: None,
            workers=workers,
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


def time_nbgrader(assignment: Assignment, course: Path, reviews: int | None) -> float:
    env = dict(os.environ)
    if reviews:
        env["SENTIMENT_RNN_N_REVIEWS"] = str(reviews)
    started = time.perf_counter()
    done = run_nbgrader("autograde", assignment.name, "--force", cwd=course, env=env)
    if done.returncode:
        raise SystemExit(f"nbgrader autograde failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def run(args: argparse.Namespace) -> int:
    assignment, n = get(args.assignment), args.submissions
    m = args.nbgrader_copies or n
    worker_counts = sorted({1, 2, available_cores()})
    with tempfile.TemporaryDirectory(prefix="kit-bench-course-") as folder:
        kit_course, nbgrader_course = Path(folder, "kit"), Path(folder, "nbgrader")
        for course, copies in ((kit_course, n), (nbgrader_course, m)):
            course.mkdir()
            make_course(assignment, copies, course)
        kit = {workers: time_kit(assignment, kit_course, workers) for workers in worker_counts}
        nbgrader = time_nbgrader(assignment, nbgrader_course, args.reviews)
    machine = {workers: machine_speedup(workers) for workers in worker_counts if workers > 1}
    reviews = f"{args.reviews} reviews per split" if args.reviews else "all reviews"
    one = kit[1][1]
    print(
        f"copies of the {assignment.name} reference: {n} for the kit, {m} for nbgrader; machine: {available_cores()} cores"
    )
    print(f"nbgrader autograde ({reviews}): {nbgrader:8.1f} s  = {nbgrader / m:6.1f} s per submission")
    print(
        f"kit, 1 worker:                {one:8.1f} s  = {one / n:6.1f} s per submission"
        f"  -> {(nbgrader / m) / (one / n):.1f}x faster than nbgrader"
    )
    for workers, (start_s, grading_s) in kit.items():
        machine_note = f"; the machine itself: {machine[workers]:.2f}x" if workers in machine else ""
        print(
            f"kit, {workers} worker(s): {n / grading_s * 3600:6.0f} submissions per hour, speed-up over 1 worker"
            f" {one / grading_s:.2f}x{machine_note} (cluster start and imports, once per class: {start_s:.1f} s)"
        )
    return 0
