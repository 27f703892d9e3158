"""Mutants of the lstm_cnn_imdb reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement).
"""

MUTANTS = [
    ("no_sigmoid", "build_lstm", 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    ("return_sequences", "build_lstm", "layers.LSTM(units)", "layers.LSTM(units, return_sequences=True)"),
    ("units_fixed", "build_lstm", "layers.LSTM(units)", "layers.LSTM(100)"),
    (
        "swapped_embedding_sizes",
        "build_lstm",
        "Embedding(top_words, embedding_length)",
        "Embedding(embedding_length, top_words)",
    ),
    ("rate_fixed", "build_lstm_dropout", "layers.Dropout(rate)", "layers.Dropout(0.2)"),
    (
        "no_dropout_after_lstm",
        "build_lstm_dropout",
        "layers.LSTM(units),\n            layers.Dropout(rate),\n",
        "layers.LSTM(units),\n",
    ),
    (
        "recurrent_dropout_instead",
        "build_lstm_dropout",
        "layers.Dropout(rate),\n            layers.LSTM(units),\n            layers.Dropout(rate),",
        "layers.LSTM(units, dropout=rate, recurrent_dropout=rate),",
    ),
    (
        "not_compiled",
        "build_lstm_dropout",
        'model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])\n',
        "",
    ),
    ("valid_padding", "build_cnn_lstm", 'padding="same"', 'padding="valid"'),
    ("no_pooling", "build_cnn_lstm", "            layers.MaxPooling1D(2),\n", ""),
    ("conv_without_relu", "build_cnn_lstm", ', activation="relu"', ""),
    ("syntax_error", "build_cnn_lstm", "layers.MaxPooling1D(2),", "layers.MaxPooling1D(2"),
]

# Other correct answers that the checks must accept.
VALID_VARIANTS = [
    (
        "float_input",
        "build_lstm",
        'keras.Input(shape=(max_review_length,), dtype="int32")',
        "keras.Input(shape=(max_review_length,))",
    ),
    ("adam_object", "build_lstm_dropout", 'optimizer="adam"', "optimizer=keras.optimizers.Adam()"),
    ("pooling_keywords", "build_cnn_lstm", "layers.MaxPooling1D(2)", "layers.MaxPooling1D(pool_size=2, strides=2)"),
    # The notebook says nothing of masking the padding: a mask must cost nothing (Conv1D drops it, with a warning).
    (
        "lstm_skips_padding",
        "build_lstm",
        "layers.Embedding(top_words, embedding_length),",
        "layers.Embedding(top_words, embedding_length, mask_zero=True),",
    ),
    (
        "dropout_lstm_skips_padding",
        "build_lstm_dropout",
        "layers.Embedding(top_words, embedding_length),",
        "layers.Embedding(top_words, embedding_length, mask_zero=True),",
    ),
    (
        "cnn_given_a_mask",
        "build_cnn_lstm",
        "layers.Embedding(top_words, embedding_length),",
        "layers.Embedding(top_words, embedding_length, mask_zero=True),",
    ),
]
