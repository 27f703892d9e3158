"""kitdata's offline keras.datasets.imdb on the real aclImdb CSV: Keras's contract, checked against the CSV.

The module encodes the CSV once, into a cache folder of its own (so the first load really
builds the cache); every other load reads that cache.
"""

import shutil
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

import kitdata.indexed
import numpy as np
import pandas as pd
import pytest
from kitdata import get_imdb_word_index, load_imdb, load_imdb_indexed, tokenize_review
from kitdata.indexed import imdb_indexed_cache_path
from support.kit import require_data_dir

N_SPLIT = 25_000
SAMPLE = 40  # reviews per split re-encoded from the CSV text


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    require_data_dir()
    folder = tmp_path_factory.mktemp("kit-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_CACHE_DIR", str(folder))
        yield folder
    shutil.rmtree(folder)  # 47 MB; pytest would keep the last three runs' folders


@pytest.fixture(scope="module")
def defaults(cache_folder: Path) -> tuple:
    """Keras's defaults; the module's first load, which encodes the CSV into the empty cache folder."""
    return load_imdb_indexed()


@pytest.fixture(scope="module")
def word_index(defaults: tuple) -> dict[str, int]:
    return get_imdb_word_index()


@pytest.fixture(scope="module")
def csv() -> dict[str, pd.DataFrame]:
    frame = load_imdb(require_data_dir())
    return {split: frame[frame["split"] == split].reset_index(drop=True) for split in ("train", "test")}


def flat(x: np.ndarray) -> np.ndarray:
    return np.fromiter(chain.from_iterable(x), dtype=np.int64)


def keras_rows(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The CSV rows behind each position of x_train and x_test, shuffled as Keras's load_data does."""
    rng = np.random.RandomState(seed)
    rows = np.arange(N_SPLIT), np.arange(N_SPLIT)
    for split_rows in rows:
        rng.shuffle(split_rows)
    return rows


def test_tokenize_review() -> None:
    text = "Don't miss 'Jaws' (1975)!<br /><br />It's GREAT_fun, a café-bar."
    assert tokenize_review(text) == ["don't", "miss", "jaws", "1975", "it's", "great", "fun", "a", "café", "bar"]


def test_split_sizes_types_and_balanced_labels(defaults: tuple) -> None:
    for x, y in defaults:
        assert x.shape == y.shape == (N_SPLIT,)
        assert x.dtype == object and type(x[0]) is list and type(x[0][0]) is int
        assert y.dtype == np.int64
        assert sorted(Counter(y.tolist()).items()) == [(0, 12_500), (1, 12_500)]


@pytest.mark.parametrize("seed", [113, 7])
def test_seed_shuffles_reviews_and_labels_together_as_keras(
    seed: int, word_index: dict[str, int], csv: dict[str, pd.DataFrame]
) -> None:
    """Each position holds the CSV review Keras's shuffle puts there, encoded from its text, with its own label."""
    loaded = load_imdb_indexed(seed=seed)
    for (x, y), rows, split in zip(loaded, keras_rows(seed), ("train", "test")):
        labels = (csv[split]["sentiment"] == "positive").to_numpy(np.int64)
        np.testing.assert_array_equal(y, labels[rows])
        for position in np.linspace(0, N_SPLIT - 1, SAMPLE, dtype=int):
            words = tokenize_review(csv[split]["review"][rows[position]])
            # Test-split words never seen in training have no index and are left out, as in Keras's copy.
            assert x[position] == [1] + [word_index[w] + 3 for w in words if w in word_index], (split, position)


def test_reserved_indices(defaults: tuple, word_index: dict[str, int]) -> None:
    """0 (padding) never occurs, 1 starts every review and only there, 2 (OOV) not when every word is kept."""
    for x, _ in defaults:
        assert all(review[0] == 1 for review in x)
        values = flat(x)
        assert np.count_nonzero(values == 1) == len(x)
        assert not np.isin(values, [0, 2]).any()
        assert values[values != 1].min() == 1 + 3
    assert flat(defaults[0][0]).max() == len(word_index) + 3


def test_ranks_follow_train_counts(defaults: tuple, word_index: dict[str, int], csv: dict[str, pd.DataFrame]) -> None:
    """Recounted from the train text: rank 1 is the most frequent word, ties in alphabetical order, and no gaps."""
    counts = Counter(chain.from_iterable(map(tokenize_review, csv["train"]["review"])))
    by_rank = sorted(word_index, key=word_index.__getitem__)
    assert sorted(word_index.values()) == list(range(1, len(counts) + 1))
    assert by_rank == sorted(counts, key=lambda word: (-counts[word], word))
    assert by_rank[:3] == ["the", "and", "a"]
    # The encoded train split holds each word as often as the text does.
    train = flat(defaults[0][0])
    encoded = np.bincount(train[train != 1] - 3)[1:]
    assert encoded.tolist() == [counts[word] for word in by_rank]


def test_num_words_maps_rare_words_to_oov(defaults: tuple) -> None:
    full = [flat(x) for x, _ in defaults]
    for (x, y), everything, (_, y_all) in zip(load_imdb_indexed(num_words=5000), full, defaults):
        values = flat(x)
        np.testing.assert_array_equal(values, np.where(everything >= 5000, 2, everything))
        assert values.max() == 4999 and (values == 2).any()
        np.testing.assert_array_equal(y, y_all)
    for (x, _), everything in zip(load_imdb_indexed(num_words=5000, oov_char=None), full):
        np.testing.assert_array_equal(flat(x), everything[everything < 5000])


def test_maxlen_drops_long_reviews(defaults: tuple) -> None:
    for (x, y), (x_all, y_all) in zip(load_imdb_indexed(maxlen=100), defaults):
        kept = [i for i, review in enumerate(x_all) if len(review) < 100]
        assert 0 < len(kept) < N_SPLIT
        assert x.tolist() == x_all[kept].tolist()
        np.testing.assert_array_equal(y, y_all[kept])
    with pytest.raises(ValueError, match="maxlen=1"):
        load_imdb_indexed(maxlen=1)


def test_index_from_and_start_char_shift_indices(defaults: tuple) -> None:
    for (x, _), (x_all, _) in zip(load_imdb_indexed(index_from=10, start_char=7), defaults):
        assert x.tolist() == [[7] + [i + 7 for i in review[1:]] for review in x_all]
    for (x, _), (x_all, _) in zip(load_imdb_indexed(index_from=0, start_char=None), defaults):
        assert x.tolist() == [[i - 3 for i in review[1:]] for review in x_all]


def test_second_load_is_served_from_the_cache(
    cache_folder: Path, defaults: tuple, word_index: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = imdb_indexed_cache_path()
    assert list(cache_folder.iterdir()) == [path]  # one file, no temporary left behind

    def no_encoding(*args: object) -> None:
        raise AssertionError("the CSV was encoded again instead of read from the cache")

    monkeypatch.setattr(kitdata.indexed, "_encode", no_encoding)
    again = load_imdb_indexed()
    for (x, y), (x_first, y_first) in zip(again, defaults):
        assert x.tolist() == x_first.tolist()
        np.testing.assert_array_equal(y, y_first)
    assert get_imdb_word_index() == word_index
