"""The reference kernel's answers for training reuse, kept in the grader's cache for the grading processes after this one.

A grading process asks the reference's own kernel for a model's fingerprint and training result
once (reuse/trainings.py). Kept on disk, the answers spare every later process on the machine the
reference's kernel and its trainings: the other workers of a class, a rerun, and on Gradescope
each submission after the setup's grading of the reference.

An answer is kept under a digest of its request and of everything else its value depends on:
the processor, Python and the version of every installed package, the kernel's fixed settings
and the probe code that computes it. Any change there is a new key, and the old answers are
never read again. Only the grader writes here, from its own kernel's answers, into its cache
folder, which no sandbox mounts; the folder is the grader's user's alone (0700).
"""

import hashlib
import importlib.metadata
import os
import platform
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from autograder.cache import cache_dir
from autograder.probes import wire
from autograder.sandbox.kernel import DETERMINISM_ENV, probe_files

MISSING = object()
"""What `get` returns for an answer not kept (or not readable, which is the same to its caller)."""


@cache
def environment() -> str:
    """The digest of what a kernel's answer depends on beyond its request, for this process."""
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    code = [path.read_bytes() for path in probe_files()]
    digest = hashlib.sha256()
    # Not the interpreter's path: a copy of the venv elsewhere runs the same code. Of the kernel's environment, its
    # fixed settings (DETERMINISM_ENV): what else it inherits (PATH, LANG, TZ: kernel_env) changes no training, and
    # PATH differs between the kit's commands and nbgrader's, which must share the answers.
    for part in (
        sys.version,
        platform.machine(),
        _processor(),
        packages,
        sorted(DETERMINISM_ENV.items()),
    ):
        digest.update(repr(part).encode())
    for content in code:
        digest.update(content)
    return digest.hexdigest()


def _processor() -> str:
    """The processor's model and instruction sets: TensorFlow's kernels, and so their rounding, follow them."""
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor()
    first: dict[str, str] = {}
    for key, _, value in (line.partition(":") for line in lines):
        first.setdefault(key.strip(), value.strip())  # the first processor's
    return f"{first.get('model name', '')} {first.get('flags', '')}"


class KeptAnswers:
    """Answers by (kind, request key) in one folder, each a folder in the wire format, written whole or not at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, kind: str, key: tuple) -> Path:
        return self.folder / hashlib.sha256(repr((environment(), kind, key)).encode()).hexdigest()

    def get(self, kind: str, key: tuple) -> Any:
        path = self._path(kind, key)
        try:
            return wire.load(path)
        except (OSError, wire.WireError):  # not kept yet (or cut short by a full disk): asked again
            return MISSING

    def put(self, kind: str, key: tuple, value: Any) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        unfinished = Path(tempfile.mkdtemp(dir=self.folder, prefix=".unfinished-"))
        try:
            wire.dump(value, unfinished)
            os.rename(unfinished, self._path(kind, key))
        except OSError:  # another process kept the same answer first, or the disk is full: nothing is lost
            pass
        finally:
            shutil.rmtree(unfinished, ignore_errors=True)


def kept_answers() -> KeptAnswers:
    """The grader's own: in its cache folder (KIT_CACHE_DIR)."""
    return KeptAnswers(cache_dir() / "reference-trainings")
