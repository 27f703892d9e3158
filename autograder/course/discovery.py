"""Finding the course's assignments: every package under autograder/assignments/ of the course root.

Assignments are found by folder, not by a list in a shared file or an entry point: an
assignment is the files at its paths (docs/authoring.md), so adding one touches nothing
else, and a copy of the course (a temporary clone, a Gradescope zip) grades exactly the
assignments it holds. The folder is put first on `autograder.assignments.__path__`, so an
assignment's check modules import their helpers (`autograder.assignments.<name>.checkdata`)
from the same course root as their own files.
"""

import importlib
from functools import cache
from pathlib import Path

import autograder.assignments
from autograder.course.assignment import Assignment, AssignmentError
from autograder.course.declaration import Declaration
from autograder.course.root import ASSIGNMENTS_DIR, course_root


def names(root: Path | None = None) -> list[str]:
    """The names of the course's assignments, sorted, none of them imported: what a command's --help lists."""
    folder = (root or course_root()).resolve() / ASSIGNMENTS_DIR
    return sorted(p.name for p in folder.iterdir() if (p / "__init__.py").is_file()) if folder.is_dir() else []


def discover(root: Path | None = None) -> dict[str, Assignment]:
    """The assignments of the course at `root` (default: course_root()), by name, sorted."""
    root = (root or course_root()).resolve()
    return _discover(root, tuple(names(root)))


@cache
def _discover(root: Path, names: tuple[str, ...]) -> dict[str, Assignment]:
    """Read once per set of assignment folders: `autograder new` adds one within the process."""
    folder = root / ASSIGNMENTS_DIR
    path = autograder.assignments.__path__
    if str(folder) not in path:
        path.insert(0, str(folder))
    found = {}
    for name in names:
        package = folder / name
        module = importlib.import_module(f"autograder.assignments.{name}")
        declaration = getattr(module, "DECLARATION", None)
        if not isinstance(declaration, Declaration):
            raise AssignmentError(
                f"{package / '__init__.py'} must define DECLARATION = autograder.course.Declaration(...)"
            )
        found[package.name] = Assignment(package.name, root, declaration)
    return found


def get(name: str, root: Path | None = None) -> Assignment:
    assignments = discover(root)
    try:
        return assignments[name]
    except KeyError:
        known = ", ".join(assignments) or "none"
        raise KeyError(f"unknown assignment {name!r}; the course at {root or course_root()} has: {known}") from None


def of_module(module_name: str) -> Assignment:
    """The assignment a module of an assignment's package belongs to, for its check data and helpers:
    of_module(__name__) in autograder/assignments/<name>/checkdata.py.

    The course is the one the module was loaded from, which need not be course_root()'s: a
    process may have discovered another course (discover(root)) and imported its checks.
    """
    parts = module_name.split(".")
    if parts[:2] != ["autograder", "assignments"] or len(parts) < 3:
        raise ValueError(f"{module_name} is not a module of an assignment's package")
    package = importlib.import_module(".".join(parts[:3]))
    return get(parts[2], Path(package.__file__).resolve().parents[3])
