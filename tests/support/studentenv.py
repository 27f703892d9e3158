"""A student's machine, as far as the tests need one: a fresh venv with only the student pack's requirements.

The kit's own packages (autograder, kitdata, nbgrader, dask) are not in it, so a notebook that
imports them fails there as it would for a student. Notebooks run in a Jupyter kernel of that
venv, started from this process with nbclient.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

from autograder.course import Assignment
from autograder.notebook.cells import cell_by_grade_id, nbgrader_meta, without_solution_markers
from support.kit import AUTOGRADER, require_data_dir

KERNEL_NAME = "student"


def make_student_venv(folder: Path, requirements: list[str]) -> Path:
    """A venv in `folder` with exactly `requirements` (and what they pull in); its python."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    # pip compiles every module it installs (half of its minute, TensorFlow's thousands of files);
    # importing what the notebooks import compiles only those, once, whatever PYTHONDONTWRITEBYTECODE says.
    install = ["install", "--quiet", "--disable-pip-version-check", "--no-compile", *requirements]
    done = subprocess.run([str(python), "-m", "pip", *install], capture_output=True, text=True)
    assert done.returncode == 0, f"pip install of the student requirements failed:\n{done.stdout}\n{done.stderr}"
    writing = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    imports = "import ipykernel.kernelapp, keras, numpy, pandas, spacy, tensorflow"
    subprocess.run([str(python), "-c", imports], env=writing, capture_output=True, check=True)
    spec = folder / "share" / "jupyter" / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "student", "language": "python"}))
    return python


def pack(assignment: Assignment, out: Path) -> Path:
    """`autograder pack`: the files an instructor hands out (notebook, data, requirements) in `out`."""
    require_data_dir()
    done = subprocess.run([*AUTOGRADER, "pack", assignment.name, "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def completed(assignment: Assignment) -> nbformat.NotebookNode:
    """The released notebook with every solution cell filled in with the reference's code, as a student would hand it in."""
    notebook = nbformat.read(assignment.release_notebook, as_version=4)
    source = assignment.source()
    for cell in notebook.cells:
        if nbgrader_meta(cell).get("solution"):
            cell.source = without_solution_markers(cell_by_grade_id(source, nbgrader_meta(cell)["grade_id"]).source)
    return notebook


def student_env(extra: dict[str, str]) -> dict[str, str]:
    """A student's environment: none of the grader's settings (KIT_DATA_DIR, KIT_CACHE_DIR, ...) pass."""
    kept = {name: os.environ[name] for name in ("PATH", "LANG", "TZ") if name in os.environ}
    return {**kept, "HOME": os.environ.get("HOME", "/tmp"), "TF_CPP_MIN_LOG_LEVEL": "3", **extra}


def run_notebook(venv: Path, notebook: nbformat.NotebookNode, cwd: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Run every cell of `notebook` top to bottom in a kernel of `venv`; errors are kept in the outputs."""
    manager = AsyncKernelManager(
        kernel_name=KERNEL_NAME,
        kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(venv / "share/jupyter/kernels")]),
    )
    client = NotebookClient(notebook, km=manager, timeout=900, allow_errors=True)
    with client.setup_kernel(env=env, cwd=str(cwd), cleanup_kc=True):  # nbclient keeps a kernel it did not start
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
    return notebook


def errors(notebook: nbformat.NotebookNode) -> list[str]:
    """'<grade id>: Name: message' for each cell that raised."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                label = cell.metadata.get("nbgrader", {}).get("grade_id", cell.get("id"))
                found.append(f"{label}: {output.ename}: {output.evalue}")
    return found
