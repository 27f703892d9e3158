"""The course the kit grades: where it lives, and the assignments in it.

An assignment is one folder that describes itself (autograder/assignments/<name>/): its
declaration, its checks, their data and its mutants. Its notebook, release, reference and
docs page sit at fixed paths beside it, under the course root (root.py).
"""

from autograder.course.assignment import Assignment, AssignmentError
from autograder.course.declaration import Benchmark, Declaration, Subset, Timed, Trained
from autograder.course.discovery import discover, get, names, of_module
from autograder.course.root import course_root

__all__ = [
    "Assignment",
    "AssignmentError",
    "Benchmark",
    "Declaration",
    "Subset",
    "Timed",
    "Trained",
    "course_root",
    "discover",
    "get",
    "names",
    "of_module",
]
