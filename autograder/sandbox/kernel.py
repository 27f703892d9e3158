"""A Student served by a real Jupyter kernel, confined to a folder of its own.

The kernel runs the submission's cells (minus the ones the grader skips) and then
answers probe requests; its answers come back as files in the wire format. The
grading process never runs a line of student code. The policy's limits are
enforced from outside the kernel (watchdog.py), and if the kernel dies inside
one check, a fresh one serves the checks after it.
"""

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

import autograder.probes as probe_package
from autograder.sandbox.cgroups import Cgroups
from autograder.sandbox.isolation import KERNEL_NAME, Box, Confinement, kernel_command, kernel_env
from autograder.sandbox.policy import DEFAULT_POLICY, Policy
from autograder.sandbox.student import Student, StudentError, bounded
from autograder.sandbox.watchdog import CANCELLED, Watchdog

# Fixed so that one submission scores the same on every run and every machine.
ONE_CORE_ENV = {
    "TF_NUM_INTRAOP_THREADS": "1",  # a class is graded one submission per core
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}
DETERMINISM_ENV = {
    **ONE_CORE_ENV,
    "PYTHONHASHSEED": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "KERAS_BACKEND": "tensorflow",
    "PYTHONWARNINGS": "ignore",
}
PROBE_PACKAGE = "__kit_probes__"
"""The name autograder/probes/ is imported by in the box."""
# The kit's own packages: a submission may not import them (the reference solutions
# and the checks are behind them). Outside bubblewrap this guard is a fence, not a wall.
GUARDED = ("autograder", "kitdata", "solutions")
SETUP_CODE = """
import sys as __kit_sys__
__kit_sys__.path.insert(0, {kit!r})
from {package}.answer import answer as __kit_answer__
__kit_sys__.path.remove({kit!r})
class __KitGuard__:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {guarded!r}:
            raise ImportError(f"{{name}} is the grader's, not available to submissions")
__kit_sys__.meta_path.insert(0, __KitGuard__())
del __kit_sys__, __KitGuard__
"""
REAP_SECONDS = 10.0  # for the kernel's process to exit once killed
GRACE_SECONDS = 5.0  # after a call's limit, for the interrupt to take effect before the process is ended
CELL_ERRORS_SHOWN = 5
"""Cells whose errors a message lists; the others are counted."""


def probe_files() -> list[Path]:
    """Every module of the probe package, by name: all of them go into each box (autograder/probes/__init__.py)."""
    return sorted(Path(probe_package.__file__).parent.glob("*.py"))


class CappedClient(NotebookClient):
    """An nbclient that keeps at most `output_bytes` of the student's output; the rest is dropped."""

    output_bytes = 1024**2
    kept_bytes = 0
    output_cut = False

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> nbformat.NotebookNode | None:
        content = msg["content"]
        if msg["msg_type"] == "error":
            content["evalue"] = bounded(str(content.get("evalue", "")))
            content["ename"] = bounded(str(content.get("ename", "")), 100)
            content["traceback"] = []
            return super().output(outs, msg, display_id, cell_index)
        size = len(str(content))
        if self.kept_bytes + size > self.output_bytes:
            self.output_cut = True
            return None
        self.kept_bytes += size
        return super().output(outs, msg, display_id, cell_index)


class KernelStudent(Student):
    """Runs a notebook's cells in a fresh, confined kernel, then answers probes; use as a context manager."""

    def __init__(
        self,
        cells: list[nbformat.NotebookNode],
        policy: Policy = DEFAULT_POLICY,
        given: frozenset[int] = frozenset(),
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """`given`: the indices in `cells` of cells the student did not write (the notebook's own, unchanged).

        An error in one of those is not the student's doing: it goes to the notes for the
        instructor, and the messages about the student's functions name only the student's cells.
        `cancelled` is polled by the watchdog: once true, the student's processes are ended and
        not started again.
        """
        super().__init__()
        self.cells = cells
        self.policy = policy
        self.given = given
        self.cancelled = cancelled
        self.cell_errors: list[str] = []
        self.given_cell_errors: list[str] = []
        self.lost: str | None = None
        self.sandbox: Confinement | None = None
        self.restarts: list[str] = []
        self._deadline = 0.0
        self._box: Box | None = None
        self._client: CappedClient | None = None
        self._context = None
        self._watchdog: Watchdog | None = None
        self._cgroups: Cgroups | None = None
        self._process: subprocess.Popen | None = None
        self._output_cut = False

    # --- the life of one kernel -----------------------------------------------------------------

    def __enter__(self) -> Self:
        self._deadline = time.monotonic() + self.policy.submission_seconds
        self._box = Box.create()
        try:
            package = self._box.kit / PROBE_PACKAGE
            package.mkdir()
            for source in probe_files():  # the content only: an installed kit's files are root's alone
                shutil.copyfile(source, package / source.name)
            self._start()
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def _start(self) -> None:
        """Start a kernel in the box and run the notebook's cells in it."""
        box = self._box
        launch = box.launch(len(self.restarts))
        self._cgroups = Cgroups.create(self.policy)
        argv, self.sandbox = kernel_command(box, launch, self.policy)
        if self._cgroups is not None:
            argv = [*self._cgroups.join_argv(), *argv]
        spec = {"argv": argv, "display_name": "kit sandbox", "language": "python", "interrupt_mode": "message"}
        (box.spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        manager = AsyncKernelManager(
            kernel_name=KERNEL_NAME,
            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(box.spec_dir.parent)]),
            # IPC sockets: the kernel is reachable through files, not over TCP.
            transport="ipc",
            ip=str(launch.sockets),
            connection_file=str(launch.connection_file),
        )
        self._notebook = nbformat.v4.new_notebook(cells=[])
        self._client = CappedClient(
            self._notebook,
            km=manager,
            allow_errors=True,
            interrupt_on_timeout=True,
            error_on_timeout={"ename": "TimeoutError", "evalue": "time limit reached"},
        )
        self._client.output_bytes = self.policy.output_bytes
        self.lost = None
        self.cell_errors, self.given_cell_errors = [], []
        self._context = self._client.setup_kernel(
            env=kernel_env(box, DETERMINISM_ENV),
            cwd=str(box.work),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._context.__enter__()
        self._process = manager.provisioner.process
        self._watchdog = Watchdog(
            self._process.pid, self.policy.memory_bytes, self._deadline, self.cancelled, self._cgroups, box.exchange
        )
        self._watchdog.start()
        setup = SETUP_CODE.format(kit=str(box.kit), package=PROBE_PACKAGE, guarded=GUARDED)
        error = self._run(setup, self.policy.cell_seconds, self._cell_limit)
        if error:  # before any student code ran: the grader's failure
            raise RuntimeError(f"the grader could not set up the student's process: {error}")
        for index, cell in enumerate(self.cells):
            error = self._run(cell.source, self.policy.cell_seconds, self._cell_limit)
            if error:
                label = bounded(str(cell.metadata.get("nbgrader", {}).get("grade_id") or f"#{index + 1}"), 100)
                (self.given_cell_errors if index in self.given else self.cell_errors).append(
                    f"cell '{label}' raised {error}"
                )

    def _stop(self) -> None:
        """Shut the kernel down and end every process it started."""
        try:
            if self._context is not None:
                self._context.__exit__(None, None, None)
        finally:
            self._context = None
            if self._watchdog is not None:
                self._watchdog.stop()
                self._watchdog.kill_all()
                self._output_cut |= bool(self._client and self._client.output_cut)
            if self._process is not None:  # reaped, or every grading would leave a zombie in a long-lived worker
                try:
                    self._process.wait(timeout=REAP_SECONDS)
                except subprocess.TimeoutExpired:
                    pass
                self._process = None
            if self._cgroups is not None:
                self._cgroups.remove()
                self._cgroups = None

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        try:
            self._stop()
        finally:
            if self._box is not None:
                self._box.remove()

    # --- running code in it ---------------------------------------------------------------------

    def _run(self, source: str, timeout: float, limit_name: str) -> str | None:
        """Execute code in the kernel; return 'Name: message' if it raised, else None.

        `limit_name` says which limit `timeout` is, for the message when it is reached: a
        message names the rule, never a measured number, so the same submission gets the
        same results every time.
        """
        if self.lost:
            raise StudentError("lost", self.lost)
        left = self._deadline - time.monotonic()
        if left <= 0:
            self.lost = "submission time limit: grading this submission took too long"
            raise StudentError("timeout", self.lost)
        limit = max(1, int(min(timeout, left)))
        if left < timeout:
            limit_name = f"the submission's time limit ({self.policy.submission_seconds:g} s in all)"
        cell = nbformat.v4.new_code_cell(source)
        self._notebook.cells.append(cell)
        self._client.timeout = limit
        started = time.monotonic()
        self._watchdog.call_deadline = started + limit + GRACE_SECONDS
        index = len(self._notebook.cells) - 1
        try:
            self._client.execute_cell(cell, index, store_history=False)
        except DeadKernelError:
            self.lost = self._watchdog.why_ended() or "the student's process died"
            raise StudentError("lost", self.lost) from None
        finally:
            self._watchdog.call_deadline = None
            # The cell is dropped once run, so a later update of one of its displays by id (IPython's update_display)
            # has nothing to update: forget where its displays were, or nbclient would look for them in the next cell.
            self._client.clear_display_id_mapping(index)
            self._notebook.cells.pop()
        if time.monotonic() - started >= limit:
            # Interrupted code may still run (it can ignore the interrupt) or have left
            # half-done state: this kernel is ended, a fresh one serves the next checks.
            self._watchdog.kill_all()
            self.lost = f"no answer within {limit_name}"
            raise StudentError("timeout", self.lost)
        for output in cell.outputs:
            if output.output_type == "error":
                return f"{output.ename}: {output.evalue}"
        return None

    @property
    def stopped(self) -> bool:
        return self.lost == CANCELLED

    def exchange_root(self) -> Path:
        return self._box.exchange

    def share(self, *paths: Path) -> None:
        self._box.share(*paths)

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float | None) -> None:
        if not self.lost and not self._watchdog.alive():
            self.lost = self._watchdog.why_ended() or "the student's process ended between two checks"
        if self.lost and self._may_restart():
            self.restarts.append(self.lost)
            self._stop()
            self._start()
        code = f"__kit_answer__(globals(), {str(request_dir)!r}, {str(response_dir)!r})"
        if timeout is None:
            timeout, limit_name = self.policy.call_seconds, f"the time limit of {self.policy.call_seconds:g} s per call"
        else:
            limit_name = "the time limit this check sets"
        error = self._run(code, timeout, limit_name)
        if error:
            raise StudentError("raised", f"the grader's request failed in the student's process: {error}")

    @property
    def _cell_limit(self) -> str:
        return f"the time limit of {self.policy.cell_seconds:g} s per notebook cell"

    def _may_restart(self) -> bool:
        over_time = self._deadline <= time.monotonic() or self.lost.startswith("submission time limit")
        return len(self.restarts) < self.policy.restarts and not over_time and self.lost != CANCELLED

    def explain(self, message: str) -> str:
        if not self.cell_errors:
            return message
        shown = self.cell_errors[:CELL_ERRORS_SHOWN]
        more = len(self.cell_errors) - len(shown)
        listed = "; ".join(shown) + (f"; and {more} more cells" if more else "")
        return f"{message} (while running the notebook, {listed})"

    @property
    def notes(self) -> list[str]:
        """What the results should say about how this submission ran (the sandbox is the grader's, see .sandbox)."""
        notes = []
        if self._output_cut or (self._client and self._client.output_cut):
            notes.append(
                f"The submission printed more than {self.policy.output_bytes // 1024} KiB; the rest was not kept."
            )
        notes += [f"The student's process was started again after: {reason}" for reason in self.restarts]
        return notes

    @property
    def grader_notes(self) -> list[str]:
        """What only the instructor reads: errors of the cells the student did not write point at the grader."""
        return [
            f"A cell the student did not write failed, which is not the student's doing (is the grader's environment"
            f" complete?): {error}"
            for error in self.given_cell_errors
        ]
