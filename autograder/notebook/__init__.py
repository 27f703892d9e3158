"""Reading notebooks and telling their cells apart (nbgrader metadata, grader tags)."""
