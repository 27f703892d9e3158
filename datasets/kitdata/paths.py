"""Where the data lives (and what the kit derives from it), and the error that says how to get it there.

Students, CI and graders keep the data in different places (a home folder, a shared
read-only copy), so the folders are chosen at run time, never hard-coded.
"""

import os
from pathlib import Path

from .manifest import default_manifest

ENV_VAR = "KIT_DATA_DIR"
CACHE_ENV_VAR = "KIT_CACHE_DIR"
APP_NAME = "rnn-sentiment-kit"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `explicit` (--data-dir) if given, else $KIT_DATA_DIR, else a per-user default.

    The default follows the XDG base directory spec ($XDG_DATA_HOME, else
    ~/.local/share) so the data survives reinstalling the kit.
    """
    if explicit is not None and str(explicit):
        return Path(explicit).expanduser().absolute()
    if from_env := os.environ.get(ENV_VAR):
        return Path(from_env).expanduser().absolute()
    return _xdg_base("XDG_DATA_HOME", Path.home() / ".local" / "share") / APP_NAME / "datasets"


def _xdg_base(variable: str, default: Path) -> Path:
    """An XDG base directory: $variable if it is an absolute path (the spec ignores relative ones), else `default`."""
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else default


def cache_dir() -> Path:
    """The folder for files derived once from the data and reused (created if missing).

    $KIT_CACHE_DIR if set (CI points it at a fresh folder to build everything as on a new
    machine), else $XDG_CACHE_HOME (else ~/.cache)/rnn-sentiment-kit: everything there
    can be rebuilt, so it stays apart from the data. Lives here, not in the grader, so that
    kitdata's own caches and the grader's share one rule.
    """
    from_env = os.environ.get(CACHE_ENV_VAR)
    path = Path(from_env) if from_env else _xdg_base("XDG_CACHE_HOME", Path.home() / ".cache") / APP_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def how_to_fix(data_dir: Path) -> str:
    """The two ways to get the data into place, for error messages."""
    return (
        "To fix it, either:\n"
        f"  - download the datasets (needs network): autograder data fetch --data-dir {data_dir}\n"
        f"  - or point {ENV_VAR} (or --data-dir) at a folder that already has the files,\n"
        "    e.g. a shared read-only copy of the datasets."
    )


class MissingDatasetError(FileNotFoundError):
    """A dataset's files are not in the data folder (a FileNotFoundError, so callers can treat it as one)."""

    def __init__(self, dataset: str, data_dir: Path, missing: list[Path]) -> None:
        names = ", ".join(str(path.relative_to(data_dir)) for path in missing)
        super().__init__(
            f"The {dataset} dataset is not in the data folder {data_dir} (missing: {names}).\n" + how_to_fix(data_dir)
        )


def dataset_files(name: str, data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The paths of a dataset's files, in manifest order; raises MissingDatasetError if any is absent.

    Only checks that the files exist: hashing them on every load would be slow,
    and `autograder data verify` is there for that.
    """
    spec = default_manifest()[name]
    folder = resolve_data_dir(data_dir)
    paths = [folder / file.path for file in spec.files]
    missing = [path for path in paths if not path.is_file()]
    if missing:
        raise MissingDatasetError(name, folder, missing)
    return paths


def imdb_csv_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The labeled aclImdb reviews as one gzip CSV (format in the datasets README)."""
    (path,) = dataset_files("imdb", data_dir)
    return path


def uci_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the three UCI '*_labelled.txt' files."""
    return dataset_files("uci", data_dir)[0].parent
