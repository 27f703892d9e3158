"""Where the course lives: the folder whose source/, release/, solutions/ and autograder/assignments/ the kit reads.

A copy of the repository must grade its own files, not those of the checkout the kit was
installed from, so the root is found at run time, in this order:

1. $KIT_ROOT, when set (a Gradescope autograder, or a course kept apart from the kit's code);
2. the nearest folder at or above the working folder that holds autograder/assignments/;
3. the folder the installed `autograder` package lies in (an editable install's checkout).
"""

import os
from pathlib import Path

ENV_VAR = "KIT_ROOT"
ASSIGNMENTS_DIR = Path("autograder", "assignments")


def course_root() -> Path:
    if explicit := os.environ.get(ENV_VAR):
        return Path(explicit).expanduser().resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ASSIGNMENTS_DIR).is_dir():
            return folder
    return Path(__file__).resolve().parents[2]
