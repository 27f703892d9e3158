"""Reference solutions of the graded functions of the `sentiment_rnn` assignment.

Each function below is, to the character, the body of one solution block in
source/sentiment_rnn/sentiment_rnn.ipynb (tests/test_solutions_sync.py keeps the
two in step). The names below the imports are the globals the notebook's given
cells define before the solution cells run.
"""

from collections import Counter

import keras
import numpy as np
import spacy
from keras import layers

nlp = spacy.blank("en")


def text_to_tokens(text_seqs):
    """Split each review into lowercased spaCy tokens (punctuation included)."""
    return [[token.lower_ for token in doc] for doc in nlp.tokenizer.pipe(text_seqs)]


def make_lexicon(token_seqs, min_freq=1):
    """Map every word seen more than `min_freq` times to 2, 3, ...; '<UNK>' to 1."""
    counts = Counter(token for seq in token_seqs for token in seq)
    frequent = [word for word, count in counts.items() if count > min_freq]
    lexicon = {word: idx for idx, word in enumerate(frequent, start=2)}
    lexicon["<UNK>"] = 1
    return lexicon


def tokens_to_idxs(token_seqs, lexicon):
    """Replace each token by its lexicon index; unknown words get the '<UNK>' index."""
    unk = lexicon["<UNK>"]
    return [[lexicon.get(token, unk) for token in seq] for seq in token_seqs]


def idx_seqs_to_bows(idx_seqs, matrix_length):
    """Count how often each index occurs in each sequence (one row per sequence)."""
    return np.array([np.bincount(seq, minlength=matrix_length) for seq in idx_seqs])


def pad_idx_seqs(idx_seqs):
    """Pre-pad every sequence with 0 to the length of the longest one."""
    return keras.utils.pad_sequences(idx_seqs)


def create_rnn_model(n_input_nodes, n_embedding_nodes, n_hidden_nodes):
    """Embedding (0 masked) -> GRU (last state only) -> one sigmoid unit, compiled."""
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
