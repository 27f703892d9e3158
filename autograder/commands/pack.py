"""`autograder pack NAME -o DIR`: the student pack of an assignment, what the instructor hands out.

DIR gets the released notebook, the data it reads (from the data folder: --data-dir, else
$KIT_DATA_DIR), a requirements.txt of the packages it imports, pinned to the versions the
kit grades with, and a README.txt on how to start. Students need nothing of the kit.
"""

import argparse
import sys
from pathlib import Path

from kitdata import MissingDatasetError

from autograder.authoring.pack import write_pack
from autograder.commands import keywords
from autograder.course import AssignmentError, discover, names


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("pack", help=summary, description=__doc__)
    parser.add_argument("assignment", choices=names())
    parser.add_argument("-o", "--out", type=Path, required=True, help="the pack's folder (must not exist)")
    parser.add_argument("--data-dir", type=Path, help="the data folder (default: $KIT_DATA_DIR, else the kit's own)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of pack()."""
    return pack(**keywords(args))


def pack(assignment: str, *, out: Path, data_dir: Path | None = None) -> int:
    """Write the student pack of `assignment` into `out` (a new folder), with its data from `data_dir`.

    The options are the command line's (`autograder pack --help`); the exit code is the command's.
    """
    try:
        files = write_pack(discover()[assignment], Path(out), data_dir)
    except (AssignmentError, MissingDatasetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in files:
        print(f"wrote {path}")
    return 0
