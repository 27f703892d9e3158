"""The check every graded function has first: the examples students already see.

The examples are the visible asserts of the function's test cell in the
instructor's notebook. The grading plugin puts this check first in the check module
of every function whose test cell has examples, so no check module names it.
They run here, in the grading process, not in the
student's: each graded function they call is a stand-in that asks the student's
process for the answer as plain data (a model is described from outside, see
ModelView). So a submission that patches `assert`, numpy or the kit's probe in
its own process cannot make an example pass.
"""

import traceback
from typing import Any

import numpy as np
import pytest

from autograder.course import Assignment
from autograder.sandbox.student import Student, StudentError, bounded

SOURCE = "<notebook test cell>"


class ModelView:
    """A student's model as the examples see it: its layers by class, and its predictions."""

    def __init__(self, student: Student, function: str, args: list) -> None:
        self._student, self._function, self._args = student, function, args

    def _describe(self, inputs: list[np.ndarray]) -> dict:
        return self._student.describe_model(self._function, self._args, inputs)

    @property
    def layers(self) -> list[object]:
        return [_stand_in_layer(layer["class"]) for layer in self._describe([])["layers"]]

    def predict(self, x: Any, verbose: int = 0) -> np.ndarray:
        return self._describe([np.asarray(x)])["outputs"][0]


def _stand_in_layer(cls: str) -> object:
    """An object whose type is named like the student's layer, shown by that name in a failing example."""
    return type(cls, (), {"__repr__": lambda self: cls})()


def stand_ins(student: Student, functions: tuple[str, ...], models: tuple[str, ...]) -> dict[str, Any]:
    """The names the examples call, each answered by the student's process through the probes."""

    def stand_in(function: str) -> Any:
        if function in models:
            return lambda *args: ModelView(student, function, list(args))
        return lambda *args, **kwargs: student.call(function, *args, **kwargs)

    return {function: stand_in(function) for function in functions}


def run_examples(student: Student, code: str, functions: tuple[str, ...], models: tuple[str, ...]) -> None:
    """Run the examples; an AssertionError names the example that failed."""
    scope = {"np": np, **stand_ins(student, functions, models)}
    try:
        exec(compile(code, SOURCE, "exec"), scope)  # the instructor's code, never the student's
    except StudentError as error:
        if error.kind == "not_implemented":
            raise StudentError(
                error.kind, f"the examples use a function that is not implemented yet: {error}"
            ) from None
        raise
    except AssertionError as error:
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == SOURCE]
        line = code.splitlines()[frames[-1].lineno - 1].strip() if frames else ""
        detail = f" ({bounded(str(error))})" if str(error) else ""  # the student's value, as the assert shows it
        raise AssertionError(f"This example from the notebook fails: {line}{detail}") from None
    except Exception as error:  # the example ran into the student's value, e.g. None has no .shape
        raise AssertionError(f"The notebook's examples fail: {type(error).__name__}: {bounded(str(error))}") from None


@pytest.mark.gate
@pytest.mark.points(1)
def test_notebook_examples(student: Student, assignment: Assignment, function: str) -> None:
    """passes the examples in the notebook's test cell"""
    run_examples(student, assignment.examples(function), assignment.functions, assignment.models)
