"""`autograder grade`'s limit options: each sets its Policy field, in the option's unit."""

import argparse

import pytest

from autograder.commands.grade import LIMITS, add_policy_arguments, policy_from
from autograder.sandbox.policy import GIB, Policy


def parsed(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_policy_arguments(parser)
    return parser.parse_args(["--sandbox", "none", *argv])


def test_no_option_is_the_default_policy():
    assert policy_from(parsed(), many=False) == Policy(isolation="none")


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
    policy = policy_from(parsed(option, value), many=False)
    assert getattr(policy, field) == expected and type(getattr(policy, field)) is type(getattr(Policy(), field))
    others = {name for _, name, *_ in LIMITS} - {field}
    assert all(getattr(policy, name) == getattr(Policy(), name) for name in others)
