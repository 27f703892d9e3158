"""`autograder benchmark-reference --assignment NAME`: run the instructor's notebook end to end and time it.

The hidden checks only see small subsets, so they cannot tell whether the notebook's
given hyperparameters still reach the accuracy the notebook promises students, or how
long a full run takes. This command runs the source notebook (reference solutions
included) exactly as a student's "Run all" would, in a real Jupyter kernel, and
reports the test accuracy and where the time goes.
"""

import argparse
import json
import os
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import nbformat
from kitdata.paths import MissingDatasetError, dataset_files, resolve_data_dir
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from autograder.commands import keywords
from autograder.course import Benchmark, discover, get, names
from autograder.notebook.cells import cell_by_grade_id, nbgrader_meta
from autograder.quiet_tensorflow import notebook_env

TIMED = """
def _timed():
{setup}
    _started = _time.perf_counter()
{work}
    return _time.perf_counter() - _started
_found["timed"].append(_timed())
"""
"""A Timed's code, in a function of its own: its names leave the notebook's alone."""


def probe_code(bench: Benchmark) -> str:
    """Code that prints, as one JSON line, the accuracies the notebook left behind, the seconds of each timed
    library alone, and the library versions."""
    accuracies = ", ".join(f"{m.accuracy!r}: float({m.accuracy})" for m in bench.models)
    timed = "".join(
        TIMED.format(setup=textwrap.indent(t.setup, "    "), work=textwrap.indent(t.work, "    ")) for t in bench.timed
    )
    return (
        "import json as _json, time as _time\n"
        "import keras as _keras, spacy as _spacy, tensorflow as _tf\n"
        f"_found = {{'accuracy': {{{accuracies}}}, 'timed': []}}\n"
        + timed
        + "_found['versions'] = {'TensorFlow': _tf.__version__, 'Keras': _keras.__version__, 'spaCy': _spacy.__version__}\n"
        "print(_json.dumps(_found))\n"
    )


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser(
        "benchmark-reference",
        help=summary,
        description=__doc__,
    )
    parser.add_argument("--assignment", required=True, choices=names(), help="one whose declaration has a benchmark")
    parser.add_argument("--data-dir", help="data folder (default: $KIT_DATA_DIR, else the kit's per-user folder)")
    parser.add_argument(
        "--reviews", type=int, help="reviews per split, for notebooks that can take a subset (default: all)"
    )
    parser.add_argument("--notebook", type=Path, help="the notebook to run (default: the assignment's source notebook)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of benchmark_reference()."""
    return benchmark_reference(**keywords(args))


def benchmark_reference(
    *, assignment: str, data_dir: str | Path | None = None, reviews: int | None = None, notebook: Path | None = None
) -> int:
    """Run `notebook` (default: the assignment's source notebook) end to end on `reviews` per split (default: all)
    of the data in `data_dir`, and print its models' accuracies against their targets and where the time goes.

    The options are the command line's (`autograder benchmark-reference --help`); the exit code is the command's.
    """
    chosen = get(assignment)
    bench, subset = chosen.declaration.benchmark, chosen.declaration.subset
    if bench is None:
        those = [name for name, other in discover().items() if other.declaration.benchmark]
        print(
            f"error: {chosen.name} declares no benchmark (Declaration(benchmark=...)); those that do:"
            f" {', '.join(those) or 'none'}",
            file=sys.stderr,
        )
        return 2
    notebook_path = Path(notebook or chosen.source_notebook)
    data_dir = resolve_data_dir(data_dir)
    if reviews is not None and not (subset and 0 < reviews <= subset.full):
        limit = f"between 1 and {subset.full}" if subset else "not used: this notebook always uses all its data"
        print(f"error: --reviews is {limit}", file=sys.stderr)
        return 2
    if not notebook_path.is_file():
        print(f"error: no notebook at {notebook_path}", file=sys.stderr)
        return 2
    try:
        for dataset in chosen.declaration.datasets:
            dataset_files(dataset, data_dir)
    except MissingDatasetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    executed = nbformat.read(notebook_path, as_version=4)
    env = {**notebook_env(os.environ), "KIT_DATA_DIR": str(data_dir)}
    if subset:
        env[subset.env] = str(reviews or subset.full)
    print(f"Running {notebook_path} with the data in {data_dir} ...", flush=True)
    try:
        total_s, probe = _execute(executed, env, notebook_path.parent, probe_code(bench))
    except CellExecutionError as error:
        print(f"error: the notebook failed:\n{error}", file=sys.stderr)
        return 1

    print(f"machine:        {_nproc()} CPUs (nproc), {_cpu_model()}")
    print("versions:       " + ", ".join(f"{name} {version}" for name, version in probe["versions"].items()))
    for timed, alone_s in zip(bench.timed, probe["timed"], strict=True):
        print(f"{timed.label + ':':<15} {_seconds(cell_by_grade_id(executed, timed.cell)):.1f} s (cell {timed.cell})")
        print(f"  {timed.alone + ':':<13} {alone_s:.1f} s ({timed.how})")
    print(f"whole notebook: {total_s:.1f} s (all cells, hidden tests included, kernel start excluded)")
    ok = True
    for model in bench.models:
        accuracy = probe["accuracy"][model.accuracy]
        reached = accuracy >= model.target
        ok &= reached
        print(
            f"{model.label}: trained in {_seconds(cell_by_grade_id(executed, model.train_cell)):.1f} s (cell {model.train_cell}),"
            f" {model.metric} {accuracy:.4f}, target {model.target:.3f} ({model.why}): {'reached' if reached else 'MISSED'}"
        )
    if reviews is not None and reviews < subset.full:
        print(f"FAIL: a subset of {reviews} per split; the targets hold for all {subset.full}")
        return 1
    print("PASS: every model reaches its target" if ok else "FAIL: a model misses its target")
    return 0 if ok else 1


def _execute(notebook: nbformat.NotebookNode, env: dict[str, str], cwd: Path, probe: str) -> tuple[float, dict]:
    """Run every cell in one kernel, then the probe in the same kernel; return (seconds for the cells, probe data).

    Cells may run for many minutes, so there is no per-cell time limit; an error in
    any cell stops the run (CellExecutionError), as the numbers after it would be wrong.
    """
    client = NotebookClient(notebook, kernel_name="python3", timeout=None, record_timing=True)
    with client.setup_kernel(env=env, cwd=str(cwd)):
        started = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
                label = nbgrader_meta(cell).get("grade_id") or f"cell {index}"
                print(f"  {_seconds(cell):7.1f} s  {label}", file=sys.stderr, flush=True)
        total_s = time.perf_counter() - started
        probe_cell = nbformat.v4.new_code_cell(probe)
        notebook.cells.append(probe_cell)  # nbclient stores a cell's outputs at its index
        client.execute_cell(probe_cell, len(notebook.cells) - 1)
    lines = [o.text for o in probe_cell.outputs if o.output_type == "stream" and o.name == "stdout"]
    return total_s, json.loads("".join(lines).strip().splitlines()[-1])


def _seconds(cell: nbformat.NotebookNode) -> float:
    """A cell's run time as the kernel stamped it (record_timing): from its start to its reply."""
    timing = cell.metadata["execution"]
    start, end = (datetime.fromisoformat(timing[key]) for key in ("iopub.execute_input", "shell.execute_reply"))
    return (end - start).total_seconds()


def _nproc() -> int:
    """The CPUs this process may use, as `nproc` counts them (affinity, not the host's total)."""
    return len(os.sched_getaffinity(0))


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"
