"""The Keras probes, run inside the student's process: a model described, its training fingerprint, its trainings.

Each builds a model with the student's function and answers plain data about it (wire.py):
what a check compares with the reference's, in the grader's process.
"""

import warnings
from typing import Any

import numpy as np

from . import wire
from .calls import ProbeError, call, describe_error, where
from .fingerprint import fingerprint, random_states, restore_random_states
from .requests import Call, DescribeModel, Request, TrainAndPredict, TrainAndWeights, Training, TrainingFingerprint

DESCRIPTION_SEED = 0


def _build_model(namespace: dict, request: Request) -> Any:
    """The model the request's function returns when called with the request's arguments."""
    import keras

    keras.backend.clear_session()
    model = call(namespace, Call(request.function, request.args, {}))
    if not isinstance(model, keras.Model):
        raise ProbeError("wrong_type", f"{request.function} returned a {wire.describe_type(model)}, not a Keras model")
    return model


def _name_of(serialized: Any) -> str:
    """The name of a loss or metric as get_compile_config() stores it (a string or a dict)."""
    if isinstance(serialized, str):
        return serialized
    if isinstance(serialized, dict):
        inner = serialized.get("config")
        if isinstance(inner, str):
            return inner
        if isinstance(inner, dict) and isinstance(inner.get("name"), str):
            return inner["name"]
        return str(serialized.get("class_name"))
    return wire.describe_type(serialized)


def _compile_summary(model: Any) -> dict:
    config = model.get_compile_config() or {}
    metrics = config.get("metrics") or []
    return {
        "compiled": bool(config),
        "loss": _name_of(config.get("loss")) if config else None,
        "optimizer": type(model.optimizer).__name__ if config and model.optimizer is not None else None,
        "metrics": [_name_of(m) for m in (metrics if isinstance(metrics, list) else [metrics])],
    }


def describe_model(namespace: dict, request: DescribeModel) -> dict:
    """Build the student's model, run it on each input batch, and describe it.

    The warnings Keras gives while the model is built are part of the answer: they show
    arguments Keras 3 no longer uses (e.g. Embedding's input_length).
    """
    import keras

    keras.utils.set_random_seed(DESCRIPTION_SEED)  # untrained weights, and so the outputs, are the same every run
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = _build_model(namespace, request)
    try:
        outputs = [
            np.asarray(model.predict(np.asarray(batch), verbose=0), dtype=np.float64) for batch in request.inputs
        ]
    except BaseException as error:
        raise ProbeError(
            "raised",
            f"the model from {request.function} failed on integer sequences: {describe_error(error)}",
            where(error),
        ) from None
    return {
        "class": type(model).__name__,
        "warnings": [f"{w.category.__name__}: {w.message}" for w in caught],
        "layers": [_describe_operation(operation) for operation in _built_operations(model)],
        "params": int(model.count_params()) if model.built else None,  # a Sequential without Input builds on first call
        "output_shape": [None, *outputs[0].shape[1:]] if outputs else None,
        "outputs": outputs,
        **_compile_summary(model),
    }


def _built_operations(model: Any) -> list[Any]:
    """The layers and operations the student's code put in the model, in order.

    A Functional model also lists the operations Keras adds by itself to compute a mask
    (Embedding(mask_zero=True) followed by an LSTM gets a NotEqual): those are left out, so
    that the model is described as it was written, whichever API wrote it.
    """
    operations = getattr(model, "operations", None)
    if operations is None:  # Sequential: its layers are what it was given
        return list(model.layers)
    masks = set()
    for operation in operations:
        for node in getattr(operation, "_inbound_nodes", []):
            for tensor in _flat(node.outputs):
                history = getattr(getattr(tensor, "_keras_mask", None), "_keras_history", None)
                if history is not None:
                    masks.add(id(history.operation))
    return [operation for operation in operations if id(operation) not in masks]


def _flat(structure: Any) -> list[Any]:
    import keras

    return keras.tree.flatten(structure)


def _describe_operation(operation: Any) -> dict:
    """A layer, or an op such as keras.ops.mean in a Functional model: class, settings, output shape, parameters.

    Every setting whose value is plain data goes into the answer (units, activation, mask_zero,
    kernel_size, ...), so the sandbox keeps no list of the settings that checks read.
    """
    config = operation.get_config() if hasattr(operation, "get_config") else {}
    settings = {k: _plain_setting(v) for k, v in config.items()}
    return {
        "class": type(operation).__name__,
        "config": {k: v for k, v in settings.items() if v is not _UNPLAIN},
        "output_shape": _output_shape(operation),
        "params": int(operation.count_params())
        if getattr(operation, "built", False) and hasattr(operation, "count_params")
        else 0,
    }


_UNPLAIN = object()


def _plain_setting(value: Any) -> Any:
    """A scalar setting as is, a tuple of scalars (kernel_size=(3,)) as a list; anything else is left out."""
    if type(value) in wire.SCALARS:
        return value
    if type(value) in (list, tuple) and all(type(item) in wire.SCALARS for item in value):
        return list(value)
    return _UNPLAIN


def _output_shape(operation: Any) -> list | None:
    """The operation's output shape in the model, batch size as None; None when the model has not built it."""
    try:
        shape = operation.output.shape
    except (AttributeError, ValueError):
        return None
    return [None, *(int(d) if d is not None else None for d in shape[1:])] if shape else None


def _seeded_model(namespace: dict, request: TrainingFingerprint) -> Any:
    """A fresh model from the student's function, built with fixed seeds, as a training starts it."""
    import keras

    keras.utils.set_random_seed(request.seed)
    return _build_model(namespace, request)


_kept: dict[str, tuple[Any, tuple]] = {}
"""The model of the last fingerprint, by the repr of its request, with the random states it left: the training that
follows fits that very model, from those states (student.py's `_train`)."""


def training_fingerprint(namespace: dict, request: TrainingFingerprint) -> str | None:
    """The digest of everything the seeded training of function(*args) depends on (fingerprint.py), or None.

    The model is kept for the training request that follows."""
    _kept.clear()
    model = _seeded_model(namespace, request)
    digest = fingerprint(model)
    _kept[repr(request)] = (model, random_states())
    return digest


def _trained(namespace: dict, request: Training) -> Any:
    """The model of the fingerprint just taken, or a fresh one from the student's function, fitted with fixed seeds."""
    kept = _kept.pop(repr(request.fingerprinting), None)
    if kept is None:
        model = _seeded_model(namespace, request.fingerprinting)
    else:
        model, states = kept
        restore_random_states(states)
    try:
        model.fit(
            request.x_train,
            request.y_train,
            epochs=request.epochs,
            batch_size=request.batch_size,
            shuffle=True,
            verbose=0,
        )
    except BaseException as error:
        raise ProbeError(
            "raised", f"training the model from {request.function} failed: {describe_error(error)}", where(error)
        ) from None
    return model


def _predictions(model: Any, request: Training) -> np.ndarray:
    try:
        predictions = model.predict(request.x_test, batch_size=512, verbose=0)
    except BaseException as error:
        raise ProbeError(
            "raised",
            f"the trained model from {request.function} failed to predict: {describe_error(error)}",
            where(error),
        ) from None
    return np.asarray(predictions, dtype=np.float64)


def train_and_predict(namespace: dict, request: TrainAndPredict) -> np.ndarray:
    """Train a fresh model from the student's function with fixed seeds; predict x_test."""
    return _predictions(_trained(namespace, request), request)


def train_and_weights(namespace: dict, request: TrainAndWeights) -> dict:
    """train_and_predict's predictions plus each layer's trained weights, for checks on what a layer learned."""
    model = _trained(namespace, request)
    return {
        "predictions": _predictions(model, request),
        "layers": [
            {"class": type(layer).__name__, "weights": [np.asarray(w) for w in layer.get_weights()]}
            for layer in model.layers
        ],
    }
