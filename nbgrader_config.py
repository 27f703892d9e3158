"""nbgrader settings: this folder is the course folder (source/, release/, submitted/, ...)."""

from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "rnn-sentiment"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Training on the full data takes minutes on a CPU; nbgrader's default limit is 30 s a cell.
c.Execute.timeout = 3600
