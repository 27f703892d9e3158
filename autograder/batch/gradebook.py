"""Record the kit's scores in nbgrader's gradebook, so formgrader and `nbgrader export` show them.

Each graded function has one autograder test cell (`test_<function>`) in nbgrader;
the kit's points for the function become that cell's auto score.
"""

import warnings
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import SAWarning

from autograder.course import Assignment
from autograder.nbgrader_cli import alembic_on_path
from autograder.notebook.cells import is_test_cell, nbgrader_meta
from autograder.reporting.grades_csv import function_scores


def record_scores(db_path: Path, assignment: Assignment, rows: dict[str, dict]) -> None:
    notebook = nbformat.read(assignment.source_notebook, as_version=4)
    name = assignment.name
    with alembic_on_path(), Gradebook(f"sqlite:///{db_path.resolve()}") as book:
        book.update_or_create_assignment(name)
        book.update_or_create_notebook(name, name)
        for cell in filter(is_test_cell, notebook.cells):
            meta = nbgrader_meta(cell)
            book.update_or_create_grade_cell(meta["grade_id"], name, name, max_score=meta["points"], cell_type="code")
        for student, results in rows.items():
            book.update_or_create_student(student)
            try:
                book.find_submission(name, student)
            except MissingEntry:
                with warnings.catch_warnings():  # nbgrader's own add_submission trips SQLAlchemy's autoflush warnings
                    warnings.simplefilter("ignore", SAWarning)
                    book.add_submission(name, student)
            for function, score in function_scores(results).items():
                book.find_grade(f"test_{function}", name, name, student).auto_score = score
        book.db.commit()
