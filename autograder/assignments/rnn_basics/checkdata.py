"""The Yelp sentences as the notebook splits them, and the reference's encoding of them, cached.

The UCI file lists its sentences grouped by label (96 of its last 100 are negative),
so the notebook shuffles them once with a fixed seed before it takes the first 900
to train and the last 100 to test; the checks use the very same split. The accuracy
check trains every student's model on the reference's encoding, so a bug in a
student's vocabulary or padding never leaks into it.
"""

import hashlib
from dataclasses import dataclass
from functools import cache

import numpy as np

from autograder.assignments import get
from autograder.atomic import atomic_path
from autograder.cache import cache_dir

SHUFFLE_SEED = 0  # pandas' random_state in the notebook's data cell: 50 of the last 100 are positive
N_TRAIN = 900
MAX_LENGTH = 10


@dataclass(frozen=True)
class AccuracyData:
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    vocab_size: int
    """The number of words in the train sentences' vocabulary (the Embedding has one row more)."""


@cache
def yelp() -> tuple[list[str], np.ndarray]:
    """The 1,000 Yelp sentences and their labels, in the notebook's shuffled order."""
    from kitdata import load_uci

    frame = load_uci()
    frame = frame[frame["source"] == "yelp"].sample(frac=1, random_state=SHUFFLE_SEED)
    return frame["sentence"].tolist(), frame["label"].to_numpy(np.int64)


@cache
def accuracy_data() -> AccuracyData:
    reference = get("rnn_basics").solutions_file.read_bytes()
    key = hashlib.sha256(repr((SHUFFLE_SEED, N_TRAIN, MAX_LENGTH)).encode() + reference).hexdigest()[:16]
    path = cache_dir() / f"rnn_basics-accuracy-{key}.npz"
    if not path.exists():
        _build_accuracy_data(path)
    with np.load(path, allow_pickle=False) as arrays:
        return AccuracyData(**{name: arrays[name] for name in arrays.files if name != "vocab_size"}, vocab_size=int(arrays["vocab_size"]))


def _build_accuracy_data(path) -> None:
    ref = get("rnn_basics").reference()
    sentences, labels = yelp()
    word_to_int, _ = ref.build_vocab(sentences[:N_TRAIN])
    x = ref.pad_post(ref.encode_sentences(sentences, word_to_int), MAX_LENGTH)
    with atomic_path(path) as tmp:
        np.savez_compressed(
            tmp, x_train=x[:N_TRAIN], y_train=labels[:N_TRAIN], x_test=x[N_TRAIN:], y_test=labels[N_TRAIN:],
            vocab_size=np.array(len(word_to_int)),
        )
