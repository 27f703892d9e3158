"""Checksums: is a file exactly the one the manifest promises?

Graders compare results across machines, so every machine must train on byte-identical data.
"""

import enum
import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .manifest import DatasetSpec, FileSpec

_CHUNK = 1 << 20


class ChecksumError(Exception):
    """A downloaded or converted file is not the expected one."""


class Status(enum.Enum):
    """How a file compares with the manifest; the value is what `autograder data verify` prints."""

    OK = "ok"
    MISSING = "missing"
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class FileCheck:
    """The outcome of checking one file: its status and, if not OK, why."""

    spec: FileSpec
    status: Status
    detail: str = ""


def hash_stream(stream: BinaryIO, algorithm: str) -> tuple[str, int]:
    """Hex digest and byte count of everything left in `stream`, read in chunks to bound memory."""
    digest = hashlib.new(algorithm)
    size = 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def check_file(data_dir: Path, spec: FileSpec) -> FileCheck:
    """Compare one file's SHA-256 and size (of the decompressed content if gzip) with the manifest."""
    path = data_dir / spec.path
    if not path.is_file():
        return FileCheck(spec, Status.MISSING)
    try:
        with (gzip.open if spec.gzip else open)(path, "rb") as stream:
            sha256, size = hash_stream(stream, "sha256")
    except (OSError, EOFError) as exc:  # truncated or not gzip at all
        return FileCheck(spec, Status.MISMATCH, f"unreadable: {exc}")
    if (sha256, size) != (spec.sha256, spec.size):
        detail = f"sha256 {sha256} ({size} bytes), expected {spec.sha256} ({spec.size} bytes)"
        return FileCheck(spec, Status.MISMATCH, detail)
    return FileCheck(spec, Status.OK)


def check_dataset(data_dir: Path, dataset: DatasetSpec) -> list[FileCheck]:
    """Check every file of a dataset, in manifest order."""
    return [check_file(data_dir, spec) for spec in dataset.files]
