"""Files written whole or not at all: a temporary name beside the target, renamed onto it.

Readers (a resumed class run, another worker building the same cache) never see
half a file, and a failed write leaves nothing behind.
"""

import csv
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from autograder.csv_cells import neutral

TMP_MARK = ".tmp"


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_MARK + path.suffix)
    os.close(handle)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_text(text: str, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def write_bytes(content: bytes, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(content)


def write_csv(rows: list[list[str]], path: Path) -> None:
    """Rows as CSV text (the csv module's dialect, CRLF line ends), written whole; no cell a spreadsheet would run."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[neutral(cell) for cell in row] for row in rows])
    write_text(buffer.getvalue(), path)


def remove_unfinished(folder: Path) -> None:
    """Delete the temporary files under `folder` of writes whose process was killed before it renamed them.

    Only for folders this process alone writes to (a class run's --out): elsewhere they may be another's writes in progress.
    """
    for tmp in folder.rglob(f".*{TMP_MARK}*"):
        tmp.unlink(missing_ok=True)
