"""Real reviews for the checks that need them, preprocessed by the reference and cached.

The accuracy check trains every student's model on the same fixed subset, and the
speed check maps the whole train split; both inputs come from the reference
pipeline, so a bug in a student's tokenizer or lexicon never leaks into them.
The cache file names carry a hash of everything that shapes their content.
"""

import gzip
import hashlib
import json
from functools import cache
from pathlib import Path
from types import ModuleType

import numpy as np

from autograder.atomic import atomic_path
from autograder.cache import cache_dir
from autograder.checklib.accuracy import AccuracyData
from autograder.course import of_module

ASSIGNMENT = of_module(__name__)

SEED = 20111
N_TRAIN, N_TEST = 3000, 1000
MAX_LEN = 200
MIN_FREQ = 2


def _key(*parts: object) -> str:
    reference = ASSIGNMENT.solutions_file.read_bytes()
    return hashlib.sha256(repr(parts).encode() + reference).hexdigest()[:16]


def _reviews(split: str):
    """The split's reviews with the <br /> tags turned into spaces, as the notebook does."""
    from kitdata import load_imdb

    frame = load_imdb(split=split)
    return frame.review.str.replace("<br />", " ", regex=False).tolist(), (frame.sentiment == "positive").to_numpy(
        np.int64
    )


def _balanced_sample(labels: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    picks = [rng.choice(np.flatnonzero(labels == label), n // 2, replace=False) for label in (0, 1)]
    return rng.permutation(np.concatenate(picks))


@cache
def accuracy_data() -> AccuracyData:
    path = cache_dir() / f"sentiment_rnn-accuracy-{_key(SEED, N_TRAIN, N_TEST, MAX_LEN, MIN_FREQ)}.npz"
    if not path.exists():
        _build_accuracy_data(ASSIGNMENT.reference(), path)
    return AccuracyData.load(path)


def _build_accuracy_data(ref: ModuleType, path: Path) -> None:
    import keras

    rng = np.random.default_rng(SEED)
    tokens, labels = {}, {}
    for split, n in (("train", N_TRAIN), ("test", N_TEST)):
        texts, split_labels = _reviews(split)
        rows = _balanced_sample(split_labels, n, rng)
        tokens[split], labels[split] = ref.text_to_tokens([texts[i] for i in rows]), split_labels[rows]
    lexicon = ref.make_lexicon(tokens["train"], min_freq=MIN_FREQ)
    arrays = {
        f"x_{split}": keras.utils.pad_sequences(ref.tokens_to_idxs(seqs, lexicon), maxlen=MAX_LEN)
        for split, seqs in tokens.items()
    }
    with atomic_path(path) as tmp:
        np.savez_compressed(tmp, **arrays, **{f"y_{split}": y for split, y in labels.items()})


@cache
def train_tokens(n: int) -> list[list[str]]:
    """The first `n` reviews of the train split, tokenized by the reference: the speed check's input.

    Only those are tokenized (5,000 take a fifth of the 15 s that all 25,000 take on a new machine).
    """
    path = cache_dir() / f"sentiment_rnn-train-tokens-{_key('train-tokens', n)}.json.gz"
    if not path.exists():
        texts, _ = _reviews("train")
        with atomic_path(path) as tmp, gzip.open(tmp, "wt", encoding="utf-8") as handle:
            json.dump(ASSIGNMENT.reference().text_to_tokens(texts[:n]), handle)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)
