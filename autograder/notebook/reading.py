"""Open a submitted file as a notebook, or say in one sentence why it is not one."""

import json
import warnings
from pathlib import Path

import nbformat


class NotebookError(ValueError):
    """The file cannot be graded as a notebook; str() is the reason for the result row."""


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


def read_bytes(path: Path) -> bytes:
    """A submitted file's bytes; a file that cannot be read is a NotebookError."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise NotebookError(f"cannot read {path.name}: {error.strerror}") from None


def read_notebook_file(path: Path) -> tuple[nbformat.NotebookNode, list[str]]:
    """read_notebook of a file on disk."""
    return read_notebook(read_bytes(path), path.name)
