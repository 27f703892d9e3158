"""Load the datasets as pandas DataFrames, with the text exactly as published."""

import os
from pathlib import Path

import pandas as pd

from .convert import IMDB_SPLITS
from .paths import dataset_files, imdb_csv_path

IMDB_DTYPES = {"split": str, "id": int, "rating": int, "sentiment": str, "review": str}


def load_imdb(data_dir: str | os.PathLike[str] | None = None, split: str | None = None) -> pd.DataFrame:
    """The 50,000 labeled aclImdb reviews (columns split, id, rating, sentiment, review).

    `split` keeps only "train" or "test". No value is read as missing (keep_default_na=False),
    so a review such as "NA" stays text.
    """
    if split not in (None, *IMDB_SPLITS):
        raise ValueError(f"split must be one of {IMDB_SPLITS} or None, not {split!r}")
    frame = pd.read_csv(imdb_csv_path(data_dir), dtype=IMDB_DTYPES, keep_default_na=False)
    if split is not None:
        frame = frame[frame["split"] == split].reset_index(drop=True)
    return frame


def _uci_rows(path: Path) -> list[tuple[str, str, int]]:
    """(source, sentence, label) per line of one '<source>_labelled.txt' file.

    Lines are split on "\\n" only: imdb_labelled.txt has U+0085 (NEL) inside sentences,
    which str.splitlines() would treat as a line break. Trailing spaces are kept.
    """
    source = path.stem.removesuffix("_labelled")
    lines = path.read_bytes().decode("utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    rows = []
    for line in lines:
        sentence, label = line.rsplit("\t", 1)
        rows.append((source, sentence, int(label)))
    return rows


def load_uci(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The 3,000 UCI labelled sentences (columns source, sentence, label; label 1 = positive)."""
    rows = [row for path in dataset_files("uci", data_dir) for row in _uci_rows(path)]
    return pd.DataFrame(rows, columns=["source", "sentence", "label"])
