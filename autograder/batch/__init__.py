"""Grading a whole class: finding submissions, grading them in parallel, writing the outputs."""

import os


def available_cores() -> int:
    """The cores this process may use: a class run's workers by default."""
    return len(os.sched_getaffinity(0))
