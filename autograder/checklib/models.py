"""What the checks of a model builder read in a model's description, and the verdicts they share.

A description is the plain data Student.describe_model brings back: the model's class, its
layers (class, every plain setting, output shape, parameters), how it was compiled, the
warnings Keras gave while it was built, and its outputs on the check's inputs. The fixtures
`model` and `reference_model` (runner/fixtures.py) describe the module's function built from
its ARGS and run on its INPUTS; the helpers below read those descriptions.
"""

from typing import Any

from autograder.checklib.messages import mismatch


def called(function: str, args: list) -> str:
    """The call as a student would write it, for messages: create_rnn_model(50, 6, 5)."""
    return f"{function}({', '.join(map(str, args))})"


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


def settings_of(description: dict, cls: str, *keys: str) -> Any:
    """The first `cls` layer's value of one setting, or a tuple of the values of several (None where unset)."""
    config = config_of(description, cls)
    values = tuple(config.get(key) for key in keys)
    return values[0] if len(keys) == 1 else values


def assert_settings(description: dict, cls: str, keys: tuple[str, ...], want: Any, what: str) -> None:
    """The first `cls` layer's settings `keys` are `want`; `what` says in the message what that means."""
    got = settings_of(description, cls, *keys)
    assert got == want, mismatch(what, want, got)


def assert_same_layer_classes(model: dict, reference_model: dict, call: str) -> None:
    want, got = layer_classes(reference_model), layer_classes(model)
    assert got == want, mismatch(f"The layers of {call}", want, got)


def assert_output_shape(model: dict, what: str = "The model's output shape") -> None:
    """One number per example: the output shape (None, 1)."""
    assert model["output_shape"] == [None, 1], mismatch(what, (None, 1), tuple(model["output_shape"]))


def assert_sigmoid_output(model: dict) -> None:
    """The last Dense layer has one unit and a sigmoid: one probability per example."""
    config = layers_of(model, "Dense")[-1]["config"]
    got = (config.get("units"), config.get("activation"))
    assert got == (1, "sigmoid"), mismatch("The output layer's (units, activation)", (1, "sigmoid"), got)


def assert_linear_output(model: dict) -> None:
    """The model ends in a Dense layer of one unit without an activation: one unbounded number per example.

    A regression's output (a rating, a score) must be free to take any value; a sigmoid, a ReLU
    or an activation layer after the Dense would bound it.
    """
    last = model["layers"][-1] if model["layers"] else {"class": None, "config": {}}
    got = (last["class"], last["config"].get("units"), last["config"].get("activation"))
    assert got == ("Dense", 1, "linear"), mismatch(
        "The last layer's (class, units, activation): a linear output", ("Dense", 1, "linear"), got
    )


def _normalized(name: str | None) -> str:
    return (name or "").replace("_", "").lower()


LOSS_SPELLINGS = {
    "binary_crossentropy": {"binarycrossentropy"},
    "mean_squared_error": {"meansquarederror", "mse"},
}
"""Each loss the checks ask for, with every way Keras lets it be named in model.compile, normalized."""

METRIC_STEMS = {"accuracy": "acc"}
"""Each metric the checks ask for, and what its every spelling contains ("acc", "binary_accuracy", ...)."""


def assert_compiled(model: dict, loss: str = "binary_crossentropy", metric: str | None = "accuracy") -> None:
    """Compiled with `loss` (however spelled), Adam and, unless `metric` is None, a metric of that name."""
    assert model["compiled"], "The model must be compiled (model.compile(...)) before it is returned"
    assert _normalized(model["loss"]) in LOSS_SPELLINGS[loss], mismatch("The loss", loss, model["loss"])
    assert model["optimizer"] == "Adam", mismatch("The optimizer", "Adam", model["optimizer"])
    if metric is not None:
        assert any(METRIC_STEMS[metric] in _normalized(m) for m in model["metrics"]), mismatch(
            "The metrics", [metric], model["metrics"]
        )


def assert_same_parameter_count(model: dict, reference_model: dict, call: str) -> None:
    assert model["params"] == reference_model["params"], mismatch(
        f"The parameter count of {call}", reference_model["params"], model["params"]
    )
