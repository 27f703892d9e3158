"""`autograder bench --assignment NAME --submissions N`: the kit's class grading beside `nbgrader autograde`.

Both grade the same N copies of the reference notebook. nbgrader runs every cell,
training included, so the notebook's data size matters: --reviews sets the
number of reviews per split its data cell loads (default: all, as students submit
it). The kit skips those cells and checks each function directly.
"""

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from autograder import assignments
from autograder.assignments import KIT_ROOT, Assignment
from autograder.batch.discover import find_submissions
from autograder.batch.execute import grade_class
from autograder.commands.grade import available_cores
from autograder.nbgrader_cli import run_nbgrader


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help="time class grading: the kit beside nbgrader autograde", description=__doc__)
    parser.add_argument("--assignment", required=True, choices=sorted(assignments.ASSIGNMENTS))
    parser.add_argument("--submissions", type=int, default=4)
    parser.add_argument("--reviews", type=int, help="reviews per split for nbgrader's run of the data cells (default: all)")
    parser.add_argument("--nbgrader-copies", type=int, help="how many copies nbgrader grades (default: as many as the kit); times are compared per submission")
    parser.set_defaults(run=run)


def make_course(assignment: Assignment, copies: int, folder: Path) -> None:
    """An nbgrader course folder with `copies` students who all handed in the reference."""
    shutil.copy(KIT_ROOT / "nbgrader_config.py", folder)
    shutil.copytree(KIT_ROOT / "source", folder / "source")
    done = run_nbgrader("generate_assignment", assignment.name, "--force", cwd=folder)
    if done.returncode:
        raise SystemExit(done.stderr)
    for index in range(copies):
        target = folder / "submitted" / f"student{index:03d}" / assignment.name
        target.mkdir(parents=True)
        shutil.copy(assignment.source_notebook, target)


def time_kit(assignment: Assignment, course: Path, workers: int) -> float:
    submissions = find_submissions(course / "submitted", assignment.name)
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as out:
        started = time.perf_counter()
        grade_class(submissions, assignment.name, Path(out), lambda student, results: None, workers=workers, force=True, progress=False)
        return time.perf_counter() - started


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
    assignment, n = assignments.get(args.assignment), args.submissions
    m = args.nbgrader_copies or n
    worker_counts = sorted({1, 2, available_cores()})
    with tempfile.TemporaryDirectory(prefix="kit-bench-course-") as folder:
        kit_course, nbgrader_course = Path(folder, "kit"), Path(folder, "nbgrader")
        for course, copies in ((kit_course, n), (nbgrader_course, m)):
            course.mkdir()
            make_course(assignment, copies, course)
        kit = {workers: time_kit(assignment, kit_course, workers) for workers in worker_counts}
        nbgrader = time_nbgrader(assignment, nbgrader_course, args.reviews)
    reviews = f"{args.reviews} reviews per split" if args.reviews else "all reviews"
    print(f"copies of the {assignment.name} reference: {n} for the kit, {m} for nbgrader; machine: {os.cpu_count()} cores")
    print(f"nbgrader autograde ({reviews}): {nbgrader:8.1f} s  = {nbgrader / m:6.1f} s per submission")
    print(f"kit, 1 worker:                {kit[1]:8.1f} s  = {kit[1] / n:6.1f} s per submission"
          f"  -> {(nbgrader / m) / (kit[1] / n):.1f}x faster than nbgrader")
    for workers, seconds in kit.items():
        print(f"kit, {workers} worker(s): {n / seconds * 3600:8.0f} submissions per hour"
              f"  (speed-up over 1 worker: {kit[1] / seconds:.2f}x)")
    return 0
