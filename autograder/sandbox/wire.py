"""Plain data across the process boundary: JSON plus .npy files, never pickles.

The student's process writes what a function returned with `dump`; the grader
reads it with `load`. Only exact built-in types and NumPy arrays of numbers pass:
an object that merely behaves like a list or a dict is refused with its type
name, so it can never be mistaken for the real thing.
"""

import json
from pathlib import Path
from typing import Any

import numpy as np

ARRAY_KEY = "__ndarray__"
SCALARS = (str, int, float, bool, type(None))


class WireError(TypeError):
    """A value that cannot be sent as plain data; the message names its type."""


def describe_type(value: Any) -> str:
    cls = type(value)
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def _to_plain(value: Any, arrays: list[np.ndarray]) -> Any:
    kind = type(value)
    if kind in SCALARS:
        return value
    if kind in (list, tuple):
        return [_to_plain(item, arrays) for item in value]
    if kind is dict:
        bad = [key for key in value if type(key) is not str]
        if bad:
            raise WireError(f"a dict whose keys are not all strings (e.g. {bad[0]!r})")
        return {key: _to_plain(item, arrays) for key, item in value.items()}
    if kind is np.ndarray:
        if value.dtype.kind not in "biuf":
            raise WireError(f"a NumPy array of dtype {value.dtype} (numbers expected)")
        arrays.append(value)
        return {ARRAY_KEY: len(arrays) - 1}
    if isinstance(value, np.generic) and kind.__module__ == "numpy" and value.dtype.kind in "biuf":
        return value.item()
    raise WireError(f"a {describe_type(value)}")


def dump(value: Any, folder: Path) -> None:
    """Write `value` into `folder` as value.json and arr<N>.npy files."""
    arrays: list[np.ndarray] = []
    document = _to_plain(value, arrays)
    for index, array in enumerate(arrays):
        np.save(folder / f"arr{index}.npy", array, allow_pickle=False)
    (folder / "value.json").write_text(json.dumps(document, allow_nan=True), encoding="utf-8")


def _from_plain(document: Any, folder: Path) -> Any:
    if type(document) is list:
        return [_from_plain(item, folder) for item in document]
    if type(document) is dict:
        if set(document) == {ARRAY_KEY}:
            return np.load(folder / f"arr{int(document[ARRAY_KEY])}.npy", allow_pickle=False)
        return {key: _from_plain(item, folder) for key, item in document.items()}
    return document


def load(folder: Path) -> Any:
    """Read back what `dump` wrote; arrays are loaded with allow_pickle=False."""
    document = json.loads((folder / "value.json").read_text(encoding="utf-8"))
    return _from_plain(document, folder)
