"""A Gradescope autograder for one assignment: the zip (package.py), its two scripts, and the submission's checks.

Gradescope unpacks the zip into /autograder/source, runs setup.sh once when it builds the
image, then run_autograder once per submission (docs/gradescope.md).
"""
