"""A test that hangs fails under its own name at its time limit, and the run it started ends with it (conftest.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import TESTS
from support.cluster import student_processes
from support.watch import matching

HANGING = """
import os, time
import pytest
from support.cluster import student_processes, wait_for
from support.runs import STUB, make_class, start_grading

@pytest.mark.timeout(45)
def test_that_hangs(tmp_path):
    temp = os.environ["HANGING_TEMP"]
    start_grading(make_class(tmp_path / "submitted", {"s": STUB}), tmp_path / "out", tmp_path / temp, "--workers", "1")
    wait_for(lambda: student_processes(tmp_path / temp), 40, "a student's kernel")
    with open(os.environ["HANGING_MARK"], "w") as mark:
        mark.write(str(tmp_path / temp))
    time.sleep(600)
"""


@pytest.mark.kernel
@pytest.mark.class_run
def test_a_hanging_test_fails_by_name_and_its_class_run_ends(tmp_path):
    (tmp_path / "test_hanging.py").write_text(HANGING, encoding="utf-8")
    mark = tmp_path / "temp-folder"
    env = {**os.environ, "PYTHONPATH": str(TESTS), "HANGING_TEMP": "temp", "HANGING_MARK": str(mark)}
    options = ["-p", "support.fixtures", "-p", "no:cacheprovider", "-o", "addopts=", "-o", "timeout_method=signal"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *options, str(tmp_path / "test_hanging.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1 and "FAILED test_hanging.py::test_that_hangs - Failed: Timeout" in done.stdout, (
        done.stdout
    )
    temp = Path(mark.read_text())  # written once the student's kernel ran: the run was inside a grading at the limit
    assert student_processes(temp) == []
    assert matching((str(temp.parent),)) == []  # nor the coordinator, whose arguments name the test's folder
