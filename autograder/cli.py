"""The `autograder` console script: one subcommand per module in autograder.commands."""

import argparse
import sys

from autograder.commands import (
    bench,
    benchmark_reference,
    check_assignments,
    data,
    doctor,
    export,
    grade,
    gradescope,
    new,
    pack,
    similarity,
    sync,
)
from autograder.quiet_tensorflow import quiet

COMMANDS = (
    grade,
    gradescope,
    similarity,
    export,
    check_assignments,
    new,
    sync,
    pack,
    data,
    doctor,
    bench,
    benchmark_reference,
)


def main(argv: list[str] | None = None) -> int:
    quiet()  # before anything imports TensorFlow (the grader loads it for the reference)
    parser = argparse.ArgumentParser(prog="autograder", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
