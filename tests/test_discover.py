"""Finding a class's submissions in nbgrader's layout, a loose folder, or an LMS zip."""

import zipfile

import pytest

from autograder.batch.discover import DiscoveryError, find_submissions


def touch(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}")
    return path


def test_nbgrader_layout_prefers_the_assignment_notebook(tmp_path):
    touch(tmp_path / "bob" / "sentiment_rnn" / "scratch.ipynb")
    wanted = touch(tmp_path / "bob" / "sentiment_rnn" / "sentiment_rnn.ipynb")
    alice = touch(tmp_path / "alice" / "sentiment_rnn" / "my_work.ipynb")
    touch(tmp_path / "carol" / "other_assignment" / "other_assignment.ipynb")
    found = find_submissions(tmp_path, "sentiment_rnn")
    assert [(s.student, s.notebook) for s in found] == [("alice", alice), ("bob", wanted)]


def test_loose_notebooks_take_the_id_before_the_first_underscore(tmp_path):
    for name in ("smithjane_1234_5678_sentiment_rnn.ipynb", "dave.ipynb", "erin_sentiment_rnn.ipynb"):
        touch(tmp_path / name)
    touch(tmp_path / ".ipynb_checkpoints" / "dave-checkpoint.ipynb")
    assert [s.student for s in find_submissions(tmp_path, "sentiment_rnn")] == ["dave", "erin", "smithjane"]


def test_one_id_from_two_files_keeps_both_apart(tmp_path):
    for name in ("frank_v1.ipynb", "frank_v2.ipynb"):
        touch(tmp_path / name)
    assert [s.student for s in find_submissions(tmp_path, "sentiment_rnn")] == ["frank_v1", "frank_v2"]


def test_zip_from_an_lms(tmp_path):
    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("grace_11_22_sentiment_rnn.ipynb", "{}")
        bundle.writestr("heidi_33_44_sentiment_rnn.ipynb", "{}")
    found = find_submissions(archive, "sentiment_rnn", scratch=tmp_path / "unpacked")
    assert [s.student for s in found] == ["grace", "heidi"]
    assert all(s.notebook.is_relative_to(tmp_path / "unpacked") for s in found)


def test_zip_with_a_path_outside_is_refused(tmp_path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("../../escaped.ipynb", "{}")
    with pytest.raises(DiscoveryError, match="unsafe path"):
        find_submissions(archive, "sentiment_rnn", scratch=tmp_path / "unpacked")
    assert not (tmp_path.parent / "escaped.ipynb").exists()


def test_nothing_to_grade_says_what_was_looked_for(tmp_path):
    with pytest.raises(DiscoveryError, match="sentiment_rnn/\\*.ipynb"):
        find_submissions(tmp_path, "sentiment_rnn")
