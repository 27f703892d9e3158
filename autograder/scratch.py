"""Temporary folders that do not outlive their process, even one that is killed.

Each folder holds a lock (flock) for as long as its process runs, and the kernel drops
the lock when the process dies, however it dies (SIGKILL, the OOM killer). Making a
folder first removes the folders of the same kind whose lock nobody holds: what a
killed worker or coordinator left in the temp folder goes with the next grading there.
"""

import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Self

LOCK_NAME = ".kit-in-use"


class Scratch:
    """A fresh folder in the temp folder, named `prefix...`; remove() (or the end of a `with`) deletes it."""

    def __init__(self, prefix: str) -> None:
        remove_leftovers(prefix)
        self.path = Path(tempfile.mkdtemp(prefix=prefix))
        # Locked before it gets its name, so that no other process ever sees the lock free while this one runs.
        unnamed = self.path / f"{LOCK_NAME}.new"
        self._lock = os.open(unnamed, os.O_CREAT | os.O_WRONLY, 0o600)
        fcntl.flock(self._lock, fcntl.LOCK_EX)
        unnamed.rename(self.path / LOCK_NAME)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock >= 0:
            os.close(self._lock)
            self._lock = -1

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.remove()


def remove_leftovers(prefix: str) -> None:
    """Delete the `prefix...` folders in the temp folder whose process is gone (nobody holds their lock)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{prefix}*"):
        try:
            lock = os.open(folder / LOCK_NAME, os.O_WRONLY)
        except OSError:  # not one of ours, another user's, being made, or already gone
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: its process is alive
            os.close(lock)
            continue
        shutil.rmtree(folder, ignore_errors=True)
        os.close(lock)
