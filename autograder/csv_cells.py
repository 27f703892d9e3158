"""CSV cells a spreadsheet will not run: OWASP's advice against CSV injection, undone when the kit reads its own files.

A student id or a file name comes from the student's side, and a spreadsheet that opens
grades.csv runs a cell such as `=HYPERLINK(...)` as a formula. Every cell the kit writes that
starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which spreadsheets
show as text; so does a cell that already starts with `'`, so that reading takes exactly one away.
"""

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def neutral(cell: object) -> str:
    """The cell as the kit writes it."""
    text = str(cell)
    return f"'{text}" if text.startswith(TRIGGERS) else text


def original(cell: str) -> str:
    """The cell as it was before `neutral`."""
    return cell[1:] if cell.startswith("'") else cell
