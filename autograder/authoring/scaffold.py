"""`autograder new`: a working assignment to start from, at the assignment's own paths and nowhere else.

For each function it writes a solution cell whose body is left to the instructor, a test
cell with one example, and a check module with one real check (the student's answer
against the reference's on a few inputs); then the declaration, an empty mutants file and
a docs page. `autograder sync` derives the rest. Once the solutions are written (and the
checks' inputs fit the functions), `autograder check-assignments --assignment NAME` passes.
"""

import keyword
from pathlib import Path

import nbformat

from autograder.atomic import write_text
from autograder.course import AssignmentError
from autograder.course.root import ASSIGNMENTS_DIR
from autograder.notebook.cells import BEGIN_SOLUTION, END_SOLUTION

NBGRADER = {"schema_version": 3, "task": False}

INTRO = """# {name}

What students learn here, and what they hand in: a sentence or two. The table lists the functions they write.

| function | what it does |
|---|---|
{rows}

**How you are graded.** Each function is graded on its own, by hidden checks that call it with inputs of their own: a \
mistake in one function costs points of that function only. The test cell after each function shows an example; \
run it to check yourself. It must pass before the hidden checks can give you points for that function. Keep the \
names and parameters of the functions exactly as they are."""

SETUP = """import numpy as np"""

FUNCTION_INTRO = """## `{function}`

Say what `{function}(x)` receives and what it returns, and every rule its checks hold it to."""

SOLUTION = f'''def {{function}}(x):
    """What {{function}} returns, in one sentence."""
    {BEGIN_SOLUTION}
    raise NotImplementedError("the reference solution of {{function}} goes here")
    {END_SOLUTION}'''

EXAMPLE = """# An example students can run; make it an assert with the right answer, e.g. assert {function}(1) == ...
{function}(1)"""

CHECK_MODULE = '''"""{function}(x): what its checks hold it to."""

import pytest

from autograder.checklib.compare import assert_same

# The inputs the checks call {function} with, a tuple of arguments each: choose ones that tell a right
# answer from the mistakes students make. The expected values are the reference's answers.
CASES = [(0,), (1,), (-2,)]


@pytest.mark.points(1)
@pytest.mark.parametrize("args", CASES)
def test_like_the_reference(student, expected, function, args):
    """returns what the reference returns"""
    assert_same(student.call(function, *args), expected.call(function, *args), f"{{function}}{{args}}")
'''

PACKAGE = '''"""{name}: what the assignment teaches, in one line."""

from autograder.course import Declaration

# What the notebook cannot say about itself: the functions that return a Keras model (models=...), the
# datasets it reads (datasets=...), a smaller data subset for quick runs (subset=...), and the accuracy
# its full run must reach (benchmark=...). docs/authoring.md explains each.
DECLARATION = Declaration()
'''

MUTANTS = '''"""Mutants of the {name} reference: one bug each, in the solution cell of one function.

Each entry is (name, graded function, text in its solution cell, replacement). Every mutant must
cost points of its own function only, and every other correct answer must keep full marks.
"""

MUTANTS: list[tuple[str, str, str, str]] = []

# Other correct answers that the checks must accept.
VALID_VARIANTS: list[tuple[str, str, str, str]] = []
'''

DOCS = """# {name}

What the assignment teaches and where it comes from.

## Functions and checks

| function | points | what is checked |
|---|---|---|
{rows}

## Learning checks

What each learning check trains on and how; its threshold, and the scores of every model it was
calibrated with, are in `autograder/assignments/{name}/calibration.json` (`autograder calibrate {name}`).
"""


def _cell(kind: str, grade_id: str, source: str, **nbgrader: object) -> nbformat.NotebookNode:
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    meta = {"grade": False, "grade_id": grade_id, "locked": True, "solution": False, **NBGRADER, **nbgrader}
    return make(source, id=grade_id.replace("_", "-"), metadata={"nbgrader": dict(sorted(meta.items()))})


def source_notebook(name: str, functions: list[str]) -> nbformat.NotebookNode:
    rows = "\n".join(f"| `{function}(x)` | in a few words |" for function in functions)
    cells = [_cell("markdown", "intro", INTRO.format(name=name, rows=rows)), _cell("code", "setup", SETUP)]
    for function in functions:
        cells += [
            _cell("markdown", f"{function}_intro", FUNCTION_INTRO.format(function=function)),
            _cell("code", function, SOLUTION.format(function=function), locked=False, solution=True),
            _cell("code", f"test_{function}", EXAMPLE.format(function=function), grade=True, points=0),
        ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return notebook


def own_paths(root: Path, name: str) -> list[Path]:
    """An assignment's own paths; everything else in the course is shared."""
    return [
        root / "source" / name,
        root / "release" / name,
        root / "solutions" / f"{name}.py",
        root / ASSIGNMENTS_DIR / name,
        root / "docs" / "assignments" / f"{name}.md",
    ]


def _check_names(root: Path, name: str, functions: list[str]) -> None:
    for what, identifier in [("assignment", name), *(("function", function) for function in functions)]:
        if not identifier.isidentifier() or keyword.iskeyword(identifier) or identifier != identifier.lower():
            raise AssignmentError(f"{what} name {identifier!r} must be a lowercase Python identifier, e.g. my_{what}")
    if not functions:
        raise AssignmentError("give at least one function: --functions f,g,...")
    if len(set(functions)) != len(functions):
        raise AssignmentError(f"a function is named twice in {', '.join(functions)}")
    if taken := [path for path in own_paths(root, name) if path.exists()]:
        raise AssignmentError(f"an assignment {name!r} exists already: {', '.join(map(str, taken))}")


def scaffold(root: Path, name: str, functions: list[str]) -> list[Path]:
    """Write a new assignment's own files (not yet its derived ones); return them."""
    _check_names(root, name, functions)
    package = root / ASSIGNMENTS_DIR / name
    rows = "\n".join(f"| `{function}` | 2 | what its checks look at |" for function in functions)
    files = {
        root / "source" / name / f"{name}.ipynb": nbformat.writes(source_notebook(name, functions)) + "\n",
        package / "__init__.py": PACKAGE.format(name=name),
        package / "mutants.py": MUTANTS.format(name=name),
        root / "docs" / "assignments" / f"{name}.md": DOCS.format(name=name, rows=rows),
        **{
            package / "checks" / f"test_{function}.py": CHECK_MODULE.format(function=function) for function in functions
        },
    }
    written: list[Path] = []
    try:
        for path, text in files.items():
            write_text(text, path)
            written.append(path)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
