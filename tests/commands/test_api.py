"""Each command is a Python function, and its command line a thin layer over it: every option parsed reaches the
function as the keyword argument of its name, and the function has no argument the command line does not give.

Nothing is graded: the command's function is replaced by one that records its arguments.
"""

import argparse
import importlib
import inspect
import shlex
from pathlib import Path

import pytest
from support.imports import absolute_imports

import autograder.commands
from autograder.cli import COMMANDS
from autograder.sandbox.policy import Policy

MODULES = {name.replace("-", "_") for name in COMMANDS}

CASES = [
    # the command's module, its function, a command line, the keyword arguments the function must get from it
    (
        "grade",
        "grade",
        "grade class.zip --assignment rnn_basics --out out --workers 3 --sandbox none --call-time-limit 15",
        {
            "path": Path("class.zip"),
            "assignment": "rnn_basics",
            "results": None,
            "out": Path("out"),
            "workers": 3,
            "scheduler": None,
            "force": False,
            "gradebook": None,
            "hidden_visibility": "visible",
            "policy": Policy(isolation="none", call_seconds=15.0),
        },
    ),
    (
        "bench",
        "bench",
        "bench --assignment rnn_basics --submitted class --repeat 2 --keep kept",
        {
            "assignment": "rnn_basics",
            "submissions": 4,
            "reviews": None,
            "nbgrader_copies": None,
            "repeat": 2,
            "submitted": Path("class"),
            "scheduler": None,
            "keep": Path("kept"),
        },
    ),
    (
        "gradescope",
        "gradescope",
        "gradescope rnn_basics -o rnn_basics-autograder.zip",
        {"assignment": "rnn_basics", "output": Path("rnn_basics-autograder.zip"), "data_dir": None},
    ),
    (
        "similarity",
        "similarity",
        "similarity class.zip --assignment rnn_basics --out similar",
        {"path": Path("class.zip"), "assignment": "rnn_basics", "out": Path("similar")},
    ),
    (
        "export",
        "export",
        "export canvas --lms-csv gradebook.csv --column 'Homework 1 (12345)' --grades graded/grades.csv -o import.csv"
        " --rescale",
        {
            "lms": "canvas",
            "lms_csv": Path("gradebook.csv"),
            "column": "Homework 1 (12345)",
            "grades": Path("graded/grades.csv"),
            "output": Path("import.csv"),
            "rescale": True,
            "assignment": None,
        },
    ),
    (
        "export",
        "export",
        "export moodle --lms-csv worksheet.csv --grades graded/grades.csv -o import.csv --assignment rnn_basics",
        {
            "lms": "moodle",
            "lms_csv": Path("worksheet.csv"),
            "column": None,
            "grades": Path("graded/grades.csv"),
            "output": Path("import.csv"),
            "rescale": False,
            "assignment": "rnn_basics",
        },
    ),
    (
        "check_assignments",
        "check_assignments",
        "check-assignments --assignment rnn_basics --assignment sentiment_rnn",
        {"assignment": ["rnn_basics", "sentiment_rnn"]},
    ),
    ("check_mutants", "report_mutants", "check-mutants rnn_basics", {"name": "rnn_basics"}),
    ("calibrate", "calibrate", "calibrate rnn_basics --seeds 12", {"name": "rnn_basics", "seeds": 12}),
    (
        "new",
        "new",
        "new word_counts --functions 'tokenize, count_words'",
        {"name": "word_counts", "functions": ["tokenize", "count_words"]},
    ),
    (
        "sync",
        "sync",
        "sync rnn_basics sentiment_rnn --check",
        {"assignment": ["rnn_basics", "sentiment_rnn"], "check": True},
    ),
    (
        "pack",
        "pack",
        "pack rnn_basics -o handout --data-dir data",
        {"assignment": "rnn_basics", "out": Path("handout"), "data_dir": Path("data")},
    ),
    ("data", "data", "data verify --data-dir shared/datasets", {"action": "verify", "data_dir": "shared/datasets"}),
    ("data", "data", "data fetch", {"action": "fetch", "data_dir": None}),
    ("doctor", "doctor", "doctor", {}),
    (
        "benchmark_reference",
        "benchmark_reference",
        "benchmark-reference --assignment sentiment_rnn --reviews 500 --notebook mine.ipynb",
        {"assignment": "sentiment_rnn", "data_dir": None, "reviews": 500, "notebook": Path("mine.ipynb")},
    ),
]


@pytest.mark.parametrize("module, function, argv, expected", CASES, ids=[case[2] for case in CASES])
def test_the_command_line_is_a_thin_layer_over_the_commands_function(monkeypatch, module, function, argv, expected):
    command = importlib.import_module(f"autograder.commands.{module}")
    parameters = set(inspect.signature(getattr(command, function)).parameters)
    called = {}
    monkeypatch.setattr(command, function, lambda **options: called.update(options) or 7)
    parser = argparse.ArgumentParser()
    command.add_parser(parser.add_subparsers(dest="command"), "summary")  # the console script's dest
    args = parser.parse_args(shlex.split(argv))
    assert args.run(args) == 7  # the function's return value is the exit code
    assert called == expected
    assert set(called) == parameters


def options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """The options of a parser and of its sub-commands', by their dest."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= options(sub)
        elif action.option_strings and action.dest != "help":
            found[action.dest] = action
    return found


COMPUTED = {("grade", "workers")}
"""Defaults the parser computes and the function leaves at None, for the same value (the cores available)."""


@pytest.mark.parametrize("module, function", sorted({case[:2] for case in CASES}))
def test_the_functions_defaults_are_the_parsers(module, function):
    command = importlib.import_module(f"autograder.commands.{module}")
    parser = argparse.ArgumentParser()
    command.add_parser(parser.add_subparsers(dest="command"), "summary")
    parsed = options(parser)
    signature = inspect.signature(getattr(command, function)).parameters
    defaults = {
        name: parameter.default
        for name, parameter in signature.items()
        if name in parsed and parameter.default is not parameter.empty and (module, name) not in COMPUTED
    }
    assert defaults == {name: parsed[name].default for name in defaults}


def test_every_command_has_its_case():
    assert {case[0] for case in CASES} == MODULES


def commands_imported(path: Path) -> set[str]:
    """The command modules a file imports (`from autograder.commands import grade` too), wherever it imports them."""
    prefix = "autograder.commands."
    return {name.removeprefix(prefix) for name in absolute_imports(path) if name.startswith(prefix)} & MODULES


def test_no_command_imports_another():
    """What two commands share lives below them (docs/architecture.md), so naming one loads no other."""
    folder = Path(autograder.commands.__file__).parent
    assert {module: commands_imported(folder / f"{module}.py") - {module} for module in MODULES} == {
        module: set() for module in MODULES
    }


def test_check_mutants_printed_is_the_commands_output(monkeypatch, capsys):
    """report_mutants() prints check_mutants()'s verdicts; check_mutants() returns them (nothing graded here)."""
    from autograder.authoring.mutants import Verdict
    from autograder.commands import check_mutants

    verdicts = [
        Verdict("mutant", "no_sigmoid", "create_rnn_model", "mutants-1", True, "lost 2 points"),
        Verdict("variant", "loop", "make_lexicon", "variants-1", False, "lost 1 point"),
    ]

    def graded(name, progress):
        progress("grading mutants-1 (no_sigmoid) ...")
        return verdicts

    monkeypatch.setattr(check_mutants, "check_mutants", graded)
    assert check_mutants.report_mutants("rnn_basics") == 1
    assert capsys.readouterr().out.splitlines() == [
        "grading mutants-1 (no_sigmoid) ...",
        "caught   no_sigmoid (create_rnn_model, in mutants-1): lost 2 points",
        "REFUSED  loop (make_lexicon, in variants-1): lost 1 point",
        "rnn_basics: 1 of 1 mutants caught, 0 of 1 other correct answers at full marks",
    ]
