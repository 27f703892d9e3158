"""Reference solutions of the graded functions of the `sentiment_ratings` assignment.

Written by `autograder sync sentiment_ratings` from the solution cells of
source/sentiment_ratings/sentiment_ratings.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""

import keras
import numpy as np
from keras import layers


def create_mlp_model(n_input_nodes, n_hidden_nodes):
    """Build and compile the bag-of-words regressor.

    Vectors of n_input_nodes numbers -> Dense(n_hidden_nodes, sigmoid) ->
    Dense(1), linear. Compiled with the mean squared error and Adam.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(n_input_nodes,)),
            layers.Dense(n_hidden_nodes, activation="sigmoid"),
            layers.Dense(1),
        ]
    )
    model.compile(loss="mean_squared_error", optimizer="adam")
    return model


def create_rnn_regressor(n_input_nodes, n_embedding_nodes, n_hidden_nodes):
    """Build and compile the rating regressor that reads word indices in order.

    Integer sequences of any length -> Embedding(n_input_nodes,
    n_embedding_nodes) that masks index 0 -> GRU(n_hidden_nodes), last state
    only -> Dense(1), linear. Compiled with the mean squared error and Adam.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(None,), dtype="int32"),
            layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True),
            layers.GRU(n_hidden_nodes),
            layers.Dense(1),
        ]
    )
    model.compile(loss="mean_squared_error", optimizer="adam")
    return model


def predict_ratings(model, x):
    """The model's predictions for x as whole star ratings.

    Returns a 1-D int64 array: each prediction rounded with np.round (halves to
    the even number) and clipped to 1..10.
    """
    outputs = model.predict(x, verbose=0).ravel()
    return np.clip(np.round(outputs), 1, 10).astype(np.int64)


def r2_score(y_true, y_pred):
    """The coefficient of determination of y_pred against y_true, as scikit-learn computes it.

    Accepts lists or arrays. For a constant y_true: 1.0 if y_pred equals it, else 0.0.
    """
    y_true = np.asarray(y_true, dtype=np.float64).ravel()
    y_pred = np.asarray(y_pred, dtype=np.float64).ravel()
    residual = np.sum((y_true - y_pred) ** 2)
    total = np.sum((y_true - y_true.mean()) ** 2)
    if total == 0:
        return 1.0 if residual == 0 else 0.0
    return float(1 - residual / total)
