"""Each cell's role comes from the assignment, never from the submission: nbgrader's overwrite_cells, for the kit.

A cell's role (answer, test, given, skipped by the grader) is in its metadata, which a student
can change by accident or on purpose: an answer cell turned into a test cell would be skipped
and its function lost. A submitted cell whose grade_id is the assignment's gets that cell's
type, nbgrader metadata and `autograder-skip` tag back; any other cell is the student's own,
run and never skipped. Sources are left as the student wrote them.
"""

import copy

import nbformat

from autograder.notebook.cells import SKIP_TAG, nbgrader_meta

ROLE_KEYS = ("grade", "solution", "locked", "task")
"""The nbgrader metadata that make a cell's role; the others (its release checksum, points) are left alone."""


def _role(cell: nbformat.NotebookNode) -> tuple:
    meta = nbgrader_meta(cell)
    return cell.cell_type, tuple(meta.get(key) for key in ROLE_KEYS), SKIP_TAG in _tags(cell)


def _tags(cell: nbformat.NotebookNode) -> list:
    tags = cell.get("metadata", {}).get("tags", [])
    return tags if isinstance(tags, list) else []


def _recast(cell: nbformat.NotebookNode, cell_type: str) -> nbformat.NotebookNode:
    """The cell as a cell of `cell_type`, with its source, metadata and id."""
    make = {"code": nbformat.v4.new_code_cell, "markdown": nbformat.v4.new_markdown_cell}.get(
        cell_type, nbformat.v4.new_raw_cell
    )
    recast = make(cell.get("source", ""), metadata=cell.get("metadata", {}))
    if "id" in cell:
        recast["id"] = cell["id"]
    return recast


def restore_roles(submitted: nbformat.NotebookNode, source: nbformat.NotebookNode) -> list[str]:
    """Give `submitted`'s cells their roles from `source` (in place); a note naming the cells whose role changed."""
    ours = {meta["grade_id"]: cell for cell in source.cells if (meta := nbgrader_meta(cell)).get("grade_id")}
    restored = []
    for index, cell in enumerate(submitted.cells):
        grade_id = nbgrader_meta(cell).get("grade_id")
        mine = ours.get(grade_id) if type(grade_id) is str else None
        if mine is None:  # the student's own cell: the grader runs it
            if SKIP_TAG in _tags(cell):
                cell.metadata["tags"] = [tag for tag in _tags(cell) if tag != SKIP_TAG]
            continue
        if _role(cell) == _role(mine):
            continue
        restored.append(grade_id)
        if cell.cell_type != mine.cell_type:
            cell = submitted.cells[index] = _recast(cell, mine.cell_type)
        role = {key: copy.deepcopy(value) for key, value in nbgrader_meta(mine).items() if key in ROLE_KEYS}
        cell.setdefault("metadata", {})["nbgrader"] = {**nbgrader_meta(cell), **role}
        skipped = [SKIP_TAG] if SKIP_TAG in _tags(mine) else []
        cell.metadata["tags"] = [tag for tag in _tags(cell) if tag != SKIP_TAG] + skipped
    if not restored:
        return []
    return [
        f"Cell roles restored from the assignment: {', '.join(dict.fromkeys(restored))} (the submission had changed"
        " their type, nbgrader metadata or autograder-skip tag; each is graded as the assignment's cell)."
    ]
