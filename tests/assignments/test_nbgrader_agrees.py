"""Real nbgrader, real gradebook: `nbgrader autograde`, through the kit's grader, gives the kit's totals.

On the course's own nbgrader_config.py, with two of its assignments: rnn_basics (the sentences of the UCI
set, one model) and imdb_many_to_one (IMDB, four models, the most functions). What nbgrader's route adds
to the kit's grading is the same for every assignment (the config, sanitizing, the kit's step, the test
cells' outputs, the gradebook); it is proven here on the real course and, case by case, on the tiny
course (tests/test_nbgrader_preprocessor.py: mutants, hidden values, deleted or changed cells). What is
an assignment's own on that route is proven for all five without nbgrader's runs: its test cells are
named and weighted as its checks (test_grading.py::test_test_cell_points_match_the_checks), and its
release/ is what nbgrader's generate_assignment writes (test_notebooks_in_sync.py). Each of the three
other assignments cost the suite 54-57 s here (an nbgrader course, two gradings).
"""

from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from support.nbgrader_course import autograded, autograded_course, printed

from autograder.authoring.mutants import by_function
from autograder.notebook.cells import is_test_cell

pytestmark = [
    pytest.mark.nbgrader,
    pytest.mark.kernel,
    pytest.mark.parametrize("assignment", ["imdb_many_to_one", "rnn_basics"], indirect=True),
]  # nbgrader autograde of their references and stubs


@pytest.fixture(scope="session")
def course(tmp_path_factory, assignment, reference_results) -> Path:
    """A course folder with the reference and the blank stub submitted, autograded by nbgrader.

    After the class run (reference_results), as an instructor's second grading would be: the
    reference's trainings are the ones the kit kept then.
    """
    submissions = {"reference": assignment.source_notebook, "stub": assignment.release_notebook}
    return autograded_course(assignment, tmp_path_factory.mktemp(f"course-{assignment.name}"), submissions)


@pytest.mark.parametrize("student", ["reference", "stub"])
def test_nbgrader_totals_equal_the_kit(assignment, course, student, reference_results, stub_results):
    kit = {"reference": reference_results, "stub": stub_results}[student]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for function, (score, _) in by_function(kit).items():
            grade_id = f"test_{function}"
            grade = gradebook.find_grade(grade_id, assignment.name, assignment.name, student)
            assert grade.score == score, (
                f"{function}: nbgrader {grade.score}, kit {score}; the test cell printed:\n{printed(course, student, assignment.name, grade_id)}"
            )
        assert gradebook.find_submission(assignment.name, student).score == kit["score"]


def test_no_cell_of_the_submission_ran_under_nbgrader(assignment, course):
    """Only the test cells have outputs, the kit's; nbgrader's own execution would have filled every code cell's."""
    cells = [cell for cell in autograded(course, "reference", assignment.name).cells if cell.cell_type == "code"]
    assert [cell for cell in cells if cell.outputs and not is_test_cell(cell)] == []
    assert all(cell.outputs[0].text.startswith("[passed]") for cell in cells if is_test_cell(cell))
