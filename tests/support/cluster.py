"""A real Dask cluster on loopback for the fault tests and the soak: `dask scheduler` and `dask worker` processes.

The workers import this checkout's `autograder` (cwd and PYTHONPATH are the repository), as
workers on other machines import the installed kit. Tests kill them with SIGKILL, as a crash
or the OOM killer would, and look for the student's processes by the name of their folder.
"""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from kitdata.paths import resolve_data_dir

from autograder.sandbox.kernel import ONE_CORE_ENV
from support import REPO

DASK = Path(sys.executable).parent / "dask"


def wait_for(condition: Callable[[], object], timeout: float, what: str, poll: float = 0.2) -> object:
    """The first true value of `condition()`, polled until `timeout` seconds; fail naming `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(poll)
    raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}")


KERNEL = "ipykernel_launcher"
"""The argument that only a kernel's command line (bubblewrap's, or the kernel's own) holds."""


def student_processes(temp: Path) -> list[psutil.Process]:
    """Live kernel and bubblewrap processes of submissions graded with this temp folder (zombies excluded).

    Their command lines hold the submission's folder, kit-submission-* in the temp folder.
    """
    mark = f"{temp}/kit-submission-"
    found = []
    for process in psutil.process_iter(["cmdline", "status"]):
        try:
            if process.info["status"] != psutil.STATUS_ZOMBIE and mark in " ".join(process.info["cmdline"] or []):
                found.append(process)
        except psutil.Error:
            pass
    return found


def descends_from(process: psutil.Process, ancestors: set[int]) -> int | None:
    """The pid in `ancestors` that `process` runs under, if any."""
    try:
        for parent in process.parents():
            if parent.pid in ancestors:
                return parent.pid
    except psutil.Error:
        pass
    return None


def kit_env(repo: Path = REPO, **extra: str) -> dict[str, str]:
    """The environment of a process that must import the autograder of `repo` (this checkout).

    A TMPDIR given is made first: Python ignores one that does not exist.
    """
    if "TMPDIR" in extra:
        Path(extra["TMPDIR"]).mkdir(parents=True, exist_ok=True)
    path = os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")]))
    # Made absolute: the README's command gives a path relative to the checkout, and `repo` may be a copy elsewhere.
    data = {"KIT_DATA_DIR": str(resolve_data_dir())} if os.environ.get("KIT_DATA_DIR") else {}
    return {**os.environ, **ONE_CORE_ENV, "PYTHONPATH": path, **data, **extra}


@dataclass
class Cluster:
    """A running scheduler and its workers; `workers` maps each worker process's pid to its Popen."""

    address: str
    folder: Path
    env: dict[str, str]
    nanny: bool
    scheduler: subprocess.Popen
    workers: dict[int, subprocess.Popen] = field(default_factory=dict)

    def start_worker(self) -> subprocess.Popen:
        index = len(self.workers)
        options = ["--nthreads", "1", "--memory-limit", "0", "--no-dashboard", "--host", "127.0.0.1"]
        options += ["--nanny" if self.nanny else "--no-nanny", "--name", f"kit-test-{index}"]
        with open(self.folder / f"worker-{index}.log", "wb") as log:
            process = subprocess.Popen(
                [str(DASK), "worker", self.address, *options],
                cwd=REPO,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.workers[process.pid] = process
        return process

    def worker_pids(self) -> set[int]:
        """The pids of the processes that run the tasks: the `dask worker` processes, or their nannies' children."""
        if not self.nanny:
            return {pid for pid, process in self.workers.items() if process.poll() is None}
        pids = set()
        for pid in self.workers:
            try:
                pids |= {child.pid for child in psutil.Process(pid).children() if "dask" not in child.name()}
            except psutil.Error:
                pass
        return pids

    def grading_worker(self, temp: Path) -> int | None:
        """The pid of a worker that is inside a grading now (it runs a student's kernel), if any.

        Only a kernel says so: the preflight's sandbox probe also runs in a submission folder under
        the worker, and a test that killed the worker during it killed the preflight, not a grading.
        """
        for process in student_processes(temp):
            if KERNEL in (process.info["cmdline"] or []) and (pid := descends_from(process, self.worker_pids())):
                return pid
        return None

    def registered(self) -> int:
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            return len(client.scheduler_info(n_workers=-1)["workers"])

    def stop(self) -> None:
        for process in [*self.workers.values(), self.scheduler]:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


@contextmanager
def dask_cluster(
    folder: Path, workers: int, *, nanny: bool = False, allowed_failures: int = 1, **env: str
) -> Iterator[Cluster]:
    """`dask scheduler` on a free loopback port and `workers` single-threaded `dask worker` processes.

    Their logs go to `folder`. The scheduler is started as the kit's README says to start one:
    a task whose worker dies is tried on one more worker (allowed-failures = 1).
    """
    folder.mkdir(parents=True, exist_ok=True)
    scheduler_env = kit_env(DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=str(allowed_failures), **env)
    scheduler_file = folder / "scheduler.json"
    file = str(scheduler_file)
    with open(folder / "scheduler.log", "wb") as log:
        scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", file],
            cwd=REPO,
            env=scheduler_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    cluster = None
    try:
        wait_for(lambda: scheduler_file.exists() and scheduler_file.stat().st_size, 60, "the scheduler to start")
        address = json.loads(scheduler_file.read_text())["address"]
        cluster = Cluster(address, folder, kit_env(**env), nanny, scheduler)
        for _ in range(workers):
            cluster.start_worker()
        wait_for(lambda: cluster.registered() == workers, 120, f"{workers} workers to register")
        yield cluster
    finally:
        if cluster is not None:
            cluster.stop()
        else:
            os.killpg(scheduler.pid, signal.SIGKILL)
            scheduler.wait()
