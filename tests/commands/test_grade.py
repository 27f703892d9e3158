"""`autograder grade`: each limit option sets its Policy field, in the option's unit; the command line calls grade()."""

import argparse
import inspect
from pathlib import Path

import pytest

from autograder.commands import grade as grade_command
from autograder.commands.grade import LIMITS, add_policy_arguments, policy_from
from autograder.sandbox.policy import GIB, Policy


def parsed(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_policy_arguments(parser)
    return parser.parse_args(["--sandbox", "none", *argv])


def test_no_option_is_the_default_policy():
    assert policy_from(parsed()) == Policy(isolation="none")


@pytest.mark.parametrize(
    "option, value, field, expected",
    [
        ("--time-limit", "30", "submission_seconds", 30.0),
        ("--call-time-limit", "15", "call_seconds", 15.0),
        ("--cell-time-limit", "7.5", "cell_seconds", 7.5),
        ("--memory-limit", "1.5", "memory_bytes", int(1.5 * GIB)),
        ("--process-limit", "100", "processes", 100),
        ("--cpu-limit", "0.5", "cpus", 0.5),
        ("--output-limit", "64", "output_bytes", 64 * 1024),
    ],
)
def test_each_limit_option_sets_its_field_and_no_other(option, value, field, expected):
    policy = policy_from(parsed(option, value))
    assert getattr(policy, field) == expected and type(getattr(policy, field)) is type(getattr(Policy(), field))
    others = {name for _, name, *_ in LIMITS} - {field}
    assert all(getattr(policy, name) == getattr(Policy(), name) for name in others)


def test_the_command_line_is_a_thin_layer_over_grade(monkeypatch, tmp_path):
    """Every option of `autograder grade` reaches grade() as a keyword argument, the limits as one Policy."""
    parameters = set(inspect.signature(grade_command.grade).parameters)
    called = {}
    monkeypatch.setattr(grade_command, "grade", lambda path, **options: called.update(path=path, **options) or 7)
    parser = argparse.ArgumentParser()
    grade_command.add_parser(parser.add_subparsers(), "grade")
    options = "--assignment sentiment_rnn --out out --workers 3 --force --scheduler tcp://h:1 --gradebook g.db"
    limits = "--hidden-visibility after_published --sandbox none --time-limit 30"
    args = parser.parse_args(["grade", str(tmp_path), *options.split(), *limits.split()])
    assert args.run(args) == 7
    assert called == {
        "path": tmp_path,
        "assignment": "sentiment_rnn",
        "results": None,
        "out": Path("out"),
        "workers": 3,
        "scheduler": "tcp://h:1",
        "force": True,
        "gradebook": Path("g.db"),
        "hidden_visibility": "after_published",
        "policy": Policy(isolation="none", submission_seconds=30.0),
    }
    assert parameters == set(called)
