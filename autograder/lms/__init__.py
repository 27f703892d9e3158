"""Grades back into an LMS: who a Canvas or Moodle download's file belongs to, and their gradebook CSVs.

docs/lms.md has the layouts, with the LMS source each rule comes from.
"""


class LmsError(ValueError):
    """Bad input for an LMS export; str() names the file and what is wrong with it."""
