"""Mutants of the reference, one bug each: each loses points of its own function only."""

import copy

import nbformat
import pytest

from autograder.notebook.cells import nbgrader_meta
from conftest import by_function, grade

# (name, graded function, text in its solution cell, replacement)
MUTANTS = [
    ("no_lowercase", "text_to_tokens", "token.lower_ for token", "token.text for token"),
    ("min_freq_off_by_one", "make_lexicon", "count > min_freq", "count >= min_freq"),
    ("lexicon_from_global", "make_lexicon", "for seq in token_seqs for token", "for seq in train_tokens for token"),
    ("unknown_words_dropped", "tokens_to_idxs", "[lexicon.get(token, unk) for token in seq]", "[lexicon[token] for token in seq if token in lexicon]"),
    ("lexicon_scanned_per_token", "tokens_to_idxs", "lexicon.get(token, unk)", "next((i for w, i in lexicon.items() if w == token), unk)"),
    ("bincount_without_minlength", "idx_seqs_to_bows", "np.bincount(seq, minlength=matrix_length)", "np.bincount(seq)"),
    ("float_counts", "idx_seqs_to_bows", "for seq in idx_seqs])", "for seq in idx_seqs], dtype=float)"),
    ("post_padding", "pad_idx_seqs", "pad_sequences(idx_seqs)", "pad_sequences(idx_seqs, padding='post')"),
    ("syntax_error", "pad_idx_seqs", "pad_sequences(idx_seqs)", "pad_sequences(idx_seqs"),
    ("return_sequences", "create_rnn_model", "layers.GRU(n_hidden_nodes)", "layers.GRU(n_hidden_nodes, return_sequences=True)"),
    ("no_sigmoid", "create_rnn_model", 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    ("no_mask_zero", "create_rnn_model", ", mask_zero=True", ""),
    ("swapped_sizes", "create_rnn_model", "Embedding(n_input_nodes, n_embedding_nodes", "Embedding(n_embedding_nodes, n_input_nodes"),
]

# Other correct answers that the checks must accept.
VALID_VARIANTS = [
    ("lexicon_sorted_by_frequency", "make_lexicon", "frequent = [word for word, count in counts.items() if count > min_freq]",
     "frequent = [word for word, count in counts.most_common() if count > min_freq]"),
    ("tokenized_one_by_one", "text_to_tokens", "for doc in nlp.tokenizer.pipe(text_seqs)]", "for doc in (nlp(text) for text in text_seqs)]"),
    ("extra_optional_parameter", "pad_idx_seqs", "def pad_idx_seqs(idx_seqs):", "def pad_idx_seqs(idx_seqs, value=0):"),
]


def mutated_notebook(source_notebook, function: str, old: str, new: str, folder) -> str:
    notebook = copy.deepcopy(source_notebook)
    (cell,) = [c for c in notebook.cells if nbgrader_meta(c).get("grade_id") == function and nbgrader_meta(c).get("solution")]
    assert old in cell.source, f"the mutant no longer applies to the solution of {function}: {old!r}"
    cell.source = cell.source.replace(old, new)
    path = folder / "submission.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.mark.parametrize("name, function, old, new", MUTANTS, ids=[m[0] for m in MUTANTS])
def test_mutant_loses_points_of_its_own_function_only(name, function, old, new, source_notebook, tmp_path):
    results = grade(mutated_notebook(source_notebook, function, old, new, tmp_path), tmp_path / "results.json")
    scores = by_function(results)
    assert scores[function][0] < scores[function][1], f"{name} kept all points of {function}"
    full = {f: points for f, (score, points) in scores.items() if f != function}
    assert {f: scores[f][0] for f in full} == full, f"{name} lost points of other functions: {scores}"
    failed = [t for t in results["tests"] if t["status"] == "failed"]
    assert all(t["output"] for t in failed), "every failed check says why"


@pytest.mark.parametrize("name, function, old, new", VALID_VARIANTS, ids=[v[0] for v in VALID_VARIANTS])
def test_other_correct_answers_earn_full_marks(name, function, old, new, source_notebook, tmp_path):
    results = grade(mutated_notebook(source_notebook, function, old, new, tmp_path), tmp_path / "results.json")
    assert results["score"] == results["max_score"], [t for t in results["tests"] if t["status"] == "failed"]


def test_same_submission_same_results(source_notebook, tmp_path):
    """Grading twice gives the same results.json; the accuracy check fails a broken output layer."""
    name, function, old, new = next(m for m in MUTANTS if m[0] == "no_sigmoid")
    notebook = mutated_notebook(source_notebook, function, old, new, tmp_path)
    first, second = (grade(notebook, tmp_path / f"results{run}.json") for run in (1, 2))
    assert first == second
    (accuracy,) = [t for t in first["tests"] if t["name"].startswith("create_rnn_model: learns")]
    assert accuracy["status"] == "failed" and "outside [0, 1]" in accuracy["output"], accuracy
