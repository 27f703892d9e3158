"""`nbgrader autograde` through the kit's sandboxed grader: a preprocessor in place of nbgrader's Execute.

nbgrader's own step runs the submitted notebook in an unconfined kernel, and the hidden
lines of each test cell run the kit's checks in that same kernel, after the student's
code (inline.py); a test cell that ends without an error and without a result earns all
its points, so a notebook that silences the display hook earns every test cell's points.
GradeWithKit instead grades the sanitized notebook as `autograder grade` does (a confined
kernel, the checks in the grader's process) and writes each test cell's outputs from the
kit's verdicts: the lines of its checks (inline.report) and, as the cell's result, the
function's points, which nbgrader's SaveAutoGrades records as partial credit. No cell of
the submission runs in nbgrader's process or kernel. The gradebook, formgrader, feedback
and late penalties are nbgrader's, unchanged.

nbgrader reads the submitted file through SubmittedNotebookExporter, which refuses a link,
a FIFO or an oversized file as the kit does, unread. Then nbgrader sanitizes the submission; RestoreRoles gives each cell its role from the
assignment first, as the kit's own grading does (notebook/roles.py): nbgrader's OverwriteCells
trusts a submitted cell's grade flag, and an answer cell marked as a test cell made it fail the
whole submission. Test cells the student deleted are put back (OverwriteCells.add_missing_cells),
so that each function's points have a cell to go in.

The course's nbgrader_config.py sets it up:

    c.Autograde.exporter_class = SubmittedNotebookExporter
    c.Autograde.sanitize_preprocessors = sanitize_preprocessors()
    c.Autograde.autograde_preprocessors = autograde_preprocessors()
    c.OverwriteCells.add_missing_cells = True
"""

import io
import os
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.exporters.exporter import ResourcesDict
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, OverwriteCells
from traitlets import Enum
from traitlets.config import Config

from autograder.course import get
from autograder.grading import grade_content, unreadable
from autograder.inline import report
from autograder.notebook.cells import is_test_cell, nbgrader_meta
from autograder.notebook.reading import NotebookError, read_bytes
from autograder.notebook.roles import restore_roles
from autograder.reporting.results import GRADER_ERROR
from autograder.runner.outcome import CheckResult, total
from autograder.sandbox.policy import ISOLATION_MODES, Policy

TEST_PREFIX = "test_"
"""A function's test cell has the grade id test_<function>."""


class KitGraderError(RuntimeError):
    """The kit's grader failed on this submission (its fault, not the student's): nbgrader records no score."""


class GradeWithKit(NbGraderPreprocessor):
    """Grades the notebook with the kit and writes each test cell's verdicts and points; runs none of its cells."""

    sandbox = Enum(
        ISOLATION_MODES,
        default_value="bubblewrap",
        help="As `autograder grade --sandbox` for a class: bubblewrap is required unless the instructor sets 'none'.",
    ).tag(config=True)

    def preprocess(self, nb: nbformat.NotebookNode, resources: ResourcesDict) -> tuple:
        names = resources["nbgrader"]
        assignment = get(names["assignment"])
        # A file the kit refuses (a link, a FIFO, ...) was not read: the exporter put the release notebook in its
        # place, and the submission is graded as what was submitted, not a notebook. nbgrader's two passes
        # (sanitizing, then this one) share only files, so the submitted file is looked at again here.
        if refused := refusal(self.config, names):
            graded = unreadable(assignment, refused)
        else:
            content = nbformat.writes(nb).encode("utf-8")
            graded = grade_content(content, f"{names['notebook']}.ipynb", assignment, Policy(isolation=self.sandbox))
        if graded.status == GRADER_ERROR:
            raise KitGraderError(f"{names['student']}: the kit's grader failed:\n" + "\n".join(graded.faults))
        for note in graded.notes:
            self.log.info("%s: %s", names["student"], note)
        checks: dict[str, list[CheckResult]] = defaultdict(list)
        for check in graded.checks:
            checks[check.function].append(check)
        for cell in nb.cells:
            if is_test_cell(cell):
                cell.execution_count = None
                cell.outputs = _outputs(checks, nbgrader_meta(cell)["grade_id"])
        return nb, resources


def refusal(config: Config, names: dict) -> NotebookError | None:
    """Why the notebook nbgrader's submitted folder holds for `names` is not one the kit would grade, else None."""
    try:
        submitted_bytes(config, names)
    except NotebookError as error:
        return error
    return None


def submitted_bytes(config: Config, names: dict) -> bytes | None:
    """The submitted notebook's bytes, read as the kit reads submissions (notebook/reading.py), or None if there is none.

    From the submitted folder down: never through a link, never blocking on a FIFO, never past the size
    limit (a NotebookError says which). None when `nbgrader autograde` did not run on its submitted folder.
    """
    path, submitted = submitted_notebook(config, names)
    if not os.path.lexists(path):
        return None
    return read_bytes(path, below=submitted)


def submitted_notebook(config: Config, names: dict) -> tuple[Path, Path]:
    """The submitted notebook of `names` in nbgrader's course, and the submitted folder it was collected to."""
    course = CourseDirectory(config=config)
    submitted = Path(course.format_path(course.submitted_directory, ".", "."))
    notebook = Path(course.format_path(course.submitted_directory, names["student"], names["assignment"]))
    return notebook / f"{names['notebook']}.ipynb", submitted


class SubmittedNotebookExporter(NotebookExporter):
    """nbgrader's reader of a submitted notebook, reading as the kit does.

    nbgrader opens the file as it is: through a link (to the instructor's notebook, to
    /dev/zero, read until memory runs out), or a FIFO, which it waits on for ever and with it
    every later student of the run. The kit reads the submitted file instead (notebook/reading.py),
    once, and nbgrader parses those very bytes. A file the kit refuses is not read: the
    assignment's release notebook stands in for it, so that nbgrader's steps run and
    GradeWithKit gives each function 0 with the reason.
    """

    def from_filename(self, filename: str, resources: dict | None = None, **kw: Any) -> tuple:
        names = (resources or {}).get("nbgrader")
        if not names or os.path.abspath(filename) != os.path.abspath(submitted_notebook(self.config, names)[0]):
            return super().from_filename(filename, resources, **kw)  # nbgrader's own copy, written after sanitizing
        try:
            content = submitted_bytes(self.config, names)
        except NotebookError as refused:
            self.log.warning("%s: %s; the release notebook is read in its place", names["student"], refused)
            return super().from_filename(str(get(names["assignment"]).release_notebook), resources, **kw)
        if content is None:  # not there: nbgrader says so its own way
            return super().from_filename(filename, resources, **kw)
        return self.from_file(io.StringIO(content.decode("utf-8")), _described(filename, resources), **kw)


def _described(filename: str, resources: dict | None) -> ResourcesDict:
    """The file's name, folder and date in `resources`, as nbconvert's from_filename gives them, without opening it."""
    resources = ResourcesDict() if resources is None else resources
    if not resources.get("metadata"):
        resources["metadata"] = ResourcesDict()
    folder, name = os.path.split(filename)
    modified = datetime.fromtimestamp(os.lstat(filename).st_mtime, tz=UTC)
    resources["metadata"].update(
        name=os.path.splitext(name)[0], path=folder, modified_date=modified.strftime("%B %-d, %Y")
    )
    return resources


class RestoreRoles(NbGraderPreprocessor):
    """Gives each submitted cell its role (type, nbgrader flags, autograder-skip) from the assignment's source."""

    def preprocess(self, nb: nbformat.NotebookNode, resources: ResourcesDict) -> tuple:
        names = resources["nbgrader"]
        for note in restore_roles(nb, get(names["assignment"]).source()):
            self.log.warning("%s: %s", names["student"], note)
        return nb, resources


def _outputs(checks: dict[str, list[CheckResult]], grade_id: str) -> list[nbformat.NotebookNode]:
    """A test cell's outputs: what its function's checks say, then its points as the cell's result."""
    function = grade_id.removeprefix(TEST_PREFIX)
    if function not in checks:
        raise KitGraderError(f"the test cell {grade_id!r} names no function the kit has checks for")
    results = checks[function]
    return [
        nbformat.v4.new_output("stream", name="stdout", text=report(results)),
        nbformat.v4.new_output("execute_result", data={"text/plain": repr(total(results))}, execution_count=None),
    ]


NBGRADERS_OWN_EXECUTION = """
# nbgrader's own execution of every cell, in place of the kit's grading (autograder/nbgrader_preprocessor.py)
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
"""
"""Lines that, added at the end of a course's nbgrader_config.py, give `nbgrader autograde` back its own execution."""


def sanitize_preprocessors() -> list:
    """nbgrader's sanitizing steps, with the cells' roles restored from the assignment before OverwriteCells."""
    steps = Autograde.class_traits()["sanitize_preprocessors"].default()
    at = steps.index(OverwriteCells)
    return [*steps[:at], RestoreRoles, *steps[at:]]


def autograde_preprocessors() -> list:
    """nbgrader's autograde steps with the kit's grading in place of nbgrader's execution of the notebook."""
    return [
        GradeWithKit if step is Execute else step
        for step in Autograde.class_traits()["autograde_preprocessors"].default()
    ]
