"""The Gradescope zip, run as Gradescope runs it: unpacked into a folder shaped like /autograder, outside the repo.

setup.sh installs the kit from the zip's wheel into a fresh venv (a few minutes, once per
module), then run_autograder grades what Gradescope would put in submission/: the
reference, the blank stub, a broken notebook, no notebook, two notebooks, and a notebook
that snoops while its kernel runs as the unprivileged user (bubblewrap's fallback).

The venv lies in a folder every user can enter, as /opt does on Gradescope, and is built
from Debian's Python 3.11 (pyenv's lies under /root), so that the kernel's user can run it.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import pytest
from support import REPO
from support.kit import require_data_dir

from autograder.course import get

pytestmark = [pytest.mark.venv, pytest.mark.kernel]  # setup.sh builds a venv; run_autograder grades

ASSIGNMENT = get("rnn_basics")  # the smallest: 1,000 sentences
KIT = REPO
# What a fresh Gradescope container does not have: nothing of this repo or its venv may leak in.
DROPPED_ENV = ("PYTHONPATH", "VIRTUAL_ENV", "KIT_ROOT", "KIT_DATA_DIR", "KIT_CACHE_DIR")


def unpack(archive: Path, into: Path) -> None:
    """Unpack as Gradescope does, keeping the files' modes (zipfile's extractall drops them)."""
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            path = Path(zipped.extract(member, into))
            if mode := (member.external_attr >> 16) & 0o777:
                path.chmod(mode)


SYSTEM_PYTHON = Path("/usr/bin/python3.11")


def clean_env(root: Path, venv: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in DROPPED_ENV}
    path = [folder for folder in env["PATH"].split(os.pathsep) if not folder.startswith(sys.prefix)]
    return {
        **env,
        "PATH": os.pathsep.join(path),
        "AUTOGRADER_ROOT": str(root),
        "KIT_VENV": str(venv),
        "KIT_PYTHON": str(SYSTEM_PYTHON),
    }


@pytest.fixture(scope="module")
def gradescope() -> Iterator[Callable[..., tuple[dict, str]]]:
    """Build the zip with the CLI, run setup.sh once; yield a function that grades one submission folder."""
    data_dir = require_data_dir()
    if not SYSTEM_PYTHON.is_file():
        pytest.fail(f"{SYSTEM_PYTHON} is needed (Debian: apt install python3.11 python3.11-venv)")
    tmp = Path(tempfile.mkdtemp(prefix="kit-gradescope-"))
    tmp.chmod(0o755)
    archive = tmp / f"{ASSIGNMENT.name}-autograder.zip"
    built = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "gradescope", ASSIGNMENT.name, "-o", str(archive)],
        cwd=KIT,
        env={**os.environ, "KIT_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert built.returncode == 0, built.stderr
    root, venv = tmp / "autograder", tmp / "venv"
    unpack(archive, root / "source")
    env = clean_env(root, venv)
    setup = subprocess.run(["./setup.sh"], cwd=root / "source", env=env, capture_output=True, text=True, timeout=3600)
    assert setup.returncode == 0, f"setup.sh failed:\n{setup.stdout[-3000:]}\n{setup.stderr[-3000:]}"
    assert "the reference earns 40 / 40" in setup.stdout

    def run_autograder(files: dict[str, bytes], **extra_env: str) -> tuple[dict, str]:
        for folder in ("submission", "results"):
            shutil.rmtree(root / folder, ignore_errors=True)
            (root / folder).mkdir()
        for name, content in files.items():
            (root / "submission" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "submission" / name).write_bytes(content)
        done = subprocess.run(
            [str(root / "source" / "run_autograder")],
            cwd=root,
            env={**env, **extra_env},
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr
        return json.loads((root / "results" / "results.json").read_text(encoding="utf-8")), done.stdout

    run_autograder.venv = venv
    run_autograder.root = root
    run_autograder.archive = archive
    yield run_autograder
    shutil.rmtree(tmp)


def why(results: dict) -> str:
    """What results.json says went wrong, for an assertion's message."""
    failed = sorted({f"{test['name']}: {test['output']}" for test in results["tests"] if test["status"] == "failed"})
    return "\n".join([results.get("output", ""), *failed[:10]])


def test_reference_full_marks_with_the_kit_from_the_zip(gradescope) -> None:
    results, stdout = gradescope({"rnn_basics.ipynb": ASSIGNMENT.source_notebook.read_bytes()})
    assert results["score"] == results["max_score"] == 40, why(results)
    kit = Path(stdout.split("kit: ", 1)[1].splitlines()[0])
    assert kit.is_relative_to(gradescope.venv), f"run_autograder ran the kit at {kit}, not the zip's"
    assert not kit.is_relative_to(KIT)


def test_the_zip_holds_the_course_and_nothing_of_the_tests(gradescope) -> None:
    """The tiny course of the tests (tests/tiny_course) is no assignment of the course: it never reaches a zip."""
    with zipfile.ZipFile(gradescope.archive) as zipped:
        names = zipped.namelist()
    assert any(name.endswith(f"solutions/{ASSIGNMENT.name}.py") for name in names)
    assert [name for name in names if "tiny" in name or name.startswith("tests/")] == []


def test_blank_stub_zero(gradescope) -> None:
    results, _ = gradescope({"rnn_basics.ipynb": ASSIGNMENT.release_notebook.read_bytes()})
    assert results["score"] == 0
    assert results["max_score"] == 40
    assert all(test["status"] == "failed" for test in results["tests"])


def test_broken_notebook_clear_zero(gradescope) -> None:
    broken = ASSIGNMENT.source_notebook.read_bytes()[:5000]  # cut short, as an interrupted upload
    results, _ = gradescope({"rnn_basics.ipynb": broken})
    assert results["score"] == 0
    assert {test["output"] for test in results["tests"]} == {
        "Not graded: rnn_basics.ipynb is not a notebook (not JSON text)"
    }


def test_no_notebook(gradescope) -> None:
    results, _ = gradescope({"rnn_basics.py": b"def build_vocab(s): pass\n"})
    assert results == {
        "status": "not graded",
        "score": 0.0,
        "output": "Not graded: no notebook (.ipynb) was submitted (the submission holds rnn_basics.py). "
        "Submit your rnn_basics.ipynb.",
        "tests": [],
    }


def test_two_notebooks(gradescope) -> None:
    notebook = ASSIGNMENT.release_notebook.read_bytes()
    results, _ = gradescope({"rnn_basics.ipynb": notebook, "old/rnn_basics (1).ipynb": notebook})
    assert results["score"] == 0
    assert results["output"] == (
        "Not graded: 2 notebooks were submitted (old/rnn_basics (1).ipynb, rnn_basics.ipynb). "
        "Submit only your rnn_basics.ipynb, so that the grader knows which one to grade."
    )


SNOOP = """
import pathlib

seen = []
for target in {targets!r}:
    try:
        pathlib.Path(target).read_bytes()
        seen.append("read " + target)
    except OSError as error:
        seen.append(type(error).__name__)
try:
    pathlib.Path({results!r}).write_text("{{}}")
    seen.append("wrote results")
except OSError as error:
    seen.append(type(error).__name__)
pathlib.Path({spy!r}).write_text("\\n".join(seen))
"""


def test_without_bubblewrap_the_kernel_runs_as_a_user_who_reads_nothing_of_the_grader(gradescope) -> None:
    """bubblewrap skipped: the reference still earns full marks, and its kernel can read neither the reference,
    the checks (the zip's or the installed kit's), the data, nor write results/."""
    source = gradescope.root / "source"
    installed = next(gradescope.venv.glob("lib/python3.11/site-packages/autograder/assignments/rnn_basics/checks"))
    targets = [
        str(source / "course" / "solutions" / "rnn_basics.py"),
        str(source / "course" / "autograder" / "assignments" / "rnn_basics" / "checks" / "test_build_vocab.py"),
        str(installed / "test_build_vocab.py"),
        str(source / "data" / "sentiment_labelled_sentences" / "yelp_labelled.txt"),
    ]
    spy_dir = Path(tempfile.mkdtemp(prefix="kit-spy-"))
    spy_dir.chmod(0o777)
    spy = spy_dir / "seen.txt"
    notebook = nbformat.read(ASSIGNMENT.source_notebook, as_version=4)
    code = SNOOP.format(targets=targets, results=str(gradescope.root / "results" / "results.json"), spy=str(spy))
    notebook.cells.insert(0, nbformat.v4.new_code_cell(code))
    try:
        results, _ = gradescope({"rnn_basics.ipynb": nbformat.writes(notebook).encode()}, KIT_SANDBOX="none")
        seen = spy.read_text().splitlines()
        assert spy.stat().st_uid != 0, "the kernel ran as root"
    finally:
        shutil.rmtree(spy_dir)
    assert seen == ["PermissionError"] * 5
    assert results["score"] == results["max_score"] == 40, why(results)
    instructor = json.loads((gradescope.root / "results" / "results.instructor.json").read_text(encoding="utf-8"))
    assert "Sandbox: user kit-student" in instructor["output"] and "kit-student" not in json.dumps(results)
