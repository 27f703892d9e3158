"""What the learning checks train on: a fixed subset of IMDB with its star ratings, cached.

Both models' learning checks train on the same reviews: random train and test reviews of
the aclImdb splits, vectorized by Keras's TextVectorization as the notebook does (its
vocabulary adapted to the train subset only), as bags of words for the perceptron and as
index sequences for the GRU. The targets are the ratings themselves (1-4 and 7-10), so
an output squashed into (0, 1) cannot fit them. The kit builds this data, never a
student's code; the cache file name carries a hash of every setting and of Keras's version.
"""

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from autograder.cache import cache_dir
from autograder.checklib.accuracy import AccuracyData, Training

SEED = 2011
N_TRAIN, N_TEST = 3000, 1000
BOW_WORDS = 1000
SEQUENCE_WORDS, MAX_LEN = 5000, 80

MLP_HIDDEN_NODES = 32
RNN_EMBEDDING_NODES, RNN_HIDDEN_NODES = 32, 32
MLP_TRAINING = Training(epochs=20, batch_size=32, seed=1, timeout=120)
RNN_TRAINING = Training(epochs=5, batch_size=32, seed=1, timeout=150)


def _path(form: str) -> Path:
    settings = (version("keras"), SEED, N_TRAIN, N_TEST, BOW_WORDS, SEQUENCE_WORDS, MAX_LEN)
    key = hashlib.sha256(repr(settings).encode()).hexdigest()[:16]
    return cache_dir() / f"sentiment_ratings-{form}-{key}.npz"


@cache
def bows() -> AccuracyData:
    """The subset as bags of words (counts of the BOW_WORDS most frequent train words; column 0: the others)."""
    return _load("bows")


@cache
def sequences() -> AccuracyData:
    """The subset as index sequences of each review's last MAX_LEN words, 0-padded at the end, as the notebook's."""
    return _load("sequences")


def _load(form: str) -> AccuracyData:
    if not _path(form).exists():
        _build()
    return AccuracyData.load(_path(form))


def _build() -> None:
    from keras import layers
    from kitdata import load_imdb

    rng = np.random.default_rng(SEED)
    texts, ratings = {}, {}
    for split, n in (("train", N_TRAIN), ("test", N_TEST)):
        frame = load_imdb(split=split)
        rows = rng.choice(len(frame), n, replace=False)
        texts[split] = frame.review.str.replace("<br />", " ", regex=False).to_numpy()[rows]
        ratings[split] = frame.rating.to_numpy(np.float32)[rows]
    vectorizers = {
        "bows": layers.TextVectorization(max_tokens=BOW_WORDS, output_mode="count"),
        "sequences": layers.TextVectorization(
            max_tokens=SEQUENCE_WORDS, output_mode="int", output_sequence_length=MAX_LEN
        ),
    }
    last_words = {split: np.array([" ".join(text.split()[-MAX_LEN:]) for text in texts[split]]) for split in texts}
    for form, vectorize in vectorizers.items():
        inputs = texts if form == "bows" else last_words  # a bag of words counts the whole review
        vectorize.adapt(inputs["train"])
        dtype = np.float32 if form == "bows" else np.int32
        AccuracyData(
            x_train=np.asarray(vectorize(inputs["train"]), dtype=dtype),
            y_train=ratings["train"],
            x_test=np.asarray(vectorize(inputs["test"]), dtype=dtype),
            y_test=ratings["test"],
        ).save(_path(form))
