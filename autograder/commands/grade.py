"""`autograder grade NOTEBOOK --assignment NAME --results FILE`: grade one submission."""

import argparse
from pathlib import Path

from autograder import assignments
from autograder.grading import grade_notebook
from autograder.reporting.results import gradescope_results, write_json
from autograder.reporting.table import format_table


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("grade", help="grade one submitted notebook", description=__doc__)
    parser.add_argument("notebook", type=Path, help="the submitted .ipynb file")
    parser.add_argument("--assignment", required=True, choices=sorted(assignments.ASSIGNMENTS))
    parser.add_argument("--results", type=Path, help="write Gradescope-style results.json here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results = grade_notebook(args.notebook, assignments.get(args.assignment))
    print(format_table(results))
    if args.results:
        write_json(gradescope_results(results), args.results)
    return 0
