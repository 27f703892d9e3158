"""Mutants of the tiny_sentiment reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement). Every mutant must
cost points of its own function only, and every other correct answer must keep full marks.
"""

MUTANTS: list[tuple[str, str, str, str]] = [
    ("no_lowercase", "text_to_tokens", "text.lower()", "text"),
    ("split_on_whitespace", "text_to_tokens", r"""re.findall(r"[\w']+", text.lower())""", "text.lower().split()"),
    ("min_freq_off_by_one", "make_lexicon", "count > min_freq", "count >= min_freq"),
    ("unk_index_zero", "make_lexicon", 'lexicon["<UNK>"] = 1', 'lexicon["<UNK>"] = 0'),
    (
        "unknown_words_dropped",
        "tokens_to_idxs",
        "[lexicon.get(token, unk) for token in seq]",
        "[lexicon[token] for token in seq if token in lexicon]",
    ),
    ("unknown_as_zero", "tokens_to_idxs", 'unk = lexicon["<UNK>"]', "unk = 0"),
    ("bincount_without_minlength", "idx_seqs_to_bows", "np.bincount(seq, minlength=matrix_length)", "np.bincount(seq)"),
    ("float_counts", "idx_seqs_to_bows", "for seq in idx_seqs])", "for seq in idx_seqs], dtype=float)"),
    ("post_padding", "pad_idx_seqs", "pad_sequences(idx_seqs)", "pad_sequences(idx_seqs, padding='post')"),
    ("float_padding", "pad_idx_seqs", "pad_sequences(idx_seqs)", 'pad_sequences(idx_seqs, dtype="float32")'),
    ("no_mask_zero", "create_rnn_model", ", mask_zero=True", ""),
    ("no_sigmoid", "create_rnn_model", 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    # Every review looks the same to the GRU (zero vectors, never trained): one prediction for all of them.
    (
        "frozen_zero_embedding",
        "create_rnn_model",
        "mask_zero=True)",
        'mask_zero=True, embeddings_initializer="zeros", trainable=False)',
    ),
]

# The checks that must catch a mutant, by the start of their names (the mutant tests assert it): the learning
# check fails a model that cannot tell one review from another, and outputs that are not probabilities.
MUST_FAIL = {
    "frozen_zero_embedding": "create_rnn_model: learns",
    "no_sigmoid": "create_rnn_model: learns",
}

# Other correct answers that the checks must accept.
VALID_VARIANTS: list[tuple[str, str, str, str]] = [
    (
        "split_between_words",
        "text_to_tokens",
        r"""re.findall(r"[\w']+", text.lower())""",
        r"""[word for word in re.split(r"[^\w']+", text.lower()) if word]""",
    ),
    (
        "counted_in_a_dict",
        "make_lexicon",
        "counts = Counter(token for seq in token_seqs for token in seq)",
        "counts = {}\n    for seq in token_seqs:\n        for token in seq:\n            counts[token] = counts.get(token, 0) + 1",
    ),
    (
        "membership_test",
        "tokens_to_idxs",
        "lexicon.get(token, unk)",
        "lexicon[token] if token in lexicon else unk",
    ),
    (
        "counted_with_add_at",
        "idx_seqs_to_bows",
        "return np.array([np.bincount(seq, minlength=matrix_length) for seq in idx_seqs])",
        "bows = np.zeros((len(idx_seqs), matrix_length), dtype=np.int64)\n    for row, seq in enumerate(idx_seqs):\n        np.add.at(bows[row], np.asarray(seq, dtype=np.int64), 1)\n    return bows",
    ),
    (
        "numpy_padding",
        "pad_idx_seqs",
        "return keras.utils.pad_sequences(idx_seqs)",
        "longest = max(len(seq) for seq in idx_seqs)\n    padded = np.zeros((len(idx_seqs), longest), dtype=np.int64)\n    for row, seq in enumerate(idx_seqs):\n        padded[row, longest - len(seq) :] = seq\n    return padded",
    ),
    # The notebook allows either API; a Functional model lists an InputLayer, which the checks leave out.
    (
        "functional_api",
        "create_rnn_model",
        'model = keras.Sequential(\n        [\n            keras.Input(shape=(None,), dtype="int32"),\n            layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True),\n            layers.GRU(n_hidden_nodes),\n            layers.Dense(1, activation="sigmoid"),\n        ]\n    )',
        'inputs = keras.Input(shape=(None,), dtype="int32")\n    vectors = layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True)(inputs)\n    outputs = layers.Dense(1, activation="sigmoid")(layers.GRU(n_hidden_nodes)(vectors))\n    model = keras.Model(inputs=inputs, outputs=outputs)',
    ),
]
