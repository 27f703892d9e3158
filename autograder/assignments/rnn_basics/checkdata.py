"""The Yelp sentences as the notebook splits them, and the reference's encoding of them, cached.

The UCI file lists its sentences grouped by label (96 of its last 100 are negative),
so the notebook shuffles them once with a fixed seed before it takes the first 900
to train and the last 100 to test; the checks use the very same split. The accuracy
check trains every student's model on the reference's encoding, so a bug in a
student's vocabulary or padding never leaks into it.
"""

import hashlib
from functools import cache

import numpy as np

from autograder.cache import cache_dir
from autograder.checklib.accuracy import AccuracyData
from autograder.course import of_module

ASSIGNMENT = of_module(__name__)

SHUFFLE_SEED = 0  # pandas' random_state in the notebook's data cell: 50 of the last 100 are positive
N_TRAIN = 900
MAX_LENGTH = 10


@cache
def yelp() -> tuple[list[str], np.ndarray]:
    """The 1,000 Yelp sentences and their labels, in the notebook's shuffled order."""
    from kitdata import load_uci

    frame = load_uci()
    frame = frame[frame["source"] == "yelp"].sample(frac=1, random_state=SHUFFLE_SEED)
    return frame["sentence"].tolist(), frame["label"].to_numpy(np.int64)


@cache
def accuracy_data() -> AccuracyData:
    reference = ASSIGNMENT.solutions_file.read_bytes()
    # The file holds the fields of checklib.accuracy.AccuracyData (earlier files also held vocab_size: "v2" keeps them apart).
    key = hashlib.sha256(repr((SHUFFLE_SEED, N_TRAIN, MAX_LENGTH, "v2")).encode() + reference).hexdigest()[:16]
    path = cache_dir() / f"rnn_basics-accuracy-{key}.npz"
    if not path.exists():
        _build_accuracy_data(path)
    return AccuracyData.load(path)


@cache
def vocab_size() -> int:
    """The number of words in the train sentences' vocabulary, build_simple_rnn's vocab_size (its Embedding has one row more)."""
    return len(_train_vocab())


def _train_vocab() -> dict[str, int]:
    word_to_int, _ = ASSIGNMENT.reference().build_vocab(yelp()[0][:N_TRAIN])
    return word_to_int


def _build_accuracy_data(path) -> None:
    sentences, labels = yelp()
    ref = ASSIGNMENT.reference()
    x = ref.pad_post(ref.encode_sentences(sentences, _train_vocab()), MAX_LENGTH)
    AccuracyData(x_train=x[:N_TRAIN], y_train=labels[:N_TRAIN], x_test=x[N_TRAIN:], y_test=labels[N_TRAIN:]).save(path)
