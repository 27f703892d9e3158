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

import io
import json
import os
import stat
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
MAX_ANSWER_BYTES = 256 * 1024**2
"""All of an answer's files together; a larger answer is refused, not read (security.md, plain data only)."""
MAX_JSON_BYTES = 64 * 1024**2
MAX_VALUES = 6_000_000
"""JSON grows in memory: `[[],[],...]` takes 24 times its size as Python lists (7 million: 21 MB, 509 MiB). An answer's value.json is refused
unread past 64 MiB or past 6 million values (counted from its commas and brackets), which bounds it to about
0.5 GiB in the grader's memory. The largest answer of a reference: 6.6 MB and 1.36 million values (sentiment_rnn's
tokens of 5,000 reviews)."""
MAX_FILES = 100_000
"""Files in an answer folder: one per array, so a list of an array per review of IMDB's 50,000 passes; past it the
folder is refused without reading further (its names alone could fill the grader's memory)."""
READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


class WireError(TypeError):
    """A value that cannot be sent as plain data; the message names its type."""


class NoValue(WireError):
    """An answer folder with no value.json: the process that was to write it did not."""


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


class _Arrays:
    """An answer's .npy files, each decoded once however many times the answer refers to it."""

    def __init__(self, files: dict[str, bytearray]) -> None:
        self.files = files
        self.decoded: dict[int, np.ndarray] = {}

    def __getitem__(self, index: Any) -> np.ndarray:
        if type(index) is not int:
            raise WireError("an array reference that is not a number")
        if index not in self.decoded:
            data = self.files.pop(f"arr{index}.npy", None)
            if data is None:
                raise WireError(f"a reference to an array file that is not there (arr{index}.npy)")
            array = np.load(io.BytesIO(data), allow_pickle=False)
            if type(array) is not np.ndarray or array.dtype.kind not in "biuf":
                raise WireError(f"an array file that does not hold numbers ({describe_type(array)})")
            self.decoded[index] = array
        return self.decoded[index]


def _from_plain(document: Any, arrays: _Arrays, models: bool) -> Any:
    if type(document) is list:
        return [_from_plain(item, arrays, models) for item in document]
    if type(document) is dict:
        if set(document) == {ARRAY_KEY}:
            return arrays[document[ARRAY_KEY]]
        if set(document) == {PAIRS_KEY}:
            return _pairs_to_dict(document[PAIRS_KEY], arrays, models)
        if set(document) == {MODEL_KEY}:
            if not models:
                raise WireError("a Keras model where plain data is expected")
            return _keras_model(_from_plain(document[MODEL_KEY], arrays, models))
        return {key: _from_plain(item, arrays, models) for key, item in document.items()}
    return document


def _pairs_to_dict(pairs: Any, arrays: _Arrays, models: bool) -> dict:
    if type(pairs) is not list or any(type(p) is not list or len(p) != 2 or type(p[0]) not in KEY_TYPES for p in pairs):
        raise WireError("a dict of [key, value] pairs that is malformed")
    return {key: _from_plain(item, arrays, models) for key, item in pairs}


def _keras_model(parts: dict) -> Any:
    """The model the grader sent, rebuilt from its config (Keras's safe mode) and weights."""
    import keras

    model = keras.models.model_from_json(parts["config"])
    model.set_weights(parts["weights"])
    return model


def load(folder: Path, models: bool = False, dir_fd: int | None = None) -> Any:
    """Read back what `dump` wrote; arrays are loaded with allow_pickle=False; Keras models only if `models`.

    The folder is written by the student's process, so it is read with suspicion: the folder
    and its files are opened without following a link (relative to `dir_fd` if given, as os.open)
    or blocking on a FIFO, only regular files are read, and no more than the limits above.
    Anything else raises WireError.
    """
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError as error:
        raise WireError(f"an answer folder that cannot be opened ({error.strerror})") from None
    try:
        files = _read_files(handle)
    finally:
        os.close(handle)
    text = files.pop("value.json", None)
    if text is None:
        raise NoValue("an answer folder without its value.json")
    if len(text) > MAX_JSON_BYTES:
        raise WireError(f"an answer whose value.json is larger than {MAX_JSON_BYTES // 1024**2} MiB")
    if text.count(b",") + text.count(b"[") + text.count(b"{") >= MAX_VALUES:
        raise WireError(f"an answer of more than {MAX_VALUES:,} values")
    try:
        return _from_plain(json.loads(text), _Arrays(files), models)
    except (OSError, ValueError, EOFError, RecursionError, MemoryError) as error:
        raise WireError(f"an answer that is not plain data ({type(error).__name__})") from None


def _read_files(folder: int) -> dict[str, bytearray]:
    """Each regular file of the open folder by name, read whole; MAX_ANSWER_BYTES and MAX_FILES in all."""
    files, left = {}, MAX_ANSWER_BYTES
    with os.scandir(folder) as entries:
        for count, entry in enumerate(entries, start=1):
            if count > MAX_FILES:
                raise WireError(f"an answer of more than {MAX_FILES:,} files")
            files[entry.name] = _read_file(entry.name, folder, left)
            left -= len(files[entry.name])
    return files


def _read_file(name: str, folder: int, left: int) -> bytearray:
    """A regular file of the open folder, read whole if it has at most `left` bytes."""
    try:
        handle = os.open(name, READ_FLAGS, dir_fd=folder)
    except OSError:  # a link (ELOOP), or gone
        raise WireError("an answer folder holding something other than plain files") from None
    try:
        facts = os.fstat(handle)
        if not stat.S_ISREG(facts.st_mode):
            raise WireError("an answer folder holding something other than plain files")
        if facts.st_size > left:
            raise WireError(f"an answer larger than {MAX_ANSWER_BYTES // 1024**2} MiB")
        return _read_exactly(handle, facts.st_size)
    finally:
        os.close(handle)


def _read_exactly(handle: int, size: int) -> bytearray:
    """The file's `size` bytes; a file that grew or shrank meanwhile is not plain data."""
    data = bytearray(size)
    view, done = memoryview(data), 0
    while done < size:
        count = os.readv(handle, [view[done:]])
        if count == 0:
            raise WireError("an answer file that changed while it was read")
        done += count
    if os.read(handle, 1):
        raise WireError("an answer file that changed while it was read")
    return data
