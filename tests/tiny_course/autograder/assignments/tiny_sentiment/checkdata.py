"""The made-up reviews the learning check of create_rnn_model trains on, generated in code.

Reviews are index sequences: 0 pads, 1 is '<UNK>', 2-31 are a vocabulary of 30 words. Each
review mixes 2 to 6 plain words (12-31) with 2 sentiment words of one polarity, positive
(2-6) or negative (7-11), which decide its label; it is pre-padded with 0 to MAX_LEN, as
pad_idx_seqs pads. The same seed gives the same reviews on every machine.
"""

from functools import cache

import numpy as np

from autograder.checklib.accuracy import AccuracyData, Training

SEED = 2011
N_TRAIN, N_TEST = 640, 200
POSITIVE, NEGATIVE, PLAIN = range(2, 7), range(7, 12), range(12, 32)
MAX_LEN = 8
EMBEDDING_NODES, HIDDEN_NODES = 8, 8
TRAINING = Training(epochs=1, batch_size=8, seed=1, timeout=60)


def _review(rng: np.random.Generator, positive: bool) -> list[int]:
    review = list(rng.choice(PLAIN, size=rng.integers(2, 7)))
    for _ in range(2):
        review.insert(rng.integers(0, len(review) + 1), rng.choice(POSITIVE if positive else NEGATIVE))
    return review


@cache
def accuracy_data() -> AccuracyData:
    rng = np.random.default_rng(SEED)
    labels = rng.permutation(np.arange(N_TRAIN + N_TEST) % 2)  # as many positive reviews as negative ones
    x = np.zeros((len(labels), MAX_LEN), dtype=np.int64)
    for row, label in enumerate(labels):
        review = _review(rng, bool(label))
        x[row, MAX_LEN - len(review) :] = review
    return AccuracyData(x_train=x[:N_TRAIN], y_train=labels[:N_TRAIN], x_test=x[N_TRAIN:], y_test=labels[N_TRAIN:])
