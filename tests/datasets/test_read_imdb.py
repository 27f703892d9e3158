"""The IMDB notebooks' given `read_imdb` cell reads exactly what the grader's kitdata.load_imdb_indexed gives.

The checks' data is built with kitdata; the students' notebooks read the CSV with their own
given code (they do not have kitdata). Both must be the same reviews as the same indices, or a
student's notebook would train on other data than the one the checks were calibrated on.
"""

import os
import re
from collections import Counter
from functools import cache

import numpy as np
import pandas as pd
import pytest
from kitdata import get_imdb_word_index, load_imdb_indexed
from support.kit import require_data_dir

from autograder.course import discover
from autograder.notebook.cells import cell_by_grade_id, nbgrader_meta

NUM_WORDS, SEED = 2000, 2011  # a vocabulary cut and a seed other than read_imdb's defaults
NOTEBOOKS = sorted(
    name
    for name, a in discover().items()
    if "read_imdb" in {nbgrader_meta(c).get("grade_id") for c in a.source().cells}
)


@cache
def notebook_read_imdb(source: str) -> tuple:
    """read_imdb(NUM_WORDS, seed=SEED) as the notebook's cell defines it, with the names its setup cell imports
    (not the setup cell itself: it seeds and sets up logging), run once per distinct cell text."""
    namespace = {"os": os, "re": re, "Counter": Counter, "np": np, "pd": pd}
    exec(source, namespace)
    return namespace["read_imdb"](NUM_WORDS, seed=SEED)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_given_read_imdb_gives_kitdatas_reviews_and_word_index(name, monkeypatch):
    data_dir = require_data_dir()
    monkeypatch.setenv("KIT_DATA_DIR", str(data_dir))
    source = cell_by_grade_id(discover()[name].source(), "read_imdb").source
    ((x_train, y_train), (x_test, y_test)), word_index = notebook_read_imdb(source)
    (kit_x_train, kit_y_train), (kit_x_test, kit_y_test) = load_imdb_indexed(num_words=NUM_WORDS, seed=SEED)
    assert word_index == get_imdb_word_index()
    for ours, kits in ((y_train, kit_y_train), (y_test, kit_y_test)):
        np.testing.assert_array_equal(ours, kits)
    for ours, kits in ((x_train, kit_x_train), (x_test, kit_x_test)):
        assert len(ours) == len(kits) and all(a == b for a, b in zip(ours, kits))


def test_both_imdb_notebooks_are_checked():
    assert NOTEBOOKS == ["imdb_many_to_one", "lstm_cnn_imdb"]
