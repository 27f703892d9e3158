"""IMDB reviews as word indices, offline: a stand-in for keras.datasets.imdb.load_data.

Keras's loader downloads a preprocessed copy from a host that courses often cannot
reach; this module builds the same kind of arrays from the kit's aclImdb CSV (the same
50,000 reviews and 25,000/25,000 split), so labs written for Keras run unchanged.

Tokenization (tokenize_review; ENCODING_VERSION names it in the cache):
1. every "<br />" tag becomes a space;
2. the text is lowercased (str.lower);
3. the words are the maximal runs of letters and digits (any script) with apostrophes
   kept between two of them, regex [^\\W_]+(?:'[^\\W_]+)*: "Don't" -> "don't",
   "'Jaws' (1975)!" -> "jaws", "1975". Everything else only separates words.

Ranking (get_imdb_word_index): every word of the train split, by how often it occurs
there (1 = most frequent); words with equal counts in alphabetical (code point) order.
A word that occurs only in the test split has no rank and is left out of the test
reviews, as in Keras's copy.

The full encoding is built once per CSV (about 10 s) and cached in kitdata's cache_dir(),
named by the CSV's size and mtime and ENCODING_VERSION; later loads read it back.
"""

import gc
import hashlib
import os
import re
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

import numpy as np
import pandas as pd

from .convert import IMDB_SPLITS
from .load import load_imdb
from .paths import cache_dir, imdb_csv_path

ENCODING_VERSION = 1  # bump when the tokenization, the ranking or the cache file's arrays change
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

DataDir = str | os.PathLike[str] | None
Split = tuple[np.ndarray, np.ndarray]


def tokenize_review(text: str) -> list[str]:
    """The words of one review, as the word index counts them (rules in the module docstring)."""
    return _WORD.findall(text.replace("<br />", " ").lower())


def _encode(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Every review as ranks (train reviews first), flat with offsets, plus the labels and the ranked words.

    Words get a provisional id at first sight, so that counting and ranking run on
    integer arrays rather than on 11 million Python strings.
    """
    splits = [frame[frame["split"] == split] for split in IMDB_SPLITS]
    provisional: defaultdict[str, int] = defaultdict(count().__next__)
    ids = array("i")
    lengths = []
    for text in pd.concat(splits)["review"]:
        words = tokenize_review(text)
        ids.extend(map(provisional.__getitem__, words))
        lengths.append(len(words))
    flat = np.frombuffer(ids, dtype=np.int32)
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    n_train = len(splits[0])
    counts = np.bincount(flat[: offsets[n_train]], minlength=len(provisional)).tolist()
    words = list(provisional)
    ranked = sorted((i for i, n in enumerate(counts) if n), key=lambda i: (-counts[i], words[i]))
    rank_of = np.zeros(len(words), dtype=np.int32)
    rank_of[ranked] = np.arange(1, len(ranked) + 1)
    ranks = rank_of[flat]
    seen_in_train = ranks > 0
    return {
        "ranks": ranks[seen_in_train],
        "offsets": np.concatenate(([0], np.cumsum(seen_in_train)))[offsets],
        "labels": np.concatenate([(split["sentiment"] == "positive").to_numpy(np.int8) for split in splits]),
        "n_train": np.int64(n_train),
        "words": np.frombuffer("\n".join(words[i] for i in ranked).encode("utf-8"), dtype=np.uint8),
    }


def _save_atomically(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """np.savez to a temporary file beside `path`, then rename: readers never see half a file."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **arrays)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, which would otherwise walk every list built so far
    each time a few hundred more are made (a third of the load time), though none can be garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _as_shared_ints(values: np.ndarray) -> np.ndarray:
    """`values` as an object array in which equal numbers are one Python int object.

    The lists built from it then hold ~80,000 distinct ints rather than 11.6 million:
    the loaded arrays take 100 MB instead of 230 MB.
    """
    if not values.size:
        return values.astype(object)
    low = int(values.min())
    return np.arange(low, int(values.max()) + 1).astype(object)[values - low]


def imdb_indexed_cache_path(data_dir: DataDir = None) -> Path:
    """The cache file of the CSV in `data_dir`, encoded first if it is not there yet."""
    csv = imdb_csv_path(data_dir)
    stat = csv.stat()
    key = hashlib.sha256(f"{ENCODING_VERSION}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    path = cache_dir() / f"imdb-indexed-{key}.npz"
    if not path.exists():
        _save_atomically(path, _encode(load_imdb(data_dir)))
    return path


def get_imdb_word_index(data_dir: DataDir = None) -> dict[str, int]:
    """Word -> rank in the train split (1 = most frequent), like keras.datasets.imdb.get_word_index.

    In the arrays of load_imdb_indexed, word w is word_index[w] + index_from.
    """
    with np.load(imdb_indexed_cache_path(data_dir), allow_pickle=False) as cached:
        words = cached["words"].tobytes().decode("utf-8").split("\n")
    return {word: rank for rank, word in enumerate(words, start=1)}


def load_imdb_indexed(
    num_words: int | None = None,
    index_from: int = 3,
    start_char: int | None = 1,
    oov_char: int | None = 2,
    maxlen: int | None = None,
    seed: int = 113,
    data_dir: DataDir = None,
) -> tuple[Split, Split]:
    """((x_train, y_train), (x_test, y_test)) as keras.datasets.imdb.load_data returns them, offline.

    x: object arrays of lists of Python ints; y: int64 labels (1 = positive). As in Keras:
    each split is shuffled with one np.random.RandomState(seed), train first; every review
    starts with start_char (unless None); word w is word_index[w] + index_from; reviews of
    maxlen or more indices (start_char included) are dropped (Keras's docstring says
    truncated, its code drops them); indices >= num_words become oov_char (or are dropped
    if oov_char is None). Unlike Keras, num_words=None keeps every word (Keras also turns
    the highest index into oov_char), and skip_top is not offered.
    """
    with np.load(imdb_indexed_cache_path(data_dir), allow_pickle=False) as cached:
        ranks, offsets, labels, n_train = (cached[name] for name in ("ranks", "offsets", "labels", "n_train"))
    values = ranks.astype(np.int64) + index_from
    if start_char is not None:
        values = np.insert(values, offsets[:-1], start_char)
        offsets = offsets + np.arange(len(offsets))
    short_enough = np.diff(offsets) < maxlen if maxlen else np.ones(len(labels), dtype=bool)
    if num_words:
        beyond = values >= num_words
        if oov_char is not None:
            values[beyond] = oov_char
        else:
            values = values[~beyond]
            offsets = np.concatenate(([0], np.cumsum(~beyond)))[offsets]
    shared = _as_shared_ints(values)
    bounds = offsets.tolist()
    rng = np.random.RandomState(seed)
    splits = []
    for rows in (np.arange(n_train), np.arange(n_train, len(labels))):
        rng.shuffle(rows)
        rows = rows[short_enough[rows]]
        if not len(rows):
            raise ValueError(
                f"After filtering for sequences shorter than maxlen={maxlen}, no sequence was kept. Increase maxlen."
            )
        with _collector_paused():
            x = np.fromiter(
                (shared[bounds[i] : bounds[i + 1]].tolist() for i in rows.tolist()), dtype=object, count=len(rows)
            )
        splits.append((x, labels[rows].astype(np.int64)))
    train, test = splits
    return train, test
