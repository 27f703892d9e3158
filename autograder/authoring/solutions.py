"""solutions/<name>.py, derived from the source notebook: its solution cells, and the names they need.

The grader loads the reference from this file (it is never installed where students could
import it). Each function in it is, to the character, one solution cell without its
BEGIN/END SOLUTION lines; above them stand the imports and names of the notebook's given
cells that the solution cells use (directly or through each other), in notebook order.
"""

import ast
import symtable
import sys

import nbformat

from autograder.course import Assignment, AssignmentError
from autograder.notebook.cells import nbgrader_meta, runnable_cells, without_solution_markers

HEADER = '''"""Reference solutions of the graded functions of the `{name}` assignment.

Written by `autograder sync {name}` from the solution cells of
source/{name}/{name}.ipynb: edit the notebook, then sync. The names above
the functions are those of the notebook's given cells that the solutions use.
"""
'''


def _free_names(code: str) -> set[str]:
    """The global names `code` reads: those its top level uses, and those its functions use but do not bind."""
    names: set[str] = set()
    tables = [symtable.symtable(code, "<cell>", "exec")]
    while tables:
        table = tables.pop()
        for symbol in table.get_symbols():
            top = table.get_type() == "module"
            if symbol.is_referenced() and (symbol.is_global() if not top else not symbol.is_assigned()):
                names.add(symbol.get_name())
        tables.extend(table.get_children())
    return names


def _bound_names(statement: ast.stmt) -> set[str]:
    if isinstance(statement, ast.Import | ast.ImportFrom):
        return {(alias.asname or alias.name).split(".")[0] for alias in statement.names}
    if isinstance(statement, ast.FunctionDef | ast.ClassDef):
        return {statement.name}
    if isinstance(statement, ast.Assign | ast.AnnAssign):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        return {node.id for target in targets for node in ast.walk(target) if isinstance(node, ast.Name)}
    return set()


def _import_of(statement: ast.Import | ast.ImportFrom, needed: set[str]) -> str:
    """The import statement cut down to the names that are needed."""
    kept = [alias for alias in statement.names if (alias.asname or alias.name).split(".")[0] in needed]
    names = ", ".join(alias.name + (f" as {alias.asname}" if alias.asname else "") for alias in kept)
    if isinstance(statement, ast.ImportFrom):
        return f"from {'.' * statement.level}{statement.module or ''} import {names}"
    return f"import {names}"


def _prelude(given: list[str], solutions: list[str]) -> list[str]:
    """The given cells' imports and top-level definitions that the solutions need, in notebook order."""
    statements = [(statement, source) for source in given for statement in ast.parse(source).body]
    needed = set().union(*(_free_names(code) for code in solutions))
    chosen: list[int] = []
    changed = True
    while changed:  # a chosen definition may need more names, e.g. nlp = spacy.blank("en") needs spacy
        changed = False
        for index, (statement, _) in enumerate(statements):
            if index not in chosen and _bound_names(statement) & needed:
                chosen.append(index)
                needed |= _free_names(ast.unparse(statement))
                changed = True
    imports, definitions = [], []
    for index in sorted(chosen):
        statement, source = statements[index]
        if isinstance(statement, ast.Import | ast.ImportFrom):
            imports.append(statement)
        else:
            definitions.append(ast.get_source_segment(source, statement))
    return [*_import_sections(imports, needed), "\n".join(definitions)]


def _import_sections(imports: list[ast.Import | ast.ImportFrom], needed: set[str]) -> list[str]:
    """The imports as isort writes them: the standard library's first, then the rest; `import x` before `from`."""

    def module(statement: ast.Import | ast.ImportFrom) -> str:
        return statement.module or "" if isinstance(statement, ast.ImportFrom) else statement.names[0].name

    def order(statement: ast.Import | ast.ImportFrom) -> tuple[bool, str]:
        return isinstance(statement, ast.ImportFrom), module(statement)

    standard = [s for s in imports if module(s).split(".")[0] in sys.stdlib_module_names]
    others = [s for s in imports if s not in standard]
    return ["\n".join(_import_of(s, needed) for s in sorted(section, key=order)) for section in (standard, others)]


def solutions_module(assignment: Assignment, notebook: nbformat.NotebookNode) -> str:
    """The text of solutions/<name>.py for `notebook`, the assignment's source notebook."""
    solutions, given = [], []
    for cell in runnable_cells(notebook):
        if nbgrader_meta(cell).get("solution"):
            code = without_solution_markers(cell.source)
            function = nbgrader_meta(cell)["grade_id"]
            _check_defines(code, function)
            solutions.append(code)
        else:
            given.append(cell.source)
    prelude = "\n\n".join(part for part in _prelude(given, solutions) if part)
    functions = "\n\n\n".join(code.strip("\n") for code in solutions)
    return HEADER.format(name=assignment.name) + (f"\n{prelude}\n" if prelude else "") + f"\n\n{functions}\n"


def _check_defines(code: str, function: str) -> None:
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise AssignmentError(f"the solution cell {function!r} is not valid Python: {error}") from None
    defined = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    if function not in defined:
        raise AssignmentError(
            f"the solution cell {function!r} must define a function {function}(...) (it defines {defined or 'none'})"
        )
