"""Ends the student's processes when they use too much memory, time or disk, when nobody waits for the grading any more, and when grading ends.

A thread in the grading process samples the kernel's process tree a few times a
second. Memory is the resident size of the whole tree (a child process counts
too); where the kernel runs in control groups (cgroups.py), the OS also counts what it
wrote to tmpfs and ends it at the same limit, and the watchdog reads that it did. The
exchange, the one folder on disk the kernel can write, is measured twice a second. Every
process ever seen in the tree is remembered, so that one that left the tree (a daemon,
an orphan) is still ended at cleanup, with every process of its groups.
"""

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from autograder.sandbox.cgroups import Cgroups
from autograder.sandbox.exchange import overfull

POLL_SECONDS = 0.05
EXCHANGE_POLLS = 10
"""The exchange is measured every 10th sample: a walk of its folders costs more than reading /proc."""
GONE_SECONDS = 10.0
"""For the killed processes to exit: SIGKILL takes effect at once, but exiting a large process frees its memory first."""
CANCELLED = "cancelled: the grading was stopped before it finished"


PROC_CHILDREN = os.path.exists(f"/proc/self/task/{os.getpid()}/children")
"""Linux lists each thread's children in /proc (CONFIG_PROC_CHILDREN, on in the distributions' kernels)."""


def descendants(pid: int) -> list[int]:
    """The pids of every process below `pid`.

    Read from /proc/<pid>/task/<tid>/children, the cost grows with the tree: psutil's
    children(recursive=True) reads the stat file of every process on the machine, and a
    watchdog asks 20 times a second, beside every other grading's watchdog.
    """
    if not PROC_CHILDREN:
        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    found, stack = [], [pid]
    while stack:
        parent = stack.pop()
        try:
            threads = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue  # it ended: so did the list of its children
        for thread in threads:
            try:
                with open(f"/proc/{parent}/task/{thread}/children", encoding="ascii") as listed:
                    children = [int(word) for word in listed.read().split()]
            except OSError:
                continue
            found += children
            stack += children
    return found


class Watchdog(threading.Thread):
    """Watches one kernel; `reason` says why it ended the kernel, or stays None."""

    def __init__(
        self,
        pid: int,
        memory_bytes: int,
        deadline: float,
        cancelled: Callable[[], bool] | None = None,
        cgroups: Cgroups | None = None,
        exchange: Path | None = None,
    ) -> None:
        super().__init__(name=f"watchdog-{pid}", daemon=True)
        self.pid = pid
        self.memory_bytes = memory_bytes
        self.cgroups = cgroups
        self.exchange = exchange
        self.deadline = deadline
        self.cancelled = cancelled
        """True once nobody waits for this grading (an interrupted class run): its processes end at once."""
        self.call_deadline: float | None = None
        """When the current call must be over (its own limit plus grace for the interrupt to work)."""
        self.reason: str | None = None
        self._seen: dict[int, psutil.Process] = {}
        self._halt = threading.Event()

    def _tree(self) -> list[psutil.Process]:
        try:
            pids = [self.pid, *descendants(self.pid)]
        except psutil.Error:
            return []
        tree = []
        for pid in pids:
            process = self._seen.get(pid)
            if process is None or not process.is_running():  # new, or its pid was reused
                try:
                    process = self._seen[pid] = psutil.Process(pid)
                except psutil.Error:
                    if pid == self.pid:
                        return []
                    continue
            tree.append(process)
        return tree

    def _resident_bytes(self, tree: list[psutil.Process]) -> int:
        total = 0
        for process in tree:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        return total

    def run(self) -> None:
        polls = 0
        while not self._halt.wait(POLL_SECONDS):
            tree = self._tree()
            if not tree:
                return
            polls += 1
            if self._resident_bytes(tree) > self.memory_bytes or self._out_of_memory():
                self.reason = self._memory_reason()
            elif polls % EXCHANGE_POLLS == 0 and self.exchange and (passed := overfull(self.exchange)):
                self.reason = f"disk limit: the student's process wrote {passed} where answers go, and was ended"
            elif time.monotonic() > self.deadline:
                self.reason = "submission time limit: grading this submission took too long, and its process was ended"
            elif self.call_deadline is not None and time.monotonic() > self.call_deadline:
                self.reason = "time limit: the student's code ran past its time limit and ignored the interrupt"
            elif self.cancelled is not None and self.cancelled():
                self.reason = CANCELLED
            else:
                continue
            self.kill_all()
            return

    def _out_of_memory(self) -> bool:
        return self.cgroups is not None and self.cgroups.out_of_memory()

    def _memory_reason(self) -> str:
        # The limit, not the amount sampled: that differs from run to run, the message may not.
        return (
            f"memory limit: the student's process used more than the limit of {self.memory_bytes / 2**30:.1f} GiB,"
            " and was ended"
        )

    def why_ended(self) -> str | None:
        """Why the kernel's processes ended, as far as the watchdog knows: its own reason, or the OS's memory limit
        (read now: the kernel may be seen dead before the next sample)."""
        if self.reason is None and self._out_of_memory():
            self.reason = self._memory_reason()
        return self.reason

    def alive(self) -> bool:
        """Whether the kernel's process still runs (a zombie does not)."""
        try:
            return _running(psutil.Process(self.pid))
        except psutil.Error:
            return False

    def kill_all(self) -> None:
        """End every process of the submission, including ones that left the tree, and return once they are gone.

        A killed process takes a moment to exit, and the init of a pid namespace waits for every process in
        it: a grading reported finished has nothing of the student still running.
        """
        self._tree()
        killed = [process for process in self._seen.values() if _kill(process)]
        try:
            os.killpg(self.pid, signal.SIGKILL)  # jupyter starts the kernel as a session leader: pgid == pid
        except (ProcessLookupError, PermissionError):
            pass
        if self.cgroups is not None:
            for pid in self.cgroups.pids():
                try:
                    killed.append(psutil.Process(pid))
                    os.kill(pid, signal.SIGKILL)
                except (OSError, psutil.Error):
                    pass
        deadline = time.monotonic() + GONE_SECONDS
        while any(map(_running, killed)) and time.monotonic() < deadline:
            time.sleep(0.01)

    def stop(self) -> None:
        self._halt.set()
        if self.is_alive() and self is not threading.current_thread():
            self.join()


def _kill(process: psutil.Process) -> bool:
    """SIGKILL, if `process` still runs (is_running compares the start time too, so a reused pid is left alone)."""
    try:
        if process.is_running():
            process.kill()
            return True
    except psutil.Error:
        pass
    return False


def _running(process: psutil.Process) -> bool:
    """Still running: neither gone nor a zombie (a zombie is its parent's to reap, and runs nothing)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
