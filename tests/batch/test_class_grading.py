"""The class run of tests/support/fixtures.py as an instructor sees it, and the same class on a Dask cluster."""

import csv
import shutil

from distributed import LocalCluster
from nbgrader.api import Gradebook
from support.kit import TINY, TINY_ENV, grade_class

from autograder.authoring.mutants import mutants_of

FUNCTIONS = list(TINY.functions)
WRONG, _ = mutants_of(TINY).bundle_of("post_padding")  # a bundle of mutants, one of them pads at the end
SMALL_CLASS = ("honest", WRONG, "blank", "binary_garbage")  # honest, partly wrong, blank, broken


def grades(out) -> dict[str, dict]:
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def test_grades_csv(class_run):
    rows = grades(class_run.out)
    assert list(next(iter(rows.values()))) == ["student", "total", "max", *FUNCTIONS, "status"]
    assert set(rows) == set(class_run.results)
    honest = rows["honest"]
    assert honest["total"] == honest["max"] != "0" and rows["blank"]["total"] == rows["binary_garbage"]["total"] == "0"
    wrong = rows[WRONG]
    assert float(wrong["pad_idx_seqs"]) < float(honest["pad_idx_seqs"])
    assert float(wrong["total"]) == sum(float(wrong[f]) for f in FUNCTIONS)


def test_per_student_outputs(class_run):
    for student in class_run.results:
        assert (class_run.out / student / "results.json").exists()
        assert "<html" in (class_run.out / student / "feedback.html").read_text(encoding="utf-8").lower()
    assert "not a notebook" in (class_run.out / "binary_garbage" / "feedback.html").read_text(encoding="utf-8")
    assert (class_run.out / "report.html").exists()


def test_dask_cluster_gives_identical_grades(class_run, tmp_path, monkeypatch):
    """A small class graded on a Dask cluster gets the rows it got in the local class run.

    The cluster's workers find the tiny course as workers on other machines would: in their environment.
    """
    for name, value in TINY_ENV.items():
        monkeypatch.setenv(name, value)
    for student in SMALL_CLASS:
        shutil.copytree(class_run.submitted / student, tmp_path / "submitted" / student)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        grade_class(tmp_path / "submitted", tmp_path / "out", "--scheduler", cluster.scheduler_address)
    local = grades(class_run.out)
    assert grades(tmp_path / "out") == {student: local[student] for student in SMALL_CLASS}
    for student in SMALL_CLASS:
        assert (tmp_path / "out" / student / "results.json").read_bytes() == (
            class_run.out / student / "results.json"
        ).read_bytes()


def test_rerun_skips_what_is_graded(class_run):
    stamps = {student: (class_run.out / student / "results.json").stat().st_mtime_ns for student in class_run.results}
    before = grades(class_run.out)
    grade_class(class_run.submitted, class_run.out, "--workers", "2")
    assert grades(class_run.out) == before
    assert {s: (class_run.out / s / "results.json").stat().st_mtime_ns for s in stamps} == stamps


def test_scores_are_in_nbgraders_gradebook(class_run):
    rows = grades(class_run.out)
    with Gradebook(f"sqlite:///{class_run.out / 'gradebook.db'}") as book:
        for student, row in rows.items():
            submission = book.find_submission(TINY.name, student)
            assert submission.score == float(row["total"])
            grade = book.find_grade("test_pad_idx_seqs", TINY.name, TINY.name, student)
            assert grade.score == float(row["pad_idx_seqs"])
