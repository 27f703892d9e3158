"""The submissions the kit's tests grade together in one class run, by name.

Mutants (one bug each), other correct answers, and the hostile fixtures of
tests/hostile/ are all built from the instructor's notebook and graded side by
side with an honest copy of it, the way a real class is graded.

Mutants and other correct answers are graded in the bundles that autograder/authoring/mutants.py
packs (the same as `autograder check-mutants` grades): graded once per bundle instead of once
per mutant, which is most of the test suite's time.
"""

import copy
import json
import os
import re
from pathlib import Path

import nbformat

from autograder.authoring.mutants import Change, mutants_of, mutated, solution_cell
from autograder.course import Assignment
from autograder.notebook.cells import nbgrader_meta
from support import HOSTILE, TINY_COURSE

HOSTILE_ASSIGNMENTS = ("tiny_sentiment", "sentiment_rnn")
"""Those whose solution cells the fixtures in tests/hostile/ can replace: they share the functions' names."""


def hostile(source: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The reference with a fixture's code in it: in place of the solutions it names, or as a cell of its own."""
    code = (HOSTILE / f"{name}.py").read_text(encoding="utf-8")
    notebook = copy.deepcopy(source)
    if replaced := re.search(r"^# replaces: (.+)$", code, re.MULTILINE):
        first, *others = [function.strip() for function in replaced[1].split(",")]
        solution_cell(notebook, first).source = code
        for function in others:
            solution_cell(notebook, function).source = f"# {function} is defined in the cell of {first}\n"
    else:
        assert re.search(r"^# adds a cell$", code, re.MULTILINE), (
            f"{name}.py must say what it replaces or that it adds a cell"
        )
        notebook.cells.append(nbformat.v4.new_code_cell(code))
    return notebook


def without_test_cells(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    notebook = copy.deepcopy(source)
    notebook.cells = [
        c for c in notebook.cells if not nbgrader_meta(c).get("grade") or nbgrader_meta(c).get("solution")
    ]
    return notebook


def tests_edited_to_pass(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A wrong make_lexicon whose test cell the student emptied so that it 'passes'."""
    notebook = mutated(source, Change("stricter_lexicon", "make_lexicon", "count > min_freq", "count > min_freq + 5"))
    for cell in notebook.cells:
        if nbgrader_meta(cell).get("grade_id") == "test_make_lexicon":
            cell.source = "pass\n"
    return notebook


FLOAT_PADDING = Change(
    "float_padding", "pad_idx_seqs", "pad_sequences(idx_seqs)", 'pad_sequences(idx_seqs, dtype="float32")'
)
"""A wrong pad_idx_seqs (floats) that passes its test cell's visible asserts: [4.0, 5.0] == [4, 5]."""


def display_hook_silenced(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """FLOAT_PADDING in a notebook whose cells show no value.

    Under nbgrader's own execution the hidden lines' score() then shows nothing, and a test cell
    that neither raises nor shows a value earns all its points.
    """
    notebook = mutated(source, FLOAT_PADDING)
    notebook.cells.insert(1, nbformat.v4.new_code_cell('get_ipython().ast_node_interactivity = "none"\n'))
    return notebook


def with_cells(source: nbformat.NotebookNode, *codes: str) -> nbformat.NotebookNode:
    """The notebook with code cells of the student's own added at its end."""
    notebook = copy.deepcopy(source)
    notebook.cells += [nbformat.v4.new_code_cell(code) for code in codes]
    return notebook


def duplicate_cell_ids(source: nbformat.NotebookNode) -> bytes:
    """Every cell with the first cell's id, as raw JSON (nbformat.write would repair the ids)."""
    notebook = copy.deepcopy(source)
    for cell in notebook.cells[1:]:
        cell.id = notebook.cells[0].id
    return json.dumps(notebook).encode()


def roles_changed(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """make_lexicon's answer cell marked as a test cell and tagged to be skipped, and its test cell marked as an
    answer cell: graded as the assignment's cells, with full marks."""
    notebook = copy.deepcopy(source)
    for cell in notebook.cells:
        meta = nbgrader_meta(cell)
        if meta.get("grade_id") == "make_lexicon":
            meta.update(solution=False, grade=True, locked=True)
            cell.metadata["tags"] = ["autograder-skip"]
        elif meta.get("grade_id") == "test_make_lexicon":
            meta.update(solution=True, grade=False, locked=False)
    return notebook


def another_assignments(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A notebook of some other homework: its cells have other grade ids and functions."""
    notebook = copy.deepcopy(source)
    for cell in notebook.cells:
        if meta := nbgrader_meta(cell):
            meta["grade_id"] = f"hw9_{meta['grade_id']}"
        cell.source = re.sub(r"^def (\w+)\(", r"def hw9_\1(", cell.source, flags=re.MULTILINE)
    return notebook


def class_of_cases(
    assignment: Assignment, source: nbformat.NotebookNode, hostile_too: bool = False
) -> dict[str, nbformat.NotebookNode | bytes]:
    """Every submission of an assignment's class run: a notebook, or raw bytes for files that are not one.

    Each assignment has its honest copy, mutants and other correct answers. The hostile
    fixtures target the sandbox, not an assignment: the suite grades them with the tiny
    course's class run (`hostile_too`), the soak with whichever of HOSTILE_ASSIGNMENTS it grades.
    """
    cases: dict[str, nbformat.NotebookNode | bytes] = {"honest": source}
    cases |= {student: mutated(source, *changes) for student, changes in mutants_of(assignment).bundles().items()}
    if not hostile_too:
        return cases
    assert assignment.name in HOSTILE_ASSIGNMENTS, f"the hostile fixtures replace functions {assignment.name} lacks"
    cases |= {path.stem: hostile(source, path.stem) for path in sorted(HOSTILE.glob("*.py"))}
    cases |= {path.stem: path.read_bytes() for path in sorted(HOSTILE.glob("*.ipynb"))}
    cases |= {
        "solution_cell_raises": mutated(
            source,
            Change(
                "import_error",
                "make_lexicon",
                "def make_lexicon(",
                "import not_a_module_anywhere\n\n\ndef make_lexicon(",
            ),
        ),
        "test_cells_deleted": without_test_cells(source),
        "test_cells_edited": tests_edited_to_pass(source),
        "duplicate_cell_ids": duplicate_cell_ids(source),
        "display_hook_silenced": display_hook_silenced(source),
        "display_updated_by_id": with_cells(
            source,
            'from IPython.display import display\n\nshown = display("epoch 1", display_id=True)\n',
            'shown.update("epoch 2")\n',
        ),
        "another_assignments_notebook": another_assignments(source),
        "cell_roles_changed": roles_changed(source),
    }
    return cases


ONE_WORKER, TWO_WORKERS = ("--workers", "1"), ("--workers", "2")
"""A real assignment's class run takes one worker: each grading keeps a core busy, and the suite runs two tests at a
time (pytest-xdist), so two class runs side by side fill the machine's two cores; with two workers each, four
gradings shared two cores, slowed each other's time-limited checks, and every worker trained the reference once.
The tiny course's run takes two, to grade on more than one worker: its gradings are light."""
HOSTILE_LIMITS = ("--call-time-limit", "15")
"""The tiny course's functions answer in milliseconds: its hostile loops meet a limit of 15 s, not the default 60."""


def class_run(assignment: Assignment, folder: Path) -> tuple[list[str], list[str]]:
    """An assignment's class run as the suite grades it, written in nbgrader's layout under `folder`.

    Returns the students and the options of `autograder grade` (its other options are the caller's):
    tests/support/fixtures.py grades it for the tests, tests/tools/snapshot.py to record results.
    """
    source = nbformat.read(assignment.source_notebook, as_version=4)
    hostile_too = assignment.root == TINY_COURSE
    cases = {**class_of_cases(assignment, source, hostile_too), "blank": assignment.release_notebook.read_bytes()}
    for student, case in cases.items():
        path = folder / student / assignment.name / f"{assignment.name}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_bytes(case) if isinstance(case, bytes) else nbformat.write(case, path)
    special = special_files(assignment, folder) if hostile_too else []
    return [*cases, *special], [*TWO_WORKERS, *HOSTILE_LIMITS] if hostile_too else list(ONE_WORKER)


SPECIAL_FILES = ("link_to_the_reference", "folder_link_to_the_source", "fifo_named_as_a_notebook")
"""What a student's side can leave where a class is collected, besides a file: each must be refused unread."""


def special_files(assignment: Assignment, folder: Path) -> list[str]:
    """SPECIAL_FILES in nbgrader's layout under `folder`: a link to the instructor's notebook, a link to the
    instructor's folder in place of the assignment's, and a FIFO, which blocks whoever opens it to read."""
    notebook = f"{assignment.name}.ipynb"
    for student in SPECIAL_FILES:
        (folder / student).mkdir()
    (folder / "link_to_the_reference" / assignment.name).mkdir()
    (folder / "link_to_the_reference" / assignment.name / notebook).symlink_to(assignment.source_notebook)
    (folder / "folder_link_to_the_source" / assignment.name).symlink_to(assignment.source_notebook.parent)
    (folder / "fifo_named_as_a_notebook" / assignment.name).mkdir()
    os.mkfifo(folder / "fifo_named_as_a_notebook" / assignment.name / notebook)
    return list(SPECIAL_FILES)
