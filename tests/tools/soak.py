"""A soak run of class grading: N mixed submissions on a real 2-worker Dask cluster, a worker killed halfway.

    KIT_DATA_DIR=../shared/datasets .venv/bin/python tests/tools/soak.py --n 200

The class cycles through four kinds of submissions, built from the test suite's cases
(tests/support/cases.py): correct (the reference and each other correct answer alone), buggy
(each mutant alone, as a student's bug comes), hostile (tests/hostile/ and the other
generated cases), and files that are not notebooks. The cluster is `dask scheduler` and
2 `dask worker` processes (with nannies, so the killed worker comes back) on loopback.

The coordinator is `autograder bench --submitted ... --scheduler ...`: it grades the class
without training reuse and then with it, and prints each setting's submissions per hour,
the median and 95th percentile of the time per submission (each grading task's compute
time, from the scheduler) and its statuses. In each setting, when half the rows are
written, the worker inside a grading is killed with SIGKILL.

This script adds, per setting, the rows written (must be N); the results.json files that
differ between the settings (must be none: training reuse changes no verdict); the student
processes left (must be 0), the grader's files left in the temp folder, zombie processes
under the workers, and the coordinator's peak resident memory. Exit code 1 if a "must"
fails. It is a script, not a test: with N = 200 it keeps both cores busy for about two hours.
"""

import argparse
import itertools
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the support package

from support.cases import HOSTILE, HOSTILE_ASSIGNMENTS, class_of_cases
from support.cluster import dask_cluster, student_processes, wait_for
from support.runs import leftovers, results, start_kit

from autograder.authoring.mutants import mutants_of, mutated
from autograder.commands.bench import SETTINGS
from autograder.course import discover, get


def kinds_of_cases(assignment: str) -> dict[str, dict[str, bytes]]:
    """The test suite's cases of `assignment`, as file contents, by kind; mutants and other correct answers alone."""
    source = nbformat.read(get(assignment).source_notebook, as_version=4)
    hostile_too = assignment in HOSTILE_ASSIGNMENTS
    cases = class_of_cases(get(assignment), source, hostile_too)
    listed = mutants_of(get(assignment))
    mutants, variants, bundles = listed.mutants, listed.variants, listed.bundles()
    not_notebooks = {path.stem for path in HOSTILE.glob("*.ipynb")} if hostile_too else set()
    fixtures = {path.stem for path in HOSTILE.glob("*.py")}  # first, before the generated hostile cases
    hostile = sorted(set(cases) - bundles.keys() - not_notebooks - {"honest"}, key=lambda n: (n not in fixtures, n))
    kinds = {
        "correct": {"honest": source} | {change[0]: mutated(source, change) for change in variants},
        "buggy": {change[0]: mutated(source, change) for change in mutants},
        "hostile": {name: cases[name] for name in hostile},
        "not a notebook": {name: cases[name] for name in sorted(not_notebooks)},
    }
    return {
        kind: {
            name: case if isinstance(case, bytes) else nbformat.writes(case).encode() for name, case in files.items()
        }
        for kind, files in kinds.items()
        if files
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


def soak(n: int, assignment: str, root: Path) -> int:
    temp, out = root / "temp", root / "out"
    kind_of = make_soak_class(root / "submitted", assignment, n)
    counts = {kind: list(kind_of.values()).count(kind) for kind in dict.fromkeys(kind_of.values())}
    print(f"soak: {n} submissions of {assignment} ({', '.join(f'{c} {k}' for k, c in counts.items())}), 2 workers")
    killed: dict[str, float] = {}
    with dask_cluster(root / "cluster", 2, nanny=True, TMPDIR=str(temp)) as cluster:
        started = time.monotonic()
        arguments = ["bench", "--assignment", assignment, "--submitted", str(root / "submitted")]
        run = start_kit([*arguments, "--scheduler", cluster.address, "--keep", str(out)], out, temp)
        peak, shown = 0, 0
        while run.process.poll() is None:
            try:
                peak = max(peak, run.peak_rss())
            except (OSError, RuntimeError):
                pass
            for setting in SETTINGS:
                if setting not in killed and len(list((out / setting).glob("*/results.json"))) >= n // 2:
                    victim = wait_for(lambda: cluster.grading_worker(temp), 600, "a worker inside a grading")
                    os.kill(victim, signal.SIGKILL)
                    killed[setting] = time.monotonic() - started
                    print(
                        f"{setting}: killed worker {victim} (SIGKILL) at {killed[setting]:.0f} s, {n // 2}+ rows written"
                    )
            shown = show_new_output(run.stdout, shown)
            time.sleep(0.5)
        code = run.wait()
        show_new_output(run.stdout, shown)
        strays = student_processes(temp)
        zombies = worker_zombies(cluster)
    print(f"exit code of autograder bench: {code}{'; its errors: ' + run.output()[1][-2000:] if code else ''}")
    written = {setting: len(results(out / setting)) for setting in SETTINGS}
    for setting, count in written.items():
        print(f"{setting}: rows written {count} (must be {n}); worker killed: {setting in killed} (must be True)")
    differ = same_results(*(out / setting for setting in SETTINGS))
    print(f"results.json that differ between the settings: {len(differ)} (must be 0) {' '.join(differ)}")
    print(
        f"stray student processes: {len(strays)} (must be 0); grader files left in the temp folder: {leftovers(temp)}"
    )
    print(f"zombie processes under the workers at the end: {zombies}")
    print(f"coordinator peak RSS: {peak / 2**20:.0f} MiB")
    fine = not code and not strays and not differ and all(count == n for count in written.values())
    fine &= len(killed) == len(SETTINGS)
    return 0 if fine else 1


def same_results(*outs: Path) -> list[str]:
    """The students whose results.json is not the same, byte for byte, in every one of `outs` (or is missing)."""
    students = {path.parent.name for out in outs for path in out.glob("*/results.json")}
    contents = {student: {_read(out / student / "results.json") for out in outs} for student in students}
    return sorted(student for student, versions in contents.items() if len(versions) > 1)


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def show_new_output(path: Path, shown: int) -> int:
    """Print what the coordinator wrote to `path` since `shown` bytes; how many bytes are shown now."""
    text = path.read_bytes()[shown:]
    if text:
        print(text.decode(errors="replace"), end="", flush=True)
    return shown + len(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="submissions (default: %(default)s)")
    parser.add_argument("--assignment", default="sentiment_rnn", choices=sorted(discover()))
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # its lines as they come, even into a file
    if not os.environ.get("KIT_DATA_DIR"):
        parser.error("set KIT_DATA_DIR to the datasets folder (e.g. ../shared/datasets)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        return soak(args.n, args.assignment, args.keep.resolve())
    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        return soak(args.n, args.assignment, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
