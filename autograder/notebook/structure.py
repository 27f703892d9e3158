"""How a submission's cells differ from the assignment's: said in the results, never held against it.

The grader runs its own copies of the tests, so a deleted or edited test cell
changes nothing about the score; the notes tell the instructor it happened. A
notebook with none of the assignment's answer cells is most likely the notebook of
another assignment, and the note says so next to the zero.
"""

import nbformat

from autograder.notebook.cells import nbgrader_meta, visible_part


def _cells_by_grade_id(notebook: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {meta["grade_id"]: cell for cell in notebook.cells if (meta := nbgrader_meta(cell)).get("grade_id")}


def structure_notes(submitted: nbformat.NotebookNode, source: nbformat.NotebookNode, assignment: str) -> list[str]:
    """Sentences about answer cells and test cells that are missing or edited in `submitted`."""
    theirs, ours = _cells_by_grade_id(submitted), _cells_by_grade_id(source)
    answers = [grade_id for grade_id, cell in ours.items() if nbgrader_meta(cell).get("solution")]
    tests = [
        grade_id
        for grade_id, cell in ours.items()
        if nbgrader_meta(cell).get("grade") and not nbgrader_meta(cell).get("solution")
    ]
    if answers and not any(grade_id in theirs for grade_id in answers):
        other = f"This notebook has none of the answer cells of {assignment} ({', '.join(answers)})"
        return [f"{other}: is it the notebook of another assignment?"]
    notes = []
    if missing := [grade_id for grade_id in answers if grade_id not in theirs]:
        notes.append(f"Answer cells missing: {', '.join(missing)}.")
    if deleted := [grade_id for grade_id in tests if grade_id not in theirs]:
        notes.append(f"Test cells deleted: {', '.join(deleted)}. The grader runs its own copy of every test.")
    edited = [
        grade_id
        for grade_id in tests
        if grade_id in theirs
        and visible_part(theirs[grade_id].source).strip() != visible_part(ours[grade_id].source).strip()
    ]
    if edited:
        notes.append(f"Test cells edited: {', '.join(edited)}. The grader runs its own copy of every test.")
    return notes
