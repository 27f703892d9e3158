"""What a Python file imports, read with `ast` (imports inside functions too), for the tests that hold imports to a rule."""

import ast
from pathlib import Path


def absolute_imports(path: Path) -> set[str]:
    """Every module a file imports absolutely, and for `from M import n` also "M.n" (n may be a module)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return names
