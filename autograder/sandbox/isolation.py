"""Where the student's kernel runs: a folder of its own and, where the machine allows, an OS sandbox.

Two levels (README, "What the grader protects against"):

- bubblewrap: the kernel sees Python and the system's libraries read-only, its own
  submission folder, an empty /tmp, and nothing else: not the kit's source, the
  reference solutions, the hidden checks, the data, other students' work or the
  grader's output. It has no network, its own process table (every process it
  starts ends with it), and no capabilities.
- none: the kernel runs as the grader's user in its own folder, with a clean
  environment and an import guard (see kernel.py); it could still read files by
  absolute path and use the network. Results say so.
"""

import functools
import os
import shutil
import site
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from autograder.sandbox.policy import Policy

SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")
PASSED_ENV = ("PATH", "LANG", "LC_ALL", "TZ")
KIT_PACKAGE = Path(__file__).resolve().parents[1]


class IsolationError(RuntimeError):
    """bubblewrap was required but does not work on this machine."""


@dataclass(frozen=True)
class Box:
    """One submission's folder: the only place its process can write."""

    root: Path

    @classmethod
    def create(cls) -> "Box":
        box = cls(Path(tempfile.mkdtemp(prefix="kit-submission-")))
        for folder in (box.work, box.runtime, box.exchange, box.kit, box.tmp):
            folder.mkdir()
        return box

    @property
    def work(self) -> Path:
        """The kernel's working folder and HOME."""
        return self.root / "work"

    @property
    def runtime(self) -> Path:
        """The kernel's connection file and IPC sockets."""
        return self.root / "runtime"

    @property
    def exchange(self) -> Path:
        """Probe requests and answers."""
        return self.root / "exchange"

    @property
    def kit(self) -> Path:
        """A copy of the probe code, read-only inside the sandbox."""
        return self.root / "kit"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _python_dirs() -> list[str]:
    """The folders Python and its packages live in, outside the system folders."""
    candidates = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages()}
    if site.ENABLE_USER_SITE and os.path.isdir(site.getusersitepackages()):
        candidates.add(site.getusersitepackages())
    real = sorted({os.path.realpath(path) for path in candidates if os.path.isdir(path)})
    outside = [path for path in real if not path.startswith(tuple(d + "/" for d in SYSTEM_DIRS))]
    return [path for path in outside if not any(path.startswith(other + "/") for other in outside)]


def _installed_kit() -> list[str]:
    """The kit's package when it is installed among Python's packages (a wheel, as on Gradescope), to be hidden:
    it holds the checks. The probe code the kernel needs is copied into the box."""
    kit = os.path.realpath(KIT_PACKAGE)
    return [kit] if any(kit.startswith(folder + "/") for folder in _python_dirs()) else []


def bubblewrap_argv(box: Box) -> list[str]:
    """The bwrap command line that confines one kernel to `box`."""
    argv = ["bwrap", "--unshare-all", "--die-with-parent", "--unsetenv", "JPY_PARENT_PID"]
    for folder in (*SYSTEM_DIRS, *_python_dirs()):
        argv += ["--ro-bind-try", folder, folder]
    for folder in _installed_kit():
        argv += ["--tmpfs", folder]
    argv += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    argv += ["--bind", str(box.root), str(box.root), "--ro-bind", str(box.kit), str(box.kit)]
    return [*argv, "--chdir", str(box.work), "--"]


@functools.cache
def bubblewrap_problem() -> str | None:
    """None if bubblewrap can start a confined Python here, else why not (checked once per process)."""
    if shutil.which("bwrap") is None:
        return "the bwrap command is not installed (Debian: apt install bubblewrap)"
    box = Box.create()
    try:
        done = subprocess.run(
            [*bubblewrap_argv(box), sys.executable, "-c", "pass"],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap failed to run: {error}"
    finally:
        box.remove()
    return None if done.returncode == 0 else f"bwrap failed: {done.stderr.strip()[:300]}"


def kernel_command(box: Box, policy: Policy) -> tuple[list[str], str]:
    """The argv that starts the student's kernel, and a sentence for the results that says how it is confined."""
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    if policy.isolation != "none":
        problem = bubblewrap_problem()
        if problem is None:
            return [*bubblewrap_argv(box), *kernel], (
                "Sandbox: bubblewrap (no network; only Python, its libraries and the submission's own folder are visible)."
            )
        if policy.isolation == "bubblewrap":
            raise IsolationError(f"the bubblewrap sandbox was required, but {problem}")
        reason = problem
    else:
        reason = "isolation 'none' was chosen"
    return kernel, (
        f"Sandbox: none ({reason}). The submission ran in a folder of its own with a clean environment,"
        " but could use the network and read files by their path."
    )


def kernel_env(box: Box, extra: dict[str, str]) -> dict[str, str]:
    """A clean environment: nothing of the grader's (data or cache paths, tokens) reaches the student."""
    env = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
    return {**env, "HOME": str(box.work), "TMPDIR": str(box.tmp), "MPLBACKEND": "agg", **extra}
