"""A solution cell as the tokens that say what it does, whatever names and layout the student chose.

Python's own `tokenize` splits the cell, so that the tokens are exactly the
language's; `ast` says which names the cell binds (variables, parameters, its own
functions). Those become one token, `V`: a consistent renaming changes nothing. Names
the cell only uses (`np`, `Counter`, `len`), attributes (`.bincount`) and keyword
arguments (`minlength=`) keep their text, since which library a student calls is part
of what they wrote. Layout (line breaks, indentation, a trailing comma, the quotes of a
string), comments and docstrings leave no token.

Each token keeps its place in the cell's source, so that a match can be shown in the
code as the student wrote it.
"""

import ast
import builtins
import io
import keyword
import re
import tokenize
import warnings
from dataclasses import dataclass

VARIABLE = "V"
MAGIC = re.compile(r"^[ \t]*[%!].*$", re.MULTILINE)  # IPython magics and shell escapes, in a cell that is not Python
DROPPED = {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER}
OPENING, CLOSING = {"(", "[", "{"}, {")", "]", "}"}
BUILTINS = frozenset(dir(builtins))


@dataclass(frozen=True)
class Token:
    text: str
    """The normalized text: `V` for a name the cell binds, a literal's value, else the token itself."""
    start: int
    end: int
    """Character offsets of the token in the cell's source."""


Line = tuple[Token, ...]


@dataclass(frozen=True)
class Normalized:
    lines: tuple[Line, ...]
    """The cell's logical lines (statements), without docstrings; none is empty."""
    parsed: bool
    """False when the cell is not valid Python: every name but attributes, keyword arguments and builtins became `V`."""


def _raw_tokens(code: str) -> list[tokenize.TokenInfo]:
    """The cell's tokens, up to the first place where tokenize gives up (an unclosed bracket, a bad dedent)."""
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            found.append(token)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def _bound_positions(code: str) -> set[tuple[int, int]] | None:
    """(line, byte column) of every occurrence of a name the cell binds; None when the cell does not parse.

    Names bound by an import are not counted: `np` is `np` whether the student imported
    numpy or took it from the setup cell.
    """
    try:
        with warnings.catch_warnings():  # a student's `1if x else 2` warns; the warning is no concern here
            warnings.simplefilter("ignore")
            tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # ValueError: a null byte
        return None
    bound: set[str] = set()
    names: list[ast.Name] = []
    arguments: list[ast.arg] = []
    for node in ast.walk(tree):  # one walk: it is most of the time a cell takes
        if isinstance(node, ast.Name):
            names.append(node)
            if not isinstance(node.ctx, ast.Load):
                bound.add(node.id)
        elif isinstance(node, ast.arg):
            arguments.append(node)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    bound.update(argument.arg for argument in arguments)
    return {(node.lineno, node.col_offset) for node in [*arguments, *(name for name in names if name.id in bound)]}


def _literal(text: str) -> str:
    """A string or number by its value, so that 'a' and "a", or 1_000 and 1000, are one token."""
    if text.isdigit():
        return text  # a decimal integer is written one way (int() would refuse one of 5,000 digits)
    quotes = 3 if text[:3] in ('"""', "'''") else 1
    if text[0] in "'\"" and "\\" not in text:  # a plain string: its value is what stands between the quotes
        return repr(text[quotes:-quotes])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return repr(ast.literal_eval(text))
    except (ValueError, SyntaxError, MemoryError, RecursionError):  # ValueError: also a huge number
        return text  # an f-string, or a literal Python cannot evaluate alone


def _is_renamed(
    tokens: list[tokenize.TokenInfo], i: int, code_lines: list[str], bound: set[tuple[int, int]] | None, depth: int
) -> bool:
    token = tokens[i]
    previous = tokens[i - 1].string if i else ""
    if keyword.iskeyword(token.string) or previous == ".":
        return False
    if previous in ("def", "class"):
        return True
    row, col = token.start
    if bound is not None:
        return (row, len(code_lines[row - 1][:col].encode("utf-8"))) in bound or (
            previous == "as" and tokens[0].string == "except"
        )
    following = tokens[i + 1].string if i + 1 < len(tokens) else ""
    return token.string not in BUILTINS and not (depth and following == "=")


def _statements(tokens: list[tokenize.TokenInfo]) -> list[list[tokenize.TokenInfo]]:
    """Tokens split into logical lines at NEWLINE and `;`, layout tokens dropped."""
    lines: list[list[tokenize.TokenInfo]] = [[]]
    for token in tokens:
        if token.type == tokenize.NEWLINE or token.string == ";":
            lines.append([])
        elif token.type not in DROPPED and token.string.strip():
            lines[-1].append(token)
    return [line for line in lines if line]


def normalize(source: str) -> Normalized:
    """The cell's statements as normalized tokens (see the module's docstring)."""
    code, bound = source, _bound_positions(source)
    if bound is None and MAGIC.search(source):  # blanked in place, so that the other tokens keep their offsets
        code = MAGIC.sub(lambda magic: " " * len(magic[0]), source)
        bound = _bound_positions(code)
    code_lines = code.split("\n")
    line_starts = [0]
    for line in code_lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    normalized = []
    for statement in _statements(_raw_tokens(code)):
        if all(token.type == tokenize.STRING for token in statement):
            continue  # a docstring, or a string standing alone as a comment
        depth = 0
        line: list[Token] = []
        for i, token in enumerate(statement):
            depth += (token.string in OPENING) - (token.string in CLOSING)
            if token.type == tokenize.NAME:
                text = VARIABLE if _is_renamed(statement, i, code_lines, bound, depth) else token.string
            elif token.type in (tokenize.STRING, tokenize.NUMBER):
                text = _literal(token.string)
            elif token.string == "," and i + 1 < len(statement) and statement[i + 1].string in CLOSING:
                continue  # a trailing comma is layout
            else:
                text = token.string
            (row, col), (end_row, end_col) = token.start, token.end
            line.append(Token(text, line_starts[row - 1] + col, line_starts[end_row - 1] + end_col))
        normalized.append(tuple(line))
    return Normalized(tuple(normalized), parsed=bound is not None)
