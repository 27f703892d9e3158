"""Fixtures every check module may use, beside the plugin's `student`, `expected`, `reference`, `assignment`, `function`.

`model` and `reference_model` describe the module's graded function built from the module's
ARGS and run on each batch of its INPUTS, by the student and by the reference; each is
built once per module. A module that grades a model builder sets those two constants and
writes its checks as plain tests that take `model`.
"""

import pytest

from autograder.sandbox.student import Student


@pytest.fixture(scope="module")
def model(request: pytest.FixtureRequest, student: Student, function: str) -> dict:
    """The student's model from function(*ARGS), run on INPUTS."""
    return student.describe_model(function, request.module.ARGS, request.module.INPUTS)


@pytest.fixture(scope="module")
def reference_model(request: pytest.FixtureRequest, expected: Student, function: str) -> dict:
    """The reference's model from function(*ARGS), run on INPUTS."""
    return expected.describe_model(function, request.module.ARGS, request.module.INPUTS)
