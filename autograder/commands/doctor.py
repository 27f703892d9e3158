"""`autograder doctor`: is this machine ready for the kit? Each need, ok or missing with the command that fixes it.

The needs: bubblewrap (the student's sandbox), chromium (the browser tests), the datasets,
a Jupyter kernel the grader can start, and the kernel the notebooks name. Exit code 1 when
one is missing. It does little work of its own: it looks for files and starts one kernel,
and leaves hashing the datasets to `autograder data verify`.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from kitdata.manifest import default_manifest
from kitdata.paths import MissingDatasetError, dataset_files, resolve_data_dir

import autograder
from autograder.commands import keywords
from autograder.course import discover
from autograder.sandbox.isolation import IsolationError, bubblewrap_problem
from autograder.sandbox.kernel import KernelStudent

SYSTEM_PACKAGES_SCRIPT = Path(autograder.__file__).parent / "system_packages.sh"
# A kernelspec whose program is one of these runs the Python that starts it (jupyter_client's rule):
# this environment's, for nbgrader and JupyterLab started from it.
JUPYTER_OWN_PYTHON = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}


@dataclass(frozen=True)
class Finding:
    need: str
    ok: bool
    detail: str
    fix: str = ""
    """The command that installs or repairs what is missing."""


def as_typed(path: Path) -> str:
    """A path as the user would type it from here: relative when it lies below the working folder."""
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def install_command(package: str) -> str:
    """The command that installs one Debian package, as this user must type it."""
    if shutil.which("apt-get") is None:
        return f"install {package} with this system's package manager (the kit is tested on Debian 12)"
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get update && {sudo}apt-get install -y {package}"


def check_bubblewrap() -> Finding:
    try:
        problem = bubblewrap_problem()
    except IsolationError as error:  # bubblewrap runs, the kit's mount plan does not: grading stops
        return Finding("bubblewrap", False, str(error))
    if problem is None:
        return Finding("bubblewrap", True, "bwrap starts a confined Python: submissions run in the sandbox")
    detail = f"{problem}; without it `autograder grade` runs submissions unconfined and warns about it"
    return Finding("bubblewrap", False, detail, install_command("bubblewrap") if shutil.which("bwrap") is None else "")


def check_chromium() -> Finding:
    if path := shutil.which("chromium"):
        return Finding("chromium", True, f"{path}: the browser tests run")
    return Finding("chromium", False, "not on PATH: the browser tests need it", install_command("chromium"))


def check_datasets() -> Finding:
    data_dir = resolve_data_dir()
    missing = []
    for name in default_manifest():
        try:
            dataset_files(name)
        except MissingDatasetError as error:
            missing.append(str(error).splitlines()[0])
    if missing:
        detail = " ".join(missing) + " Or point KIT_DATA_DIR at a folder that has them."
        return Finding("datasets", False, detail, f"autograder data fetch --data-dir {data_dir}")
    names = ", ".join(default_manifest())
    return Finding("datasets", True, f"{names} in {data_dir} (`autograder data verify` checks their SHA-256)")


def check_kernel() -> Finding:
    """Start the student's kernel exactly as the grader does, and run the grader's set-up code in it."""
    started = time.monotonic()
    try:
        with KernelStudent([]):
            seconds = time.monotonic() - started
    except Exception as error:
        fix = f"{sys.executable} -m pip install -e {as_typed(Path(autograder.__file__).parents[1])}"
        return Finding("kernel", False, f"the grader could not start a kernel ({type(error).__name__}: {error})", fix)
    return Finding("kernel", True, f"the grader's Jupyter kernel started and ran its set-up code in {seconds:.1f} s")


def check_notebook_kernel() -> Finding:
    """The kernel the notebooks name must be this environment's Python, as nbgrader and JupyterLab start it."""
    names = sorted(
        {
            nbformat.read(a.release_notebook, as_version=4).metadata.get("kernelspec", {}).get("name", "python3")
            for a in discover().values()
        }
    )
    fix = f"{sys.executable} -m ipykernel install --sys-prefix"
    wrong = []
    for name in names:
        try:
            spec = KernelSpecManager().get_kernel_spec(name)
        except NoSuchKernel:
            wrong.append(f"kernel '{name}' is not installed")
            continue
        program = spec.argv[0]
        if program not in JUPYTER_OWN_PYTHON and not in_this_environment(program):
            wrong.append(f"kernel '{name}' ({spec.resource_dir}) runs {program}, not this environment's Python")
    if wrong:
        return Finding(
            "notebook kernel", False, "; ".join(wrong) + ": the notebooks would not find the kit's libraries", fix
        )
    return Finding("notebook kernel", True, f"{', '.join(names)}: this environment's Python ({sys.executable})")


def in_this_environment(program: str) -> bool:
    """Whether `program` is a Python of this environment (its sys.prefix is ours): a link to the base Python is not."""
    try:
        done = subprocess.run(
            [program, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and done.stdout.strip() == sys.prefix


CHECKS: tuple[Callable[[], Finding], ...] = (
    check_bubblewrap,
    check_chromium,
    check_datasets,
    check_kernel,
    check_notebook_kernel,
)


def report(findings: list[Finding]) -> str:
    width = max(len(f.need) for f in findings)
    lines = []
    for finding in findings:
        lines.append(f"{'ok' if finding.ok else 'MISSING':<8} {finding.need:<{width}}  {finding.detail}")
        if finding.fix:
            lines.append(f"{'':<8} {'':<{width}}  fix: {finding.fix}")
    missing = [f for f in findings if not f.ok]
    if not missing:
        lines.append("\nEverything the kit needs is here.")
    else:
        lines.append(f"\n{len(missing)} of {len(findings)} missing.")
        if any("apt-get install" in f.fix for f in missing):
            lines.append(f"Every missing system package at once: sh {as_typed(SYSTEM_PACKAGES_SCRIPT)}")
    return "\n".join(lines)


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("doctor", help=summary, description=__doc__)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of doctor()."""
    return doctor(**keywords(args))


def doctor() -> int:
    """Check each need of the kit on this machine; print what is there and what is missing, with its fix.

    The output and the exit code are the command's (1: something is missing).
    """
    findings = [check() for check in CHECKS]
    print(report(findings))
    return 0 if all(f.ok for f in findings) else 1
