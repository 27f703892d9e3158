"""`nbgrader autograde` and `autograder grade` on the same class: does every function get the same points?

    KIT_DATA_DIR=../shared/datasets .venv/bin/python tests/tools/nbgrader_agreement.py tiny_sentiment

The class is the assignment's class run as the suite grades it (tests/support/cases.py's class_run:
the honest copy, the blank stub, every mutant bundle and other correct answer, and for the tiny
course every hostile case). Both commands grade it in a real nbgrader course; the script prints,
per student, the kit's and nbgrader's totals and the functions whose points differ. Links and
FIFOs are kept as they are, which nbgrader itself would read through or wait on, and which both
must refuse unread. Exit code 1 if any function's points differ. It is a script, not a test: a
real assignment's class trains every model twice (minutes per student).
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the support package

from nbgrader.api import Gradebook, MissingEntry
from support.cases import class_run
from support.kit import TINY, autograder, course_env, read_json, require_data_dir

from autograder.authoring.mutants import by_function
from autograder.course import get
from autograder.nbgrader_cli import run_nbgrader


def kit_points(assignment, submitted: Path, out: Path, options: list[str]) -> dict[str, dict[str, float]]:
    autograder("grade", submitted, "--assignment", assignment.name, "--out", out, *options, assignment=assignment)
    return {
        folder.name: {
            function: score for function, (score, _) in by_function(read_json(folder / "results.json")).items()
        }
        for folder in out.iterdir()
        if (folder / "results.json").exists()
    }


def nbgrader_points(assignment, submitted: Path, course: Path, students: list[str]) -> dict[str, dict[str, float]]:
    course.mkdir()
    shutil.copy(assignment.root / "nbgrader_config.py", course)
    shutil.copytree(assignment.root / "source", course / "source")
    run_nbgrader("generate_assignment", assignment.name, "--force", cwd=course, timeout=600)
    for student in students:  # links kept as links, FIFOs as FIFOs
        shutil.copytree(submitted / student, course / "submitted" / student, symlinks=True, copy_function=_copy)
    env = course_env(assignment, {**os.environ, "KIT_DATA_DIR": str(require_data_dir())})
    done = run_nbgrader("autograde", assignment.name, "--force", cwd=course, env=env, timeout=4 * 3600)
    print(f"nbgrader autograde exited {done.returncode}; its errors:", file=sys.stderr)
    for line in (done.stdout + done.stderr).splitlines():
        if "ERROR]" in line or "WARNING]" in line:  # nbgrader logs as "[AutogradeApp | ERROR]"
            print("   ", line[:300], file=sys.stderr)
    points: dict[str, dict[str, float]] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in students:
            try:
                points[student] = {
                    function: gradebook.find_grade(f"test_{function}", assignment.name, assignment.name, student).score
                    for function in assignment.functions
                }
            except MissingEntry:  # nbgrader recorded no autograde: a failed one, or never submitted
                pass
    return points


def _copy(source: str, target: str) -> None:
    if Path(source).is_fifo():
        os.mkfifo(target)
    else:
        shutil.copy2(source, target)


def main(name: str) -> int:
    assignment = TINY if name == TINY.name else get(name)
    with tempfile.TemporaryDirectory(prefix="kit-agreement-") as scratch:
        submitted = Path(scratch, "submitted")
        students, options = class_run(assignment, submitted)
        kit = kit_points(assignment, submitted, Path(scratch, "out"), options)
        nbgrader = nbgrader_points(assignment, submitted, Path(scratch, "course"), students)
    differ = 0
    print(f"{'student':34} {'kit':>6} {'nbgrader':>9}  functions whose points differ")
    for student in sorted(students):
        ours, theirs = kit.get(student, {}), nbgrader.get(student)
        if theirs is None:
            print(f"{student:34} {sum(ours.values()):6g} {'none':>9}  (nbgrader recorded no score)")
            differ += any(ours.values())  # nbgrader failing where the kit gives points is a disagreement
            continue
        different = sorted(f for f in assignment.functions if ours.get(f, 0.0) != theirs.get(f, 0.0))
        differ += bool(different)
        print(f"{student:34} {sum(ours.values()):6g} {sum(theirs.values()):9g}  {', '.join(different)}")
    print(f"{len(students)} students, {differ} disagreeing")
    return 1 if differ else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", help="tiny_sentiment (the suite's synthetic one) or a course assignment")
    sys.exit(main(parser.parse_args().assignment))
