"""A student's notebook in a real JupyterLab, served from the student's venv (only the student pack's requirements).

The browser does what a student does: open the notebook from the student pack's folder and
choose Run > Run All Cells. What ran is read back from the notebook JupyterLab saves, so the
checks do not depend on how JupyterLab draws its cells.
"""

import json
import re
import time
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, expect
from support.browser import jupyter_server
from support.studentenv import completed, pack, student_env

from autograder.course import get
from autograder.notebook.cells import nbgrader_meta

ASSIGNMENT = get("rnn_basics")  # the smallest data: its whole notebook runs in a minute or two
RUN_SECONDS = 900
# JupyterLab draws only the cells in view by default: drawing every cell keeps every prompt readable. It asks
# which kernel to start, where a student would click "Select" for the one the notebook names: that one is started.
NOTEBOOK_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
    }
}


def lab_env(scratch: Path) -> dict[str, str]:
    settings = scratch / "lab-settings"
    for name, values in NOTEBOOK_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    (scratch / "home").mkdir(parents=True, exist_ok=True)
    env = student_env(ASSIGNMENT.quick_run_env)
    return {**env, "HOME": str(scratch / "home"), "JUPYTERLAB_SETTINGS_DIR": str(settings)}


def run_all_and_save(page: Page, address: str, name: str) -> None:
    """Open the notebook, Run > Run All Cells, wait until no cell is queued or running, File > Save Notebook."""
    page.goto(address)
    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=120_000)
    expect(page.locator("#jp-main-statusbar")).to_contain_text("| Idle", timeout=120_000)  # its kernel is up
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    prompts = page.locator(".jp-CodeCell .jp-InputPrompt")
    busy, numbered = prompts.filter(has_text="*"), prompts.filter(has_text=re.compile(r"\[\d+\]"))
    deadline = time.monotonic() + RUN_SECONDS
    while not (numbered.count() and not busy.count()):  # a cell ran, and none is queued or running
        assert time.monotonic() < deadline, f"{name}: cells still queued or running after {RUN_SECONDS} s"
        time.sleep(1)
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Save Notebook")).first.click()  # not "Save Notebook As…"
    expect(page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")).to_have_count(0, timeout=30_000)


def ran(notebook: nbformat.NotebookNode) -> list[tuple[str, int | None, list[str]]]:
    """Each code cell's (grade id or index, execution count, names of the errors it showed)."""
    return [
        (
            nbgrader_meta(cell).get("grade_id") or str(index),
            cell.get("execution_count"),
            [output.ename for output in cell.get("outputs", []) if output.output_type == "error"],
        )
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
    ]


@pytest.fixture
def lab(student_venv, tmp_path):
    """The student pack's folder served by JupyterLab from the student's venv; yields (server, folder)."""
    folder = pack(ASSIGNMENT, tmp_path / "pack")
    python = str(student_venv / "bin" / "python")
    with jupyter_server(folder, tmp_path / "jupyter", python=python, env=lab_env(tmp_path)) as server:
        yield server, folder


def test_run_all_on_the_released_notebook_stops_at_the_test_cell_of_the_first_function(page: Page, lab):
    """The stubs raise NotImplementedError when called: the first call is in the first function's test cell."""
    server, folder = lab
    name = ASSIGNMENT.release_notebook.name
    run_all_and_save(page, server.address(f"lab/tree/{name}"), name)
    cells = ran(nbformat.read(folder / name, as_version=4))
    failed = [index for index, (_, _, errors) in enumerate(cells) if errors]
    assert failed, f"no cell failed: {cells}"
    first = failed[0]
    grade_id, _, errors = cells[first]
    assert (grade_id, errors) == (f"test_{ASSIGNMENT.functions[0]}", ["NotImplementedError"]), cells
    assert all(count is not None and not errors for _, count, errors in cells[:first]), cells[:first]
    assert all(count is None for _, count, _ in cells[first + 1 :]), f"cells ran after the error: {cells[first + 1 :]}"


def test_a_completed_notebook_runs_every_cell_without_an_error(page: Page, lab):
    server, folder = lab
    name = "completed.ipynb"
    nbformat.write(completed(ASSIGNMENT), folder / name)
    run_all_and_save(page, server.address(f"lab/tree/{name}"), name)
    cells = ran(nbformat.read(folder / name, as_version=4))
    assert [c for c in cells if c[1] is None or c[2]] == [], "cells that did not run or raised"
