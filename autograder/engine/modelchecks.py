"""What every check of a model builder reads in a model's description.

A description is the plain data Student.describe_model brings back: the model's class,
its layers (class, settings, output shape, parameters), how it was compiled, and its
outputs on the check's inputs. Each assignment's model checks build on these.
"""

from collections.abc import Callable

import numpy as np
import pytest

from autograder.engine.messages import mismatch
from autograder.sandbox.student import Student


def called(function: str, args: list) -> str:
    """The call as a student would write it, for messages: create_rnn_model(50, 6, 5)."""
    return f"{function}({', '.join(map(str, args))})"


def description_fixture(function: str, args: list, inputs: list[np.ndarray], who: str = "student") -> Callable:
    """A module fixture describing `function`'s model built from `args` and run on `inputs`,
    by the student or by the reference (who="expected")."""
    if who == "student":

        @pytest.fixture(scope="module")
        def described(student: Student) -> dict:
            return student.describe_model(function, args, inputs)

    else:

        @pytest.fixture(scope="module")
        def described(expected: Student) -> dict:
            return expected.describe_model(function, args, inputs)

    return described


def model_fixtures(function: str, args: list, inputs: list[np.ndarray]) -> tuple[Callable, Callable]:
    """The module fixtures `model` and `reference_model`: the student's and the reference's
    model from `function(*args)`, each run on `inputs`."""
    return description_fixture(function, args, inputs), description_fixture(function, args, inputs, "expected")


def layer_classes(description: dict) -> list[str]:
    """The classes of the model's layers in order, without the InputLayer that only Functional models list."""
    return [layer["class"] for layer in description["layers"] if layer["class"] != "InputLayer"]


def layers_of(description: dict, cls: str) -> list[dict]:
    """The descriptions of the model's layers of class `cls`; the check fails if there is none."""
    found = [layer for layer in description["layers"] if layer["class"] == cls]
    assert found, f"The model has no {cls} layer; its layers are {layer_classes(description)}"
    return found


def config_of(description: dict, cls: str) -> dict:
    """The settings of the model's first layer of class `cls`."""
    return layers_of(description, cls)[0]["config"]


def assert_same_layer_classes(model: dict, reference_model: dict, call: str) -> None:
    want, got = layer_classes(reference_model), layer_classes(model)
    assert got == want, mismatch(f"The layers of {call}", want, got)


def assert_sigmoid_output(model: dict) -> None:
    """The last Dense layer has one unit and a sigmoid: one probability per example."""
    config = layers_of(model, "Dense")[-1]["config"]
    got = (config.get("units"), config.get("activation"))
    assert got == (1, "sigmoid"), mismatch("The output layer's (units, activation)", (1, "sigmoid"), got)


def _normalized(name: str | None) -> str:
    return (name or "").replace("_", "").lower()


def assert_compiled(model: dict) -> None:
    """Compiled with binary cross-entropy (however spelled), Adam and an accuracy metric."""
    assert model["compiled"], "The model must be compiled (model.compile(...)) before it is returned"
    assert _normalized(model["loss"]) == "binarycrossentropy", mismatch(
        "The loss", "binary_crossentropy", model["loss"]
    )
    assert model["optimizer"] == "Adam", mismatch("The optimizer", "Adam", model["optimizer"])
    assert any("acc" in _normalized(m) for m in model["metrics"]), mismatch(
        "The metrics", ["accuracy"], model["metrics"]
    )


def assert_same_parameter_count(model: dict, reference_model: dict, call: str) -> None:
    assert model["params"] == reference_model["params"], mismatch(
        f"The parameter count of {call}", reference_model["params"], model["params"]
    )
