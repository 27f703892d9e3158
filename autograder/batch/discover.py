"""Find the submitted notebooks of a class, one per student, in the layouts instructors have.

- nbgrader's layout: `submitted/<student>/<assignment>/*.ipynb`;
- a folder of loose notebooks, the student id taken from the file name;
- a zip downloaded from an LMS, holding either of the above.
A file name like `alice_sentiment_rnn.ipynb` or Canvas's
`smithjane_1234_5678_sentiment_rnn.ipynb` gives the student id before the first `_`.
"""

import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Submission:
    student: str
    notebook: Path


class DiscoveryError(ValueError):
    """The path holds no submissions the kit can find; str() says what was looked for."""


def _nbgrader_layout(root: Path, assignment: str) -> list[Submission]:
    found = []
    for folder in sorted(root.glob(f"*/{assignment}")):
        notebooks = sorted(folder.glob("*.ipynb"))
        preferred = [n for n in notebooks if n.stem == assignment] or notebooks
        if preferred:
            found.append(Submission(folder.parent.name, preferred[0]))
    return found


def _loose_notebooks(root: Path) -> list[Submission]:
    notebooks = sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    ids = [n.stem.split("_", 1)[0] or n.stem for n in notebooks]
    # Two files that give one id (a resubmission, or plain names) keep their whole stem instead.
    return [
        Submission(student if ids.count(student) == 1 else notebook.stem, notebook)
        for student, notebook in zip(ids, notebooks)
    ]


def _safe_extract(archive: Path, into: Path) -> None:
    """Unpack a zip, refusing members that would land outside `into`."""
    with zipfile.ZipFile(archive) as bundle:
        for member in bundle.infolist():
            parts = PurePosixPath(member.filename).parts
            if member.filename.startswith("/") or ".." in parts:
                raise DiscoveryError(f"{archive.name} holds an unsafe path: {member.filename}")
        bundle.extractall(into)


def find_submissions(path: Path, assignment: str, scratch: Path | None = None) -> list[Submission]:
    """All submissions under `path` (a folder or a .zip), sorted by student id."""
    if path.is_file() and path.suffix == ".zip":
        scratch = scratch or Path(tempfile.mkdtemp(prefix="kit-zip-"))
        _safe_extract(path, scratch)
        path = scratch
    if not path.is_dir():
        raise DiscoveryError(f"{path} is neither a folder nor a .zip of submissions")
    found = _nbgrader_layout(path, assignment) or _loose_notebooks(path)
    if not found:
        raise DiscoveryError(
            f"no notebooks in {path} (looked for <student>/{assignment}/*.ipynb and loose *.ipynb files)"
        )
    return sorted(found, key=lambda s: s.student)
