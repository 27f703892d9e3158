"""`autograder benchmark-reference`: which assignments it can run."""

from support.kit import TINY, TINY_ENV

from autograder.cli import main


def test_an_assignment_without_a_benchmark_is_refused_with_those_that_have_one(monkeypatch, capsys):
    monkeypatch.setenv("KIT_ROOT", TINY_ENV["KIT_ROOT"])
    assert main(["benchmark-reference", "--assignment", TINY.name]) == 2
    assert capsys.readouterr().err == (
        f"error: {TINY.name} declares no benchmark (Declaration(benchmark=...)); those that do: none\n"
    )
