"""Reference solutions of the graded functions of the `sentiment_rnn` assignment.

Written by `autograder sync sentiment_rnn` from the solution cells of
source/sentiment_rnn/sentiment_rnn.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""

from collections import Counter

import keras
import numpy as np
import spacy
from keras import layers

nlp = spacy.blank("en")


def text_to_tokens(text_seqs):
    """Split each review into tokens with spaCy's English tokenizer.

    text_seqs: an iterable of review strings.
    Returns one list per review of its token texts, lowercased; punctuation
    tokens stay.
    """
    return [[token.lower_ for token in doc] for doc in nlp.tokenizer.pipe(text_seqs)]


def make_lexicon(token_seqs, min_freq=1):
    """Give every frequent word an index.

    token_seqs: a list of token lists. Words seen more than `min_freq` times in
    all of them get the indices 2, 3, ... (in any order, without gaps); '<UNK>'
    gets 1, and 0 stays free for padding.
    """
    counts = Counter(token for seq in token_seqs for token in seq)
    frequent = [word for word, count in counts.items() if count > min_freq]
    lexicon = {word: idx for idx, word in enumerate(frequent, start=2)}
    lexicon["<UNK>"] = 1
    return lexicon


def tokens_to_idxs(token_seqs, lexicon):
    """Replace each token by its index in `lexicon`.

    A token missing from the lexicon gets the index of '<UNK>'. Returns a list
    of index lists, one per token list.
    """
    unk = lexicon["<UNK>"]
    return [[lexicon.get(token, unk) for token in seq] for seq in token_seqs]


def idx_seqs_to_bows(idx_seqs, matrix_length):
    """Turn each index sequence into a bag of words.

    Returns an integer array of shape (len(idx_seqs), matrix_length) whose row i
    counts how often each index occurs in sequence i.
    """
    return np.array([np.bincount(seq, minlength=matrix_length) for seq in idx_seqs])


def pad_idx_seqs(idx_seqs):
    """Pre-pad every index sequence with 0 to the length of the longest one.

    Returns a 2-D integer array with one row per sequence.
    """
    return keras.utils.pad_sequences(idx_seqs)


def create_rnn_model(n_input_nodes, n_embedding_nodes, n_hidden_nodes):
    """Build and compile the sentiment classifier.

    Integer sequences of any length -> Embedding(n_input_nodes,
    n_embedding_nodes) that masks index 0 -> GRU(n_hidden_nodes), last state
    only -> one sigmoid unit. Compiled with binary cross-entropy, Adam and
    accuracy.
    """
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
