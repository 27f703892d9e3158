"""The assignments the kit grades: their graded functions, notebooks, checks and references."""

import importlib.util
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType

import nbformat

from autograder.notebook.cells import cell_by_grade_id, visible_part

KIT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Assignment:
    name: str
    functions: tuple[str, ...]
    models: tuple[str, ...] = ()
    """The graded functions that return a Keras model rather than plain data."""
    quick_run_env: dict[str, str] = field(default_factory=dict)
    """Environment that makes a full "Run all" of the notebook quick (a small data subset), for nbgrader's runs in tests."""

    @property
    def source_notebook(self) -> Path:
        return KIT_ROOT / "source" / self.name / f"{self.name}.ipynb"

    @property
    def release_notebook(self) -> Path:
        return KIT_ROOT / "release" / self.name / f"{self.name}.ipynb"

    @property
    def checks_dir(self) -> Path:
        return Path(__file__).parent / self.name / "checks"

    @property
    def solutions_file(self) -> Path:
        return KIT_ROOT / "solutions" / f"{self.name}.py"

    def reference(self) -> ModuleType:
        return _load_reference(self.solutions_file)

    def source(self) -> nbformat.NotebookNode:
        """The instructor's notebook, read once per process: every grading compares with it."""
        return _read_notebook(self.source_notebook)

    def examples(self, function: str) -> str:
        """The visible asserts of the function's test cell in the instructor's notebook."""
        return visible_part(cell_by_grade_id(self.source(), f"test_{function}").source)


@cache
def _read_notebook(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


@cache
def _load_reference(path: Path) -> ModuleType:
    """Load a reference solution by path: it is never installed where students could import it."""
    spec = importlib.util.spec_from_file_location(f"kit_reference_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ASSIGNMENTS = {
    "sentiment_rnn": Assignment(
        "sentiment_rnn",
        (
            "text_to_tokens",
            "make_lexicon",
            "tokens_to_idxs",
            "idx_seqs_to_bows",
            "pad_idx_seqs",
            "create_rnn_model",
        ),
        models=("create_rnn_model",),
        quick_run_env={"SENTIMENT_RNN_N_REVIEWS": "300"},
    ),
    "lstm_cnn_imdb": Assignment(
        "lstm_cnn_imdb",
        ("build_lstm", "build_lstm_dropout", "build_cnn_lstm"),
        models=("build_lstm", "build_lstm_dropout", "build_cnn_lstm"),
        quick_run_env={"LSTM_CNN_IMDB_N_REVIEWS": "200"},
    ),
    "rnn_basics": Assignment(
        "rnn_basics",
        ("build_vocab", "encode_sentences", "pad_post", "lstm_step", "gru_step", "build_simple_rnn"),
        models=("build_simple_rnn",),
        # 1,000 short sentences: a full "Run all" takes seconds, so no subset is needed.
    ),
    "imdb_many_to_one": Assignment(
        "imdb_many_to_one",
        (
            "pad_reviews",
            "build_mean_embedding_sequential",
            "build_mean_embedding_functional",
            "nearest_words",
            "build_lstm_sequential",
            "build_lstm_functional",
        ),
        models=(
            "build_mean_embedding_sequential",
            "build_mean_embedding_functional",
            "build_lstm_sequential",
            "build_lstm_functional",
        ),
        quick_run_env={"IMDB_MANY_TO_ONE_N_REVIEWS": "300"},
    ),
}


def get(name: str) -> Assignment:
    try:
        return ASSIGNMENTS[name]
    except KeyError:
        raise KeyError(f"unknown assignment {name!r}; the kit has: {', '.join(sorted(ASSIGNMENTS))}") from None
