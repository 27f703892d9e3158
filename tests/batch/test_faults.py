"""Class runs that meet faults, on a real Dask cluster: `dask scheduler` and `dask worker` processes on loopback.

1. A worker killed while it grades: its submission is graded on another worker, and its
   student's processes end with it.
2. A run interrupted (Ctrl-C, or its coordinator killed), then started again: what was
   finished is kept and not graded again, nothing is half-written, no student process is
   left, and the rerun grades the rest.
3. The coordinator stays small (it holds a few notebooks at a time, whatever the class
   size) and grading leaves nothing in the temp folder.

The classes are small and made of the tiny course's blank stub and reference, the quickest to grade.
"""

import os
import signal
import time

import pytest
from support.cluster import dask_cluster, student_processes, wait_for
from support.kit import TINY_ENV, require_data_dir
from support.runs import (
    REFERENCE,
    STUB,
    grade,
    grades,
    leftovers,
    make_class,
    results,
    stamps,
    start_grading,
    unfinished_files,
)

pytestmark = [pytest.mark.cluster, pytest.mark.class_run]  # class runs on local workers or a real Dask cluster

WAIT = 900  # seconds: the CI machine is shared, and a grading there can take minutes
# An interrupted class: one graded, one inside its grading, one not started, when interrupted at the soonest.
CLASS_SIZE = 3
GONE_WITHIN = 60  # seconds after the coordinator is killed, for its gradings' processes to end (time limit: 600)


def interrupted_midway(run, temp) -> None:
    """Wait until some submissions are graded and others are inside their grading (their kernel runs)."""
    run.until(
        lambda: results(run.out) and student_processes(temp), WAIT, "a finished submission while others are graded"
    )


def assert_resumes(submitted, out, temp, before: dict[str, int], *options: str) -> None:
    """The same command again grades only what was not finished, and the class outputs cover everyone."""
    assert unfinished_files(out) == [] and set(results(out)) == set(before)  # whole files, each readable
    code, _, stderr = grade(submitted, out, temp, *options)
    assert code == 0, stderr
    assert {s: t for s, t in stamps(out).items() if s in before} == before  # not graded again
    students = {path.name for path in submitted.iterdir()}
    assert set(grades(out)) == students and set(results(out)) == students
    assert all(row["status"] == "graded" for row in grades(out).values())
    assert "<html" in (out / "report.html").read_text(encoding="utf-8")


def test_a_killed_workers_submission_is_graded_on_another_worker(tmp_path, run_temp):
    require_data_dir()
    temp = run_temp
    submitted = make_class(tmp_path / "submitted", {"honest": REFERENCE, "blank1": STUB, "blank2": STUB})
    with dask_cluster(tmp_path / "cluster", 2, TMPDIR=str(temp), **TINY_ENV) as cluster:
        run = start_grading(submitted, tmp_path / "out", temp, "--scheduler", cluster.address)
        victim = run.until(lambda: cluster.grading_worker(temp), WAIT, "a worker inside a grading")
        its_students = [p for p in student_processes(temp) if victim in {a.pid for a in p.parents()}]
        assert its_students
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: not any(p.is_running() for p in its_students), 30, "the killed worker's kernel to end")
        assert run.wait(WAIT) == 0, run.output()
        assert student_processes(temp) == []
    rows = grades(tmp_path / "out")
    assert float(rows["honest"]["max"]) > 0
    assert {s: (row["total"], row["status"]) for s, row in rows.items()} == {
        "honest": (rows["honest"]["max"], "graded"),
        "blank1": ("0", "graded"),
        "blank2": ("0", "graded"),
    }
    assert leftovers(temp) == []  # the killed worker's folder went with the next grading on the machine


def test_ctrl_c_prints_one_line_and_the_same_command_resumes(tmp_path, run_temp):
    require_data_dir()
    temp, out = run_temp, tmp_path / "out"
    submitted = make_class(tmp_path / "submitted", {f"s{n}": STUB for n in range(CLASS_SIZE)})
    run = start_grading(submitted, out, temp, "--workers", "2")
    interrupted_midway(run, temp)
    said = run.stderr.stat().st_size
    os.killpg(run.process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    assert run.wait(120) == 130
    stdout, stderr = run.output()
    finished = stamps(out)
    assert stdout.splitlines() == [
        f"interrupted: {len(finished)} of {CLASS_SIZE} submissions are graded in {out}; run the same command again to grade the rest"
    ]
    after = stderr[said:]
    assert "Traceback" not in after and "KeyboardInterrupt" not in after and "distributed." not in after, after
    assert student_processes(temp) == [] and leftovers(temp) == []  # stopped in order before it exited
    assert 0 < len(finished) < CLASS_SIZE
    assert_resumes(submitted, out, temp, finished, "--workers", "2")
    assert leftovers(temp) == []


def test_a_killed_coordinator_leaves_no_student_process_and_the_rerun_grades_the_rest(tmp_path, run_temp):
    """On an external cluster the workers outlive the coordinator: its gradings end as soon as it is gone."""
    require_data_dir()
    temp, out = run_temp, tmp_path / "out"
    submitted = make_class(tmp_path / "submitted", {f"s{n}": STUB for n in range(CLASS_SIZE)})
    time_limit = "600"
    with dask_cluster(tmp_path / "cluster", 2, TMPDIR=str(temp), **TINY_ENV) as cluster:
        options = ("--scheduler", cluster.address, "--time-limit", time_limit)
        run = start_grading(submitted, out, temp, *options)
        interrupted_midway(run, temp)
        run.process.kill()
        killed = time.monotonic()
        run.wait(60)
        # Far below the time limit: the gradings are called off, not left to run out their time.
        wait_for(lambda: not student_processes(temp), GONE_WITHIN, "the students' processes to end")
        print(f"the student's processes ended {time.monotonic() - killed:.1f} s after the coordinator was killed")
        finished = stamps(out)
        assert 0 < len(finished) < CLASS_SIZE
        assert_resumes(submitted, out, temp, finished, *options)
    assert leftovers(temp) == []


def peak_rss_of_a_class_run(tmp_path, temp, name: str, files: dict[str, bytes]) -> int:
    """The coordinator's peak resident memory while it grades `files` on 2 local workers."""
    run = start_grading(make_class(tmp_path / name, files), tmp_path / f"{name}-out", temp, "--workers", "2")
    readings = []
    while run.process.poll() is None:
        try:
            readings.append(run.peak_rss())
        except (FileNotFoundError, RuntimeError):  # it exited between poll() and the read (gone, or a zombie)
            break
        time.sleep(0.1)
    assert run.wait() == 0, run.output()
    assert len(readings) >= 10, f"{len(readings)} readings of the coordinator's memory: too few to know its peak"
    return max(readings)


def test_the_coordinator_holds_a_few_notebooks_at_a_time_and_leaves_no_temp_files(tmp_path, run_temp):
    """Files of 50 MiB (not notebooks: the quickest to grade). Holding the class would take 6 x 50 MiB more for 8 than for 2."""
    require_data_dir()
    size = 50 * 2**20
    few = peak_rss_of_a_class_run(tmp_path, run_temp, "few", {f"s{i}": os.urandom(size) for i in range(2)})
    many = peak_rss_of_a_class_run(tmp_path, run_temp, "many", {f"s{i}": os.urandom(size) for i in range(8)})
    print(f"coordinator's peak RSS: {few / 2**20:.0f} MiB for 2 files of 50 MiB, {many / 2**20:.0f} MiB for 8")
    assert many - few < 2 * size  # flat: as many in flight (one per worker) for 8 as for 2
    assert all(row["status"] == "not graded" for row in grades(tmp_path / "many-out").values())
    assert leftovers(run_temp) == []
