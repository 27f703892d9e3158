"""Find the submitted notebooks of a class, one per student, in the layouts instructors have.

- nbgrader's layout: `submitted/<student>/<assignment>/*.ipynb`;
- a folder of loose notebooks, the student id taken from the file name;
- a download from Canvas or Moodle (a folder, or the .zip itself), whose file names also give
  the LMS's own id of the student, kept so that grades can go back into its gradebook.
A file name like `alice_sentiment_rnn.ipynb` gives the student id before the first `_`; a file
of an LMS download gives the name part the LMS wrote (Canvas's `smithjane` from
`smithjane_1234_5678_sentiment_rnn.ipynb`, Moodle's `Jane Smith` from the folder
`Jane Smith_2324116_assignsubmission_file`), see autograder/lms/filenames.py.
"""

import tempfile
import zipfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path, PurePosixPath

from autograder.lms.filenames import lms_file
from autograder.roster import LmsFile, Submission


def safe_id(raw: str) -> str:
    """A student id that is one harmless path component of --out: no separator or control character, not hidden,
    not `.` or `..` (a file named `.._x.ipynb` would otherwise write its results beside --out)."""
    cleaned = "".join(c if c.isprintable() and c not in "/\\" else "_" for c in raw)
    return cleaned if cleaned and not cleaned.startswith(".") else f"_{cleaned}"


def _with_safe_ids(found: list[Submission], root: Path) -> list[Submission]:
    """Each submission with a safe id, distinct from every other (a second `_..` becomes `_.._2`), and its root."""
    ids = [safe_id(submission.student) for submission in found]
    taken, seen = set(ids), Counter[str]()
    unique = []
    for student in ids:
        seen[student] += 1
        if seen[student] > 1:
            number = seen[student]
            while f"{student}_{number}" in taken:
                number += 1
            student = f"{student}_{number}"
            taken.add(student)
        unique.append(student)
    return [replace(submission, student=student, root=root) for submission, student in zip(found, unique)]


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


def _owner(notebook: Path, lms: LmsFile | None) -> str:
    return lms.name if lms else notebook.stem.split("_", 1)[0] or notebook.stem


def _counted(files: list[tuple[Path, LmsFile | None]], assignment: str) -> list[tuple[Path, LmsFile | None]]:
    """One LMS student's notebooks that count: the one they uploaded under the assignment's name, else all.

    Plain file names prove no common owner, so those files all count, each on its own.
    """
    named = [(n, lms) for n, lms in files if lms and PurePosixPath(lms.original).stem == assignment]
    return named if len(files) > 1 and len(named) == 1 else files


def _loose_notebooks(root: Path, assignment: str) -> list[Submission]:
    notebooks = sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    owners: dict[tuple[str, ...], list[tuple[Path, LmsFile | None]]] = defaultdict(list)
    for notebook in notebooks:
        lms = lms_file(PurePosixPath(notebook.relative_to(root).as_posix()))
        key = (lms.owner.lms, lms.owner.id or lms.name) if lms else ("", _owner(notebook, None))
        owners[key].append((notebook, lms))
    # Each file's id, and the one it takes instead when another file gives the same id. A student
    # with several notebooks that count gets one submission per notebook, told apart by file name.
    candidates = []
    for files in owners.values():
        counted = _counted(files, assignment)
        for notebook, lms in counted:
            wanted = _owner(notebook, lms)
            if len(counted) > 1:
                wanted = f"{wanted}_{PurePosixPath(lms.original).stem}" if lms else notebook.stem
            instead = f"{wanted}_{lms.owner.id}" if lms and lms.owner.id else notebook.stem
            candidates.append((wanted, instead, notebook, lms))
    wanted_ids = [wanted for wanted, *_ in candidates]
    ids = [wanted if wanted_ids.count(wanted) == 1 else instead for wanted, instead, *_ in candidates]
    # The same file name in two folders (alice/hw.ipynb, bob/hw.ipynb) still gives one id: each takes its path.
    return [
        Submission(
            student if ids.count(student) == 1 else "_".join(notebook.relative_to(root).with_suffix("").parts),
            notebook,
            lms,
        )
        for student, (_, _, notebook, lms) in zip(ids, candidates)
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
    found = _nbgrader_layout(path, assignment) or _loose_notebooks(path, assignment)
    if not found:
        raise DiscoveryError(
            f"no notebooks in {path} (looked for <student>/{assignment}/*.ipynb and loose *.ipynb files)"
        )
    return sorted(_with_safe_ids(found, path), key=lambda s: s.student)
