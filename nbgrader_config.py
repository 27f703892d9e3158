"""nbgrader settings: this folder is the course folder (source/, release/, submitted/, ...)."""

import os
from pathlib import Path

from kitdata.paths import ENV_VAR, resolve_data_dir

from autograder.nbgrader_preprocessor import SubmittedNotebookExporter, autograde_preprocessors, sanitize_preprocessors

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "rnn-sentiment"
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
# training on the full data takes minutes on a CPU; nbgrader's default limit is 30 s a cell.
c.Execute.timeout = 3600

# nbgrader starts each notebook's kernel in the submission's own folder, so a relative
# KIT_DATA_DIR (say ../shared/datasets) would point somewhere else there: pin it to the
# folder the kit resolves it to here, by the kit's own rule.
if os.environ.get(ENV_VAR):
    os.environ[ENV_VAR] = str(resolve_data_dir())
