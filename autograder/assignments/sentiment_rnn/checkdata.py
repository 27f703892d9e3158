"""Real reviews for the checks that need them, preprocessed by the reference and cached.

The accuracy check trains every student's model on the same fixed subset, and the
speed check maps the whole train split; both inputs come from the reference
pipeline, so a bug in a student's tokenizer or lexicon never leaks into them.
The cache file names carry a hash of everything that shapes their content.
"""

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import numpy as np

from autograder.assignments import get
from autograder.cache import cache_dir

SEED = 20111
N_TRAIN, N_TEST = 3000, 1000
MAX_LEN = 200
MIN_FREQ = 2


@dataclass(frozen=True)
class AccuracyData:
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    @property
    def vocab_size(self) -> int:
        return int(max(self.x_train.max(), self.x_test.max())) + 1


def _key(*parts: object) -> str:
    reference = get("sentiment_rnn").solutions_file.read_bytes()
    return hashlib.sha256(repr(parts).encode() + reference).hexdigest()[:16]


def _reviews(split: str):
    """The split's reviews with the <br /> tags turned into spaces, as the notebook does."""
    from kitdata import load_imdb

    frame = load_imdb(split=split)
    return frame.review.str.replace("<br />", " ", regex=False).tolist(), (frame.sentiment == "positive").to_numpy(np.int64)


def _balanced_sample(labels: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    picks = [rng.choice(np.flatnonzero(labels == label), n // 2, replace=False) for label in (0, 1)]
    return rng.permutation(np.concatenate(picks))


@cache
def accuracy_data() -> AccuracyData:
    path = cache_dir() / f"sentiment_rnn-accuracy-{_key(SEED, N_TRAIN, N_TEST, MAX_LEN, MIN_FREQ)}.npz"
    if not path.exists():
        _build_accuracy_data(get("sentiment_rnn").reference(), path)
    with np.load(path, allow_pickle=False) as arrays:
        return AccuracyData(**{name: arrays[name] for name in arrays.files})


def _build_accuracy_data(ref: ModuleType, path) -> None:
    import keras

    rng = np.random.default_rng(SEED)
    parts = {}
    lexicon = None
    for split, n in (("train", N_TRAIN), ("test", N_TEST)):
        texts, labels = _reviews(split)
        rows = _balanced_sample(labels, n, rng)
        tokens = ref.text_to_tokens([texts[i] for i in rows])
        lexicon = lexicon or ref.make_lexicon(tokens, min_freq=MIN_FREQ)
        parts[f"x_{split}"] = keras.utils.pad_sequences(ref.tokens_to_idxs(tokens, lexicon), maxlen=MAX_LEN)
        parts[f"y_{split}"] = labels[rows]
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **parts)
    tmp.replace(path)


@cache
def train_tokens() -> list[list[str]]:
    """Every review of the train split, tokenized by the reference (25,000 lists)."""
    path = cache_dir() / f"sentiment_rnn-train-tokens-{_key('train-tokens')}.json.gz"
    if not path.exists():
        texts, _ = _reviews("train")
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as handle:
            json.dump(get("sentiment_rnn").reference().text_to_tokens(texts), handle)
        tmp.replace(path)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)
