"""Build the zip Gradescope's "Zip file upload" autograder takes: everything grading needs, nothing cloned.

Layout of the zip (Gradescope unpacks it into /autograder/source):

    setup.sh, run_autograder   the two scripts Gradescope runs (beside this module)
    kit.env                    the assignment's name, read by both scripts
    wheel/                     a wheel of the kit, built from its source tree
    course/                    a course root holding this one assignment: source/, release/,
                               solutions/, nbgrader_config.py, autograder/assignments/<name>/
    data/                      the datasets the assignment declares, as kitdata lays them out

The data is read from the data folder when the zip is built and never written anywhere
else; the course root is what $KIT_ROOT points at on Gradescope, so only this assignment
is found there.
"""

import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from kitdata.manifest import default_manifest
from kitdata.paths import dataset_files, resolve_data_dir

import autograder
from autograder.atomic import atomic_path
from autograder.course import Assignment

SCRIPTS = ("setup.sh", "run_autograder")
SKIPPED = {"__pycache__", ".ipynb_checkpoints"}
IGNORED = shutil.ignore_patterns(*SKIPPED, "*.pyc")
# What setuptools needs to build the wheel (pyproject.toml's packages.find: autograder*, kitdata*).
KIT_SOURCE = ("pyproject.toml", "autograder", "datasets")


class PackageError(RuntimeError):
    """The zip cannot be built; str() says why."""


def kit_source() -> Path:
    """The kit's source tree (the folder with pyproject.toml that the imported `autograder` lies in)."""
    folder = Path(autograder.__file__).resolve().parents[1]
    if not (folder / "pyproject.toml").is_file():
        raise PackageError(
            f"the kit at {folder} is not a source tree (no pyproject.toml): build the zip from a checkout"
        )
    return folder


def build_wheel(into: Path) -> Path:
    """A wheel of the kit, built from a clean copy of its sources (no stale build/ folder can leak in)."""
    source = kit_source()
    tree = into / "tree"
    for name in KIT_SOURCE:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, tree / name, ignore=IGNORED)
        else:
            tree.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, tree / name)
    wheels = into / "wheels"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(tree), "-w", str(wheels)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise PackageError(f"pip could not build the kit's wheel:\n{done.stderr.strip()[-2000:]}")
    (wheel,) = wheels.glob("*.whl")
    return wheel


def course_files(assignment: Assignment) -> Iterator[tuple[Path, str]]:
    """(file, its path in the zip's course root) for the one assignment."""
    root = assignment.root
    folders = (assignment.source_notebook.parent, assignment.release_notebook.parent, assignment.package_dir)
    files = [
        assignment.solutions_file,
        *([root / "nbgrader_config.py"] if (root / "nbgrader_config.py").is_file() else []),
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not SKIPPED.intersection(path.relative_to(folder).parts) and path.suffix != ".pyc":
                files.append(path)
    for path in files:
        if not path.is_file():
            raise PackageError(f"{assignment.name}: {path} is missing")
        yield path, f"course/{path.relative_to(root).as_posix()}"


def data_files(assignment: Assignment, data_dir: Path) -> Iterator[tuple[Path, str]]:
    """(file, its path in the zip's data folder) for every dataset the assignment declares."""
    manifest = default_manifest()
    for name in assignment.declaration.datasets:
        for path, spec in zip(dataset_files(name, data_dir), manifest[name].files):
            yield path, f"data/{spec.path}"


def _member(name: str, text: bytes, mode: int = 0o644) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.external_attr = (0o100000 | mode) << 16  # a regular file; the scripts executable, as Gradescope runs them
    info.compress_type = zipfile.ZIP_DEFLATED
    return info, text


def build_zip(assignment: Assignment, output: Path, data_dir: str | Path | None = None) -> list[str]:
    """Write the autograder zip to `output` (whole or not at all); return the names it holds."""
    data = resolve_data_dir(data_dir)
    members = [*course_files(assignment), *data_files(assignment, data)]  # fails before anything is built
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory(prefix="kit-gradescope-") as scratch:
        wheel = build_wheel(Path(scratch))
        members.append((wheel, f"wheel/{wheel.name}"))
        with atomic_path(output) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in SCRIPTS:
                archive.writestr(*_member(name, (here / name).read_bytes(), 0o755))
            archive.writestr(*_member("kit.env", f"ASSIGNMENT={assignment.name}\n".encode()))
            for path, name in members:
                archive.write(path, name)
            return archive.namelist()
