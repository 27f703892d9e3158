"""Reference solutions of the graded functions of the `rnn_basics` assignment.

Written by `autograder sync rnn_basics` from the solution cells of
source/rnn_basics/rnn_basics.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""

from collections import Counter

import keras
import numpy as np
from keras import layers


def build_vocab(sentences):
    """Number the words of `sentences` by frequency.

    Words are the pieces of str.split() (any run of whitespace separates them), taken
    as they are: no lowercasing, punctuation stays attached ("good." and "good" differ).
    The most frequent word gets 1, the next 2, and so on; words seen equally often
    keep the order in which they first appear. Returns (word_to_int, int_to_word).
    """
    counts = Counter()
    for sentence in sentences:
        counts.update(sentence.split())
    words = sorted(counts, key=counts.get, reverse=True)
    word_to_int = {word: i for i, word in enumerate(words, 1)}
    int_to_word = {i: word for i, word in enumerate(words, 1)}
    return word_to_int, int_to_word


def encode_sentences(sentences, word_to_int):
    """Replace each word of each sentence by its number in `word_to_int`.

    Sentences are split as in build_vocab; a word missing from `word_to_int` is
    skipped. Returns one list of ints per sentence.
    """
    return [[word_to_int[word] for word in sentence.split() if word in word_to_int] for sentence in sentences]


def pad_post(encoded, max_length=10):
    """Make every encoded sentence exactly `max_length` long.

    Shorter ones get zeros at the end; longer ones lose their words after the first
    `max_length`. Returns an integer array of shape (len(encoded), max_length).
    """
    return keras.utils.pad_sequences(encoded, maxlen=max_length, padding="post", truncating="post")


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    """One time step of an LSTM, with the weights laid out as keras.layers.LSTMCell keeps them.

    x_t: (batch, input_dim); h_prev, c_prev: (batch, units); kernel: (input_dim, 4*units);
    recurrent_kernel: (units, 4*units); bias: (4*units,). The 4*units columns hold the
    input gate, forget gate, candidate and output gate, in that order.
    Returns (h, c), the new hidden state and the new cell state.
    """
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)
    i, f, o = (1 / (1 + np.exp(-gate)) for gate in (z_i, z_f, z_o))
    c = f * c_prev + i * np.tanh(z_c)
    h = o * np.tanh(c)
    return h, c


def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    """One time step of a GRU, as keras.layers.GRUCell computes it (reset_after=True).

    x_t: (batch, input_dim); h_prev: (batch, units); kernel: (input_dim, 3*units);
    recurrent_kernel: (units, 3*units); bias: (2, 3*units), row 0 added to the input's
    part and row 1 to the state's. The 3*units columns hold the update gate z, the
    reset gate r and the candidate, in that order. Returns the new hidden state h.
    """
    x_z, x_r, x_h = np.split(x_t @ kernel + bias[0], 3, axis=-1)
    h_z, h_r, h_h = np.split(h_prev @ recurrent_kernel + bias[1], 3, axis=-1)
    z, r = (1 / (1 + np.exp(-gate)) for gate in (x_z + h_z, x_r + h_r))
    candidate = np.tanh(x_h + r * h_h)
    return z * h_prev + (1 - z) * candidate


def build_simple_rnn(vocab_size, embed_length, max_length, units):
    """Build and compile the sentence classifier.

    Sentences of `max_length` word numbers -> Embedding with vocab_size + 1 rows (the
    words 1..vocab_size and the padding 0) of `embed_length` numbers -> SimpleRNN(units)
    with its tanh, last state only -> one sigmoid unit. Compiled with binary
    cross-entropy, Adam and accuracy.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(max_length,), dtype="int32"),
            layers.Embedding(vocab_size + 1, embed_length),
            layers.SimpleRNN(units),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model
