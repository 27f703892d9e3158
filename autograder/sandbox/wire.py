"""Plain data across the process boundary: JSON plus .npy files, never pickles.

The student's process writes what a function returned with `dump`; the grader
reads it with `load`. Only exact built-in types and NumPy arrays of numbers pass:
an object that merely behaves like a list or a dict is refused with its type
name, so it can never be mistaken for the real thing.

One thing more travels one way only: a Keras model that the grader hands to a
student function (predict_ratings(model, x)), as its JSON config and weight
arrays, rebuilt in the student's process. The grader never rebuilds a model
from what the student's process sends.
"""

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ARRAY_KEY = "__ndarray__"
PAIRS_KEY = "__dict_items__"
"""A dict whose keys are not all strings (e.g. int -> word) travels as its [key, value] pairs."""
MODEL_KEY = "__keras_model__"
"""A Keras model travels as {"config": its to_json(), "weights": its get_weights()}."""
MARKERS = ({ARRAY_KEY}, {PAIRS_KEY}, {MODEL_KEY})
KEY_TYPES = (str, int)
SCALARS = (str, int, float, bool, type(None))
MAX_ANSWER_BYTES = 256 * 1024**2  # far above any check's answer; a larger one is refused, not read


class WireError(TypeError):
    """A value that cannot be sent as plain data; the message names its type."""


def describe_type(value: Any) -> str:
    cls = type(value)
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def _is_keras_model(value: Any) -> bool:
    keras = sys.modules.get("keras")  # never imported here: a model exists only where Keras already is
    return keras is not None and isinstance(value, keras.Model)


def _to_plain(value: Any, arrays: list[np.ndarray], models: bool) -> Any:
    kind = type(value)
    if kind in SCALARS:
        return value
    if kind in (list, tuple):
        return [_to_plain(item, arrays, models) for item in value]
    if kind is dict:
        bad = [key for key in value if type(key) not in KEY_TYPES]
        if bad:
            raise WireError(f"a dict whose keys are not all strings or ints (e.g. {describe_type(bad[0])} {bad[0]!r})")
        if all(type(key) is str for key in value) and set(value) not in MARKERS:
            return {key: _to_plain(item, arrays, models) for key, item in value.items()}
        return {PAIRS_KEY: [[key, _to_plain(item, arrays, models)] for key, item in value.items()]}
    if kind is np.ndarray:
        if value.dtype.kind not in "biuf":
            raise WireError(f"a NumPy array of dtype {value.dtype} (numbers expected)")
        arrays.append(value)
        return {ARRAY_KEY: len(arrays) - 1}
    if isinstance(value, np.generic) and kind.__module__ == "numpy" and value.dtype.kind in "biuf":
        return value.item()
    if models and _is_keras_model(value):
        weights = [_to_plain(weights, arrays, models) for weights in value.get_weights()]
        return {MODEL_KEY: {"config": value.to_json(), "weights": weights}}
    raise WireError(f"a {describe_type(value)}")


def dump(value: Any, folder: Path, models: bool = False) -> None:
    """Write `value` into `folder` as value.json and arr<N>.npy files; Keras models too if `models`."""
    arrays: list[np.ndarray] = []
    document = _to_plain(value, arrays, models)
    for index, array in enumerate(arrays):
        np.save(folder / f"arr{index}.npy", array, allow_pickle=False)
    (folder / "value.json").write_text(json.dumps(document, allow_nan=True), encoding="utf-8")


def _from_plain(document: Any, folder: Path, models: bool) -> Any:
    if type(document) is list:
        return [_from_plain(item, folder, models) for item in document]
    if type(document) is dict:
        if set(document) == {ARRAY_KEY}:
            array = np.load(folder / f"arr{int(document[ARRAY_KEY])}.npy", allow_pickle=False)
            if type(array) is not np.ndarray or array.dtype.kind not in "biuf":
                raise WireError(f"an array file that does not hold numbers ({describe_type(array)})")
            return array
        if set(document) == {PAIRS_KEY}:
            return _pairs_to_dict(document[PAIRS_KEY], folder, models)
        if set(document) == {MODEL_KEY}:
            if not models:
                raise WireError("a Keras model where plain data is expected")
            return _keras_model(_from_plain(document[MODEL_KEY], folder, models))
        return {key: _from_plain(item, folder, models) for key, item in document.items()}
    return document


def _pairs_to_dict(pairs: Any, folder: Path, models: bool) -> dict:
    if type(pairs) is not list or any(type(p) is not list or len(p) != 2 or type(p[0]) not in KEY_TYPES for p in pairs):
        raise WireError("a dict of [key, value] pairs that is malformed")
    return {key: _from_plain(item, folder, models) for key, item in pairs}


def _keras_model(parts: dict) -> Any:
    """The model the grader sent, rebuilt from its config (Keras's safe mode) and weights."""
    import keras

    model = keras.models.model_from_json(parts["config"])
    model.set_weights(parts["weights"])
    return model


def load(folder: Path, models: bool = False) -> Any:
    """Read back what `dump` wrote; arrays are loaded with allow_pickle=False; Keras models only if `models`.

    The folder is written by the student's process, so it is read with suspicion:
    only regular files (a symlink could point at /dev/zero or a grader's file), and
    not more than MAX_ANSWER_BYTES. Anything else raises WireError.
    """
    files = list(folder.iterdir())
    if any(not path.is_file() or path.is_symlink() for path in files):
        raise WireError("an answer folder holding something other than plain files")
    if sum(path.stat().st_size for path in files) > MAX_ANSWER_BYTES:
        raise WireError(f"an answer larger than {MAX_ANSWER_BYTES // 1024**2} MiB")
    try:
        document = json.loads((folder / "value.json").read_text(encoding="utf-8"))
        return _from_plain(document, folder, models)
    except (OSError, ValueError, RecursionError) as error:
        raise WireError(f"an answer that is not plain data ({type(error).__name__})") from None
