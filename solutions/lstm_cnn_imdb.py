"""Reference solutions of the graded functions of the `lstm_cnn_imdb` assignment.

Written by `autograder sync lstm_cnn_imdb` from the solution cells of
source/lstm_cnn_imdb/lstm_cnn_imdb.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""

import keras
from keras import layers


def build_lstm(top_words, embedding_length, max_review_length, units=100):
    """Build and compile the plain LSTM classifier.

    Reviews of max_review_length word indices -> Embedding(top_words,
    embedding_length) -> LSTM(units), last state only -> one sigmoid unit.
    Compiled with binary cross-entropy, Adam and accuracy.
    """
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


def build_lstm_dropout(top_words, embedding_length, max_review_length, units=100, rate=0.2):
    """Build and compile the LSTM classifier with dropout against overfitting.

    As build_lstm, with a Dropout(rate) layer between the Embedding and the
    LSTM and another between the LSTM and the output layer.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(max_review_length,), dtype="int32"),
            layers.Embedding(top_words, embedding_length),
            layers.Dropout(rate),
            layers.LSTM(units),
            layers.Dropout(rate),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def build_cnn_lstm(top_words, embedding_length, max_review_length, units=100):
    """Build and compile the convolutional LSTM classifier.

    As build_lstm, with Conv1D(32 filters, width 3, "same" padding, ReLU) and
    MaxPooling1D(2) between the Embedding and the LSTM: the LSTM reads half as
    many steps, each summing up a few neighbouring words.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(max_review_length,), dtype="int32"),
            layers.Embedding(top_words, embedding_length),
            layers.Conv1D(32, 3, padding="same", activation="relu"),
            layers.MaxPooling1D(2),
            layers.LSTM(units),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model
