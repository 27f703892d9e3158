"""A small class graded end to end: locally with 2 workers and on a Dask cluster, same grades."""

import csv
import subprocess

import nbformat
import pytest
from distributed import LocalCluster
from nbgrader.api import Gradebook

from conftest import AUTOGRADER, ASSIGNMENT, require_data_dir
from cases import mutated

FUNCTIONS = list(ASSIGNMENT.functions)


@pytest.fixture(scope="module")
def submitted(tmp_path_factory, source_notebook):
    """nbgrader's submitted/ layout: honest, partly wrong, blank and broken submissions."""
    root = tmp_path_factory.mktemp("submitted")
    notebooks = {
        "honest": ASSIGNMENT.source_notebook.read_bytes(),
        "partly_wrong": nbformat.writes(mutated(source_notebook, "pad_idx_seqs", "pad_sequences(idx_seqs)", "pad_sequences(idx_seqs, padding='post')")).encode(),
        "blank": ASSIGNMENT.release_notebook.read_bytes(),
        "broken": b"\x00\x01 not a notebook",
    }
    for student, content in notebooks.items():
        folder = root / student / ASSIGNMENT.name
        folder.mkdir(parents=True)
        (folder / f"{ASSIGNMENT.name}.ipynb").write_bytes(content)
    return root


def grade_class(submitted, out, *options: str) -> list[dict]:
    require_data_dir()
    done = subprocess.run(
        [*AUTOGRADER, "grade", str(submitted), "--assignment", ASSIGNMENT.name, "--out", str(out), *options],
        capture_output=True, text=True, timeout=1200,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def local_grades(submitted, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    gradebook = out / "gradebook.db"
    return out, grade_class(submitted, out, "--workers", "2", "--gradebook", str(gradebook))


def test_grades_csv(local_grades):
    _, rows = local_grades
    assert list(rows[0]) == ["student", "total", "max", *FUNCTIONS]
    totals = {row["student"]: float(row["total"]) for row in rows}
    assert totals["honest"] == 40 and totals["blank"] == 0 and totals["broken"] == 0
    wrong = next(row for row in rows if row["student"] == "partly_wrong")
    assert float(wrong["pad_idx_seqs"]) < 4 and float(wrong["total"]) == 40 - 4 + float(wrong["pad_idx_seqs"])


def test_per_student_outputs(local_grades):
    out, rows = local_grades
    for row in rows:
        assert (out / row["student"] / "results.json").exists()
        assert "<html" in (out / row["student"] / "feedback.html").read_text(encoding="utf-8").lower()
    assert "not a notebook" in (out / "broken" / "feedback.html").read_text(encoding="utf-8")
    assert (out / "report.html").exists()


def test_dask_cluster_gives_identical_grades(submitted, local_grades, tmp_path):
    out, _ = local_grades
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        grade_class(submitted, tmp_path, "--scheduler", cluster.scheduler_address)
    assert (tmp_path / "grades.csv").read_bytes() == (out / "grades.csv").read_bytes()


def test_rerun_skips_what_is_graded(submitted, local_grades):
    out, rows = local_grades
    stamps = {row["student"]: (out / row["student"] / "results.json").stat().st_mtime_ns for row in rows}
    assert grade_class(submitted, out, "--workers", "2") == rows
    assert {s: (out / s / "results.json").stat().st_mtime_ns for s in stamps} == stamps


def test_scores_are_in_nbgraders_gradebook(local_grades):
    out, rows = local_grades
    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as book:
        for row in rows:
            submission = book.find_submission(ASSIGNMENT.name, row["student"])
            assert submission.score == float(row["total"])
            grade = book.find_grade("test_pad_idx_seqs", ASSIGNMENT.name, ASSIGNMENT.name, row["student"])
            assert grade.score == float(row["pad_idx_seqs"])
