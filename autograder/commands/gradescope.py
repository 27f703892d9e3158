"""`autograder gradescope ASSIGNMENT -o ASSIGNMENT-autograder.zip`: the zip of a Gradescope autograder.

Upload it as the assignment's "Zip file upload" autograder (docs/gradescope.md). It holds
setup.sh and run_autograder, a wheel of the kit, the assignment's course files (reference
and checks) and the data its checks read, so Gradescope clones and downloads nothing but
the kit's pinned dependencies from PyPI.
"""

import argparse
from pathlib import Path

from autograder.commands import keywords
from autograder.course import AssignmentError, get, names
from autograder.gradescope.package import PackageError, build_zip


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("gradescope", help=summary, description=__doc__)
    parser.add_argument("assignment", choices=names())
    parser.add_argument("-o", "--output", type=Path, required=True, help="the zip to write")
    parser.add_argument("--data-dir", help="the data folder (default: $KIT_DATA_DIR, else the per-user one)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The command line's call of gradescope()."""
    return gradescope(**keywords(args))


def gradescope(assignment: str, *, output: Path, data_dir: str | Path | None = None) -> int:
    """Write the Gradescope autograder zip of `assignment` to `output` (a .zip), with its data from `data_dir`.

    The options are the command line's (`autograder gradescope --help`); the exit code is the command's.
    """
    output = Path(output)
    if output.suffix != ".zip":
        raise SystemExit(f"error: {output} must end in .zip (Gradescope takes a zip file)")
    try:
        names = build_zip(get(assignment), output, data_dir)
    except (PackageError, AssignmentError, FileNotFoundError) as error:  # kitdata's missing data is a FileNotFoundError
        raise SystemExit(f"error: {error}") from None
    print(f"wrote {output}: {len(names)} files; upload it as the autograder of {assignment} (docs/gradescope.md)")
    return 0
