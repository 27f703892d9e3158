"""Where the student's kernel runs: a folder of its own and, where the machine allows, an OS sandbox.

Two levels (README, "What the grader protects against"):

- bubblewrap: the kernel sees Python and the system's libraries read-only, its own
  submission folder, an empty /tmp, and nothing else: not the kit's source, the
  reference solutions, the hidden checks, the data, other students' work or the
  grader's output. It has no network, its own process table (every process it
  starts ends with it), and no capabilities.
- another user: where bubblewrap cannot run (a Gradescope container) and $KIT_KERNEL_USER
  names an unprivileged user, the kernel runs as that user in its own folder: the grader's
  files (mode 0700, root's) are out of its reach, the network is not.
- none: the kernel runs as the grader's user in its own folder, with a clean
  environment and an import guard (see kernel.py); it could still read files by
  absolute path and use the network. Results say so.
"""

import functools
import os
import pwd
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
USER_ENV = "KIT_KERNEL_USER"
# Run as root by the kernel manager: give the connection file (which jupyter_client writes
# readable by root alone) to the user, drop to that user, then become the kernel.
AS_USER = """import os, pwd, sys
user = pwd.getpwnam(sys.argv[1])
os.chown(sys.argv[2], user.pw_uid, user.pw_gid)
os.setgroups([])
os.setgid(user.pw_gid)
os.setuid(user.pw_uid)
os.execv(sys.argv[3], sys.argv[3:])
"""


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

    def hand_over(self, user: pwd.struct_passwd) -> None:
        """Let `user` write where the kernel writes; the probe code stays the grader's, read-only to it."""
        self.root.chmod(0o711)
        for folder in (self.work, self.runtime, self.exchange, self.tmp):
            os.chown(folder, user.pw_uid, user.pw_gid)

    def share(self, *paths: Path) -> None:
        """Give folders the grader made in the box to the kernel's user, when it runs as another one."""
        owner = self.work.stat()
        if owner.st_uid != os.getuid():
            for path in paths:
                os.chown(path, owner.st_uid, owner.st_gid)

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
    if user := kernel_user():
        box.hand_over(user)
        return [sys.executable, "-c", AS_USER, user.pw_name, "{connection_file}", *kernel], (
            f"Sandbox: user {user.pw_name} ({reason}). The submission ran in a folder of its own as an"
            " unprivileged user that cannot read the grader's files, but could use the network."
        )
    return kernel, (
        f"Sandbox: none ({reason}). The submission ran in a folder of its own with a clean environment,"
        " but could use the network and read files by their path."
    )


def kernel_user() -> pwd.struct_passwd | None:
    """The unprivileged user named by $KIT_KERNEL_USER (run_autograder sets it), if any."""
    if not (name := os.environ.get(USER_ENV)):
        return None
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise IsolationError(f"${USER_ENV} names the user {name!r}, who does not exist") from None


def kernel_env(box: Box, extra: dict[str, str]) -> dict[str, str]:
    """A clean environment: nothing of the grader's (data or cache paths, tokens) reaches the student."""
    env = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
    return {**env, "HOME": str(box.work), "TMPDIR": str(box.tmp), "MPLBACKEND": "agg", **extra}
