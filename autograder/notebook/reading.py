"""Open a submitted file as a notebook, or say in one sentence why it is not one.

The file is the student's, so it is read with suspicion: only a regular file, never through a
symbolic link (to the instructor's notebook, to /dev/zero), never a FIFO or a device (which could
block or never end), and never more than MAX_SUBMISSION_BYTES.
"""

import errno
import json
import os
import stat
import warnings
from pathlib import Path

import nbformat

MAX_SUBMISSION_BYTES = 100 * 1024**2
"""The largest file graded: a notebook that keeps every output of a long training is a few MiB."""
KINDS = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a FIFO", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device"}


class NotebookError(ValueError):
    """The file cannot be graded as a notebook; str() is the reason for the result row, `detail` the instructor's."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.detail = detail
        """What only the instructor is told, such as where a symbolic link pointed."""


def read_notebook(raw: bytes, name: str) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook in a file's bytes, and a sentence for each repair nbformat made to it (such as duplicate cell ids).

    Bytes, not a path: a task sent to a Dask worker carries the file. `name` is the file's, for the messages.
    """
    if not raw.strip():
        raise NotebookError(f"{name} is empty")
    try:
        text = raw.decode("utf-8")
        json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise NotebookError(f"{name} is not a notebook (not JSON text)") from None
    except RecursionError:
        raise NotebookError(f"{name} is not a notebook (JSON nested too deeply to read)") from None
    try:
        with warnings.catch_warnings(record=True) as repairs:
            warnings.simplefilter("always")
            notebook = nbformat.reads(text, as_version=4)
            nbformat.validate(notebook)
    except Exception as error:  # nbformat raises several unrelated types for malformed documents
        summary = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise NotebookError(f"{name} is not a valid Jupyter notebook: {summary}") from None
    duplicates = sum("DuplicateCellId" in warning.category.__name__ for warning in repairs)
    return notebook, [
        f"Repaired: {duplicates} cells had the id of another cell; they were given new ids."
    ] if duplicates else []


def read_bytes(path: Path, limit: int = MAX_SUBMISSION_BYTES, below: Path | None = None) -> bytes:
    """A submitted file's bytes: a regular file's, at most `limit` of them; anything else is a NotebookError.

    `below`: the folder the class was found in; no folder between it and the file may be a symbolic link either.
    """
    try:
        handle = _open_below(path, below)
    except _Link as link:
        raise NotebookError(
            f"{path.name} is reached through a symbolic link ({link.path.name}): only the submitted files themselves are graded"
            if link.path != path
            else f"{path.name} is a symbolic link, not a notebook file: only the file itself is graded",
            f"{link.path} is a symbolic link to {_target(link.path)}",
        ) from None
    except OSError as error:
        raise NotebookError(f"cannot read {path.name}: {error.strerror}") from None
    try:
        info = os.fstat(handle)
        mode = info.st_mode
        if not stat.S_ISREG(mode):
            kind = next((kind for test, kind in KINDS.items() if test(mode)), "not a regular file")
            raise NotebookError(f"{path.name} is {kind}, not a notebook file", f"{path} is {kind}")
        content = _read_at_most(handle, limit + 1, info.st_size)
    except OSError as error:
        raise NotebookError(f"cannot read {path.name}: {error.strerror}") from None
    finally:
        os.close(handle)
    if len(content) > limit:
        raise NotebookError(f"{path.name} is larger than {limit:,} bytes, the most a submitted notebook may have")
    return content


class _Link(Exception):
    def __init__(self, path: Path) -> None:
        self.path = path


def _open_below(path: Path, below: Path | None) -> int:
    """A descriptor of `path`, opened without following a symbolic link at it, or at any folder under `below`."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    if below is None:
        steps, folder = [path], None
    else:
        parts = path.relative_to(below).parts
        steps = [below.joinpath(*parts[:depth]) for depth in range(1, len(parts) + 1)]
        folder = os.open(below, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for step in steps[:-1]:
            inner = _no_link(step, os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC, folder)
            os.close(folder)
            folder = inner
        return _no_link(steps[-1], flags, folder)
    finally:
        if folder is not None:
            os.close(folder)


def _no_link(step: Path, flags: int, folder: int | None) -> int:
    try:
        return os.open(step.name if folder is not None else step, flags, dir_fd=folder)
    except OSError as error:
        if error.errno == errno.ELOOP or (error.errno == errno.ENOTDIR and step.is_symlink()):
            raise _Link(step) from None
        raise


def _read_at_most(handle: int, count: int, size: int) -> bytes:
    """Up to `count` bytes of a file of `size` bytes: one buffer of the file's size, never a second copy of it."""
    content = os.read(handle, min(size + 1, count))
    while len(content) < count and (more := os.read(handle, count - len(content))):  # a file that grew
        content += more
    return content


def _target(path: Path) -> str:
    try:
        return repr(os.readlink(path))
    except OSError as error:
        return f"a target that cannot be read ({error.strerror})"


def read_notebook_file(path: Path, below: Path | None = None) -> tuple[nbformat.NotebookNode, list[str]]:
    """read_notebook of a file on disk (read_bytes says what `below` is)."""
    return read_notebook(read_bytes(path, below=below), path.name)
