"""Benchmark (not a test): similarity of 500 synthetic submissions x 6 functions, timed.

    cd <worktree> && python tests/tools/bench_similarity.py [--students 500] [--cli]

The class is built from sentiment_rnn's instructor notebook, its solution cells
rewritten per student: 45% keep the reference's solution (comments and layout of their
own), 10% fall in clusters of 4 to 25 students who share an extra passage (rare up to 25
students in a class of 500, so each cluster's pairs are all flagged: the costly case),
5 pairs share a copied passage, and the rest add 1 to 4 statements of their own (code
no one else has). Timed, in wall-clock and CPU seconds (the CPU time does not depend on how busy the
shared machine is): reading the notebooks' solution cells, and comparing them, as
`compare_class` does both; with --cli, the whole `autograder similarity` command
(Python start-up and imports included). Prints the machine's load.
"""

import argparse
import copy
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

import nbformat

KIT_ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(KIT_ROOT), str(KIT_ROOT / "tests")]

from support.cases import solution_cell  # noqa: E402

from autograder.batch.discover import find_submissions  # noqa: E402
from autograder.course import get  # noqa: E402
from autograder.notebook.cells import BEGIN_SOLUTION  # noqa: E402
from autograder.similarity.compare import compare_function  # noqa: E402
from autograder.similarity.solutions import read_cells, starter_sources  # noqa: E402

ASSIGNMENT = get("sentiment_rnn")


def own_statement(rng: random.Random, params: list[str]) -> str:
    """A statement with numbers of its own: code no other student wrote."""
    name = rng.choice(["tmp", "check", "size", "extra", "n"]) + str(rng.randrange(100))
    return (
        f"    {name} = [len({rng.choice(params)}) for _ in range({rng.randrange(10**6)})][: {rng.randrange(10**6)}]\n"
    )


def student_cell(reference: str, params: list[str], kind: str, rng: random.Random, shared: str) -> str:
    head, body = reference.split(f"    {BEGIN_SOLUTION}\n", 1)
    body = body.replace("    ### END SOLUTION", "").rstrip() + "\n"
    if kind == "common":
        return head + f"    # my solution, take {rng.randrange(10)}\n" + body
    if kind == "own":
        return head + "".join(own_statement(rng, params) for _ in range(rng.randint(1, 4))) + body
    return head + shared + body  # a cluster's or a copied pair's passage


def build_class(folder: Path, students: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    source = nbformat.read(ASSIGNMENT.source_notebook, as_version=4)
    kinds = ["common"] * (students * 45 // 100)
    sizes = [4, 6, 8, 10, 12, 25]  # cluster sizes, 65 students
    for cluster, size in enumerate(sizes):
        kinds += [f"cluster{cluster}"] * size
    kinds += [f"pair{n}" for n in range(5) for _ in range(2)]
    kinds += ["own"] * (students - len(kinds))
    rng.shuffle(kinds)
    notebooks = [copy.deepcopy(source) for _ in kinds]
    for function in ASSIGNMENT.functions:
        reference = solution_cell(source, function).source
        params = [p.split("=")[0].strip() for p in reference.split("(", 1)[1].split(")", 1)[0].split(",")]
        shared = {kind: "".join(own_statement(rng, params) for _ in range(3)) for kind in set(kinds)}
        for notebook, kind in zip(notebooks, kinds):
            cell = student_cell(reference, params, kind.rstrip("0123456789"), rng, shared[kind])
            solution_cell(notebook, function).source = cell
    for n, notebook in enumerate(notebooks):
        path = folder / f"s{n:03}" / ASSIGNMENT.name / f"{ASSIGNMENT.name}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(notebook, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--cli", action="store_true", help="also time `autograder similarity` as a command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kit-bench-similarity-") as scratch:
        submitted = Path(scratch, "submitted")
        build_class(submitted, args.students)
        release = nbformat.read(ASSIGNMENT.release_notebook, as_version=4)
        load_before = os.getloadavg()
        clocks = [(time.perf_counter(), time.process_time())]
        submissions = find_submissions(submitted, ASSIGNMENT.name)
        cells = [read_cells(s, ASSIGNMENT.functions, release) for s in submissions]
        starters = starter_sources(release, ASSIGNMENT.functions)
        clocks.append((time.perf_counter(), time.process_time()))
        results = [compare_function(f, cells, starters[f]) for f in ASSIGNMENT.functions]
        clocks.append((time.perf_counter(), time.process_time()))
        (wall_read, cpu_read), (wall_compare, cpu_compare) = (
            (end[0] - start[0], end[1] - start[1]) for start, end in pairwise(clocks)
        )
        print(f"{len(submissions)} submissions x {len(ASSIGNMENT.functions)} functions")
        print(f"reading the solution cells: {wall_read:.1f} s wall clock, {cpu_read:.1f} s CPU")
        print(f"comparing them: {wall_compare:.1f} s wall clock, {cpu_compare:.1f} s CPU")
        for result in results:
            print(
                f"  {result.function}: {len(result.compared)} compared, rare = at most {result.rare_limit},"
                f" {len(result.pairs)} pairs flagged, {len(result.groups)} common forms"
            )
        if args.cli:
            command = [sys.executable, "-m", "autograder.cli", "similarity", str(submitted)]
            started = time.perf_counter()
            subprocess.run(
                [*command, "--assignment", ASSIGNMENT.name, "--out", str(Path(scratch, "out"))],
                check=True,
                cwd=KIT_ROOT,
                stdout=subprocess.DEVNULL,
            )
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            print(
                f"`autograder similarity` as a command: {time.perf_counter() - started:.1f} s wall clock,"
                f" {children.ru_utime + children.ru_stime:.1f} s CPU"
            )
        load_after = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"load average (1 min) before and after: {load_before[0]:.1f}, {load_after[0]:.1f}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}")


if __name__ == "__main__":
    main()
