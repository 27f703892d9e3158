"""Reading a submitted file (notebook/reading.py): a regular file only, never through a link, never blocking, bounded."""

import json
import os
from pathlib import Path

import pytest
from support.kit import TINY

from autograder.grading import grade_notebook
from autograder.notebook.reading import NotebookError, read_bytes, read_notebook

NAME = f"{TINY.name}.ipynb"


def refused(path: Path, **options: object) -> NotebookError:
    with pytest.raises(NotebookError) as raised:
        read_bytes(path, **options)
    return raised.value


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / NAME
    path.write_bytes(TINY.source_notebook.read_bytes())
    assert read_bytes(path) == TINY.source_notebook.read_bytes()


def test_a_link_to_the_instructors_notebook_is_not_followed_and_the_instructor_is_told_where_it_pointed(tmp_path):
    link = tmp_path / NAME
    link.symlink_to(TINY.source_notebook)
    error = refused(link)
    assert str(error) == f"{NAME} is a symbolic link, not a notebook file: only the file itself is graded"
    assert str(TINY.source_notebook) in error.detail and str(TINY.source_notebook) not in str(error)


def test_a_link_to_dev_zero_is_refused_unread(tmp_path):
    (tmp_path / NAME).symlink_to("/dev/zero")
    assert "symbolic link" in str(refused(tmp_path / NAME))


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / NAME)
    error = refused(tmp_path / NAME)  # a blocking open or read would hang here until the test's time limit
    assert str(error) == f"{NAME} is a FIFO, not a notebook file" and error.detail == f"{tmp_path / NAME} is a FIFO"


def test_a_folder_is_refused(tmp_path):
    (tmp_path / NAME).mkdir()
    assert str(refused(tmp_path / NAME)) == f"{NAME} is a folder, not a notebook file"


def test_a_file_past_the_limit_is_refused(tmp_path):
    path = tmp_path / NAME
    path.write_bytes(b" " * 11)
    assert "larger than 10 bytes" in str(refused(path, limit=10))
    assert read_bytes(path, limit=11) == b" " * 11


def test_json_nested_too_deeply_is_not_a_notebook():
    deep = ("[" * 100_000 + "]" * 100_000).encode()
    with pytest.raises(NotebookError, match="nested too deeply"):
        read_notebook(deep, NAME)


def test_a_refused_file_is_not_graded_and_only_the_instructor_reads_where_it_pointed(tmp_path):
    link = tmp_path / NAME
    link.symlink_to(TINY.source_notebook)
    graded = grade_notebook(link, TINY)
    student, instructor = json.dumps(graded.results()), json.dumps(graded.instructor_results())
    assert graded.score == 0 and "is a symbolic link" in student
    assert str(TINY.source_notebook) in instructor and str(TINY.source_notebook) not in student


def test_a_folder_link_under_the_class_folder_is_not_followed(tmp_path):
    """A student's assignment folder that links to the instructor's: the notebook in it is a regular file."""
    linked = tmp_path / "alice" / TINY.name
    linked.parent.mkdir()
    linked.symlink_to(TINY.source_notebook.parent)
    error = refused(linked / NAME, below=tmp_path)
    assert str(error).startswith(f"{NAME} is reached through a symbolic link ({TINY.name})")
    assert str(TINY.source_notebook.parent) in error.detail
    (tmp_path / "bob" / TINY.name).mkdir(parents=True)
    (tmp_path / "bob" / TINY.name / NAME).write_bytes(b"{}")
    assert read_bytes(tmp_path / "bob" / TINY.name / NAME, below=tmp_path) == b"{}"
