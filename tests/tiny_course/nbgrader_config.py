"""nbgrader settings of the tiny course: this folder is the course folder (source/, release/, submitted/, ...)."""

import os
from pathlib import Path

from autograder.course.root import ENV_VAR, course_root

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "tiny-course"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# A whole "Run all" takes seconds once Keras is imported; the limit only guards against a hang.
c.Execute.timeout = 600

# nbgrader starts each notebook's kernel in the submission's own folder, where a relative KIT_ROOT
# (say tests/tiny_course) would point somewhere else, and where no KIT_ROOT might find another course:
# pin it to the course root the kit finds here, by the kit's own rule, so that the hidden test cells'
# score("tiny_sentiment", ...) finds this course.
os.environ[ENV_VAR] = str(course_root())
