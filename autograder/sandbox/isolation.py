"""Where the student's kernel runs: a folder of its own and, where the machine allows, an OS sandbox.

Two levels (docs/security.md):

- bubblewrap: the kernel sees Python and the system's libraries read-only, its own
  submission folder, an empty /tmp, and nothing else: not the kit's source, the
  reference solutions, the hidden checks, the data, other students' work or the
  grader's output. Python's folders are seen wherever they are (a venv under /tmp
  too), the kit's checkout never. It has no network, its own process table (every
  process it starts ends with it), and no capabilities.
- another user: where bubblewrap cannot run (a Gradescope container) and $KIT_KERNEL_USER
  names an unprivileged user, the kernel runs as that user in its own folder: the grader's
  files (mode 0700, root's) are out of its reach, the network is not.
- none: the kernel runs as the grader's user in its own folder, with a clean
  environment and an import guard (see kernel.py); it could still read files by
  absolute path and use the network. The instructor's copy of the results, the
  class report and the grading commands' warnings say so.

`--sandbox auto` grades without bubblewrap only where it cannot run on the machine at
all; a mount plan of the kit's that fails is an error, never a quiet fallback.
"""

import functools
import os
import pwd
import shutil
import site
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from autograder.sandbox.policy import DEFAULT_POLICY, Policy
from autograder.scratch import Scratch

SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")
NAMESPACES = ("--unshare-all", "--die-with-parent")
PROC_AND_DEV = ("--proc", "/proc", "--dev", "/dev")
PASSED_ENV = ("PATH", "LANG", "LC_ALL", "TZ")
KIT_PACKAGE = Path(__file__).resolve().parents[1]
# Found, not imported (that takes seconds): the kernel's own module, so the interpreter, its
# standard library and its site-packages are all seen.
PLAN_PROBE = "import importlib.util, sys; sys.exit(importlib.util.find_spec('ipykernel_launcher') is None)"
BOX_PREFIX = "kit-submission-"
CONTROL_PREFIX = "kit-kernel-"
KERNEL_NAME = "kit-sandbox"
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


SOCKET_PATH_BYTES = 107
"""The longest path a Unix socket may have (sun_path holds 108 bytes, its end included)."""


def socket_path_problem() -> str | None:
    """Why a kernel could not open its IPC sockets in a box of this temp folder (their path is too long), if it could not.

    Measured on a real box, with two-digit socket numbers: without this, every grading would fail
    alike with "File name too long" from ZeroMQ.
    """
    box = Box.create()
    try:
        longest = f"{box.control.path / 'run-99' / 'ipc'}-99"
    finally:
        box.remove()
    size = len(os.fsencode(longest))
    if size <= SOCKET_PATH_BYTES:
        return None
    return (
        f"the temp folder {tempfile.gettempdir()} is too deep for the student kernel's sockets ({size} bytes in"
        f" {longest}; a Unix socket's path holds {SOCKET_PATH_BYTES}): set TMPDIR to a shorter folder, such as /tmp"
    )


class IsolationError(RuntimeError):
    """bubblewrap was required but does not work on this machine, or the kit's mount plan does not work."""


@dataclass(frozen=True)
class Launch:
    """One start of the kernel: its connection file, read-only to it, and a folder of its own for its IPC sockets.

    Both live in the box's control folder, which the sandbox does not show: a later start's
    files do not exist yet, so nothing the student's code did can stand in their place.
    """

    connection_file: Path
    sockets: Path
    """What the IPC sockets are named after: <sockets>-1, <sockets>-2, ..."""

    def binds(self) -> list[str]:
        """The bwrap arguments that show the kernel these two and nothing else of the control folder."""
        connection, folder = str(self.connection_file), str(self.sockets.parent)
        return ["--ro-bind", connection, connection, "--bind", folder, folder]


@dataclass(frozen=True)
class Box:
    """One submission's folder, the only place its process can write, and the grader's control folder beside it.

    Scratch folders, so that the box of a grading whose worker was killed is removed by
    the next grading on the machine. The control folder holds what the grader writes to
    start a kernel (its spec and connection files), the kernels' sockets and the exchange
    of requests and answers: kept out of the box, the student's code can neither replace
    them with a link (which the grader's next write would follow out of the sandbox) nor
    with a FIFO (which it would block on).
    """

    scratch: Scratch
    control: Scratch

    @classmethod
    def create(cls) -> "Box":
        box = cls(Scratch(BOX_PREFIX), Scratch(CONTROL_PREFIX))
        for folder in (box.work, box.exchange, box.kit, box.tmp):
            folder.mkdir()
        box.spec_dir.mkdir(parents=True)
        return box

    @property
    def root(self) -> Path:
        return self.scratch.path

    @property
    def work(self) -> Path:
        """The kernel's working folder and HOME."""
        return self.root / "work"

    @property
    def exchange(self) -> Path:
        """Probe requests and answers: in the control folder, shown to the kernel as a mount point it cannot replace."""
        return self.control.path / "exchange"

    @property
    def kit(self) -> Path:
        """A copy of the probe code, read-only inside the sandbox."""
        return self.root / "kit"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def spec_dir(self) -> Path:
        """The kernel spec the grader starts the kernel from: the kernel never sees it."""
        return self.control.path / "kernelspec" / KERNEL_NAME

    def launch(self, number: int) -> Launch:
        """The files of the kernel's start number `number` (0 the first), its sockets' folder made."""
        folder = self.control.path / f"run-{number}"
        folder.mkdir()
        return Launch(self.control.path / f"kernel-{number}.json", folder / "ipc")

    def hand_over(self, user: pwd.struct_passwd, launch: Launch) -> None:
        """Let `user` write where the kernel writes; the probe code and the control folder stay the grader's.

        The user may pass through the control folder but not list it; its connection file is
        given to it by AS_USER, its sockets' folder here.
        """
        self.root.chmod(0o711)
        self.control.path.chmod(0o711)
        for folder in (self.work, self.exchange, self.tmp, launch.sockets.parent):
            os.chown(folder, user.pw_uid, user.pw_gid)

    def share(self, *paths: Path) -> None:
        """Give folders the grader made in the box to the kernel's user, when it runs as another one."""
        owner = self.work.stat()
        if owner.st_uid != os.getuid():
            for path in paths:
                os.chown(path, owner.st_uid, owner.st_gid)

    def remove(self) -> None:
        self.scratch.remove()
        self.control.remove()


def _python_dirs() -> list[str]:
    """The folders Python and its packages live in, outside the system folders."""
    candidates = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        sys.base_exec_prefix,
        os.path.dirname(os.path.realpath(sys.executable)),
        *site.getsitepackages(),
    }
    if site.ENABLE_USER_SITE and os.path.isdir(site.getusersitepackages()):
        candidates.add(site.getusersitepackages())
    real = sorted({os.path.realpath(path) for path in candidates if os.path.isdir(path)} - {"/"})
    outside = [path for path in real if not path.startswith(tuple(d + "/" for d in SYSTEM_DIRS))]
    return [path for path in outside if not any(path.startswith(other + "/") for other in outside)]


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def visible_parts(folder: str, hidden: list[str]) -> list[str]:
    """What to bind to show `folder` without the `hidden` folders: itself, or, when one of them lies
    inside it, its entries around that one, level by level (a kit checked out inside its venv, as
    `pip install -e git+...` does, leaves the reference solutions out of the venv's mount)."""
    inside = [path for path in hidden if _inside(path, folder)]
    if not inside:
        return [folder]
    if folder in inside:
        return []
    with os.scandir(folder) as entries:
        names = sorted(entry.name for entry in entries)
    return [part for name in names for part in visible_parts(os.path.join(folder, name), inside)]


def kit_files() -> Path:
    """The kit's own files: its checkout (the reference solutions, the checks, the instructor's notebooks), or,
    installed as a wheel among Python's packages (as on Gradescope), its package (the checks)."""
    checkout = KIT_PACKAGE.parent
    return checkout if (checkout / "pyproject.toml").exists() else KIT_PACKAGE


def _hidden_folders() -> list[str]:
    """Never visible in the sandbox: the kit's files, and the temp folder that holds every submission's box.

    The probe code the kernel needs is copied into the box."""
    return [os.path.realpath(path) for path in (kit_files(), tempfile.gettempdir(), "/tmp")]


def bubblewrap_argv(box: Box, binds: Sequence[str] = (), tmpfs_bytes: int = DEFAULT_POLICY.memory_bytes) -> list[str]:
    """The bwrap command line that confines one kernel to `box`, with the mounts `binds` too.

    Python's folders are mounted after the empty /tmp (and temp folder), so that Python
    is found wherever it lives, a venv under /tmp included; then the box itself. Every
    folder the kernel can write but the exchange is a tmpfs of at most `tmpfs_bytes`
    (/tmp, /dev/shm, the box's working and temp folders): what it writes there is memory,
    which its memory cgroup counts (cgroups.py), never the grader's disk.
    """
    argv = ["bwrap", *NAMESPACES, "--unsetenv", "JPY_PARENT_PID"]
    for folder in SYSTEM_DIRS:
        argv += ["--ro-bind-try", folder, folder]
    argv += _special_mounts(tmpfs_bytes)
    hidden = _hidden_folders()
    for folder in _python_dirs():
        for part in visible_parts(folder, hidden):
            argv += ["--ro-bind", part, part]
    argv += [*_sized_tmpfs(box.root, tmpfs_bytes), "--dir", str(box.work), "--dir", str(box.tmp)]
    argv += ["--ro-bind", str(box.kit), str(box.kit), "--bind", str(box.exchange), str(box.exchange), *binds]
    return [*argv, "--chdir", str(box.work), "--"]


def _sized_tmpfs(folder: str | Path, size: int) -> list[str]:
    return ["--size", str(size), "--tmpfs", str(folder)]


def _special_mounts(tmpfs_bytes: int) -> list[str]:
    """A fresh /proc and /dev with a /dev/shm of its own, and an empty /tmp (and temp folder, if it is elsewhere)."""
    empty = sorted({"/tmp", os.path.realpath(tempfile.gettempdir())})
    tmpfs = [arg for folder in ["/dev/shm", *empty] for arg in _sized_tmpfs(folder, tmpfs_bytes)]
    return [*PROC_AND_DEV, *tmpfs]


def _failure(argv: list[str]) -> str | None:
    """None if the command succeeds, else what went wrong."""
    try:
        done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap failed to run: {error}"
    return None if done.returncode == 0 else f"bwrap failed: {done.stderr.strip()[:300]}"


@functools.cache
def bubblewrap_problem() -> str | None:
    """None if the sandbox works here, else why bubblewrap cannot run on this machine (checked once per process).

    Only the machine is a reason to grade without the sandbox: when bubblewrap confines
    Python with the whole file system visible but not with the kit's own mount plan, the
    plan is wrong, and that raises IsolationError rather than being a reason to fall back.
    """
    if shutil.which("bwrap") is None:
        return "the bwrap command is not installed (Debian: apt install bubblewrap)"
    if problem := _failure(["bwrap", *NAMESPACES, "--ro-bind", "/", "/", *PROC_AND_DEV, sys.executable, "-c", "pass"]):
        return problem
    box = Box.create()
    try:
        problem = _failure([*bubblewrap_argv(box), sys.executable, "-c", PLAN_PROBE])
    finally:
        box.remove()
    if problem:
        raise IsolationError(
            f"bubblewrap works on this machine, but the kit's sandbox could not start Python in it ({problem})."
            " This is a bug of the kit's mount plan (autograder/sandbox/isolation.py), not a reason to grade"
            " without the sandbox; --sandbox none grades without it."
        )
    return None


@dataclass(frozen=True)
class Confinement:
    """How a student's kernel was confined: a note about the grader's machine, for the instructor only."""

    isolation: str
    """'bubblewrap', 'user' (an unprivileged user of its own) or 'none'."""
    reason: str = ""
    """Why not bubblewrap."""
    user: str = ""
    """The kernel's user, for 'user'."""

    @property
    def note(self) -> str:
        if self.isolation == "bubblewrap":
            return "Sandbox: bubblewrap (no network; only Python, its libraries and the submission's own folder are visible)."
        if self.isolation == "user":
            return (
                f"Sandbox: user {self.user} ({self.reason}). The submission ran in a folder of its own as an"
                " unprivileged user that cannot read the grader's files, but could use the network."
            )
        return (
            f"Sandbox: none ({self.reason}). The submission ran in a folder of its own with a clean environment,"
            " but could use the network and read files by their path."
        )

    def record(self) -> dict:
        """For the instructor's results (extra_data.sandbox), which the class report and the commands' warnings read."""
        optional = {"reason": self.reason, "user": self.user}
        return {"isolation": self.isolation, **{key: value for key, value in optional.items() if value}}


def kernel_command(box: Box, launch: Launch, policy: Policy) -> tuple[list[str], Confinement]:
    """The argv that starts the student's kernel for `launch`, and how it is confined."""
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    if policy.isolation == "none":
        reason = "isolation 'none' was chosen"
    else:
        problem = bubblewrap_problem()
        if problem is None:
            return [*bubblewrap_argv(box, launch.binds(), policy.memory_bytes), *kernel], Confinement("bubblewrap")
        if policy.isolation == "bubblewrap":
            raise IsolationError(f"the bubblewrap sandbox was required, but {problem}")
        reason = problem
    if user := kernel_user():
        box.hand_over(user, launch)
        return [sys.executable, "-c", AS_USER, user.pw_name, "{connection_file}", *kernel], Confinement(
            "user", reason, user.pw_name
        )
    return kernel, Confinement("none", reason)


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
