"""The run stops before the first submission, saying why, when every grading would fail alike."""

import tempfile

import pytest
from support.kit import TINY

from autograder.preflight import NotReady, prepare
from autograder.sandbox.isolation import SOCKET_PATH_BYTES, socket_path_problem
from autograder.sandbox.policy import Policy


def test_a_temp_folder_too_deep_for_the_kernels_sockets_stops_the_run(tmp_path, monkeypatch):
    """ZeroMQ said "File name too long" for every submission of a class graded under a deep TMPDIR."""
    deep = tmp_path / ("d" * 60)
    deep.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    assert len(str(deep)) + len("/kit-kernel-xxxxxxxx/run-99/ipc-99") > SOCKET_PATH_BYTES
    with pytest.raises(NotReady, match="too deep for the student kernel's sockets.*set TMPDIR to a shorter folder"):
        prepare(TINY, Policy(isolation="none"))
    assert list(deep.iterdir()) == []  # the box it measured is gone


def test_a_short_temp_folder_is_fine(run_temp, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(run_temp))
    assert socket_path_problem() is None
