"""Class runs as processes the fault tests can watch, interrupt and kill: `autograder grade` (or bench) on a folder.

Each run gets a temp folder of its own (TMPDIR), for its coordinator and, through
tests/support/cluster.py, its workers: the student's processes are known by their folder in it,
and whatever grading leaves behind shows there.
"""

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from autograder.course import Assignment
from support.cluster import REPO, kit_env, wait_for
from support.kit import TINY, course_env

STUB = TINY.release_notebook.read_bytes()
REFERENCE = TINY.source_notebook.read_bytes()


def add_grade_option(parser: argparse.ArgumentParser) -> None:
    """--grade-option, repeatable: options a script passes through to each `autograder grade` it runs."""
    parser.add_argument(
        "--grade-option",
        action="append",
        default=[],
        help="passed to autograder grade (--grade-option=--no-training-reuse)",
    )


def make_class(folder: Path, files: dict[str, bytes], assignment: Assignment = TINY) -> Path:
    """nbgrader's layout, one file per student; returns the folder."""
    for student, content in files.items():
        path = folder / student / assignment.name / f"{assignment.name}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_bytes(content)
    return folder


@dataclass
class Run:
    """A running `autograder grade`; its output goes to files beside `out`."""

    process: subprocess.Popen
    out: Path
    stdout: Path
    stderr: Path

    def wait(self, timeout: float = 1800) -> int:
        return self.process.wait(timeout=timeout)

    def until(self, condition: Callable[[], object], timeout: float, what: str) -> object:
        """The first true value of `condition()` while the run runs (wait_for); fail at once if the run ends first."""

        def running_and() -> object:
            if value := condition():
                return value
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the run ended ({self.process.returncode}) before {what}:\n{self.output()[1][-3000:]}"
                )
            return None

        return wait_for(running_and, timeout, what)

    def output(self) -> tuple[str, str]:
        return self.stdout.read_text(encoding="utf-8"), self.stderr.read_text(encoding="utf-8")

    def peak_rss(self) -> int:
        """The process's peak resident memory so far (VmHWM), in bytes."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmHWM")


def start_grading(
    submitted: Path,
    out: Path,
    temp: Path,
    *options: str,
    repo: Path = REPO,
    assignment: Assignment = TINY,
    **env: str,
) -> Run:
    """`autograder grade SUBMITTED --out OUT` on the assignment's course, started as start_kit starts it."""
    arguments = ["grade", str(submitted), "--assignment", assignment.name, "--out", str(out), *options]
    return start_kit(arguments, out, temp, repo=repo, **{**course_env(assignment, {}), **env})


STARTED: list[Run] = []
"""The runs started during the current test: support.fixtures ends those still running when the test ends."""


def end_runs() -> None:
    """Kill the process group of every run the current test started that is still running (its workers, kernels)."""
    while STARTED:
        run = STARTED.pop()
        if run.process.poll() is None:
            try:
                os.killpg(run.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            run.process.wait()


def start_kit(arguments: list[str], out: Path, temp: Path, *, repo: Path = REPO, **env: str) -> Run:
    """`autograder ARGUMENTS` writing to `out`, in a session of its own (so that Ctrl-C can be sent to its group)."""
    temp.mkdir(parents=True, exist_ok=True)
    logs = out.parent / f"{out.name}-run-{len(list(out.parent.glob(f'{out.name}-run-*.out')))}"
    stdout, stderr = logs.with_suffix(".out"), logs.with_suffix(".err")
    with open(stdout, "wb") as out_file, open(stderr, "wb") as err_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "autograder.cli", *arguments],
            cwd=repo,
            env=kit_env(repo, TMPDIR=str(temp), **env),
            stdout=out_file,
            stderr=err_file,
            start_new_session=True,
            preexec_fn=_ctrl_c_as_in_a_terminal,
        )
    STARTED.append(Run(process, out, stdout, stderr))
    return STARTED[-1]


def _ctrl_c_as_in_a_terminal() -> None:
    """SIGINT's default action in the run, as a terminal's foreground command has it.

    A process started in the background by a shell without job control (`.ci/run &`, nohup)
    inherits SIGINT ignored, and Python then keeps ignoring it: the Ctrl-C test's run would
    never see its SIGINT and would grade the whole class.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def grade(
    submitted: Path, out: Path, temp: Path, *options: str, repo: Path = REPO, assignment: Assignment = TINY, **env: str
) -> tuple[int, str, str]:
    """A whole class run: its exit code, stdout and stderr."""
    run = start_grading(submitted, out, temp, *options, repo=repo, assignment=assignment, **env)
    code = run.wait()
    return (code, *run.output())


def grades(out: Path) -> dict[str, dict]:
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def results(out: Path) -> dict[str, dict]:
    """Every student's results.json in `out` (each must parse: none is half-written)."""
    return {
        path.parent.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(out.glob("*/results.json"))
    }


def stamps(out: Path) -> dict[str, int]:
    """When each student's results.json was written: unchanged means not graded again."""
    return {path.parent.name: path.stat().st_mtime_ns for path in out.glob("*/results.json")}


def unfinished_files(out: Path) -> list[Path]:
    """Files in `out` that are not one of the outputs: the temporary files of writes cut short."""
    return [path for path in out.rglob(".*") if path.is_file()]


def leftovers(temp: Path) -> list[str]:
    """What is left in a temp folder, but for the Dask scratch space of `dask worker` processes the test started."""
    return sorted(path.name for path in temp.iterdir() if path.name != "dask-scratch-space")
