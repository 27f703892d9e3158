"""One module per subcommand: each has add_parser(subparsers, summary), which sets `run`; autograder/cli.py imports it only when its command runs.

Each command is a Python function first, in its module and mostly named after it (`grade()`, `export()`,
`sync()`): keyword arguments for the command line's options, the command's exit code as its return value.
`run(args)` is the parser's call of it, `keywords(args)` its arguments. No command imports another.
"""

import argparse
from collections.abc import Iterable

PARSERS_OWN = ("command", "run")
"""What the console script's parser adds to every command's options: the command's name, and its `run`."""


def keywords(args: argparse.Namespace, leave: Iterable[str] = ()) -> dict[str, object]:
    """The parsed options as the command's keyword arguments: all but the parser's own and those in `leave`."""
    left = {*PARSERS_OWN, *leave}
    return {name: value for name, value in vars(args).items() if name not in left}
