"""The `autograder` console script: one subcommand per module in autograder.commands."""

import argparse
import os
import sys

from autograder.commands import (
    bench,
    benchmark_reference,
    check_assignments,
    data,
    export,
    grade,
    gradescope,
    new,
    similarity,
    sync,
)

COMMANDS = (grade, gradescope, similarity, export, check_assignments, new, sync, data, bench, benchmark_reference)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="autograder", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # the grader loads TensorFlow for the reference
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
