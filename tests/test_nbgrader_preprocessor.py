"""`nbgrader autograde` through the kit's grader (autograder/nbgrader_preprocessor.py), on the tiny course's cases.

The reference, the blank stub, every mutant bundle, a notebook that
hides every cell's value, one without its test cells and one whose cells' roles were changed are autograded by real nbgrader into its gradebook, beside the kit's
own class run of the same files: the points agree function by function, and the feedback that
`nbgrader generate_feedback` writes shows the kit's checks, never a value a hidden check expected.
"""

import html
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute, OverwriteCells
from support import REPO, TINY_COURSE
from support.kit import TINY
from support.nbgrader_course import autograded_course, nbgrader, printed
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from autograder import nbgrader_preprocessor as preprocessor_module
from autograder.authoring.mutants import by_function, mutants_of
from autograder.nbgrader_preprocessor import GradeWithKit, KitGraderError, RestoreRoles, SubmittedNotebookExporter
from autograder.sandbox.isolation import bubblewrap_problem


def nbgrader_run(test):
    """The marks of a test that reads the autograded course."""
    return pytest.mark.nbgrader(pytest.mark.kernel(test))


MUTANTS = tuple(student for student in mutants_of(TINY).bundles() if student.startswith("mutants"))
CASES = ("honest", "blank", *MUTANTS, "display_hook_silenced", "test_cells_deleted", "cell_roles_changed")
"""Not the other correct answers: each case costs nbgrader a grading, and those earn what the reference earns."""


@pytest.fixture(scope="module")
def course(class_run, tmp_path_factory) -> Path:
    """The tiny course with each case's notebook (as the class run graded it) submitted and autograded, with feedback."""
    notebook = f"{TINY.name}/{TINY.name}.ipynb"
    submissions = {student: class_run.submitted / student / notebook for student in CASES}
    linked = {"link_to_the_reference": TINY.source_notebook, "link_to_dev_zero": Path("/dev/zero")}
    folder = tmp_path_factory.mktemp("tiny-nbgrader")
    course = autograded_course(TINY, folder, submissions, linked, fifos=("fifo_named_as_a_notebook",))
    nbgrader(course, "generate_feedback", TINY.name, "--force")
    return course


@pytest.mark.parametrize("config", [REPO, TINY_COURSE], ids=["course", "tiny_course"])
def test_each_courses_config_puts_the_kits_grading_in_place_of_nbgraders_execution(config):
    loaded = PyFileConfigLoader("nbgrader_config.py", path=str(config)).load_config()
    steps = loaded.Autograde.autograde_preprocessors
    default = Autograde.class_traits()["autograde_preprocessors"].default()
    assert Execute not in steps and steps.index(GradeWithKit) == default.index(Execute)
    assert [step for step in steps if step is not GradeWithKit] == [step for step in default if step is not Execute]
    sanitize = loaded.Autograde.sanitize_preprocessors
    assert sanitize[sanitize.index(RestoreRoles) + 1] is OverwriteCells and loaded.OverwriteCells.add_missing_cells
    assert loaded.Autograde.exporter_class is SubmittedNotebookExporter


def test_without_bubblewrap_nbgrader_grades_no_one_unless_the_instructor_says_so(tmp_path, monkeypatch):
    """A PATH without bwrap: the kit's step fails the submission (nbgrader records no score) naming the setting,
    before any kernel starts; nothing falls back to an unconfined kernel by itself."""
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("KIT_ROOT", str(TINY.root))
    bubblewrap_problem.cache_clear()
    names = {"assignment": TINY.name, "notebook": TINY.name, "student": "solo"}
    try:
        with pytest.raises(KitGraderError, match="the bubblewrap sandbox was required, but the bwrap command is not"):
            GradeWithKit().preprocess(TINY.source(), {"nbgrader": names})
    finally:
        bubblewrap_problem.cache_clear()


def test_nbgrader_parses_the_very_bytes_the_kit_read_of_the_submitted_notebook(tmp_path, monkeypatch):
    """Opened again by name after the kit's look, the file could be another by then (a link, a FIFO, a new notebook)."""
    monkeypatch.setenv("KIT_ROOT", str(TINY.root))
    names = {"assignment": TINY.name, "notebook": TINY.name, "student": "alice"}
    submitted = tmp_path / "submitted" / "alice" / TINY.name / f"{TINY.name}.ipynb"
    submitted.parent.mkdir(parents=True)
    submitted.write_bytes(TINY.release_notebook.read_bytes())
    kits_read = preprocessor_module.read_bytes

    def read_then_swapped(path, **options):
        content = kits_read(path, **options)
        path.write_bytes(TINY.source_notebook.read_bytes())  # after the look, before any second open
        return content

    monkeypatch.setattr(preprocessor_module, "read_bytes", read_then_swapped)
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    exported, resources = SubmittedNotebookExporter(config=config).from_filename(str(submitted), {"nbgrader": names})
    assert nbformat.reads(exported, as_version=4) == nbformat.read(TINY.release_notebook, as_version=4)
    assert (resources["metadata"]["name"], resources["metadata"]["path"]) == (TINY.name, str(submitted.parent))


@nbgrader_run
@pytest.mark.parametrize("student", CASES)
def test_nbgrader_gives_each_function_the_kits_points(course, class_run, student):
    kit = class_run.results[student]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for function, (score, _) in by_function(kit).items():
            grade = gradebook.find_grade(f"test_{function}", TINY.name, TINY.name, student)
            assert grade.score == score, (
                f"{function}: nbgrader {grade.score}, kit {score}; the test cell shows:\n"
                + printed(course, student, TINY.name, f"test_{function}")
            )
        assert gradebook.find_submission(TINY.name, student).score == kit["score"]


@nbgrader_run
@pytest.mark.parametrize(
    "student, reason",
    [
        ("link_to_the_reference", "is a symbolic link, not a notebook file"),
        ("link_to_dev_zero", "is a symbolic link, not a notebook file"),
        ("fifo_named_as_a_notebook", "is a FIFO, not a notebook file"),
    ],
)
def test_a_submitted_link_or_fifo_is_not_read_and_earns_nothing(course, student, reason):
    """nbgrader would read the instructor's notebook through the link, /dev/zero until memory ran out, and wait on the
    FIFO for ever (and every later student with it): the file is refused unread, as the kit refuses it."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            function: gradebook.find_grade(f"test_{function}", TINY.name, TINY.name, student).score
            for function in TINY.functions
        }
    assert scores == dict.fromkeys(TINY.functions, 0.0)
    shown = printed(course, student, TINY.name, "test_make_lexicon")
    assert reason in shown and str(TINY.root) not in shown


@nbgrader_run
def test_a_notebook_that_shows_no_value_earns_no_point_it_did_not(course, class_run):
    """Under nbgrader's own execution its wrong pad_idx_seqs would keep every point: its cell neither raises nor shows."""
    score, points = by_function(class_run.results["display_hook_silenced"])["pad_idx_seqs"]
    assert score < points
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert gradebook.find_grade("test_pad_idx_seqs", TINY.name, TINY.name, "display_hook_silenced").score == score


@nbgrader_run
def test_the_feedback_shows_the_kits_checks_and_no_hidden_expected_value(course, class_run):
    for student in ("blank", *MUTANTS):
        page = html.unescape(
            (course / "feedback" / student / TINY.name / f"{TINY.name}.html").read_text(encoding="utf-8")
        )
        shown = {test["name"]: test["output"] for test in class_run.results[student]["tests"]}
        for test in class_run.instructor[student]["tests"]:
            if test["status"] == "failed":
                assert test["name"].split(": ", 1)[1] in page, (student, test["name"])
                hidden = [
                    line
                    for line in test["output"].splitlines()
                    if line.strip() and line not in shown[test["name"]].splitlines()
                ]
                assert [line for line in hidden if line in page] == [], (student, test["name"])
