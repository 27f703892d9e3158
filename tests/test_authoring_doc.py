"""docs/authoring.md is run: its shell blocks, in order, in a fresh copy of the repository, so that the guide
cannot drift from the commands.

Every block fenced ```sh runs, in bash (-e, pipefail) from the copy's root, unless the line
before its fence is the marker `<!-- not run: why -->` (the guide's set-up of a new machine,
which this test replaces by the kit it runs in). `autograder` and `python` in the blocks are
the copy's own: wrappers around this interpreter come first on PATH, and PYTHONPATH puts the
copy's packages first, so a block never reaches the checkout the kit was installed from.
"""

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.copies import changed_paths, copy_of_repository
from support.kit import require_data_dir

from autograder.authoring.scaffold import own_paths
from autograder.course import course_root

pytestmark = [
    pytest.mark.kernel,
    pytest.mark.nbgrader,
    pytest.mark.class_run,
]  # every shell block of the guide: gradings, nbgrader, a class run

GUIDE = Path("docs", "authoring.md")
ASSIGNMENT = "yelp_words"  # the assignment the guide adds
NOT_RUN = re.compile(r"<!-- not run: \S.* -->")
FENCE = re.compile(r"^```(\S*)\s*$")
SHELLS = ("bash", "shell", "console", "zsh")  # fences a shell block must not hide behind: the guide writes sh


@dataclass(frozen=True)
class Block:
    line: int
    """The line of its opening fence in the guide, from 1."""
    code: str
    run: bool


def shell_blocks(text: str) -> list[Block]:
    """The guide's ```sh blocks in order; a block right after the NOT_RUN marker is not run."""
    lines = text.splitlines()
    blocks, opened, language = [], None, ""
    for number, line in enumerate(lines, start=1):
        fence = FENCE.match(line)
        if not fence:
            continue
        if opened is None:
            opened, language = number, fence[1]
            assert language not in SHELLS, f"line {number} of {GUIDE}: fence shell blocks as ```sh so that they run"
        elif not fence[1]:
            if language == "sh":
                marked = opened > 1 and NOT_RUN.fullmatch(lines[opened - 2].strip()) is not None
                blocks.append(Block(opened, "\n".join(lines[opened : number - 1]) + "\n", not marked))
            opened = None
    assert opened is None, f"the fence at line {opened} of {GUIDE} is never closed"
    return blocks


def wrappers(folder: Path) -> Path:
    """`python` and `autograder` as a user with the kit's environment activated has them."""
    folder.mkdir()
    for name, command in (("python", ""), ("autograder", " -m autograder.cli")):
        (folder / name).write_text(f'#!/bin/sh\nexec {sys.executable}{command} "$@"\n')
        (folder / name).chmod(0o755)
    return folder


def test_the_authoring_guide_runs_as_written(tmp_path):
    blocks = shell_blocks((course_root() / GUIDE).read_text(encoding="utf-8"))
    assert [block.run for block in blocks].count(False) <= 1, "keep the blocks that are not run few"
    course = copy_of_repository(tmp_path / "course")
    path = [str(wrappers(tmp_path / "bin")), str(Path(sys.executable).parent), os.environ.get("PATH", "")]
    env = {
        **os.environ,
        "PATH": os.pathsep.join(path),  # the environment's bin folder too: ruff, and nbgrader's alembic
        "PYTHONPATH": os.pathsep.join([str(course), str(course / "datasets")]),
        "KIT_DATA_DIR": str(require_data_dir()),
    }
    imported = subprocess.run(
        ["python", "-c", "import autograder, kitdata; print(autograder.__file__, kitdata.__file__)"],
        cwd=course / "docs",  # not the copy's root: PYTHONPATH alone must lead to the copy
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert all(Path(module).is_relative_to(course) for module in imported.stdout.split()), imported.stdout

    for block in filter(lambda block: block.run, blocks):
        done = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", block.code],
            cwd=course,
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        assert done.returncode == 0, (
            f"the block at line {block.line} of {GUIDE} exited with {done.returncode}:\n{block.code}\n"
            f"--- stdout (end)\n{done.stdout[-4000:]}\n--- stderr (end)\n{done.stderr[-4000:]}"
        )

    own = tuple(str(path.relative_to(course)) for path in own_paths(course, ASSIGNMENT))
    changed = changed_paths(course)
    assert changed and all(path.startswith(own) for path in changed), changed
