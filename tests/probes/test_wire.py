"""Plain data only across the process boundary: exact types pass, look-alikes are refused."""

import json
import os
from pathlib import Path

import numpy as np
import pytest

from autograder.probes import wire


def roundtrip(value, tmp_path):
    wire.dump(value, tmp_path)
    return wire.load(tmp_path)


def test_plain_values_roundtrip(tmp_path):
    value = {"tokens": [["a", "b"], []], "n": 3, "x": 0.5, "ok": True, "none": None, "arr": np.arange(6).reshape(2, 3)}
    back = roundtrip(value, tmp_path)
    assert back["tokens"] == [["a", "b"], []] and back["n"] == 3 and back["ok"] is True and back["none"] is None
    assert back["arr"].dtype == value["arr"].dtype and (back["arr"] == value["arr"]).all()


def test_dicts_with_int_keys_roundtrip(tmp_path):
    """An id -> word map keeps its int keys, and a dict that looks like the wire's own markers stays a dict."""
    value = {"id_to_word": {1: "the", 2: "a"}, "mixed": {"x": 1, 3: "y"}, "markers": {"__ndarray__": 0}}
    back = roundtrip(value, tmp_path)
    assert back == value and list(back["id_to_word"]) == [1, 2]


def test_numpy_scalars_become_python_numbers(tmp_path):
    assert roundtrip([np.int32(4), np.float64(0.25)], tmp_path) == [4, 0.25]


class ListLookAlike(list):
    def __eq__(self, other):
        return True


class Anything:
    def __eq__(self, other):
        return True


@pytest.mark.parametrize(
    "value, named",
    [
        (ListLookAlike([1]), "ListLookAlike"),
        ({"a": Anything()}, "Anything"),
        ({1.5: 2}, "not all strings or ints"),
        ({np.int64(1): 2}, "numpy.int64"),
        (np.array([object()], dtype=object), "dtype object"),
        ({1, 2}, "set"),
    ],
)
def test_look_alikes_are_refused_by_name(value, named, tmp_path):
    with pytest.raises(wire.WireError, match=named):
        wire.dump(value, tmp_path)


def test_arrays_are_loaded_without_pickle(tmp_path):
    wire.dump(np.arange(3), tmp_path)
    np.save(tmp_path / "arr0.npy", np.array([{"x": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(wire.WireError, match="not plain data"):
        wire.load(tmp_path)


def test_an_answer_folder_is_read_with_suspicion(tmp_path, monkeypatch):
    """The student's process writes the answer folder: links and oversized files are refused unread."""
    wire.dump([1, 2], tmp_path)
    (tmp_path / "arr0.npy").symlink_to("/dev/zero")
    with pytest.raises(wire.WireError, match="other than plain files"):
        wire.load(tmp_path)
    (tmp_path / "arr0.npy").unlink()
    (tmp_path / "big.bin").write_bytes(b"0" * 2048)
    monkeypatch.setattr(wire, "MAX_ANSWER_BYTES", 1024)
    with pytest.raises(wire.WireError, match="larger than"):
        wire.load(tmp_path)
    (tmp_path / "value.json").write_text("[" * 100_000, encoding="utf-8")
    monkeypatch.setattr(wire, "MAX_ANSWER_BYTES", 10**6)
    with pytest.raises(wire.WireError, match="not plain data"):
        wire.load(tmp_path)


def test_an_answer_folder_of_too_many_files_is_refused_unread(tmp_path, monkeypatch):
    """An array per item passes up to the limit; one file more and the folder is refused before its names are all
    listed (a student's process could leave millions of empty files there)."""
    monkeypatch.setattr(wire, "MAX_FILES", 1001)
    wire.dump([np.arange(3)] * 1000, tmp_path)  # value.json and 1,000 arrays
    assert len(wire.load(tmp_path)) == 1000
    (tmp_path / "extra").touch()
    with pytest.raises(wire.WireError, match="more than 1,001 files"):
        wire.load(tmp_path)


def identity_model():
    """A real Keras model whose prediction is its input: what the predict_ratings checks hand over."""
    import keras

    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.set_weights([np.ones((1, 1)), np.zeros(1)])
    return model


def test_a_keras_model_travels_to_the_student_only_when_asked(tmp_path):
    """The grader sends a model to a student function; without models=True a model is refused both ways."""
    with pytest.raises(wire.WireError, match="Sequential"):
        wire.dump([identity_model()], tmp_path)  # a student's answer: plain data only
    wire.dump([identity_model(), np.array([[6.5]])], tmp_path, models=True)
    with pytest.raises(wire.WireError, match="a Keras model where plain data is expected"):
        wire.load(tmp_path)  # the grader reading an answer never rebuilds a model
    model, x = wire.load(tmp_path, models=True)
    assert model.predict(x, verbose=0).tolist() == [[6.5]]


def test_a_dict_shaped_like_the_model_marker_stays_a_dict(tmp_path):
    value = {"__keras_model__": {"config": "{}", "weights": []}}
    wire.dump(value, tmp_path)
    assert wire.load(tmp_path, models=True) == value


def test_an_answer_is_read_without_following_links_or_blocking(tmp_path):
    """A FIFO is refused unread (opening it for reading would wait for a writer), and so is a folder that is a link."""
    answer = tmp_path / "answer"
    answer.mkdir()
    wire.dump([1, 2], answer)
    os.mkfifo(answer / "arr0.npy")
    with pytest.raises(wire.WireError, match="other than plain files"):
        wire.load(answer)
    (answer / "arr0.npy").unlink()
    (tmp_path / "link").symlink_to(answer)
    with pytest.raises(wire.WireError, match="cannot be opened"):
        wire.load(tmp_path / "link")
    folder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert wire.load(Path("answer"), dir_fd=folder) == [1, 2]
    finally:
        os.close(folder)


def test_an_array_referred_to_many_times_is_read_once(tmp_path):
    """A forged value.json that names arr0.npy a million times holds one array, not a million copies of it."""
    wire.dump([np.arange(1000)], tmp_path)
    (tmp_path / "value.json").write_text(json.dumps([{"__ndarray__": 0}] * 1_000_000), encoding="utf-8")
    back = wire.load(tmp_path)
    assert len(back) == 1_000_000 and len({id(array) for array in back}) == 1


@pytest.mark.parametrize(
    "text, refused",
    [
        ("[" + "[]," * 7_000_000 + "[]]", "more than 6,000,000 values"),
        ('"' + "a" * (65 * 1024**2) + '"', "value.json is larger than 64 MiB"),
        ('[{"__ndarray__": 1}]', "not there"),
        ('[{"__ndarray__": "arr0.npy"}]', "not a number"),
    ],
)
def test_a_forged_value_is_refused_before_it_is_decoded(text, refused, tmp_path):
    """The value.json that took 21 times its size in the grader's memory (7 million empty lists: 21 MB on disk,
    0.5 GiB decoded) is refused by counting, before json.loads."""
    (tmp_path / "value.json").write_text(text, encoding="utf-8")
    with pytest.raises(wire.WireError, match=refused):
        wire.load(tmp_path)
