"""nbgrader settings of the tiny course: this folder is the course folder (source/, release/, submitted/, ...)."""

import os
from pathlib import Path

from autograder.course.root import ENV_VAR, course_root
from autograder.nbgrader_preprocessor import SubmittedNotebookExporter, autograde_preprocessors, sanitize_preprocessors

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "tiny-course"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# `nbgrader autograde` grades through the kit's sandboxed grader, not by running the notebook in
# nbgrader's own kernel (autograder/nbgrader_preprocessor.py; docs/grading.md says what that changes).
c.Autograde.autograde_preprocessors = autograde_preprocessors()
# The submitted file is read as the kit reads it (never through a link, never a FIFO, bounded); each cell's role
# comes from the assignment, as under the kit's grader, and deleted test cells are put back.
c.Autograde.exporter_class = SubmittedNotebookExporter
c.Autograde.sanitize_preprocessors = sanitize_preprocessors()
c.OverwriteCells.add_missing_cells = True

# nbgrader's own execution of a notebook (its Validate, or autograde without the line above):
# a whole "Run all" takes seconds once Keras is imported; the limit only guards against a hang.
c.Execute.timeout = 600

# nbgrader starts each notebook's kernel in the submission's own folder, where a relative KIT_ROOT
# (say tests/tiny_course) would point somewhere else, and where no KIT_ROOT might find another course:
# pin it to the course root the kit finds here, by the kit's own rule, so that the kit's preprocessor (and the hidden
# test cells' score("tiny_sentiment", ...), under nbgrader's own execution) finds this course.
os.environ[ENV_VAR] = str(course_root())
