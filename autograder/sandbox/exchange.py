"""One request to the student's process and its answer, traded through a folder both sides reach.

The student's process can write in that folder: it could put a link or a FIFO where the
grader is about to write or read. So the grader writes its request in a folder of its own
beside the exchange and moves it in whole, under a name nobody can guess; it reads the
answer, and removes what is left, through a handle on the exchange folder, without following
a link at any step (wire.load).
"""

import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from autograder.probes import wire

FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
MAX_EXCHANGE_BYTES = 4 * wire.MAX_ANSWER_BYTES
MAX_EXCHANGE_ENTRIES = 2 * wire.MAX_FILES
"""The exchange is on the grader's disk, where the sandbox's tmpfs sizes and memory groups do not reach: the
watchdog ends a kernel whose exchange holds more (a request and the largest answer read take far less)."""


MAX_EXCHANGE_DEPTH = 32
"""Folders nested deeper than this in the exchange pass its limits: requests and answers are a few levels deep."""


def overfull(exchange: Path) -> str | None:
    """What of the exchange's limits it passes (its bytes on disk, its files and folders, their depth), or None.

    Each folder is opened by its name in its parent's handle, never by a path, and without
    following a link: a folder the student swaps for a link while it is counted is not
    entered. Counting stops at a limit: a folder of a million names costs no more than one
    just past MAX_EXCHANGE_ENTRIES.
    """
    used, entries = 0, 0

    def counted(folder: int, depth: int) -> str | None:
        nonlocal used, entries
        if depth > MAX_EXCHANGE_DEPTH:
            return f"folders nested more than {MAX_EXCHANGE_DEPTH} deep"
        inner = []
        try:
            with os.scandir(folder) as listed:
                for entry in listed:
                    entries += 1
                    if entries > MAX_EXCHANGE_ENTRIES:
                        return f"more than {MAX_EXCHANGE_ENTRIES:,} files"
                    try:
                        used += entry.stat(follow_symlinks=False).st_blocks * 512
                    except OSError:  # removed since it was listed: the rest is counted all the same
                        continue
                    if used > MAX_EXCHANGE_BYTES:
                        return f"more than {MAX_EXCHANGE_BYTES // 1024**2:,} MiB"
                    if entry.is_dir(follow_symlinks=False):
                        inner.append(entry.name)
        except OSError:  # the listing cut short: what it counted stays counted
            pass
        for name in inner:
            try:
                handle = os.open(name, FOLDER_FLAGS, dir_fd=folder)
            except OSError:  # removed, or swapped for a link, since it was listed
                continue
            try:
                if passed := counted(handle, depth + 1):
                    return passed
            finally:
                os.close(handle)
        return None

    try:
        handle = os.open(exchange, FOLDER_FLAGS)
    except OSError:  # gone with its kernel
        return None
    try:
        return counted(handle, 0)
    finally:
        os.close(handle)


class Trade:
    """`with Trade(exchange, request, share) as trade`: the request is in trade.request; trade.answer() reads the answer.

    `exchange` is a folder the grader made and the student's code cannot replace (a mount point
    in the sandbox, in a folder it cannot write), or None for a private folder of this trade's
    own (the student's code runs in the grader's process); `share` gives folders to the kernel's user.
    """

    def __init__(self, exchange: Path | None, request: Any, share: Callable[..., None]) -> None:
        self._private = None if exchange else Path(tempfile.mkdtemp(prefix="kit-exchange-"))
        if self._private:
            exchange = self._private / "exchange"
            exchange.mkdir()
        self.name = f"kit-probe-{secrets.token_hex(8)}"
        self.request = exchange / self.name / "request"
        self.response = exchange / self.name / "response"
        self._exchange = os.open(exchange, FOLDER_FLAGS)
        try:
            staged = Path(tempfile.mkdtemp(prefix=".kit-staged-", dir=exchange.parent))
            try:
                (staged / "request").mkdir()
                (staged / "response").mkdir()
                wire.dump(request, staged / "request", models=True)
                share(staged, staged / "response")
                os.rename(staged, self.name, dst_dir_fd=self._exchange)
            finally:
                shutil.rmtree(staged, ignore_errors=True)
        except BaseException:
            self._close()
            raise

    def answer(self) -> Any:
        """What the student's process wrote in the response folder; WireError if it is not plain data."""
        try:
            trade = os.open(self.name, FOLDER_FLAGS, dir_fd=self._exchange)
        except OSError as error:
            raise wire.WireError(f"an answer folder that cannot be opened ({error.strerror})") from None
        try:
            return wire.load(Path("response"), dir_fd=trade)
        finally:
            os.close(trade)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        shutil.rmtree(
            self.name, dir_fd=self._exchange, ignore_errors=True
        )  # never follows a link (avoids_symlink_attacks)
        try:
            os.unlink(self.name, dir_fd=self._exchange)  # a link or file put in the folder's place
        except OSError:
            pass
        finally:
            self._close()

    def _close(self) -> None:
        os.close(self._exchange)
        if self._private:
            shutil.rmtree(self._private, ignore_errors=True)
