"""What run_autograder does around `autograder grade`: find the one notebook, or write a result that says what is wrong.

python -m autograder.gradescope.submission find SUBMISSION_DIR RESULTS ASSIGNMENT
    prints the path of the one .ipynb under SUBMISSION_DIR (exit 0); with none or
    several, writes RESULTS (score 0, a message naming the files) and exits 1.
python -m autograder.gradescope.submission failed RESULTS MESSAGE
    writes RESULTS for a grading that ended without results (score 0, the message).
"""

import sys
from pathlib import Path

from autograder.reporting.results import NOT_GRADED, write_json

SHOWN = 10  # file names listed in a message


def notebooks(folder: Path) -> list[Path]:
    """The submitted notebooks, Jupyter's checkpoint copies left out."""
    found = (path for path in folder.rglob("*.ipynb") if path.is_file())
    return sorted(path for path in found if ".ipynb_checkpoints" not in path.relative_to(folder).parts)


def _listed(paths: list[Path], folder: Path) -> str:
    names = [path.relative_to(folder).as_posix() for path in paths]
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more


def problem(folder: Path, assignment: str) -> str | None:
    """None when the submission holds exactly one notebook, else the message for the student."""
    found = notebooks(folder)
    if len(found) == 1:
        return None
    if not found:
        files = sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
        what = f"the submission holds {_listed(files, folder)}" if files else "the submission is empty"
        return f"Not graded: no notebook (.ipynb) was submitted ({what}). Submit your {assignment}.ipynb."
    return (
        f"Not graded: {len(found)} notebooks were submitted ({_listed(found, folder)}). "
        f"Submit only your {assignment}.ipynb, so that the grader knows which one to grade."
    )


def write_failure(results: Path, message: str) -> None:
    write_json({"status": NOT_GRADED, "score": 0.0, "output": message, "tests": []}, results)


def main(argv: list[str]) -> int:
    match argv:
        case ["find", folder, results, assignment]:
            if message := problem(Path(folder), assignment):
                write_failure(Path(results), message)
                print(message, file=sys.stderr)
                return 1
            print(notebooks(Path(folder))[0])
            return 0
        case ["failed", results, message]:
            write_failure(Path(results), message)
            return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
