"""Grading a whole class: finding submissions, grading them in parallel, writing the outputs."""
