"""A copy of the repository to run the kit's commands in, as a new user of a fresh clone would.

The copy is its own git repository, so a test can ask git what the commands changed.
"""

import shutil
import subprocess
from pathlib import Path

from autograder.course import course_root


def copy_of_repository(target: Path) -> Path:
    """The repository's tracked files in `target`, committed to a git repository of their own there."""
    root = course_root()
    files = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        path = Path(name.decode())
        if (root / path).is_file():
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / path, target / path)
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "copy"],
    ):
        subprocess.run(["git", *command], cwd=target, check=True)
    return target


def changed_paths(course: Path) -> set[str]:
    """What git sees changed or added in the copy since it was made, ignored files (nbgrader's outputs) aside."""
    status = subprocess.run(["git", "status", "--porcelain", "-uall"], cwd=course, capture_output=True, text=True)
    return {line[3:] for line in status.stdout.splitlines()}
