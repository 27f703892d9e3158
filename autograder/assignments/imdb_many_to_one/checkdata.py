"""IMDB reviews as word indices for the checks that train a model, built once and cached.

The reviews come from kitdata.load_imdb_indexed with the lab's settings (5,000 words,
index_from 3), cut and padded to 100 indices by the reference's pad_reviews, so a bug in
a student's pad_reviews never leaks into the checks of the models. The cache file name
carries a hash of everything that shapes its content.
"""

import hashlib
from dataclasses import dataclass
from functools import cache

import numpy as np

from autograder.atomic import atomic_path
from autograder.cache import cache_dir
from autograder.course import of_module

ASSIGNMENT = of_module(__name__)

TOP_WORDS, INDEX_FROM, MAX_REVIEW_LENGTH = 5000, 3, 100
SEED = 1005
N_TRAIN, N_TEST = 10_000, 2_000
SPECIAL = {"<PAD>": 0, "<START>": 1, "<UNK>": 2, "<UNUSED>": 3}


@dataclass(frozen=True)
class IndexedData:
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    words: np.ndarray
    """words[i] is the word of index i, for every index below TOP_WORDS."""

    def word_to_id(self) -> dict[str, int]:
        return {str(word): idx for idx, word in enumerate(self.words)}

    def id_to_word(self) -> dict[int, str]:
        return dict(enumerate(map(str, self.words)))


@cache
def indexed_data() -> IndexedData:
    """N_TRAIN train and N_TEST test reviews drawn at random with a fixed seed (each split is half positive)."""
    reference = ASSIGNMENT.solutions_file.read_bytes()
    key = hashlib.sha256(
        repr((TOP_WORDS, INDEX_FROM, MAX_REVIEW_LENGTH, SEED, N_TRAIN, N_TEST)).encode() + reference
    ).hexdigest()[:16]
    path = cache_dir() / f"imdb_many_to_one-{key}.npz"
    if not path.exists():
        _build(path)
    with np.load(path, allow_pickle=False) as arrays:
        return IndexedData(**{name: arrays[name] for name in arrays.files})


def _build(path) -> None:
    from kitdata import get_imdb_word_index, load_imdb_indexed

    pad_reviews = ASSIGNMENT.reference().pad_reviews
    rng = np.random.default_rng(SEED)
    arrays = {}
    for split, (x, y), n in zip(
        ("train", "test"), load_imdb_indexed(num_words=TOP_WORDS, index_from=INDEX_FROM), (N_TRAIN, N_TEST)
    ):
        rows = rng.choice(len(y), n, replace=False)
        arrays[f"x_{split}"], arrays[f"y_{split}"] = pad_reviews(list(x[rows]), MAX_REVIEW_LENGTH), y[rows]
    word_to_id = {
        word: rank + INDEX_FROM for word, rank in get_imdb_word_index().items() if rank + INDEX_FROM < TOP_WORDS
    }
    id_to_word = {idx: word for word, idx in (word_to_id | SPECIAL).items()}
    arrays["words"] = np.array([id_to_word[idx] for idx in range(TOP_WORDS)])
    with atomic_path(path) as tmp:
        np.savez_compressed(tmp, **arrays)
