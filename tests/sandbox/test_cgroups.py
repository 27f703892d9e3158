"""The OS's limits on a student kernel (sandbox/cgroups.py): memory with what it writes to tmpfs, processes, CPU.

The CI machine grades as root with cgroup v1 controllers: each limit is proved there, on a real kernel
in the sandbox. A machine where the grader cannot make groups fails the first test: it would grade
with the watchdog's sampling alone (docs/security.md).
"""

import subprocess
import time

import nbformat
import pytest

from autograder.sandbox.cgroups import Cgroups
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import GIB, Policy
from autograder.sandbox.student import StudentError

STUDENT = '''
import os, subprocess, sys, time


def fill_shm(mib):
    """Writes `mib` MiB to /dev/shm, in files no process holds open."""
    block = b"x" * 2**20
    for part in range(mib // 64):
        with open(f"/dev/shm/part{part}", "wb") as written:
            for _ in range(64):
                written.write(block)
    return mib


def start_processes(wanted):
    """How many sleeping children it could start before the OS refused one."""
    started = []
    try:
        while len(started) < wanted:
            started.append(subprocess.Popen(["sleep", "60"]))
    except OSError:
        pass
    for child in started:
        child.kill()
        child.wait()
    return len(started)


def cpu_share(busy, seconds):
    """The CPU seconds per second that `busy` busy children burnt together over `seconds`."""
    loop = "import time\\nend = time.time() + %s\\nwhile time.time() < end: pass" % seconds
    children = [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(busy)]
    start = os.times()
    for child in children:
        child.wait()
    spent = os.times()
    return (spent.children_user + spent.children_system - start.children_user - start.children_system) / seconds
'''


@pytest.fixture
def kernel(request):
    policy = Policy(**getattr(request, "param", {}))
    with KernelStudent([nbformat.v4.new_code_cell(STUDENT)], policy) as student:
        yield student


def test_the_grader_makes_groups_with_the_limits_and_removes_them():
    groups = Cgroups.create(Policy(memory_bytes=GIB, processes=64, cpus=0.5))
    assert groups is not None, "no cgroups here: only the watchdog's sampling would limit a kernel"
    try:
        sleeper = subprocess.Popen([*groups.join_argv(), "/bin/sleep", "60"])
        deadline = time.monotonic() + 10
        while sleeper.pid not in groups.pids() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert groups.pids() == [sleeper.pid]
    finally:
        groups.remove()
    assert sleeper.wait(timeout=10) < 0  # killed
    assert not any(folder.exists() for folder in groups.folders.values())


@pytest.mark.kernel
@pytest.mark.parametrize("kernel", [{"memory_bytes": GIB}], indirect=True)
def test_files_in_tmpfs_count_as_the_kernels_memory(kernel):
    """2 GiB written to /dev/shm, held by no process: the OS ends the kernel at the limit of 1 GiB."""
    with pytest.raises(StudentError, match="memory limit"):
        kernel.call("fill_shm", 2048, timeout=120)


@pytest.mark.kernel
@pytest.mark.parametrize("kernel", [{"processes": 100}], indirect=True)
def test_the_kernel_cannot_start_more_processes_than_its_limit(kernel):
    """Root is not bound by RLIMIT_NPROC; the pids controller binds it. The kernel's own threads count too."""
    assert 40 < kernel.call("start_processes", 500, timeout=60) < 100


@pytest.mark.kernel
def test_busy_background_processes_share_one_cpu(kernel):
    """Three busy children for 3 s burn about one CPU second per second, on a machine of two cores or more."""
    assert kernel.call("cpu_share", 3, 3, timeout=60) < 1.25
