"""docs/architecture.md's layers hold: every module of the kit imports only from layers below its own, and the probe
package, copied into the student's box, imports only what the box has.

The layers are read from the page's table, so the page and the code cannot drift apart. Imports are
read with `ast`, inside functions too (the commands import their libraries lazily).
"""

import re
import sys
from pathlib import Path

from support import REPO
from support.imports import absolute_imports

PAGE = REPO / "docs" / "architecture.md"
PACKAGE = REPO / "autograder"
PROBES = PACKAGE / "probes"
BOX_LIBRARIES = {"numpy", "keras", "tensorflow"}
"""What the student's box has besides the standard library, for the probe package (its __init__.py)."""
ROW = re.compile(r"^\| (\w+) \| ((?:`[\w.*]+`(?:, )?)+) \|")


def layers() -> dict[str, int]:
    """Each package or module named in the page's table (`assignments.*`: an assignment's package), by its
    layer's height: the table's last row is 0."""
    rows = [ROW.match(line) for line in PAGE.read_text(encoding="utf-8").splitlines()]
    names = [re.findall(r"`([\w.*]+)`", row[2]) for row in rows if row]
    return {name: len(names) - 1 - height for height, row in enumerate(names) for name in row}


def placed(module: str, table: dict[str, int]) -> str:
    """The table's name for a module of the kit: its top-level package or module, or `assignments.*`."""
    parts = module.split(".")[1:]
    if parts[:1] == ["assignments"] and len(parts) > 1:
        return "assignments.*"
    return parts[0] if parts else "autograder"


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(path: Path) -> set[str]:
    """The kit's modules that a file imports, wherever the import statement stands."""
    return {name for name in absolute_imports(path) if name.startswith("autograder.")}


def test_every_package_and_module_of_the_kit_has_a_layer():
    table = layers()
    assert {placed(module, table) for module in modules() if module != "autograder"} == set(table)


def test_every_import_points_down():
    table = layers()
    upward = [
        f"{module} ({placed(module, table)}) imports {name} ({placed(name, table)})"
        for module, path in modules().items()
        if module != "autograder"
        for name in sorted(imported(path))
        if placed(name, table) != placed(module, table) and table[placed(name, table)] >= table[placed(module, table)]
    ]
    assert upward == [], "imports that do not point to a lower layer of docs/architecture.md:\n" + "\n".join(upward)


def test_the_probe_package_imports_only_what_the_students_box_has():
    """The box gets the package's own .py files (sandbox/kernel.py), not the kit: it is flat, and imports the standard
    library, NumPy, Keras and TensorFlow, and its own modules by relative imports only."""
    assert [path for path in PROBES.rglob("*.py") if path.parent != PROBES] == []
    allowed = set(sys.stdlib_module_names) | BOX_LIBRARIES
    foreign = []
    for path in sorted(PROBES.glob("*.py")):
        names = sorted(absolute_imports(path))
        foreign += [f"{path.name} imports {name}" for name in names if name.partition(".")[0] not in allowed]
    assert foreign == [], "imports of autograder/probes/ that the student's box does not have:\n" + "\n".join(foreign)
