"""Mutants of the sentiment_rnn reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement).
"""

MUTANTS = [
    ("no_lowercase", "text_to_tokens", "token.lower_ for token", "token.text for token"),
    ("min_freq_off_by_one", "make_lexicon", "count > min_freq", "count >= min_freq"),
    ("lexicon_from_global", "make_lexicon", "for seq in token_seqs for token", "for seq in train_tokens for token"),
    (
        "unknown_words_dropped",
        "tokens_to_idxs",
        "[lexicon.get(token, unk) for token in seq]",
        "[lexicon[token] for token in seq if token in lexicon]",
    ),
    (
        "lexicon_scanned_per_token",
        "tokens_to_idxs",
        "lexicon.get(token, unk)",
        "next((i for w, i in lexicon.items() if w == token), unk)",
    ),
    ("bincount_without_minlength", "idx_seqs_to_bows", "np.bincount(seq, minlength=matrix_length)", "np.bincount(seq)"),
    ("float_counts", "idx_seqs_to_bows", "for seq in idx_seqs])", "for seq in idx_seqs], dtype=float)"),
    ("post_padding", "pad_idx_seqs", "pad_sequences(idx_seqs)", "pad_sequences(idx_seqs, padding='post')"),
    ("syntax_error", "pad_idx_seqs", "pad_sequences(idx_seqs)", "pad_sequences(idx_seqs"),
    (
        "return_sequences",
        "create_rnn_model",
        "layers.GRU(n_hidden_nodes)",
        "layers.GRU(n_hidden_nodes, return_sequences=True)",
    ),
    ("no_mask_zero", "create_rnn_model", ", mask_zero=True", ""),
    # Third of its function, so that its bundle holds it alone: test_same_submission_same_results compares
    # results.json to the byte, and a bundle with lexicon_scanned_per_token notes a time limit measured anew.
    ("no_sigmoid", "create_rnn_model", 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    (
        "swapped_sizes",
        "create_rnn_model",
        "Embedding(n_input_nodes, n_embedding_nodes",
        "Embedding(n_embedding_nodes, n_input_nodes",
    ),
]

# The checks that must catch a mutant, by the start of their names (tests/assignments/test_mutants.py): the learning
# check fails outputs that are not probabilities (autograder calibrate sentiment_rnn: unusable with every seed).
MUST_FAIL = {"no_sigmoid": "create_rnn_model: learns"}

# Other correct answers that the checks must accept.
VALID_VARIANTS = [
    (
        "lexicon_sorted_by_frequency",
        "make_lexicon",
        "frequent = [word for word, count in counts.items() if count > min_freq]",
        "frequent = [word for word, count in counts.most_common() if count > min_freq]",
    ),
    (
        "tokenized_one_by_one",
        "text_to_tokens",
        "for doc in nlp.tokenizer.pipe(text_seqs)]",
        "for doc in (nlp(text) for text in text_seqs)]",
    ),
    ("extra_optional_parameter", "pad_idx_seqs", "def pad_idx_seqs(idx_seqs):", "def pad_idx_seqs(idx_seqs, value=0):"),
    # The notebook allows either API; a Functional model lists an InputLayer, which the checks leave out.
    (
        "functional_api",
        "create_rnn_model",
        'model = keras.Sequential(\n        [\n            keras.Input(shape=(None,), dtype="int32"),\n            layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True),\n            layers.GRU(n_hidden_nodes),\n            layers.Dense(1, activation="sigmoid"),\n        ]\n    )',
        'inputs = keras.Input(shape=(None,), dtype="int32")\n    vectors = layers.Embedding(n_input_nodes, n_embedding_nodes, mask_zero=True)(inputs)\n    outputs = layers.Dense(1, activation="sigmoid")(layers.GRU(n_hidden_nodes)(vectors))\n    model = keras.Model(inputs=inputs, outputs=outputs)',
    ),
]
