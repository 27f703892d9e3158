"""Mutants of the sentiment_ratings reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement). Every mutant must
cost points of its own function only, and every other correct answer must keep full marks.
"""

MUTANTS: list[tuple[str, str, str, str]] = [
    ("mlp_sigmoid_output", "create_mlp_model", "layers.Dense(1),", 'layers.Dense(1, activation="sigmoid"),'),
    (
        "mlp_relu_hidden",
        "create_mlp_model",
        'layers.Dense(n_hidden_nodes, activation="sigmoid")',
        'layers.Dense(n_hidden_nodes, activation="relu")',
    ),
    ("mlp_classification_loss", "create_mlp_model", 'loss="mean_squared_error"', 'loss="binary_crossentropy"'),
    ("rnn_sigmoid_output", "create_rnn_regressor", "layers.Dense(1),", 'layers.Dense(1, activation="sigmoid"),'),
    ("rnn_no_mask_zero", "create_rnn_regressor", ", mask_zero=True", ""),
    (
        "rnn_constant_prediction",
        "create_rnn_regressor",
        "layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True)",
        'layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True, embeddings_initializer="zeros", trainable=False)',
    ),
    (
        "rnn_swapped_sizes",
        "create_rnn_regressor",
        "Embedding(n_input_nodes, n_embedding_nodes",
        "Embedding(n_embedding_nodes, n_input_nodes",
    ),
    ("halves_round_up", "predict_ratings", "np.round(outputs)", "np.floor(outputs + 0.5)"),
    ("not_clipped", "predict_ratings", "np.clip(np.round(outputs), 1, 10)", "np.round(outputs)"),
    ("float_ratings", "predict_ratings", ".astype(np.int64)", ""),
    (
        "swapped_arguments",
        "r2_score",
        "residual = np.sum((y_true - y_pred) ** 2)",
        "y_true, y_pred = y_pred, y_true\n    residual = np.sum((y_true - y_pred) ** 2)",
    ),
    (
        "correlation_squared",
        "r2_score",
        "return float(1 - residual / total)",
        "return float(np.corrcoef(y_true, y_pred)[0, 1] ** 2)",
    ),
    ("constant_not_handled", "r2_score", "    if total == 0:\n        return 1.0 if residual == 0 else 0.0\n", ""),
]

# The checks that must catch a mutant, by the start of their names (tests/assignments/test_mutants.py): the learning
# checks fail an output that cannot reach the ratings and a prediction that ignores the review.
MUST_FAIL = {
    "mlp_sigmoid_output": "create_mlp_model: learns",
    "rnn_sigmoid_output": "create_rnn_regressor: learns",
    "rnn_constant_prediction": "create_rnn_regressor: learns",
}

# Other correct answers that the checks must accept.
VALID_VARIANTS: list[tuple[str, str, str, str]] = [
    ("mlp_linear_spelled_out", "create_mlp_model", "layers.Dense(1),", 'layers.Dense(1, activation="linear"),'),
    ("rnn_loss_alias", "create_rnn_regressor", 'loss="mean_squared_error"', 'loss="mse"'),
    ("ratings_by_rint", "predict_ratings", "np.clip(np.round(outputs), 1, 10)", "np.clip(np.rint(outputs), 1, 10)"),
    (
        "r2_with_means",
        "r2_score",
        "return float(1 - residual / total)",
        "return float(1 - np.mean((y_true - y_pred) ** 2) / np.var(y_true))",
    ),
]
