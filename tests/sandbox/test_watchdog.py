"""The watchdog's view of a kernel's process tree (sandbox/watchdog.py): every process below it, and nothing else."""

import subprocess
import sys
import time

import psutil
import pytest

from autograder.sandbox.watchdog import PROC_CHILDREN, Watchdog, descendants

TREE = "sleep 30 & (sleep 30 & sleep 30 & wait) & wait"  # children and grandchildren


@pytest.fixture
def tree():
    root = subprocess.Popen(["bash", "-c", TREE])
    try:
        below = psutil.Process(root.pid)
        deadline = time.monotonic() + 10
        while len(below.children(recursive=True)) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        yield root
    finally:
        for process in [psutil.Process(root.pid), *psutil.Process(root.pid).children(recursive=True)]:
            process.kill()
        root.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kit grades on Linux")
def test_this_kernel_lists_each_threads_children():
    assert PROC_CHILDREN  # else the watchdog falls back to psutil's scan of every process


def test_descendants_are_the_processes_below_and_no_other(tree):
    expected = {child.pid for child in psutil.Process(tree.pid).children(recursive=True)}
    assert len(expected) == 4  # the subshell and three sleeps
    assert set(descendants(tree.pid)) == expected
    (subshell,) = [child.pid for child in psutil.Process(tree.pid).children() if child.name() == "bash"]
    assert set(descendants(subshell)) == {child.pid for child in psutil.Process(subshell).children()}


def test_a_process_that_ended_has_no_descendants():
    ended = subprocess.Popen(["true"])
    ended.wait()
    assert descendants(ended.pid) == []


def still_running(processes: list[psutil.Process]) -> list[psutil.Process]:
    running = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                running.append(process)
        except psutil.Error:
            pass
    return running


@pytest.mark.parametrize(
    "box", [[], ["bwrap", "--unshare-pid", "--dev-bind", "/", "/", "--"]], ids=["plain", "pid-namespace"]
)
def test_kill_all_returns_once_every_process_is_gone(box):
    """A grading that ends leaves nothing behind, not even a process still on its way out (the pid namespace's init
    waits for the namespace's processes to exit before it does)."""
    root = subprocess.Popen([*box, "bash", "-c", TREE])
    try:
        deadline = time.monotonic() + 10
        expected = 5 if box else 4  # bubblewrap adds the namespace's init
        while len(descendants(root.pid)) < expected and time.monotonic() < deadline:
            time.sleep(0.05)
        processes = [psutil.Process(pid) for pid in [root.pid, *descendants(root.pid)]]
        Watchdog(root.pid, 2**40, time.monotonic() + 60).kill_all()
        assert still_running(processes) == []
    finally:
        root.kill()
        root.wait()
