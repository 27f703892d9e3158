"""`autograder similarity SUBMISSIONS --assignment NAME --out DIR`: similar solutions across a class, without grading.

SUBMISSIONS is what `autograder grade` takes for a class (nbgrader's submitted/
layout, a folder of loose notebooks, or an LMS .zip). DIR gets similarity.csv,
similarity_groups.csv and similarity.html; a class run of `grade` writes the same CSV
files and puts the page's section in report.html.
"""

import argparse
from pathlib import Path

from autograder.atomic import write_text
from autograder.batch.discover import DiscoveryError, find_submissions
from autograder.batch.similarity_files import class_similarity
from autograder.commands import keywords
from autograder.course import names
from autograder.reporting.similarity_csv import GROUPS_FILE, PAIRS_FILE
from autograder.reporting.similarity_html import similarity_page
from autograder.similarity.compare import ClassSimilarity

PAGE_FILE = "similarity.html"


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    parser = subparsers.add_parser("similarity", help=summary, description=__doc__)
    parser.add_argument("path", type=Path, help="a folder of submissions, or a .zip of them")
    parser.add_argument("--assignment", required=True, choices=names())
    parser.add_argument("--out", type=Path, required=True, help="the folder for the similarity files")
    parser.set_defaults(run=run)


def summary(similarity: ClassSimilarity) -> str:
    """A line per function: compared, flagged, common forms, and why any student or function was left out."""
    lines = [f"{student}: not compared ({reason})" for student, reason in similarity.unreadable.items()]
    for result in similarity.functions:
        line = (
            f"{result.function}: {len(result.compared)} compared, {len(result.pairs)} pairs flagged,"
            f" {len(result.groups)} common forms"
        )
        lines.append(line + "".join(f"; {reason}: {len(students)}" for reason, students in result.skipped.items()))
        if result.note:
            lines.append(f"  {result.note}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """The command line's call of similarity()."""
    return similarity(**keywords(args))


def similarity(path: Path, *, assignment: str, out: Path) -> int:
    """Compare the solutions of the class in `path` (a folder or a .zip) and write the similarity files into `out`.

    The options are the command line's (`autograder similarity --help`); the exit code is the command's.
    """
    out = Path(out)
    try:
        submissions = find_submissions(Path(path), assignment)
    except DiscoveryError as error:
        raise SystemExit(f"error: {error}") from None
    compared = class_similarity(submissions, assignment, out)
    write_text(similarity_page(assignment, compared), out / PAGE_FILE)
    print(summary(compared))
    print(f"wrote {PAIRS_FILE}, {GROUPS_FILE} and {PAGE_FILE} into {out}")
    return 0
