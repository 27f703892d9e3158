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


def test_one_file_name_in_two_folders_keeps_both_apart(tmp_path):
    alice, bob = touch(tmp_path / "alice" / "rnn_basics.ipynb"), touch(tmp_path / "bob" / "rnn_basics.ipynb")
    found = find_submissions(tmp_path, "sentiment_rnn")
    assert [(s.student, s.notebook) for s in found] == [("alice_rnn_basics", alice), ("bob_rnn_basics", bob)]


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


def lms_class(tmp_path, *paths):
    """A download laid out as the LMS writes it (autograder/lms/filenames.py); each file its path's text."""
    for path in paths:
        touch(tmp_path / path)
    return {s.student: s for s in find_submissions(tmp_path, "sentiment_rnn")}


def test_canvas_names_keep_the_user_id(tmp_path):
    found = lms_class(
        tmp_path,
        "smithjane_1234_5678_sentiment_rnn.ipynb",
        "doejohn_LATE_1001_9012_sentiment_rnn.ipynb",  # Canvas marks a late submission so today
        "nguyenthi_late_1002_9013_sentiment_rnn-1.ipynb",  # ... and so before, with a renamed upload
    )
    assert {student: (s.lms.owner.lms, s.lms.owner.id) for student, s in found.items()} == {
        "smithjane": ("canvas", "1234"),
        "doejohn": ("canvas", "1001"),
        "nguyenthi": ("canvas", "1002"),
    }
    assert found["doejohn"].lms.original == "sentiment_rnn.ipynb"
    assert found["nguyenthi"].lms.path == "nguyenthi_late_1002_9013_sentiment_rnn-1.ipynb"


def test_canvas_anonymous_grading_hides_the_user_id(tmp_path):
    found = lms_class(tmp_path, "anon_x7k2p_5678_sentiment_rnn.ipynb", "LATE_anon_Q9a2Z_5679_sentiment_rnn.ipynb")
    assert {student: s.lms.owner.id for student, s in found.items()} == {"anon_x7k2p": "", "anon_Q9a2Z": ""}


def test_moodle_folders_and_files_keep_the_participant_id(tmp_path):
    found = lms_class(
        tmp_path,
        "Jane Smith_2324116_assignsubmission_file/sentiment_rnn.ipynb",  # Moodle 4.1 and later
        "José Núñez_2324117_assignsubmission_file_/sentiment_rnn.ipynb",  # Moodle 3.1 to 4.0
        "Priya Patel_2324119_assignsubmission_file_/work/sentiment_rnn.ipynb",  # a folder of the upload kept
        "Wei Chen_2324118_assignsubmission_file_sentiment_rnn.ipynb",  # "Download submissions in folders" off
    )
    assert {student: (s.lms.owner.lms, s.lms.owner.id) for student, s in found.items()} == {
        "Jane Smith": ("moodle", "2324116"),
        "José Núñez": ("moodle", "2324117"),
        "Priya Patel": ("moodle", "2324119"),
        "Wei Chen": ("moodle", "2324118"),
    }
    assert (
        found["Priya Patel"].notebook
        == tmp_path / "Priya Patel_2324119_assignsubmission_file_/work/sentiment_rnn.ipynb"
    )


def test_one_name_for_two_lms_students_keeps_them_apart_by_id(tmp_path):
    found = lms_class(
        tmp_path,
        "smithjane_1001_11_sentiment_rnn.ipynb",
        "smithjane_1002_12_sentiment_rnn.ipynb",
        "Participant_2324116_assignsubmission_file/sentiment_rnn.ipynb",  # Moodle's blind marking
        "Participant_2324117_assignsubmission_file/sentiment_rnn.ipynb",
    )
    assert sorted(found) == ["Participant_2324116", "Participant_2324117", "smithjane_1001", "smithjane_1002"]
    assert found["smithjane_1002"].lms.owner.id == "1002"


def test_an_lms_student_counts_with_the_notebook_named_for_the_assignment(tmp_path):
    found = lms_class(
        tmp_path,
        "smithjane_1001_11_sentiment_rnn.ipynb",
        "smithjane_1001_12_scratch.ipynb",
        "Jane Smith_2324116_assignsubmission_file/sentiment_rnn.ipynb",
        "Jane Smith_2324116_assignsubmission_file/untitled.ipynb",
    )
    assert {student: s.notebook.name for student, s in found.items()} == {
        "smithjane": "smithjane_1001_11_sentiment_rnn.ipynb",
        "Jane Smith": "sentiment_rnn.ipynb",
    }


def test_an_lms_student_with_no_notebook_named_for_it_gets_each_graded(tmp_path):
    found = lms_class(tmp_path, "smithjane_1001_11_draft.ipynb", "smithjane_1001_12_final.ipynb")
    assert {student: s.lms.owner.id for student, s in found.items()} == {
        "smithjane_draft": "1001",
        "smithjane_final": "1001",
    }


def test_plain_names_have_no_lms_id(tmp_path):
    assert [s.lms for s in lms_class(tmp_path / "loose", "alice_sentiment_rnn.ipynb").values()] == [None]
    assert [s.lms for s in lms_class(tmp_path / "nbgrader", "bob/sentiment_rnn/sentiment_rnn.ipynb").values()] == [None]


def test_each_id_is_one_harmless_path_component(tmp_path):
    """A file named `.._x.ipynb` would give the id `..`, and its results would be written beside --out."""
    for name in (".._x.ipynb", "._y.ipynb", "_...ipynb", "ok.ipynb"):  # "_..": the id the first one is given
        touch(tmp_path / name)
    ids = [s.student for s in find_submissions(tmp_path, "sentiment_rnn")]
    assert sorted(ids) == ["_.", "_..", "_.._2", "ok"]


def test_each_submission_knows_the_folder_it_was_found_in(tmp_path):
    touch(tmp_path / "alice" / "sentiment_rnn" / "sentiment_rnn.ipynb")
    assert [s.root for s in find_submissions(tmp_path, "sentiment_rnn")] == [tmp_path]
