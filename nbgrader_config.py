"""nbgrader settings: this folder is the course folder (source/, release/, submitted/, ...)."""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "rnn-sentiment"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Training on the full data takes minutes on a CPU; nbgrader's default limit is 30 s a cell.
c.Execute.timeout = 3600

# nbgrader starts each notebook's kernel in the submission's own folder, so a relative
# KIT_DATA_DIR (say ../shared/datasets) would point somewhere else there: make it absolute here.
if os.environ.get("KIT_DATA_DIR"):
    os.environ["KIT_DATA_DIR"] = str(Path(os.environ["KIT_DATA_DIR"]).expanduser().absolute())
