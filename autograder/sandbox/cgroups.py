"""Control groups for one student kernel: memory (files in tmpfs too), processes and CPU, counted by the OS.

The watchdog samples the resident memory of the kernel's processes; a file written to the
sandbox's /tmp or /dev/shm (tmpfs) is memory that no process holds, and nothing it samples
limits how many processes run or how much CPU they burn. The OS's control groups do, as
IOI's isolate and Google's nsjail use them: each start of the kernel gets a group of its own
per controller, the kernel joins them before it runs (`join_argv`, so every process it
starts is counted), and the group is emptied and removed when the kernel stops.

cgroup v2 (one hierarchy whose controllers include memory, pids and cpu) or v1 (a hierarchy
per controller), whichever this machine has and lets the grader write: root, as on CI and
Gradescope. Elsewhere (an unprivileged grader, a container without them) `create` gives
None, and the watchdog's sampling is the only limit (docs/security.md says which limit holds where).
"""

import os
import secrets
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from autograder.sandbox.policy import Policy

CGROUP_ROOT = Path("/sys/fs/cgroup")
PREFIX = "kit-kernel-"
CONTROLLERS = ("memory", "pids", "cpu")
CPU_PERIOD_US = 100_000
# Run before the kernel (before bubblewrap, and before the switch to the kernel's user): join each group, then
# become the kernel. Children inherit the groups.
JOIN = """import os, sys
end = sys.argv.index("--")
for procs in sys.argv[1:end]:
    with open(procs, "w") as joined:
        joined.write(str(os.getpid()))
os.execvp(sys.argv[end + 1], sys.argv[end + 1:])
"""


def _v1_base(controller: str) -> Path | None:
    """Where this process's own v1 group of `controller` is: new groups go below it."""
    mount = CGROUP_ROOT / controller
    if not (mount / "cgroup.procs").exists():
        return None
    for line in Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return mount / path.lstrip("/")
    return None


def _v2_base() -> Path | None:
    """This process's v2 group's parent, if its children may use every controller (a group with processes in it
    cannot give its children controllers: its parent's other children can)."""
    if not (CGROUP_ROOT / "cgroup.controllers").exists():
        return None
    for line in Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines():
        if line.startswith("0::"):
            own = CGROUP_ROOT / line[3:].lstrip("/")
            base = own.parent if own != CGROUP_ROOT else own
            enabled = (base / "cgroup.subtree_control").read_text(encoding="ascii").split()
            return base if set(CONTROLLERS) <= set(enabled) else None
    return None


@dataclass(frozen=True)
class Cgroups:
    """The groups of one kernel start: a folder per controller (one folder for all, under v2)."""

    folders: dict[str, Path]
    version: int

    @classmethod
    def create(cls, policy: Policy) -> "Cgroups | None":
        """Groups with the policy's limits, or None where this machine does not let the grader make them."""
        name = f"{PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            if base := _v2_base():
                folders, version = dict.fromkeys(CONTROLLERS, base / name), 2
            else:
                bases = {controller: _v1_base(controller) for controller in CONTROLLERS}
                if None in bases.values():
                    return None
                folders, version = {controller: base / name for controller, base in bases.items()}, 1
            for folder in set(folders.values()):
                _remove_leftovers(folder.parent)
                folder.mkdir()
        except OSError:
            return None
        groups = cls(folders, version)
        try:
            groups._limit(policy)
        except OSError:
            groups.remove()
            return None
        return groups

    def _limit(self, policy: Policy) -> None:
        memory, pids, cpu = (self.folders[controller] for controller in CONTROLLERS)
        if self.version == 2:
            (memory / "memory.max").write_text(str(policy.memory_bytes))
            (memory / "memory.swap.max").write_text("0") if (memory / "memory.swap.max").exists() else None
            (pids / "pids.max").write_text(str(policy.processes))
            (cpu / "cpu.max").write_text(f"{int(policy.cpus * CPU_PERIOD_US)} {CPU_PERIOD_US}")
        else:
            (memory / "memory.limit_in_bytes").write_text(str(policy.memory_bytes))
            (pids / "pids.max").write_text(str(policy.processes))
            (cpu / "cpu.cfs_period_us").write_text(str(CPU_PERIOD_US))
            (cpu / "cpu.cfs_quota_us").write_text(str(int(policy.cpus * CPU_PERIOD_US)))

    def join_argv(self) -> list[str]:
        """What to put before a command so that it runs in these groups."""
        procs = [str(folder / "cgroup.procs") for folder in dict.fromkeys(self.folders.values())]
        return [sys.executable, "-c", JOIN, *procs, "--"]

    def out_of_memory(self) -> bool:
        """Whether the OS ended a process of the group for going over its memory limit."""
        memory = self.folders["memory"]
        try:
            if self.version == 2:
                lines = (memory / "memory.events").read_text(encoding="ascii").splitlines()
            else:
                lines = (memory / "memory.oom_control").read_text(encoding="ascii").splitlines()
        except OSError:
            return False
        counts = dict(line.split() for line in lines if len(line.split()) == 2)
        return int(counts.get("oom_kill", "0")) > 0

    def pids(self) -> list[int]:
        """Every process in the groups."""
        found: set[int] = set()
        for folder in set(self.folders.values()):
            try:
                found |= {int(pid) for pid in (folder / "cgroup.procs").read_text(encoding="ascii").split()}
            except OSError:
                pass
        return sorted(found)

    def remove(self) -> None:
        """End what still runs in the groups, and remove them."""
        for _ in range(100):  # a killed process leaves its group when it has exited: within 1 s
            left = self.pids()
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            if not left:
                break
            time.sleep(0.01)
        for folder in set(self.folders.values()):
            try:
                folder.rmdir()
            except OSError:
                pass


def _remove_leftovers(base: Path) -> None:
    """Remove the groups of kernels whose grader is gone (a killed worker's); its name holds the grader's pid."""
    for folder in base.glob(PREFIX + "*"):
        grader = folder.name.removeprefix(PREFIX).split("-")[0]
        if grader.isdigit() and not Path(f"/proc/{grader}").exists():
            try:
                folder.rmdir()  # fails while a process is in it
            except OSError:
                pass
