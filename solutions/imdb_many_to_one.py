"""Reference solutions of the graded functions of the `imdb_many_to_one` assignment.

Written by `autograder sync imdb_many_to_one` from the solution cells of
source/imdb_many_to_one/imdb_many_to_one.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""

import keras
import numpy as np
from keras import layers


def pad_reviews(x, max_review_length):
    """Cut or zero-pad every review to `max_review_length` indices.

    x: a list (or object array) of index lists. Keras's defaults: a long review
    loses its first indices, a short one gets zeros in front. Returns a 2-D
    int32 array with one row per review.
    """
    return keras.utils.pad_sequences(x, maxlen=max_review_length)


def build_mean_embedding_sequential(top_words, embedding_length, max_review_length):
    """Mean of the word vectors -> one sigmoid unit, with the Sequential API.

    Reviews of `max_review_length` indices below `top_words` -> Embedding of
    `embedding_length` numbers per word -> the mean over all positions,
    padding included -> Dense(1, sigmoid). Returned compiled.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(max_review_length,), dtype="int32"),
            layers.Embedding(top_words, embedding_length),
            layers.GlobalAveragePooling1D(),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def build_mean_embedding_functional(top_words, embedding_length, max_review_length):
    """The network of build_mean_embedding_sequential, with the Functional API, compiled."""
    inputs = keras.Input(shape=(max_review_length,), dtype="int32")
    vectors = layers.Embedding(top_words, embedding_length)(inputs)
    mean_vector = keras.ops.mean(vectors, axis=1)
    outputs = layers.Dense(1, activation="sigmoid")(mean_vector)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def nearest_words(embedding_weights, word_to_id, id_to_word, word, k=20):
    """The k words whose vectors are closest to the vector of `word`, closest first.

    embedding_weights: one row per word index. Distances are Euclidean; `word`
    itself comes first, and words at equal distances keep the order of their
    indices. Raises a KeyError naming `word` if it has no row in the matrix.
    """
    weights = np.asarray(embedding_weights)
    idx = word_to_id.get(word)
    if idx is None or idx >= len(weights):
        raise KeyError(f"{word!r} is not in the vocabulary of the embedding ({len(weights)} words)")
    distances = np.sqrt(np.sum((weights - weights[idx]) ** 2, axis=1))
    distances[idx] = -1.0  # first, even if another word has the very same vector
    return [id_to_word[i] for i in np.argsort(distances, kind="stable")[:k]]


def build_lstm_sequential(top_words, embedding_length, max_review_length, units=128):
    """Embedding -> LSTM(units), last state only -> Dense(1, sigmoid), Sequential API, compiled."""
    model = keras.Sequential(
        [
            keras.Input(shape=(max_review_length,), dtype="int32"),
            layers.Embedding(top_words, embedding_length),
            layers.LSTM(units),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def build_lstm_functional(top_words, embedding_length, max_review_length, units=128):
    """The network of build_lstm_sequential, with the Functional API, compiled."""
    inputs = keras.Input(shape=(max_review_length,), dtype="int32")
    vectors = layers.Embedding(top_words, embedding_length)(inputs)
    last_state = layers.LSTM(units)(vectors)
    outputs = layers.Dense(1, activation="sigmoid")(last_state)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model
