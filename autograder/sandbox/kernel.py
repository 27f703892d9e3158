"""A Student served by a real Jupyter kernel in a working folder of its own.

The kernel runs the submission's cells (minus the ones the grader skips) and then
answers probe requests; its answers come back as files in the wire format. The
grading process never runs a line of student code.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config
from nbclient.exceptions import DeadKernelError

from autograder.sandbox.student import Student, StudentError

# Fixed so that one submission scores the same on every run and every machine.
DETERMINISM_ENV = {
    "PYTHONHASHSEED": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "TF_NUM_INTRAOP_THREADS": "2",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "2",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "KERAS_BACKEND": "tensorflow",
    "PYTHONWARNINGS": "ignore",
}
SETUP_CODE = "from autograder.sandbox.probes import answer as __kit_answer__"


class KernelStudent(Student):
    """Runs a notebook's cells in a fresh kernel, then answers probes; use as a context manager."""

    def __init__(self, cells: list[nbformat.NotebookNode], cell_timeout: float = 120.0) -> None:
        self.cells = cells
        self.cell_timeout = cell_timeout
        self.cell_errors: list[str] = []
        self.lost: str | None = None
        self._workdir = Path(tempfile.mkdtemp(prefix="kit-submission-"))
        self._notebook = nbformat.v4.new_notebook(cells=[])
        self._client = NotebookClient(
            self._notebook,
            kernel_name="python3",
            allow_errors=True,
            interrupt_on_timeout=True,
            error_on_timeout={"ename": "TimeoutError", "evalue": "time limit reached"},
            resources={"metadata": {"path": str(self._workdir)}},
            # IPC sockets: the kernel is reachable from this machine's user only, not over TCP.
            config=Config({"KernelManager": {"transport": "ipc", "ip": str(self._workdir.with_name(self._workdir.name + "-ipc"))}}),
        )
        self._context = None

    def __enter__(self) -> "KernelStudent":
        env = {**os.environ, **DETERMINISM_ENV}
        try:
            self._context = self._client.setup_kernel(env=env, cwd=str(self._workdir))
            self._context.__enter__()
            self._run(SETUP_CODE, self.cell_timeout)
            for number, cell in enumerate(self.cells, start=1):
                error = self._run(cell.source, self.cell_timeout)
                if error:
                    label = cell.metadata.get("nbgrader", {}).get("grade_id") or f"#{number}"
                    self.cell_errors.append(f"cell '{label}' raised {error}")
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def __exit__(self, kind: type | None, value: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if self._context is not None:
                self._context.__exit__(kind, value, tb)
        finally:
            shutil.rmtree(self._workdir, ignore_errors=True)
            for socket in self._workdir.parent.glob(self._workdir.name + "-ipc-*"):
                socket.unlink(missing_ok=True)

    def _run(self, source: str, timeout: float) -> str | None:
        """Execute code in the kernel; return 'Name: message' if it raised, else None."""
        if self.lost:
            raise StudentError("lost", self.lost)
        cell = nbformat.v4.new_code_cell(source)
        self._notebook.cells.append(cell)
        self._client.timeout = int(timeout)
        started = time.monotonic()
        try:
            self._client.execute_cell(cell, len(self._notebook.cells) - 1, store_history=False)
        except DeadKernelError:
            self.lost = f"the student's process died after {time.monotonic() - started:.0f} s"
            raise StudentError("lost", self.lost) from None
        finally:
            self._notebook.cells.pop()
        if time.monotonic() - started >= int(timeout):
            raise StudentError("timeout", f"no answer within the time limit of {int(timeout)} s")
        for output in cell.outputs:
            if output.output_type == "error":
                return f"{output.ename}: {output.evalue}"
        return None

    def _serve(self, request_dir: Path, response_dir: Path, timeout: float) -> None:
        error = self._run(f"__kit_answer__(globals(), {str(request_dir)!r}, {str(response_dir)!r})", timeout)
        if error:
            raise StudentError("raised", f"the grader's request failed in the student's process: {error}")

    def explain(self, message: str) -> str:
        if not self.cell_errors:
            return message
        return f"{message} (while running the notebook, {'; '.join(self.cell_errors)})"
