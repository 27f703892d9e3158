"""The `autograder` console script: one subcommand per module in autograder.commands.

Only the module of the command being run is imported: a command's libraries (Dask, nbgrader,
TensorFlow, pandas) cost seconds to load, and `autograder --help` or a command that grades
nothing must not pay for them. Each command's one-line summary therefore lives here, and
its module adds its own options when it is the one chosen.
"""

import argparse
import importlib
import sys

from autograder.quiet_tensorflow import quiet

COMMANDS = {
    "grade": "grade one notebook or a whole class",
    "gradescope": "build a Gradescope autograder zip",
    "similarity": "similar solutions across a class, per function",
    "export": "put a class's grades into an LMS's gradebook CSV",
    "check-assignments": "release, then grade each reference and blank stub",
    "check-mutants": "grade an assignment's mutants and other correct answers: do its checks hold?",
    "calibrate": "train each learning check's models over seeds: thresholds and their error rates",
    "new": "scaffold a new assignment",
    "sync": "write an assignment's derived files (release/, solutions/, points)",
    "pack": "write the student pack of an assignment",
    "data": "download the kit's datasets, or check the ones already there",
    "doctor": "say what this machine lacks for the kit",
    "bench": "time class grading: the kit beside nbgrader autograde, or with training reuse and without",
    "benchmark-reference": "run the instructor's notebook end to end: accuracy and timings",
}
FOR_DEVELOPERS = ("bench",)
"""Commands that measure the kit itself (docs/benchmarks.md): listed apart from what an instructor runs."""


def command_module(name: str):
    """autograder.commands.<name>, with the command's dashes as underscores."""
    return importlib.import_module(f"autograder.commands.{name.replace('-', '_')}")


def main(argv: list[str] | None = None) -> int:
    quiet()  # before anything imports TensorFlow (the grader loads it for the reference)
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    developers = "\n".join(f"    {name:<19}{COMMANDS[name]}" for name in FOR_DEVELOPERS)
    parser = argparse.ArgumentParser(
        prog="autograder",
        description=__doc__.splitlines()[0],
        epilog=f"for the kit's developers:\n{developers}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if name == chosen:
            command_module(name).add_parser(subparsers, summary)
        elif name in FOR_DEVELOPERS:
            subparsers.add_parser(name)  # no help: the epilog lists it
        else:
            subparsers.add_parser(name, help=summary)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
