"""nbgrader settings: this folder is the course folder (source/, release/, submitted/, ...)."""

import os
from pathlib import Path

from kitdata.paths import ENV_VAR, resolve_data_dir

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "rnn-sentiment"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Training on the full data takes minutes on a CPU; nbgrader's default limit is 30 s a cell.
c.Execute.timeout = 3600

# nbgrader starts each notebook's kernel in the submission's own folder, so a relative
# KIT_DATA_DIR (say ../shared/datasets) would point somewhere else there: pin it to the
# folder the kit resolves it to here, by the kit's own rule.
if os.environ.get(ENV_VAR):
    os.environ[ENV_VAR] = str(resolve_data_dir())
