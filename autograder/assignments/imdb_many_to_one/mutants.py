"""Mutants of the imdb_many_to_one reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement).
"""

MUTANTS = [
    ("truncates_the_end", "pad_reviews", "maxlen=max_review_length)", "maxlen=max_review_length, truncating='post')"),
    ("pads_the_end", "pad_reviews", "maxlen=max_review_length)", "maxlen=max_review_length, padding='post')"),
    ("pads_to_the_longest", "pad_reviews", "pad_sequences(x, maxlen=max_review_length)", "pad_sequences(x)"),
    (
        "max_instead_of_mean",
        "build_mean_embedding_sequential",
        "layers.GlobalAveragePooling1D()",
        "layers.GlobalMaxPooling1D()",
    ),
    (
        "padding_masked",
        "build_mean_embedding_sequential",
        "layers.Embedding(top_words, embedding_length),",
        "layers.Embedding(top_words, embedding_length, mask_zero=True),",
    ),
    (
        "keras2_input_length",
        "build_mean_embedding_sequential",
        "layers.Embedding(top_words, embedding_length),",
        "layers.Embedding(top_words, embedding_length, input_length=max_review_length),",
    ),
    (
        "flatten_instead_of_mean",
        "build_mean_embedding_sequential",
        "layers.GlobalAveragePooling1D()",
        "layers.Flatten()",
    ),
    ("no_sigmoid", "build_mean_embedding_sequential", 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    (
        "sizes_swapped",
        "build_mean_embedding_functional",
        "layers.Embedding(top_words, embedding_length)",
        "layers.Embedding(embedding_length, top_words)",
    ),
    (
        "mean_over_features",
        "build_mean_embedding_functional",
        "keras.ops.mean(vectors, axis=1)",
        "keras.ops.mean(vectors, axis=2, keepdims=True)",
    ),
    (
        "sequential_in_disguise",
        "build_mean_embedding_functional",
        "model = keras.Model(inputs=inputs, outputs=outputs)",
        "model = build_mean_embedding_sequential(top_words, embedding_length, max_review_length)",
    ),
    (
        "not_compiled",
        "build_mean_embedding_functional",
        '    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])\n',
        "",
    ),
    (
        "cosine_similarity",
        "nearest_words",
        "distances = np.sqrt(np.sum((weights - weights[idx]) ** 2, axis=1))",
        "distances = -(weights @ weights[idx]) / (np.linalg.norm(weights, axis=1) * np.linalg.norm(weights[idx]) + 1e-12)",
    ),
    (
        "farthest_first",
        "nearest_words",
        'np.argsort(distances, kind="stable")[:k]',
        'np.argsort(distances, kind="stable")[::-1][:k]',
    ),
    (
        "itself_not_forced_first",
        "nearest_words",
        "    distances[idx] = -1.0  # first, even if another word has the very same vector\n",
        "",
    ),
    (
        "ties_by_higher_index",
        "nearest_words",
        'np.argsort(distances, kind="stable")',
        "np.lexsort((-np.arange(len(distances)), distances))",
    ),
    ("no_bound_check", "nearest_words", "if idx is None or idx >= len(weights):", "if idx is None:"),
    ("fixed_units", "build_lstm_sequential", "layers.LSTM(units)", "layers.LSTM(128)"),
    ("return_sequences", "build_lstm_sequential", "layers.LSTM(units)", "layers.LSTM(units, return_sequences=True)"),
    ("gru_instead_of_lstm", "build_lstm_sequential", "layers.LSTM(units)", "layers.GRU(units)"),
    ("simple_rnn", "build_lstm_functional", "layers.LSTM(units)(vectors)", "layers.SimpleRNN(units)(vectors)"),
    ("default_units_64", "build_lstm_functional", "units=128):", "units=64):"),
    (
        "no_sigmoid_functional",
        "build_lstm_functional",
        'layers.Dense(1, activation="sigmoid")',
        'layers.Dense(1, activation="relu")',
    ),
]

# Other correct answers that the checks must accept.
VALID_VARIANTS = [
    (
        "explicit_keras_defaults",
        "pad_reviews",
        "maxlen=max_review_length)",
        "maxlen=max_review_length, padding='pre', truncating='pre', value=0)",
    ),
    (
        "lambda_mean",
        "build_mean_embedding_sequential",
        "layers.GlobalAveragePooling1D()",
        "layers.Lambda(lambda x: keras.ops.mean(x, axis=1))",
    ),
    (
        "pooling_layer",
        "build_mean_embedding_functional",
        "keras.ops.mean(vectors, axis=1)",
        "layers.GlobalAveragePooling1D()(vectors)",
    ),
    (
        "mask_ignored_by_ops_mean",
        "build_mean_embedding_functional",
        "layers.Embedding(top_words, embedding_length)(inputs)",
        "layers.Embedding(top_words, embedding_length, mask_zero=True)(inputs)",
    ),
    (
        "squared_distances",
        "nearest_words",
        "np.sqrt(np.sum((weights - weights[idx]) ** 2, axis=1))",
        "np.sum((weights - weights[idx]) ** 2, axis=1)",
    ),
    (
        "lstm_skips_padding",
        "build_lstm_sequential",
        "layers.Embedding(top_words, embedding_length),",
        "layers.Embedding(top_words, embedding_length, mask_zero=True),",
    ),
    (
        "float_input",
        "build_lstm_functional",
        'keras.Input(shape=(max_review_length,), dtype="int32")',
        "keras.Input(shape=(max_review_length,))",
    ),
    # Part 5 allows a mask, and Keras adds a NotEqual operation to a Functional model that has one.
    (
        "lstm_functional_skips_padding",
        "build_lstm_functional",
        "layers.Embedding(top_words, embedding_length)(inputs)",
        "layers.Embedding(top_words, embedding_length, mask_zero=True)(inputs)",
    ),
]
