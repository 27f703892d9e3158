"""A class's roster: which notebook each student submitted, and who they are in the LMS the files came from.

Plain data, importing nothing of the kit: the finding of submissions (batch/discover.py) writes
it, and grading, similarity and the LMS exports read it.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LmsId:
    """A student as the LMS knows them: the key its gradebook CSV is matched on."""

    lms: str
    """CANVAS or MOODLE."""
    id: str
    """The Canvas user id or Moodle participant id; "" where the download hides it (Canvas's anonymous grading)."""


@dataclass(frozen=True)
class LmsFile:
    """A file of an LMS download, and whose it is."""

    owner: LmsId
    name: str
    """The student's name as the file name spells it (`smithjane`, `Jane Smith`, `anon_x7k2p`)."""
    original: str
    """The name of the file the student uploaded."""
    path: str
    """The file's path inside the download."""


@dataclass(frozen=True)
class Submission:
    student: str
    """A stable id, the name of the student's folder of outputs."""
    notebook: Path
    lms: LmsFile | None = None
    """Whose the file is in the LMS it was downloaded from, if it came from one."""
    root: Path | None = None
    """The folder the class was found in: no folder between it and the notebook may be a symbolic link."""
