"""A fault of the grader is the grader's, never the student's (issue 13, item 6).

- A check module that fails to import (a kit bug): every row says "grader error", the
  traceback is in the log and not in the results, the run exits with 1, and once the bug is
  fixed the same command grades those rows again.
- Missing datasets: the run stops before the first submission and says how to get them.
- A check that meets missing data while grading: a grader error, not a lower score.
- A submission whose grading kills a worker twice is the submission's: "not graded", final.
"""

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest
from support import TINY_COURSE
from support.cluster import REPO, dask_cluster, kit_env, wait_for
from support.kit import TINY_ENV, require_data_dir
from support.runs import STUB, grade, grades, make_class, results, stamps, start_grading

from autograder.course import get
from autograder.runner.plugin import FAULT_MESSAGE

pytestmark = [pytest.mark.kernel, pytest.mark.class_run]  # gradings, alone, in class runs and on a Dask cluster

WAIT = 900
BROKEN_IMPORT = "import kit_module_that_is_not_installed_anywhere\n"
WITH_DATA = get("rnn_basics")  # the quickest of the assignments that read datasets


def broken_course(folder):
    """A copy of the tiny course whose pad_idx_seqs check module fails to import, as a bug in a check would make it."""
    shutil.copytree(TINY_COURSE, folder, ignore=shutil.ignore_patterns("__pycache__"))
    module = folder / "autograder" / "assignments" / "tiny_sentiment" / "checks" / "test_pad_idx_seqs.py"
    module.write_text(BROKEN_IMPORT + module.read_text(encoding="utf-8"), encoding="utf-8")
    return module


def test_a_check_module_that_fails_to_import_is_a_grader_error_and_is_graded_again_once_fixed(tmp_path, run_temp):
    require_data_dir()
    course, out, temp = tmp_path / "course", tmp_path / "out", run_temp
    module = broken_course(course)
    submitted = make_class(tmp_path / "submitted", {"alice": STUB, "bob": b"not a notebook"})

    code, _, stderr = grade(submitted, out, temp, "--workers", "2", KIT_ROOT=str(course))
    assert code == 1
    assert "grader errors: the grader failed on 2 submissions, not by their fault: alice, bob" in stderr
    rows = grades(out)
    assert {s: (row["status"], row["total"]) for s, row in rows.items()} == {
        "alice": ("grader error", ""),
        "bob": ("grader error", ""),
    }
    for student, document in results(out).items():
        assert document["status"] == "grader error"
        assert "fault of the grader, not of the submission" in document["output"]
        text = json.dumps(document)
        assert "kit_module_that_is_not_installed_anywhere" not in text and "could not be run" not in text
        log = (out / student / "grader-error.log").read_text(encoding="utf-8")
        assert "test_pad_idx_seqs.py" in log and "No module named 'kit_module_that_is_not_installed_anywhere'" in log
    assert "the grader failed on 2 submissions" in (out / "report.html").read_text(encoding="utf-8")

    module.write_text(module.read_text(encoding="utf-8").removeprefix(BROKEN_IMPORT), encoding="utf-8")
    code, _, stderr = grade(submitted, out, temp, "--workers", "2", KIT_ROOT=str(course))  # no --force
    assert code == 0, stderr
    assert {s: row["status"] for s, row in grades(out).items()} == {"alice": "graded", "bob": "not graded"}
    assert not list(out.glob("*/grader-error.log"))


def test_missing_datasets_stop_the_run_before_the_first_submission_and_say_how_to_get_them(tmp_path, run_temp):
    empty = {"KIT_DATA_DIR": str(tmp_path / "no-data"), "KIT_CACHE_DIR": str(tmp_path / "fresh-cache")}
    (tmp_path / "no-data").mkdir()
    stub = WITH_DATA.release_notebook.read_bytes()
    submitted = make_class(tmp_path / "submitted", {"alice": stub}, WITH_DATA)
    code, _, stderr = grade(submitted, tmp_path / "out", run_temp, "--workers", "1", assignment=WITH_DATA, **empty)
    assert code != 0 and "error: nothing was graded: the rnn_basics checks need data that is not here" in stderr
    assert "autograder data fetch" in stderr and "Traceback" not in stderr
    assert not list((tmp_path / "out").glob("*/results.json"))

    one = [sys.executable, "-m", "autograder.cli", "grade", str(WITH_DATA.release_notebook), "--assignment"]
    done = subprocess.run([*one, WITH_DATA.name], cwd=REPO, env=kit_env(**empty), capture_output=True, text=True)
    assert done.returncode != 0 and "autograder data fetch" in done.stderr and done.stdout == ""


GRADE_WITHOUT_PREFLIGHT = """
import json, sys
from pathlib import Path
from autograder.course import get
from autograder.grading import grade_notebook
graded = grade_notebook(Path(sys.argv[1]), get(sys.argv[2]))
print(json.dumps({"results": graded.results(), "faults": graded.faults}))
"""


def test_a_check_that_meets_missing_data_is_a_grader_error_never_a_lower_score(tmp_path):
    """Past the preflight (a worker whose data went missing): the checks that need the data are the grader's failures."""
    (tmp_path / "no-data").mkdir()
    env = kit_env(KIT_DATA_DIR=str(tmp_path / "no-data"), KIT_CACHE_DIR=str(tmp_path / "fresh-cache"))
    command = [sys.executable, "-c", GRADE_WITHOUT_PREFLIGHT, str(WITH_DATA.source_notebook), WITH_DATA.name]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=WAIT)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.splitlines()[-1])
    document, faults = answer["results"], answer["faults"]
    assert document["status"] == "grader error"
    failed = [test for test in document["tests"] if test["status"] == "failed"]
    assert failed and all(test["output"] == FAULT_MESSAGE for test in failed)  # the reference fails nothing else
    assert len(faults) == len(failed) and all("MissingDatasetError" in fault for fault in faults)
    assert "please tell your instructor" not in json.dumps(document)


@pytest.mark.cluster
def test_a_submission_that_kills_two_workers_is_not_graded_and_not_tried_again(tmp_path, run_temp):
    require_data_dir()
    temp, out = run_temp, tmp_path / "out"
    submitted = make_class(tmp_path / "submitted", {"deadly": STUB})
    with dask_cluster(tmp_path / "cluster", 2, nanny=True, TMPDIR=str(temp), **TINY_ENV) as cluster:
        run = start_grading(submitted, out, temp, "--scheduler", cluster.address)
        for attempt in (1, 2):
            victim = run.until(lambda: cluster.grading_worker(temp), WAIT, f"grading attempt {attempt}")
            os.kill(victim, signal.SIGKILL)
            wait_for(lambda v=victim: cluster.grading_worker(temp) != v, 60, "the killed worker to go")
        assert run.wait(WAIT) == 0, run.output()
        row = grades(out)["deadly"]
        assert row["status"] == "not graded" and row["total"] == "0"
        outputs = {test["output"] for test in results(out)["deadly"]["tests"]}
        assert len(outputs) == 1 and "ended the grading process twice, on two workers" in outputs.pop()
        before = stamps(out)
        code, _, stderr = grade(submitted, out, temp, "--scheduler", cluster.address)
        assert code == 0, stderr
        assert stamps(out) == before
