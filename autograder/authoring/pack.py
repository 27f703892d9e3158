"""The student pack: what an instructor hands out for an assignment, and all a student needs to do it.

    <out>/<name>.ipynb        the released notebook (nbgrader's student version)
    <out>/data/...            the datasets the notebook reads, as the data folder holds them
    <out>/requirements.txt    the packages the notebook imports, pinned to the versions the kit grades with
    <out>/README.txt          how to start

The notebook reads its data from data/ beside it (or from $KIT_DATA_DIR), so the pack runs as
it is. Its imports are checked: a notebook that imports the grader's packages (autograder,
kitdata, the solutions), or anything a student would not have, cannot be packed.
"""

import ast
import importlib.metadata
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from kitdata.paths import dataset_files, resolve_data_dir

from autograder.course import Assignment, AssignmentError
from autograder.notebook.cells import nbgrader_meta

KIT_DISTRIBUTION = "rnn-sentiment-kit"
# What a student installs for each module a notebook may import; a student always gets JupyterLab too.
# ml_dtypes comes with TensorFlow anyway: listed, it is pinned as the kit grades with it (pyproject.toml says why).
STUDENT_PACKAGES = {
    "keras": ("keras", "tensorflow-cpu", "ml_dtypes"),
    "tensorflow": ("tensorflow-cpu", "ml_dtypes"),
    "numpy": ("numpy",),
    "pandas": ("pandas",),
    "spacy": ("spacy",),
    "matplotlib": ("matplotlib",),
}
ALWAYS = ("jupyterlab",)
README = """{name}: the notebook, its data and what it needs.

1. Install Python 3.11, then in this folder:
       python3.11 -m venv .venv
       .venv/bin/pip install -r requirements.txt        (Windows: .venv\\Scripts\\pip ...)
2. Start JupyterLab and open the notebook:
       .venv/bin/jupyter lab {name}.ipynb
The notebook reads its data from the folder data/ next to it.
"""


def imported_modules(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """Each top-level module the notebook's code cells import, and the cell (grade id or number) that imports it."""
    found: dict[str, str] = {}
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue  # a student's cell may not parse; the given cells do
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], nbgrader_meta(cell).get("grade_id") or f"#{number}")
    return found


def kit_pins() -> dict[str, str]:
    """The kit's own pinned versions (its distribution's requirements), by distribution name."""
    requirements = importlib.metadata.requires(KIT_DISTRIBUTION) or []
    return {line.split("==")[0].strip().lower(): line.split(";")[0].strip() for line in requirements if "==" in line}


def student_requirements(notebook: nbformat.NotebookNode) -> list[str]:
    """requirements.txt's lines: every package the notebook imports, pinned as the kit pins it."""
    modules = imported_modules(notebook)
    foreign = {
        module: cell
        for module, cell in modules.items()
        if module not in STUDENT_PACKAGES and module not in sys.stdlib_module_names
    }
    if foreign:
        listed = ", ".join(f"{module} (cell {cell})" for module, cell in sorted(foreign.items()))
        raise AssignmentError(
            f"the notebook imports what a student does not install: {listed}. A student has"
            f" {', '.join(sorted(STUDENT_PACKAGES))} and the standard library"
        )
    pins = kit_pins()
    wanted = sorted(
        {package for module in modules if module in STUDENT_PACKAGES for package in STUDENT_PACKAGES[module]}
    )
    lines = [pins.get(package, f"{package}=={importlib.metadata.version(package)}") for package in wanted]
    return lines + [f"{package}=={importlib.metadata.version(package)}" for package in ALWAYS]


def write_pack(assignment: Assignment, out: Path, data_dir: Path | None = None) -> list[Path]:
    """Write the student pack of `assignment` into `out` (which must not exist yet); return its files."""
    if out.exists():
        raise AssignmentError(f"{out} exists already: give a new folder for the pack")
    if not assignment.release_notebook.is_file():
        raise AssignmentError(f"{assignment.release_notebook} is missing: run `autograder sync {assignment.name}`")
    notebook = nbformat.read(assignment.release_notebook, as_version=4)
    requirements = student_requirements(notebook)
    data_dir = resolve_data_dir(data_dir)
    datasets = [path for name in assignment.declaration.datasets for path in dataset_files(name, data_dir)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.", dir=out.parent) as scratch:
        staged = Path(scratch, "pack")
        (staged / "data").mkdir(parents=True)
        shutil.copy(assignment.release_notebook, staged / assignment.release_notebook.name)
        for path in datasets:
            target = staged / "data" / path.relative_to(data_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        (staged / "requirements.txt").write_text("\n".join(requirements) + "\n", encoding="utf-8")
        (staged / "README.txt").write_text(README.format(name=assignment.name), encoding="utf-8")
        staged.rename(out)
    return sorted(path for path in out.rglob("*") if path.is_file())
