"""Every message a student can act on: values as Python literals, no `nan`, `inf` or NumPy scalar reprs.

The scan reads every message of every class run (results.json and the instructor's copy);
the unit tests pin down how a value is shown, which is where such words came from, and
how an error of the student's code is told (its message and their lines, not the kernel's stack).
"""

import linecache
import re
import sys

import numpy as np
import pytest

from autograder.authoring.mutants import mutants_of
from autograder.checklib.messages import EXPECTED, NON_FINITE_HINT, RETURNED, mismatch, shown
from autograder.course import get
from autograder.probes import calls, keras_probes
from autograder.probes.requests import Call, DescribeModel

UNREADABLE = re.compile(
    r"\b(nan|inf)\b"  # the special floats as Python and NumPy print them
    r"|\bnp\.(float|int|uint|bool|str|bytes|complex|longdouble|datetime64|timedelta64)\w*\("  # np.float64(0.5)
    r"|\bnp\.(True|False)_"
    r"|(?<![\w.])array\(",  # an array's repr inside a container (not np.array( in an example's code)
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "value, text",
    [
        (np.float64(0.5), "0.5"),
        (np.float32(0.1), "0.1"),
        (np.int64(3), "3"),
        (np.bool_(True), "True"),
        (float("nan"), "not-a-number"),
        (np.float32("nan"), "not-a-number"),
        (float("inf"), "infinity"),
        (np.float64("-inf"), "-infinity"),
        ([np.int64(1), np.float64(2.5)], "[1, 2.5]"),
        ((np.float32(0.25),), "(0.25,)"),
        ({"a": np.bool_(False), 1: [np.int32(2)]}, "{'a': False, 1: [2]}"),
        ({"b", "a", "c"}, "{'a', 'b', 'c'}"),
        (np.array([0.5, np.nan, np.inf]), "array of shape (3,), dtype float64: [0.5 not-a-number infinity]"),
        ([np.array([1, 2])], "[array of shape (2,), dtype int64: [1 2]]"),
    ],
)
def test_values_are_shown_as_python_literals_and_words(value, text):
    assert shown(value) == text and not UNREADABLE.search(shown(value))


def test_a_long_value_is_cut_without_a_bracket_it_does_not_have():
    text = shown({str(i): i for i in range(200)})
    assert len(text) == 240 and text.endswith(" ...") and not text.endswith("]")


def test_a_returned_value_that_is_not_a_number_says_where_such_values_come_from():
    message = mismatch("lstm_step(x, h, c)", np.zeros(3), np.array([0.1, np.nan, 0.2]))
    assert message.splitlines() == [
        "lstm_step(x, h, c)",
        f"{EXPECTED}array of shape (3,), dtype float64: [0. 0. 0.]",
        f"{RETURNED}array of shape (3,), dtype float64: [0.1 not-a-number 0.2]",
        NON_FINITE_HINT,
    ]
    assert NON_FINITE_HINT not in mismatch("f(1)", [1.0], [2.0])


def messages(document: dict) -> list[tuple[str, str]]:
    """(where, text) for every text a results document shows: its notes, each test's name and output."""
    found = [("output", document.get("output", ""))]
    for test in document["tests"]:
        found += [(test["name"], test["name"]), (test["name"], test["output"])]
    return found


def test_no_message_shows_nan_inf_or_a_numpy_repr(assignment, class_runs):
    run = class_runs(assignment)
    bad = [
        (student, kind, where, match.group(0), text)
        for kind, documents in (("results.json", run.results), ("instructor's copy", run.instructor))
        for student, document in sorted(documents.items())
        for where, text in messages(document)
        if (match := UNREADABLE.search(text))
    ]
    assert bad == []


def failed_output(run, mutant: str, check: str) -> str:
    """The output of the check that begins so, of the function that mutant breaks, in the bundle that holds it."""
    student, changes = mutants_of(get("imdb_many_to_one")).bundle_of(mutant)
    (function,) = [c[1] for c in changes if c[0] == mutant]
    (test,) = [t for t in run.instructor[student]["tests"] if t["name"].startswith(f"{function}: {check}")]
    assert test["status"] == "failed", test
    return test["output"]


@pytest.mark.xdist_group("imdb_many_to_one")  # its class run
def test_the_mean_checks_say_what_the_model_returned_and_what_to_look_at(class_runs):
    """imdb_many_to_one's padding and averaging checks, on a model that masks its padding and one without a sigmoid."""
    run = class_runs(get("imdb_many_to_one"))
    masked = failed_output(run, "padding_masked", "averages over all max_review_length positions, padding included")
    assert "review of 8 x 0 (padding only)" in masked and "Keep mask_zero=False" in masked
    assert masked.endswith(f"{RETURNED}not-a-number")
    no_sigmoid = failed_output(run, "no_sigmoid", "averages the word vectors")
    assert 'the output layer needs activation="sigmoid"' in no_sigmoid and RETURNED in no_sigmoid
    for output in (masked, no_sigmoid):
        assert EXPECTED not in output and not UNREADABLE.search(output)


CELL = """
import keras
from keras import layers


def create_model(vocab_size):
    return keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(vocab_size, 4), layers.Dense(1)])


def lookup(lexicon, word):
    return lexicon[word]
"""


def notebook_namespace() -> dict:
    """The functions of a notebook cell, compiled as ipykernel does: a file name of its own, the source in linecache."""
    name = "/tmp/ipykernel_7/2417.py"
    linecache.cache[name] = (len(CELL), None, CELL.splitlines(keepends=True), name)
    namespace: dict = {}
    exec(compile(CELL, name, "exec"), namespace)
    return namespace


def test_an_error_in_a_students_model_shows_tensorflows_message_not_the_kernels_stack():
    """TensorFlow puts every frame of the kernel into its message, by the paths of the grader's Python."""
    with pytest.raises(calls.ProbeError) as caught:
        keras_probes.describe_model(notebook_namespace(), DescribeModel("create_model", [6], [np.array([[47, 1]])]))
    message = str(caught.value)
    assert "indices[0,0] = 47 is not in [0, 6)" in message and "Detected at node" in message
    assert 'File "' not in message and sys.prefix not in message and "most recent call last" not in message
    assert caught.value.detail == ""  # Keras's and the probes' own lines are not the student's code


def test_an_error_in_a_students_function_shows_their_line():
    with pytest.raises(calls.ProbeError) as caught:
        calls.call(notebook_namespace(), Call("lookup", [{}, "plot"], {}))
    assert str(caught.value) == "lookup raised KeyError: 'plot'"
    assert caught.value.detail == "  in lookup, line 11: return lexicon[word]"
