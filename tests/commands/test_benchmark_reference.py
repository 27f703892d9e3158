"""`autograder benchmark-reference`: which assignments it can run, and what its probe in the notebook's kernel reports."""

import json

from support.kit import TINY, TINY_ENV

from autograder.cli import main
from autograder.commands.benchmark_reference import probe_code
from autograder.course import get


def test_an_assignment_without_a_benchmark_is_refused_with_those_that_have_one(monkeypatch, capsys):
    monkeypatch.setenv("KIT_ROOT", TINY_ENV["KIT_ROOT"])
    assert main(["benchmark-reference", "--assignment", TINY.name]) == 2
    assert capsys.readouterr().err == (
        f"error: {TINY.name} declares no benchmark (Declaration(benchmark=...)); those that do: none\n"
    )


def test_the_probe_reports_each_timed_library_alone_and_leaves_the_notebooks_names(capsys):
    """sentiment_rnn's tokenizer cell is timed beside spaCy alone: the probe times that in the notebook's kernel
    after its cells, without touching a name the notebook defined."""
    import pandas as pd

    bench = get("sentiment_rnn").declaration.benchmark
    assert [timed.cell for timed in bench.timed] == ["tokenize_data"]
    tokenizer = object()
    namespace = {
        "train": pd.DataFrame({"review": ["A fine film.", "Dull."]}),
        "test": pd.DataFrame({"review": ["Not bad at all!"]}),
        "test_accuracy": 0.875,
        "tokenizer": tokenizer,
    }
    exec(probe_code(bench), namespace)
    found = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert found["accuracy"] == {"test_accuracy": 0.875}
    assert len(found["timed"]) == 1 and 0 < found["timed"][0] < 10
    assert set(found["versions"]) == {"TensorFlow", "Keras", "spaCy"}
    assert namespace["tokenizer"] is tokenizer
