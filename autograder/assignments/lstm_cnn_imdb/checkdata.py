"""A small, fixed subset of IMDB for the accuracy checks, cached in the grader's cache folder.

The notebook's own setting (5,000 words, 500 tokens, 25,000 reviews) takes minutes
per epoch; the checks train on fewer, shorter reviews over a smaller vocabulary,
where the reference still learns well within two epochs (calibration in the checks).
The data comes from kitdata's load_imdb_indexed, as in the notebook; the cache file
name carries a hash of every setting and of kitdata's encoding version.
"""

import hashlib
from functools import cache
from pathlib import Path

from autograder.cache import cache_dir
from autograder.checklib.accuracy import AccuracyData

SEED = 2011  # load_imdb_indexed's shuffle of each split
TOP_WORDS = 2000
MAX_LEN = 100
N_TRAIN, N_TEST = 3000, 1000


@cache
def accuracy_data() -> AccuracyData:
    """The first N_TRAIN train and N_TEST test reviews of the shuffled splits, cut and pre-padded to MAX_LEN."""
    from kitdata.indexed import ENCODING_VERSION

    key = hashlib.sha256(repr((ENCODING_VERSION, SEED, TOP_WORDS, MAX_LEN, N_TRAIN, N_TEST)).encode()).hexdigest()[:16]
    path = cache_dir() / f"lstm_cnn_imdb-accuracy-{key}.npz"
    if not path.exists():
        _build(path)
    return AccuracyData.load(path)


def _build(path: Path) -> None:
    import keras
    from kitdata import load_imdb_indexed

    (x_train, y_train), (x_test, y_test) = load_imdb_indexed(num_words=TOP_WORDS, seed=SEED)
    AccuracyData(
        x_train=keras.utils.pad_sequences(x_train[:N_TRAIN], maxlen=MAX_LEN),
        y_train=y_train[:N_TRAIN],
        x_test=keras.utils.pad_sequences(x_test[:N_TEST], maxlen=MAX_LEN),
        y_test=y_test[:N_TEST],
    ).save(path)
