"""Mutants of the rnn_basics reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement).
"""

MUTANTS = [
    ("lowercased_words", "build_vocab", "counts.update(sentence.split())", "counts.update(sentence.lower().split())"),
    ("split_on_single_spaces", "build_vocab", "counts.update(sentence.split())", 'counts.update(sentence.split(" "))'),
    ("ranked_from_zero", "build_vocab", "enumerate(words, 1)", "enumerate(words)"),
    (
        "ties_alphabetical",
        "build_vocab",
        "sorted(counts, key=counts.get, reverse=True)",
        "sorted(sorted(counts), key=counts.get, reverse=True)",
    ),
    (
        "unknown_words_as_zero",
        "encode_sentences",
        "[word_to_int[word] for word in sentence.split() if word in word_to_int]",
        "[word_to_int.get(word, 0) for word in sentence.split()]",
    ),
    ("pre_padding", "pad_post", 'padding="post"', 'padding="pre"'),
    ("pre_truncating", "pad_post", ', truncating="post"', ""),
    ("lstm_gate_order_ifoc", "lstm_step", "z_i, z_f, z_c, z_o = np.split", "z_i, z_f, z_o, z_c = np.split"),
    ("lstm_returns_c_h", "lstm_step", "return h, c", "return c, h"),
    ("lstm_without_forget_gate", "lstm_step", "c = f * c_prev", "c = c_prev"),
    ("gru_update_gate_swapped", "gru_step", "z * h_prev + (1 - z) * candidate", "(1 - z) * h_prev + z * candidate"),
    (
        "gru_reset_before",
        "gru_step",
        "np.tanh(x_h + r * h_h)",
        "np.tanh(x_h + (r * h_prev) @ recurrent_kernel[:, -h_prev.shape[-1]:] + bias[1][-h_prev.shape[-1]:])",
    ),
    ("gru_one_bias_row", "gru_step", "h_prev @ recurrent_kernel + bias[1]", "h_prev @ recurrent_kernel"),
    (
        "embedding_without_padding_row",
        "build_simple_rnn",
        "layers.Embedding(vocab_size + 1,",
        "layers.Embedding(vocab_size,",
    ),
    (
        "return_sequences",
        "build_simple_rnn",
        "layers.SimpleRNN(units)",
        "layers.SimpleRNN(units, return_sequences=True)",
    ),
    ("sigmoid_rnn", "build_simple_rnn", "layers.SimpleRNN(units)", 'layers.SimpleRNN(units, activation="sigmoid")'),
    ("no_sigmoid", "build_simple_rnn", 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    (
        "softmax_output",
        "build_simple_rnn",
        'layers.Dense(1, activation="sigmoid")',
        'layers.Dense(1, activation="softmax")',
    ),
]

# The checks that must catch a mutant, by the start of their names (tests/assignments/test_mutants.py): the learning
# check fails outputs that are not probabilities, and a softmax over one unit, which always says 1
# (autograder calibrate rnn_basics: it scored 0.50, or gave unusable predictions, with every seed).
MUST_FAIL = {
    "no_sigmoid": "build_simple_rnn: learns",
    "softmax_output": "build_simple_rnn: learns",
}

# Other correct answers that the checks must accept.
VALID_VARIANTS = [
    (
        "most_common",
        "build_vocab",
        "words = sorted(counts, key=counts.get, reverse=True)",
        "words = [word for word, _ in counts.most_common()]",
    ),
    (
        "padded_by_hand",
        "pad_post",
        'keras.utils.pad_sequences(encoded, maxlen=max_length, padding="post", truncating="post")',
        "np.array([(list(seq) + [0] * max_length)[:max_length] for seq in encoded])",
    ),
    (
        "gru_separate_products",
        "gru_step",
        "x_z, x_r, x_h = np.split(x_t @ kernel + bias[0], 3, axis=-1)",
        "x_z, x_r, x_h = (x_t @ w + b for w, b in zip(np.split(kernel, 3, axis=1), np.split(bias[0], 3)))",
    ),
    (
        "functional_api",
        "build_simple_rnn",
        'model = keras.Sequential(\n        [\n            keras.Input(shape=(max_length,), dtype="int32"),\n            layers.Embedding(vocab_size + 1, embed_length),\n            layers.SimpleRNN(units),\n            layers.Dense(1, activation="sigmoid"),\n        ]\n    )',
        'inputs = keras.Input(shape=(max_length,), dtype="int32")\n    vectors = layers.Embedding(vocab_size + 1, embed_length)(inputs)\n    outputs = layers.Dense(1, activation="sigmoid")(layers.SimpleRNN(units)(vectors))\n    model = keras.Model(inputs=inputs, outputs=outputs)',
    ),
    # Masking the post-padding: the notebook neither asks for it nor forbids it.
    (
        "padding_masked",
        "build_simple_rnn",
        "layers.Embedding(vocab_size + 1, embed_length),",
        "layers.Embedding(vocab_size + 1, embed_length, mask_zero=True),",
    ),
]
