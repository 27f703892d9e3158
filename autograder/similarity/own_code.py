"""What a student wrote in a solution cell beyond the starter code they were given.

A statement of the cell that, normalized, is a statement of the released stub (the
`def` line, a `raise NotImplementedError()` left in place, a line of given code) is
starter code and left out; so are docstrings and comments (tokens.py). Imports go
first, in sorted order, so that reordering them changes nothing.
"""

from autograder.similarity.tokens import Line, Normalized, Token


def texts(line: Line) -> tuple[str, ...]:
    return tuple(token.text for token in line)


def _is_import(line: Line) -> bool:
    return line[0].text in ("import", "from")


def own_tokens(cell: Normalized, starter: Normalized) -> tuple[Token, ...]:
    """The cell's tokens without the stub's statements; the imports first, sorted."""
    given = {texts(line) for line in starter.lines}
    lines = [line for line in cell.lines if texts(line) not in given]
    imports = sorted((line for line in lines if _is_import(line)), key=texts)
    return tuple(token for line in [*imports, *(line for line in lines if not _is_import(line))] for token in line)
