"""Reference solutions of the graded functions of the `tiny_sentiment` assignment.

Written by `autograder sync tiny_sentiment` from the solution cells of
source/tiny_sentiment/tiny_sentiment.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""

import re
from collections import Counter

import keras
import numpy as np
from keras import layers


def text_to_tokens(text_seqs):
    """The lowercased words of each review: runs of letters, digits, _ and apostrophes.

    text_seqs: an iterable of review strings. Returns one list of words per review.
    """
    return [re.findall(r"[\w']+", text.lower()) for text in text_seqs]


def make_lexicon(token_seqs, min_freq=1):
    """Give every frequent word an index.

    Words seen more than `min_freq` times in all of `token_seqs` get the indices 2, 3, ...
    in the order they are first seen; '<UNK>' gets 1, and 0 stays free for padding.
    """
    counts = Counter(token for seq in token_seqs for token in seq)
    frequent = [word for word, count in counts.items() if count > min_freq]
    lexicon = {word: idx for idx, word in enumerate(frequent, start=2)}
    lexicon["<UNK>"] = 1
    return lexicon


def tokens_to_idxs(token_seqs, lexicon):
    """Replace each word by its index in `lexicon`; a word missing from it gets the index of '<UNK>'."""
    unk = lexicon["<UNK>"]
    return [[lexicon.get(token, unk) for token in seq] for seq in token_seqs]


def idx_seqs_to_bows(idx_seqs, matrix_length):
    """Count each index per sequence: an integer array of shape (len(idx_seqs), matrix_length)."""
    return np.array([np.bincount(seq, minlength=matrix_length) for seq in idx_seqs])


def pad_idx_seqs(idx_seqs):
    """Pre-pad every index sequence with 0 to the length of the longest one: a 2-D integer array."""
    return keras.utils.pad_sequences(idx_seqs)


def create_rnn_model(n_input_nodes, n_embedding_nodes, n_hidden_nodes):
    """Embedding (index 0 masked) -> GRU, last state only -> one sigmoid unit; compiled for binary classification."""
    model = keras.Sequential(
        [
            keras.Input(shape=(None,), dtype="int32"),
            layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True),
            layers.GRU(n_hidden_nodes),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model
