"""The submissions the kit's tests grade together in one class run, by name.

Mutants (one bug each), other correct answers, and the hostile fixtures of
tests/hostile/ are all built from the instructor's notebook and graded side by
side with an honest copy of it, the way a real class is graded.
"""

import copy
import json
import re
from pathlib import Path

import nbformat

from autograder.notebook.cells import nbgrader_meta

HOSTILE = Path(__file__).parent / "hostile"

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


def solution_cell(notebook: nbformat.NotebookNode, function: str) -> nbformat.NotebookNode:
    (cell,) = [c for c in notebook.cells if nbgrader_meta(c).get("grade_id") == function and nbgrader_meta(c).get("solution")]
    return cell


def mutated(source: nbformat.NotebookNode, function: str, old: str, new: str) -> nbformat.NotebookNode:
    notebook = copy.deepcopy(source)
    cell = solution_cell(notebook, function)
    assert old in cell.source, f"the mutant no longer applies to the solution of {function}: {old!r}"
    cell.source = cell.source.replace(old, new)
    return notebook


def hostile(source: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The reference with a fixture's code in it: in place of the solutions it names, or as a cell of its own."""
    code = (HOSTILE / f"{name}.py").read_text(encoding="utf-8")
    notebook = copy.deepcopy(source)
    if replaced := re.search(r"^# replaces: (.+)$", code, re.MULTILINE):
        first, *others = [function.strip() for function in replaced[1].split(",")]
        solution_cell(notebook, first).source = code
        for function in others:
            solution_cell(notebook, function).source = f"# {function} is defined in the cell of {first}\n"
    else:
        assert re.search(r"^# adds a cell$", code, re.MULTILINE), f"{name}.py must say what it replaces or that it adds a cell"
        notebook.cells.append(nbformat.v4.new_code_cell(code))
    return notebook


def without_test_cells(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    notebook = copy.deepcopy(source)
    notebook.cells = [c for c in notebook.cells if not nbgrader_meta(c).get("grade") or nbgrader_meta(c).get("solution")]
    return notebook


def tests_edited_to_pass(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A wrong make_lexicon whose test cell the student emptied so that it 'passes'."""
    notebook = mutated(source, "make_lexicon", "count > min_freq", "count > min_freq + 5")
    for cell in notebook.cells:
        if nbgrader_meta(cell).get("grade_id") == "test_make_lexicon":
            cell.source = "pass\n"
    return notebook


def duplicate_cell_ids(source: nbformat.NotebookNode) -> bytes:
    """Every cell with the first cell's id, as raw JSON (nbformat.write would repair the ids)."""
    notebook = copy.deepcopy(source)
    for cell in notebook.cells[1:]:
        cell.id = notebook.cells[0].id
    return json.dumps(notebook).encode()


def another_assignments(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A notebook of some other homework: its cells have other grade ids and functions."""
    notebook = copy.deepcopy(source)
    for cell in notebook.cells:
        if meta := nbgrader_meta(cell):
            meta["grade_id"] = f"hw9_{meta['grade_id']}"
        cell.source = re.sub(r"^def (\w+)\(", r"def hw9_\1(", cell.source, flags=re.MULTILINE)
    return notebook


def class_of_cases(source: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode | bytes]:
    """Every submission of the shared class run: a notebook, or raw bytes for files that are not one."""
    cases: dict[str, nbformat.NotebookNode | bytes] = {"honest": source}
    cases |= {name: mutated(source, *change) for name, *change in MUTANTS + VALID_VARIANTS}
    cases |= {path.stem: hostile(source, path.stem) for path in sorted(HOSTILE.glob("*.py"))}
    cases |= {path.stem: path.read_bytes() for path in sorted(HOSTILE.glob("*.ipynb"))}
    cases |= {
        "solution_cell_raises": mutated(source, "make_lexicon", "def make_lexicon(", "import not_a_module_anywhere\n\n\ndef make_lexicon("),
        "test_cells_deleted": without_test_cells(source),
        "test_cells_edited": tests_edited_to_pass(source),
        "duplicate_cell_ids": duplicate_cell_ids(source),
        "another_assignments_notebook": another_assignments(source),
    }
    return cases
