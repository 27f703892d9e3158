"""A soak run of class grading: N mixed submissions on a real 2-worker Dask cluster, one worker killed halfway.

    KIT_DATA_DIR=../shared/datasets .venv/bin/python tests/soak.py --n 200

The class cycles through four kinds of submissions, the test suite's cases (tests/cases.py):
correct (the reference and the other correct answers), buggy (the mutant bundles), hostile
(tests/hostile/ and the other generated cases), and files that are not notebooks. The
cluster is `dask scheduler` and 2 `dask worker` processes (with nannies, so the killed
worker comes back) on loopback; the coordinator is `autograder grade --scheduler`. When
half the rows are written, the worker inside a grading is killed with SIGKILL.

It prints submissions per hour, the median and 95th percentile of the time per submission
(each grading task's compute time, from the scheduler's task stream), the rows written
(must be N), the statuses, the student processes left (must be 0), the grader's files left
in the temp folder, zombie processes under the workers, and the coordinator's peak
resident memory. Exit code 1 if a "must" fails. It is a script, not a test: with N = 200
it keeps both cores busy for over an hour.
"""

import argparse
import itertools
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil

sys.path.insert(0, str(Path(__file__).parent))

from cases import HOSTILE, HOSTILE_ASSIGNMENT, bundled, class_of_cases
from cluster import dask_cluster, student_processes, wait_for
from runs import add_grade_option, grades, leftovers, results, start_grading

from autograder.course import discover, get


def kinds_of_cases(assignment: str) -> dict[str, dict[str, bytes]]:
    """The test suite's cases of `assignment`, as file contents, by kind."""
    source_notebook = get(assignment).source_notebook
    cases = class_of_cases(get(assignment), nbformat.read(source_notebook, as_version=4))
    files = {name: case if isinstance(case, bytes) else nbformat.writes(case).encode() for name, case in cases.items()}
    bundles = bundled(get(assignment))
    not_notebooks = {path.stem for path in HOSTILE.glob("*.ipynb")} if assignment == HOSTILE_ASSIGNMENT else set()
    kinds = {
        "correct": {n for n in files if n == "honest" or (n in bundles and n.startswith("variants-"))},
        "buggy": {n for n in files if n in bundles and n.startswith("mutants-")},
        "not a notebook": not_notebooks,
    }
    kinds["hostile"] = set(files) - set().union(*kinds.values())
    fixtures = {path.stem for path in HOSTILE.glob("*.py")}  # first, before the generated hostile cases
    return {
        kind: {name: files[name] for name in sorted(names, key=lambda name: (name not in fixtures, name))}
        for kind, names in kinds.items()
        if names
    }


def make_soak_class(folder: Path, assignment: str, n: int) -> dict[str, str]:
    """N submissions in nbgrader's layout, the kinds taken in turn; the kind of each student."""
    kinds = kinds_of_cases(assignment)
    cycles = {kind: itertools.cycle(cases.items()) for kind, cases in kinds.items()}
    kind_of = {}
    for index, kind in zip(range(n), itertools.cycle(kinds)):
        case, content = next(cycles[kind])
        student = f"s{index:04d}-{case}"
        path = folder / student / assignment / f"{assignment}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_bytes(content)
        kind_of[student] = kind
    return kind_of


def worker_zombies(cluster) -> int:
    count = 0
    for pid in cluster.worker_pids():
        try:
            count += sum(
                child.status() == psutil.STATUS_ZOMBIE for child in psutil.Process(pid).children(recursive=True)
            )
        except psutil.Error:
            pass
    return count


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def soak(n: int, assignment: str, root: Path, options: list[str]) -> int:
    temp, out = root / "temp", root / "out"
    kind_of = make_soak_class(root / "submitted", assignment, n)
    counts = {kind: list(kind_of.values()).count(kind) for kind in dict.fromkeys(kind_of.values())}
    print(
        f"soak: {n} submissions of {assignment} ({', '.join(f'{c} {k}' for k, c in counts.items())}), 2 workers,"
        f" grade options: {' '.join(options) or 'none'}"
    )
    with dask_cluster(root / "cluster", 2, nanny=True, TMPDIR=str(temp)) as cluster:
        from distributed import Client

        with Client(cluster.address) as client:
            client.get_task_stream()  # starts the scheduler's record of every task's compute time
            started = time.monotonic()
            run = start_grading(
                root / "submitted", out, temp, "--scheduler", cluster.address, *options, assignment=assignment
            )
            peak, killed = 0, None
            while run.process.poll() is None:
                try:
                    peak = max(peak, run.peak_rss())
                except (OSError, RuntimeError):
                    pass
                if killed is None and len(list(out.glob("*/results.json"))) >= n // 2:
                    victim = wait_for(lambda: cluster.grading_worker(temp), 600, "a worker inside a grading")
                    os.kill(victim, signal.SIGKILL)
                    killed = time.monotonic() - started
                    print(f"killed worker {victim} (SIGKILL) at {killed:.0f} s, with {n // 2} or more rows written")
                time.sleep(0.5)
            wall = time.monotonic() - started
            code = run.wait()
            stream = client.get_task_stream()
        strays = student_processes(temp)
        zombies = worker_zombies(cluster)
    seconds = [
        sum(part["stop"] - part["start"] for part in task["startstops"] if part["action"] == "compute")
        for task in stream
        if str(task["key"]).startswith("grade_task-")
    ]
    rows = grades(out)
    written = len(results(out))
    statuses = {status: sum(row["status"] == status for row in rows.values()) for status in ("graded", "not graded")}
    statuses["grader error"] = len(rows) - sum(statuses.values())
    print(f"exit code of the class run: {code}")
    print(f"wall time: {wall:.0f} s, {n / wall * 3600:.0f} submissions per hour")
    print(
        f"per submission (grading tasks that finished: {len(seconds)}): median {statistics.median(seconds):.1f} s,"
        f" p95 {percentile(seconds, 95):.1f} s"
    )
    print(f"rows written: {len(rows)} in grades.csv, {written} results.json (must be {n})")
    print("statuses: " + ", ".join(f"{count} {status}" for status, count in statuses.items()))
    print(
        f"stray student processes: {len(strays)} (must be 0); grader files left in the temp folder: {leftovers(temp)}"
    )
    print(f"zombie processes under the workers at the end: {zombies}")
    print(f"coordinator peak RSS: {peak / 2**20:.0f} MiB")
    return 0 if len(rows) == written == n and not strays and killed is not None else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="submissions (default: %(default)s)")
    parser.add_argument("--assignment", default=HOSTILE_ASSIGNMENT, choices=sorted(discover()))
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    add_grade_option(parser)
    args = parser.parse_args()
    if not os.environ.get("KIT_DATA_DIR"):
        parser.error("set KIT_DATA_DIR to the datasets folder (e.g. ../shared/datasets)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        return soak(args.n, args.assignment, args.keep.resolve(), args.grade_option)
    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        return soak(args.n, args.assignment, Path(folder), args.grade_option)


if __name__ == "__main__":
    sys.exit(main())
