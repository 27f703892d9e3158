"""One assignment: its files under the course root, and what they say about it.

The source notebook is the one truth for the graded functions (its solution cells, in
order) and for the examples students see (the visible part of each test cell); the
package's declaration adds what the notebook cannot say.
"""

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import nbformat

from autograder.course.declaration import Declaration
from autograder.notebook.cells import cell_by_grade_id, nbgrader_meta, visible_part


class AssignmentError(ValueError):
    """An assignment's files do not fit together; str() names the file or cell to fix."""


@dataclass(frozen=True)
class Assignment:
    name: str
    root: Path
    declaration: Declaration

    @property
    def package_dir(self) -> Path:
        """autograder/assignments/<name>/: the declaration, the checks, their data and the mutants."""
        return self.root / "autograder" / "assignments" / self.name

    @property
    def checks_dir(self) -> Path:
        return self.package_dir / "checks"

    @property
    def source_notebook(self) -> Path:
        return self.root / "source" / self.name / f"{self.name}.ipynb"

    @property
    def release_notebook(self) -> Path:
        return self.root / "release" / self.name / f"{self.name}.ipynb"

    @property
    def solutions_file(self) -> Path:
        return self.root / "solutions" / f"{self.name}.py"

    @property
    def docs_page(self) -> Path:
        return self.root / "docs" / "assignments" / f"{self.name}.md"

    @property
    def models(self) -> tuple[str, ...]:
        return self.declaration.models

    @property
    def quick_run_env(self) -> dict[str, str]:
        """Environment that makes a full "Run all" of the notebook quick (a small data subset), for nbgrader's runs."""
        subset = self.declaration.subset
        return {subset.env: str(subset.quick)} if subset else {}

    @property
    def functions(self) -> tuple[str, ...]:
        """The graded functions: the grade ids of the source notebook's solution cells, in notebook order."""
        return solution_ids(self.source())

    def check_module(self, function: str) -> Path:
        return self.checks_dir / f"test_{function}.py"

    def source(self) -> nbformat.NotebookNode:
        """The instructor's notebook, read once per process: every grading compares with it."""
        if not self.source_notebook.is_file():
            raise AssignmentError(f"{self.name}: its source notebook {self.source_notebook} is missing")
        return _read_notebook(self.source_notebook, self.source_notebook.stat().st_mtime_ns)

    def reference(self) -> ModuleType:
        return _load_reference(self.solutions_file)

    def examples(self, function: str) -> str:
        """The visible asserts of the function's test cell in the instructor's notebook."""
        return visible_part(cell_by_grade_id(self.source(), f"test_{function}").source)


def solution_ids(notebook: nbformat.NotebookNode) -> tuple[str, ...]:
    return tuple(
        meta["grade_id"]
        for cell in notebook.cells
        if (meta := nbgrader_meta(cell)).get("solution") and "grade_id" in meta
    )


@cache
def _read_notebook(path: Path, mtime_ns: int) -> nbformat.NotebookNode:
    """Read once per version of the file: `autograder sync` may rewrite it within the process."""
    return nbformat.read(path, as_version=4)


@cache
def _load_reference(path: Path) -> ModuleType:
    """Load a reference solution by path: it is never installed where students could import it."""
    spec = importlib.util.spec_from_file_location(f"kit_reference_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
