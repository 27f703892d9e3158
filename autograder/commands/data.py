"""`autograder data`: download the kit's datasets, or check the ones already there."""

import argparse
import sys
import tarfile
import zipfile
from pathlib import Path

from kitdata.fetch import fetch
from kitdata.manifest import default_manifest
from kitdata.paths import how_to_fix, resolve_data_dir
from kitdata.verify import ChecksumError, Status, check_dataset

from autograder.commands import keywords

# What can go wrong while fetching that is the network's, the disk's or the archive's
# fault (the converters raise ValueError for an unexpected archive layout): reported as
# one readable line instead of a traceback.
FETCH_ERRORS = (ChecksumError, OSError, ValueError, tarfile.TarError, zipfile.BadZipFile)


def _fetch(data_dir: str | Path | None) -> int:
    data_dir = resolve_data_dir(data_dir)
    print(f"Data folder: {data_dir}")
    try:
        results = fetch(data_dir)
    except FETCH_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for result in results:
        action = "skipped (already present and verified)" if result.skipped else "wrote"
        print(f"{result.dataset.name}: {action}")
        for path in result.paths:
            print(f"  {path}")
    return 0


def _verify(data_dir: str | Path | None) -> int:
    data_dir = resolve_data_dir(data_dir)
    print(f"Data folder: {data_dir}")
    checks = [check for dataset in default_manifest().values() for check in check_dataset(data_dir, dataset)]
    for check in checks:
        detail = f"  ({check.detail})" if check.detail else ""
        print(f"{check.status.value:<8}  {check.spec.path}{detail}")
    bad = [check for check in checks if check.status is not Status.OK]
    if bad:
        print(f"error: {len(bad)} of {len(checks)} files missing or not as expected.", file=sys.stderr)
        print(how_to_fix(data_dir), file=sys.stderr)
        return 1
    print(f"All {len(checks)} files verified.")
    return 0


ACTIONS = {"fetch": _fetch, "verify": _verify}


def data(action: str, *, data_dir: str | Path | None = None) -> int:
    """`action` "fetch": download, verify and convert the datasets missing from `data_dir`; "verify": check them.

    `data_dir` is the data folder (default: $KIT_DATA_DIR, else the per-user one). The options are the command
    line's (`autograder data fetch --help`); the exit code is the command's.
    """
    if action not in ACTIONS:
        raise SystemExit(f"error: the data actions are {' and '.join(ACTIONS)}, not {action}")
    return ACTIONS[action](data_dir)


def run(args: argparse.Namespace) -> int:
    """The command line's call of data()."""
    return data(**keywords(args))


def _add_actions(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    for name, help_text in (
        ("fetch", "download, verify and convert every dataset (needs network); skips datasets already there"),
        ("verify", "check the SHA-256 of every dataset file; exit code 1 if one is missing or differs"),
    ):
        action = actions.add_parser(name, help=help_text, description=help_text)
        action.add_argument(
            "--data-dir",
            help="data folder (default: $KIT_DATA_DIR, else ~/.local/share/rnn-sentiment-kit/datasets)",
        )
        action.set_defaults(run=run)


def add_parser(subparsers: argparse._SubParsersAction, summary: str) -> None:
    """Register `autograder data` with the console script's parser."""
    parser = subparsers.add_parser("data", help=summary, description=__doc__)
    _add_actions(parser)


def main(argv: list[str] | None = None) -> int:
    """Run `autograder data` on its own, e.g. main(["verify", "--data-dir", "DIR"])."""
    parser = argparse.ArgumentParser(prog="autograder data", description=__doc__)
    _add_actions(parser)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
